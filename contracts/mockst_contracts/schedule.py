"""A tenant's scheduling world: business units, technicians on shifts, job types, campaigns, the
arrival windows capacity is framed by, and jobs already booked into them.

Written in-process through the simulator's own create functions and operation handlers (the rows
have the API's shape and rules, and none of it is in the journal a check reads). Shifts and
arrival windows are written as rows (``put_row``) until Dispatch serves them as resources: that
helper is the one place to switch.

``ScheduleSpec`` is plain data, so hypothesis strategies can draw it
(``mockst_contracts.strategies.schedules``) and ``mockst verify`` can build its booking worlds
from it; ``load_schedule`` puts one into a tenant for a span of local days.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import orjson

from mockst.api import registry
from mockst.api.operation import Call, TenantContext
from mockst.config import Config
from mockst.encoding import format_datetime
from mockst.identity.service import get_tenant
from mockst.store.world import World

CANCEL_REASONS = ("Customer canceled", "Booked by mistake")
ADDRESS = {"street": "500 Depot Rd", "city": "Austin", "state": "TX", "zip": "78701",
           "country": "USA"}  # fmt: skip


@dataclass(frozen=True)
class JobTypeSpec:
    name: str
    units: tuple[int, ...]  # indexes into ScheduleSpec.units
    duration: int = 7200  # seconds


@dataclass(frozen=True)
class Booked:
    """A visit already on the schedule: day (from the first), window, technician, job type."""

    day: int
    window: int
    technician: int
    job_type: int = 0


@dataclass
class ScheduleSpec:
    units: list[str] = field(default_factory=lambda: ["Plumbing Service"])
    technicians: list[tuple[str, int]] = field(
        default_factory=lambda: [("Ana Ruiz", 0), ("Ben Cho", 0)]
    )  # (name, unit index)
    job_types: list[JobTypeSpec] = field(
        default_factory=lambda: [JobTypeSpec("Drain Cleaning", (0,), 5400)]
    )
    campaigns: list[str] = field(default_factory=lambda: ["Website"])
    windows: list[tuple[int, int]] = field(default_factory=lambda: [(8, 4), (12, 4)])
    shift: tuple[int, int] = (8, 17)  # every technician's Normal shift, local hours, each day
    booked: list[Booked] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        # worded for the report's "World:" line
        return {"business units": len(self.units), "technicians": len(self.technicians),
                "job types": len(self.job_types), "campaigns": len(self.campaigns),
                "booked visits": len(self.booked)}  # fmt: skip


def busy(spec: ScheduleSpec, days: int, open_frames: set[tuple[int, int]]) -> ScheduleSpec:
    """``spec`` with every technician booked in every frame of ``days`` days but ``open_frames``
    (``(day, window)``): a busy week with a few frames left."""
    booked = [
        Booked(day, window, tech)
        for day in range(days)
        for window in range(len(spec.windows))
        if (day, window) not in open_frames
        for tech in range(len(spec.technicians))
    ]
    return ScheduleSpec(spec.units, spec.technicians, spec.job_types, spec.campaigns,
                        spec.windows, spec.shift, [*spec.booked, *booked])  # fmt: skip


@dataclass(frozen=True)
class ScheduleIds:
    """What ``load_schedule`` made, by the spec's indexes."""

    units: list[int]
    technicians: list[int]
    job_types: list[int]
    campaigns: list[int]
    customer: int  # the customer the booked visits are for
    location: int
    jobs: list[int]


def put_row(ctx: TenantContext, table: str, **data: Any) -> int:
    """A row written as the API would show it. Only for the tables Dispatch does not yet create
    through its API (technician shifts, arrival windows); switch here when it does."""
    stamp = format_datetime(ctx.now)
    ident = ctx.world.new_id()
    ctx.table(table).insert(ident, {"id": ident, "active": True, "createdOn": stamp,
                                    "modifiedOn": stamp, **data}, ctx.now)  # fmt: skip
    return ident


def _handler_call(world: World, tenant_id: int, config: Config) -> Callable[..., Any]:
    """Calls an operation's handler in-process, its body validated as a request's would be."""
    ops = {op.operation_id: op for op in registry.operations()}

    def call(operation_id: str, body: dict[str, Any], **path: Any) -> Any:
        op = ops[operation_id]
        model = op.body.model_validate_json(orjson.dumps(body)) if op.body else None
        return op.handler(Call(world=world, tenant=world.tenant_data(tenant_id),
                               now=world.clock.now(), config=config,
                               principal=None,  # type: ignore[arg-type]  # handlers never read it
                               path=path, query={}, body=model))  # fmt: skip

    return call


def _role(ctx: TenantContext) -> int:
    from mockst.settings.user_roles import create_user_role

    for row in sorted(ctx.table("user_roles").rows(), key=lambda r: r.id):
        if row.active and row.get("name") == "Technician":
            return int(row.id)
    return int(create_user_role(ctx, "Technician", "Technician").id)


