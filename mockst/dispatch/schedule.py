"""Readers of a tenant's schedule that other Dispatch modules (capacity above all) share: time
spans as .NET writes them, the tenant's wall clock, and the shifts and non-job appointments that
fall in a stretch of time.

Dispatch stores a TimeSpan as .NET's invariant text (``"02:00:00"``, ``"1.00:00:00"`` past a day)
and reads ``"hh:mm"`` and ``"hh:mm:ss"`` too (scheduling facts §15 U19). Repeats are expanded on
the tenant's wall clock (its time zone, set per tenant on the control plane), so a weekly 8:00
shift stays at 8:00 across a change of daylight time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from mockst.api.listing import stamp_order, wire_instant
from mockst.api.operation import TenantContext
from mockst.encoding import format_timespan, parse_datetime, parse_timespan
from mockst.identity.model import Tenant
from mockst.store.table import Row

SHIFTS = "technician_shifts"
NON_JOB_APPOINTMENTS = "non_job_appointments"
ARRIVAL_WINDOWS = "arrival_windows"
BUSINESS_HOURS = "business_hours"
BUSINESS_HOURS_ID = 1  # the tenant's one row

DAY = 86_400


def timespan_seconds(text: str) -> int:
    """``"[d.]hh:mm[:ss[.fffffff]]"`` as whole seconds (a fraction is dropped); ValueError when
    malformed or a part is out of range (hours 0-23, minutes and seconds 0-59)."""
    seconds = parse_timespan(text) if isinstance(text, str) else None
    if seconds is None:
        raise ValueError(f"'{text}' is not a time span such as 02:00 or 02:00:00.")
    return seconds


def timespan_text(seconds: int) -> str:
    """Whole seconds as .NET writes a TimeSpan: ``"hh:mm:ss"``, ``"d.hh:mm:ss"`` from a day."""
    return format_timespan(seconds)


def tenant_zone(ctx: TenantContext) -> ZoneInfo:
    """The tenant's time zone: its days and hours are the ones shifts repeat on. Data seeded
    for a tenant no one onboarded (a bare world in tests) takes the default tenant's."""
    tenant = ctx.world.get_identity("tenant", str(ctx.tenant_id))
    return ZoneInfo(tenant.time_zone if tenant is not None else Tenant.time_zone)


def local(moment: datetime, zone: ZoneInfo) -> datetime:
    """An instant on a wall clock."""
    return moment.astimezone(zone)


def utc(wall: datetime, zone: ZoneInfo) -> datetime:
    """A wall-clock time (naive, or in ``zone``) as a UTC instant."""
    if wall.tzinfo is None:
        wall = wall.replace(tzinfo=zone)
    return wall.astimezone(UTC)


def _overlapping(rows: Iterable[Row], technician_ids: Iterable[int] | None, start: datetime,
                 end: datetime, ends: Any) -> list[Row]:  # fmt: skip
    wanted = set(technician_ids) if technician_ids is not None else None
    low, high = wire_instant(start), wire_instant(end)
    kept = [
        row
        for row in rows
        if row.active
        and (wanted is None or row.get("technicianId") in wanted)
        and stamp_order(row.get("start")) < high
        and ends(row) > low
    ]
    return sorted(kept, key=lambda r: (stamp_order(r.get("start")), r.id))


def shifts_of(ctx: TenantContext, technician_ids: Iterable[int] | None, start: datetime,
              end: datetime) -> list[Row]:  # fmt: skip
    """Active shifts (every type) of these technicians (None: all) that overlap [start, end),
    in start order."""
    return _overlapping(ctx.table(SHIFTS).rows(), technician_ids, start, end,
                        lambda row: stamp_order(row.get("end")))  # fmt: skip


def non_job_end(row: Row) -> datetime:
    """When a non-job appointment ends: its start plus its duration (the calendar's last instant
    for one that would end after it)."""
    start = parse_datetime(row.get("start"))
    try:
        return start + timedelta(seconds=timespan_seconds(row.get("duration")))
    except OverflowError:
        return datetime.max.replace(tzinfo=UTC)


def non_job_appointments_of(ctx: TenantContext, technician_ids: Iterable[int] | None,
                            start: datetime, end: datetime) -> list[Row]:  # fmt: skip
    """Active non-job appointments of these technicians (None: all) overlapping [start, end)."""
    return _overlapping(ctx.table(NON_JOB_APPOINTMENTS).rows(), technician_ids, start, end,
                        lambda row: wire_instant(non_job_end(row)))  # fmt: skip


def arrival_windows_of(ctx: TenantContext) -> list[Row]:
    """The tenant's active arrival windows, earliest first."""
    rows = [r for r in ctx.table(ARRIVAL_WINDOWS).rows() if r.active]
    return sorted(rows, key=lambda r: (timespan_seconds(r.get("start")), r.id))


def business_hours_of(ctx: TenantContext) -> dict[str, list[dict[str, int]]]:
    """``{weekdays, saturday, sunday}`` of ``{fromHour, toHour}``; empty lists when never set."""
    row = ctx.table(BUSINESS_HOURS).get(BUSINESS_HOURS_ID)
    data = row.data if row is not None else {}
    return {day: list(data.get(day) or []) for day in ("weekdays", "saturday", "sunday")}
