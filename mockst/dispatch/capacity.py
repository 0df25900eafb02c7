"""Capacity (``POST /capacity``, scope ``tn.dis.capacity:w``): when the tenant can still take work.

A POST that reads: nothing is stored, every answer is computed from the tenant's state at that
moment (``capacity_model`` says how), so booking, rescheduling, assigning or canceling shows in
the next answer. The request is read loosely, as real clients send it: ``skillBasedAvailability``
as the string ``"false"``, date-times with any offset, no business units at all. Refused (400):
an end not after the start, a range wider than ``capacity_max_days`` days, an unknown job type
or business unit.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from mockst.api.operation import Call, One
from mockst.api.resource import Resource
from mockst.crm.customer_records import Problems
from mockst.dispatch import FAMILY
from mockst.dispatch.capacity_model import Schedule, Span, frames, wall_clock
from mockst.dispatch.models.capacity import CapacityRequestArgs, CapacityResponse
from mockst.dispatch.schedule import tenant_zone
from mockst.encoding import format_datetime, format_ticks
from mockst.store.table import Row

CAPACITY = Resource(
    family=FAMILY,
    path="/capacity",
    table="capacity",
    scope="tn.dis.capacity",
    tag="Capacity",
    noun="Capacity",
)


def _checked(call: Call, body: CapacityRequestArgs) -> tuple[list[int] | None, Row | None]:
    """The business units asked for (None: every staffed one) and the job type, or a 400."""
    problems = Problems()
    if body.endsOnOrBefore <= body.startsOnOrAfter:
        problems.add("endsOnOrBefore", "The end must be after the start.")
    elif body.endsOnOrBefore - body.startsOnOrAfter > timedelta(days=call.config.capacity_max_days):
        problems.add("endsOnOrBefore", f"At most {call.config.capacity_max_days} days at once.")
    job_type = None
    if body.jobTypeId is not None:
        job_type = call.table("job_types").get(body.jobTypeId)
        if job_type is None:
            problems.add("jobTypeId", f"Job type {body.jobTypeId} was not found.")
    wanted: list[int] | None = None
    if body.businessUnitIds is not None:
        units = call.table("business_units")
        wanted = []
        for index, ident in enumerate(body.businessUnitIds):
            if units.get(ident) is None:
                problems.add(f"businessUnitIds[{index}]", f"Business unit {ident} was not found.")
            elif ident not in wanted:
                wanted.append(ident)
    problems.check()
    return wanted, job_type


def _row(call: Call, schedule: Schedule, zone: ZoneInfo, unit: int, frame: Span,
         skill_based: bool) -> dict[str, Any]:  # fmt: skip
    technicians, total = [], 0.0
    for ident, name in schedule.crews.get(unit, []):
        shown, hours = schedule.technician(ident, name, frame, skill_based)
        technicians.append(shown)
        total += hours
    booked = schedule.booked(unit, frame)
    open_ = total - booked
    duration = (schedule.job_type.get("duration") or 0) / 3600 if schedule.job_type else 0.0
    staffed = any(t["status"] == "Available" and not (skill_based and t["hasRequiredSkills"]
                                                      is False) for t in technicians)  # fmt: skip
    ideal = call.config.capacity_ideal_booking_percent / 100
    local = call.config.capacity_local_start_end
    return {
        "start": format_datetime(wall_clock(frame.start, zone)) if local else format_ticks(
            frame.start),
        "end": format_datetime(wall_clock(frame.end, zone)) if local else format_ticks(frame.end),
        "startUtc": format_ticks(frame.start),
        "endUtc": format_ticks(frame.end),
        "businessUnitIds": [unit],
        "totalAvailability": round(total, 4),
        "openAvailability": round(open_, 4),
        "technicians": technicians,
        "isAvailable": staffed and (open_ >= duration if duration > 0 else open_ > 0),
        "isExceedingIdealBookingPercentage": booked / total > ideal if total else booked > 0,
    }


def _capacity(call: Call) -> dict[str, Any]:
    body: CapacityRequestArgs = call.body
    units, job_type = _checked(call, body)
    zone = tenant_zone(call)
    wanted = Span.of(body.startsOnOrAfter, body.endsOnOrBefore)
    schedule = Schedule(call, call.config, job_type, wanted)
    if units is None:  # every active unit with an active technician (the schedule's crews)
        units = sorted(u.id for u in call.table("business_units").rows()
                       if u.active and u.id in schedule.crews)  # fmt: skip
    first = body.startsOnOrAfter.astimezone(zone).date() - timedelta(days=1)
    last = body.endsOnOrBefore.astimezone(zone).date()
    rows = []
    for unit in units:
        for frame in frames(call, call.config, zone, unit, first, last):
            if frame.start >= wanted.start and frame.end <= wanted.end:
                rows.append((frame.start, unit, _row(call, schedule, zone, unit, frame,
                                                      body.skillBasedAvailability)))  # fmt: skip
    rows.sort(key=lambda r: (r[0], r[1]))
    return {"timeStamp": format_datetime(call.now), "availabilities": [r[2] for r in rows]}


OPERATIONS = [
    CAPACITY.operation(
        "Capacity_GetList", "POST", _capacity, summary="When the tenant can take work",
        body=CapacityRequestArgs, response=One(CapacityResponse),
    ),
]