def local_span(day: date, hour: int, hours: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """A local span of a day as UTC instants (what capacity's startUtc/endUtc are)."""
    start = datetime.combine(day, time(hour), zone)
    return start.astimezone(UTC), (start + timedelta(hours=hours)).astimezone(UTC)


def load_schedule(world: World, tenant_id: int, spec: ScheduleSpec, first_day: date, days: int,
                  config: Config | None = None) -> ScheduleIds:  # fmt: skip
    """Put ``spec`` into the tenant: shifts on the local days ``first_day - 1`` to
    ``first_day + days`` (a day either side, so no frame of the window lacks one), booked visits
    from ``first_day``, in the tenant's own time zone."""
    from mockst.jpm.job_cancel_reasons import JOB_CANCEL_REASONS as CANCEL_REASONS_RESOURCE
    from mockst.jpm.reasons import create_reason
    from mockst.marketing.campaign_categories import create_category
    from mockst.marketing.campaigns import create_campaign
    from mockst.marketing.models.campaigns import CampaignUpsertRequest
    from mockst.settings.business_units import create_business_unit

    config = config or Config()
    zone = ZoneInfo(get_tenant(world, tenant_id).time_zone)
    call = _handler_call(world, tenant_id, config)
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(tenant_id), world.clock.now())
        units = [int(create_business_unit(ctx, name).id) for name in spec.units]
        for reason in CANCEL_REASONS:  # a tenant keeps these in its settings; the API only reads
            create_reason(ctx, CANCEL_REASONS_RESOURCE, reason)
        role = _role(ctx)
        category = int(create_category(ctx, "Online").id)
        campaigns = [int(create_campaign(ctx, CampaignUpsertRequest(
            name=name, businessUnitId=units[0], categoryId=category, active=True)).id)
            for name in spec.campaigns]  # fmt: skip
        techs = [int(call("Technicians_Create", {
            "name": name, "roleId": role, "businessUnitId": units[unit], "positions": [],
            "accountCreationMethod": "CreateLater", "licenseType": "ManagedTech"})["id"])
            for name, unit in spec.technicians]  # fmt: skip
        job_types = [int(call("JobTypes_Create", {
            "name": jt.name, "businessUnitIds": [units[u] for u in jt.units],
            "duration": jt.duration})["id"]) for jt in spec.job_types]  # fmt: skip
        for opens, hours in spec.windows:
            put_row(ctx, "arrival_windows", start=f"{opens:02d}:00:00",
                    duration=f"{hours:02d}:00:00", businessUnitIds=units)  # fmt: skip
        low, high = spec.shift
        for offset in range(-1, days + 1):
            day = first_day + timedelta(days=offset)
            start, end = local_span(day, low, high - low, zone)
            for tech in techs:
                put_row(ctx, "technician_shifts", technicianId=tech, shiftType="Normal",
                        title="Normal", start=format_datetime(start),
                        end=format_datetime(end))  # fmt: skip
        made = call("Customers_Create", {"name": "Regular Customer", "type": "Residential",
                                         "address": ADDRESS, "locations": [
                                             {"name": "Home", "address": ADDRESS}]})  # fmt: skip
        customer, location = int(made["id"]), int(made["locations"][0]["id"])
        jobs = []
        for visit in spec.booked:
            hour, hours = spec.windows[visit.window]
            start, end = local_span(first_day + timedelta(days=visit.day), hour, hours, zone)
            tech_unit = spec.technicians[visit.technician][1]
            job = call("Jobs_Create", {
                "customerId": customer, "locationId": location, "businessUnitId": units[tech_unit],
                "jobTypeId": job_types[visit.job_type], "priority": "Normal",
                "campaignId": campaigns[0], "appointments": [{
                    "start": format_datetime(start), "end": format_datetime(end),
                    "technicianIds": [techs[visit.technician]]}]})  # fmt: skip
            jobs.append(int(job["id"]))
    return ScheduleIds(units, techs, job_types, campaigns, customer, location, jobs)


class ScheduleHandle:
    """A test's hand on its tenant's scheduling world (the ``st_schedule`` fixture).

    ``load`` puts a spec in (default: one unit, two technicians on shift 08:00-17:00 local, the
    ``Drain Cleaning`` job type, a campaign, arrival windows 08:00-12:00 and 12:00-16:00) for
    ``days`` local days from ``first`` (default: the day after the simulator's now);
    ``busy_week`` books every frame but ``open_frames``. ``frame(day, window)`` is a frame's true
    UTC start and end, what a careful connector books; ``window`` the UTC span to ask capacity for.
    """

    def __init__(self, world: World, config: Config, tenant_id: int) -> None:
        self.world, self.config, self.tenant_id = world, config, tenant_id
        self.spec = ScheduleSpec()
        self.first = (world.clock.now().astimezone(UTC) + timedelta(days=1)).date()
        self.days = 0
        self.ids: ScheduleIds | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(get_tenant(self.world, self.tenant_id).time_zone)

    def load(self, spec: ScheduleSpec | None = None, *, days: int = 5, first: date | None = None,
             time_zone: str | None = None) -> ScheduleIds:  # fmt: skip
        from mockst.identity.service import set_time_zone

        if time_zone is not None:
            set_time_zone(self.world, self.tenant_id, time_zone)
        self.spec, self.days = spec or ScheduleSpec(), days
        self.first = first or self.first
        self.ids = load_schedule(self.world, self.tenant_id, self.spec, self.first, days,
                                 self.config)  # fmt: skip
        return self.ids

    def busy_week(self, open_frames: set[tuple[int, int]] | None = None, *, days: int = 5,
                  spec: ScheduleSpec | None = None,
                  time_zone: str | None = None) -> ScheduleIds:  # fmt: skip
        """Every technician booked in every frame of ``days`` days but ``open_frames``
        (``(day, window)``; default: the second window of the third day)."""
        frames = {(2, 1)} if open_frames is None else set(open_frames)
        return self.load(busy(spec or ScheduleSpec(), days, frames), days=days,
                         time_zone=time_zone)  # fmt: skip

    def frame(self, day: int, window: int) -> tuple[datetime, datetime]:
        hour, hours = self.spec.windows[window]
        return local_span(self.first + timedelta(days=day), hour, hours, self.zone)

    @property
    def window(self) -> tuple[datetime, datetime]:
        start = datetime.combine(self.first, time(0), UTC)
        return start, start + timedelta(days=self.days)
