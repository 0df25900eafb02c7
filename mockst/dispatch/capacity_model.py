"""How much work a tenant can still take, computed from its state on every request (never stored).

Nothing public says how ServiceTitan computes capacity; this is the model the scheduling facts
propose (§7), each number a setting (``Config.capacity_*``):

1. Frames are built per local day in the tenant's time zone: the active arrival windows of a
   business unit; else the business hours of that weekday; else 08:00 to 17:00. A frame is answered
   when it lies inside the request (compared in UTC).
2. One row per frame per business unit (each unit is its own group): the units asked for, or
   every unit with an active technician.
3. A technician of the unit is Available in a frame when a Normal shift covers part of it, no
   TimeOff shift or non-job appointment that removes them from capacity covers it, and their own
   assigned appointments leave some of the frame free. ``hasRequiredSkills`` is null without a job
   type, else whether they hold every skill the job type names; with ``skillBasedAvailability`` a
   technician without them adds nothing.
4. ``totalAvailability``: hours of Normal shift in the frame, over the technicians on shift (not
   off; with the skills, when skill-based).
   ``openAvailability``: that, less the hours of the unit's live appointments in the frame (it may
   go below zero: overbooking stays possible, capacity only advises).
5. ``isAvailable``: open hours cover the job type's duration (or are above zero without one) and a
   technician is Available. ``isExceedingIdealBookingPercentage``: booked / total above the ideal.
6. ``start``/``end`` are the local wall clock written with a ``Z`` (what real clients report
   seeing), ``startUtc``/``endUtc`` the true instants; ``capacity_local_start_end`` off makes
   ``start``/``end`` honest UTC too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from mockst.api.operation import TenantContext
from mockst.config import Config
from mockst.encoding import TICKS_PER_SECOND, instant, parse_ticks, parse_timespan, ticks_of
from mockst.jpm.job_records import assigned
from mockst.store.table import Row

WEEKDAY_HOURS = ("weekdays",) * 5 + ("saturday", "sunday")
LIVE = ("Scheduled", "Dispatched", "Working", "Hold")  # appointments that take up time


HOUR = 3600 * TICKS_PER_SECOND


@dataclass(frozen=True)
class Span:
    """An interval in 100-ns ticks (integers: the arithmetic runs once per technician and frame)."""

    start: int
    end: int

    @classmethod
    def of(cls, start: datetime, end: datetime) -> Span:
        return cls(ticks_of(start), ticks_of(end))

    def overlap_hours(self, start: int, end: int) -> float:
        return max(min(self.end, end) - max(self.start, start), 0) / HOUR


def timespan_seconds(text: str | None) -> int:
    """A stored TimeSpan (``"09:00:00"``) in seconds; 0 when blank or unreadable."""
    return (parse_timespan(text) or 0) if text else 0


Spans = dict[Any, list[tuple[int, int, Any]]]


def _spans(items: Iterable[tuple[Any, int, int, Any]]) -> Spans:
    """``(key, start, end, payload)`` by key, each list sorted by start."""
    found: Spans = defaultdict(list)
    for key, start, end, payload in items:
        found[key].append((start, end, payload))
    for spans in found.values():
        spans.sort(key=lambda s: s[0])
    return found


def _overlapping(spans: list[tuple[int, int, Any]], frame: Span,
                 longest: int) -> Iterable[tuple[int, int, Any]]:  # fmt: skip
    """The spans that meet the frame: found by bisection, none longer than ``longest``."""
    index = bisect_left(spans, frame.start - longest, key=lambda s: s[0])
    for span in spans[index:]:
        if span[0] >= frame.end:
            break
        if span[1] > frame.start:
            yield span


def _times(data: dict[str, Any]) -> tuple[int, int]:
    return parse_ticks(data["start"]), parse_ticks(data["end"])


def _live_data(ctx: TenantContext, table: str) -> Iterator[dict[str, Any]]:
    return (row.data for row in ctx.table(table).rows() if row.active)


def _near(items: Iterable[tuple[Any, int, int, Any]],
          near: Span) -> Iterator[tuple[Any, int, int, Any]]:  # fmt: skip
    return (item for item in items if near.overlap_hours(item[1], item[2]) > 0)


class Schedule:
    """The tenant's state capacity reads, gathered once per request."""

    def __init__(self, ctx: TenantContext, config: Config, job_type: Row | None,
                 window: Span) -> None:  # fmt: skip
        self.config = config
        self.job_type = job_type
        self.longest = 48 * HOUR  # no shift or visit is searched for further back
        near = Span(window.start - self.longest, window.end + self.longest)
        # Each row is unpacked once (``data``): a row unpacks all its fields on every ``get``.
        self.crews: dict[Any, list[tuple[int, str]]] = defaultdict(list)
        for tech in sorted(ctx.table("technicians").rows(), key=lambda t: t.id):
            if tech.active:
                data = tech.data
                self.crews[data.get("businessUnitId")].append((int(tech.id),
                                                               data.get("name") or ""))
        self.skills: dict[int, set[str]] = defaultdict(set)
        for skill in ctx.table("technician_skills").rows():
            if skill.active:
                data = skill.data
                self.skills[data.get("technicianId")].add(str(data.get("name")).lower())
        shifts = ((d["technicianId"], *_times(d), d["shiftType"])
                  for d in _live_data(ctx, "technician_shifts"))
        self.shifts = _spans(_near(shifts, near))
        self.away = _spans(_near(self._away(ctx), near))
        jobs = ctx.table("jobs")
        visits = []
        for data in _live_data(ctx, "appointments"):
            if data.get("status") not in LIVE:
                continue
            start, end = _times(data)
            job = jobs.get(data.get("jobId")) if near.overlap_hours(start, end) > 0 else None
            if job is not None:
                techs = [a["technicianId"] for a in assigned(data)]
                visits.append((job.get("businessUnitId"), start, end, techs))
        self.visits = _spans(visits)
        self.assigned = _spans((tech, start, end, None) for _, start, end, techs in visits
                               for tech in techs)  # fmt: skip
        self.needed: set[str] | None = None  # the job type's skills (None: no job type asked)
        if job_type is not None:
            self.needed = {str(s).lower() for s in job_type.get("skills") or []}

    @staticmethod
    def _away(ctx: TenantContext) -> Iterable[tuple[Any, int, int, None]]:
        """Non-job appointments that take a technician out of capacity (PTO, training)."""
        for event in _live_data(ctx, "non_job_appointments"):
            if event.get("removeTechnicianFromCapacityPlanning"):
                start = parse_ticks(event["start"])
                length = timespan_seconds(event.get("duration")) * TICKS_PER_SECOND
                yield event.get("technicianId"), start, start + length, None

    def technician(self, ident: int, name: str, frame: Span,
                   skill_based: bool) -> tuple[dict[str, Any], float]:  # fmt: skip
        """The technician's row in a frame, and the shift hours they add to it."""
        shifts = list(_overlapping(self.shifts.get(ident, []), frame, self.longest))
        worked = sum(frame.overlap_hours(s, e) for s, e, kind in shifts if kind == "Normal")
        off = any(kind == "TimeOff" for _, _, kind in shifts) or any(
            True for _ in _overlapping(self.away.get(ident, []), frame, self.longest))
        busy = sum(frame.overlap_hours(s, e) for s, e, _ in
                   _overlapping(self.assigned.get(ident, []), frame, self.longest))  # fmt: skip
        needed = self.needed
        skilled = None if needed is None else needed <= self.skills.get(ident, set())
        on_shift = worked > 0 and not off
        available = on_shift and busy < worked  # some of the frame left after their own visits
        # capacity is the hours on shift (booked work is taken off per unit, not here twice)
        counts = on_shift and not (skill_based and skilled is False)
        shown = {"id": ident, "name": name,
                 "status": "Available" if available else "Unavailable",
                 "hasRequiredSkills": skilled}  # fmt: skip
        return shown, worked if counts else 0.0

    def booked(self, unit: int, frame: Span) -> float:
        spans = _overlapping(self.visits.get(unit, []), frame, self.longest)
        return sum(frame.overlap_hours(s, e) for s, e, _ in spans)


def frames(ctx: TenantContext, config: Config, zone: ZoneInfo, unit: int, first: date,
           last: date) -> Iterable[Span]:  # fmt: skip
    """The unit's frames on each local day from ``first`` to ``last``, in UTC."""
    windows = [(timespan_seconds(w.get("start")), timespan_seconds(w.get("duration")))
               for w in ctx.table("arrival_windows").rows()
               if w.active and unit in (w.get("businessUnitIds") or [])]  # fmt: skip
    hours_row = ctx.table("business_hours").get(1)
    day = first
    while day <= last:
        if windows:
            ranges = sorted(windows)
        elif hours_row is not None:
            ranges = [(int(r["fromHour"]) * 3600, (int(r["toHour"]) - int(r["fromHour"])) * 3600)
                      for r in hours_row.get(WEEKDAY_HOURS[day.weekday()]) or []]  # fmt: skip
        else:
            low, high = config.capacity_default_hours
            ranges = [(low * 3600, (high - low) * 3600)]
        midnight = datetime.combine(day, time(0), zone)
        for offset, length in ranges:
            if length <= 0:
                continue
            local = midnight.replace(tzinfo=None) + timedelta(seconds=offset)
            start = local.replace(tzinfo=zone).astimezone(UTC)
            end = (local + timedelta(seconds=length)).replace(tzinfo=zone).astimezone(UTC)
            yield Span.of(start, end)
        day += timedelta(days=1)


def wall_clock(ticks: int, zone: ZoneInfo) -> datetime:
    """The local wall-clock time of an instant, labelled UTC (the quirk clients report)."""
    return instant(ticks).astimezone(zone).replace(tzinfo=UTC)
