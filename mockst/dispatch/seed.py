"""The Dispatch family's part of a seeded story: when the business books and works.

On the day it opens: two-hour arrival windows from 8:00 to 16:00 for the service business units
(not installs, which are booked by the day), business hours (weekdays 7-18, Saturday 8-12), the
field teams and a few zones. Once everyone is hired and the story is over: a Normal 8:00-17:00
shift for every active technician on each weekday from a month before ``now`` to two weeks
after, a day off for two of them, Saturday on-call for one, the skills their job types require,
and a few non-job appointments (a meeting, a training that takes a technician out of capacity).
Times are the tenant's wall clock (its time zone). Choices are made by position among
the technicians in id order, not drawn from the story's random source, so families seeded after
this one draw what they drew before.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from mockst.api.operation import TenantContext
from mockst.dispatch.arrival_windows import create_arrival_window
from mockst.dispatch.business_hour import set_business_hours
from mockst.dispatch.models.arrival_windows import CreateArrivalWindowRequest
from mockst.dispatch.models.business_hour import CreateBusinessHourRequest
from mockst.dispatch.models.non_job_appointments import CreateNonJobAppointmentRequest
from mockst.dispatch.models.technician_shifts import CreateTechnicianShiftRequest
from mockst.dispatch.models.zone import CreateOrUpdateZoneRequestArgs
from mockst.dispatch.non_job_appointments import create_non_job_appointments
from mockst.dispatch.schedule import local, tenant_zone, utc
from mockst.dispatch.team import create_team
from mockst.dispatch.technician_shifts import create_shifts
from mockst.dispatch.technician_skills import assign, skill_named
from mockst.dispatch.zone import create_zone
from mockst.encoding import instant, parse_datetime, ticks_of
from mockst.jpm.job_types import JOB_TYPES
from mockst.seed.story import Story
from mockst.settings.technicians import TECHNICIANS
from mockst.store.table import Row

SERVICE_UNITS = (0, 1, 3, 4, 5)  # names.BUSINESS_UNITS but HVAC Install
WINDOW_STARTS = ("08:00", "10:00", "12:00", "14:00")
TEAMS = (("Plumbing Team", True), ("HVAC Team", True), ("Install Team", True),
         ("Drains Team", True), ("Electrical Team", True), ("Commercial Team", True),
         ("Night Crew", False))  # fmt: skip
WEEKDAYS = "Monday, Tuesday, Wednesday, Thursday, Friday"


def _wall(day: date, hour: int, zone: ZoneInfo) -> datetime:
    return utc(datetime.combine(day, time(hour)), zone)


def _set_up(story: Story) -> None:
    builder = story.builder
    ctx = builder.ctx()
    units = [builder.units[i] for i in SERVICE_UNITS if i < len(builder.units)]
    for start in WINDOW_STARTS:
        create_arrival_window(ctx, CreateArrivalWindowRequest(
            start=start, duration="02:00", businessUnitIds=units))  # fmt: skip
    builder.count("arrival_windows", len(WINDOW_STARTS))
    set_business_hours(ctx, CreateBusinessHourRequest.model_validate({
        "weekdays": [{"fromHour": 7, "toHour": 18}], "saturday": [{"fromHour": 8, "toHour": 12}],
        "sunday": []}))  # fmt: skip
    for name, active in TEAMS:
        create_team(ctx, name, active=active)
    builder.count("teams", len(TEAMS))
    for index, city in enumerate(builder.metro.cities[:3]):
        low, high = city.zips
        create_zone(ctx, CreateOrUpdateZoneRequestArgs(
            name=f"{city.name} Zone", cities=[city.name],
            zips=[f"{z:05d}" for z in range(low, min(high, low + 4) + 1)],
            serviceDaysEnabled=index > 0, serviceDaysIds=[1, 3, 5] if index else [],
            businessUnits=units))  # fmt: skip
        builder.count("zones")


def _shifts(ctx: TenantContext, techs: list[Row], today: date, zone: ZoneInfo) -> int:
    first, last = today - timedelta(days=30), today + timedelta(days=14)
    made = 0
    for tech in techs:
        made += len(create_shifts(ctx, CreateTechnicianShiftRequest(
            technicianIds=[tech.id], shiftType="Normal", title="Regular hours",
            start=_wall(first, 8, zone), end=_wall(first, 17, zone), repeatType="Weekly",
            shiftDays=WEEKDAYS, repeatEndDate=datetime.combine(last, time()))))  # fmt: skip
    monday = today + timedelta(days=7 - today.weekday())
    for tech, day, note in ((techs[1 % len(techs)], monday + timedelta(days=2), "Dentist"),
                            (techs[-1], today - timedelta(days=8), "Family event")):
        made += len(create_shifts(ctx, CreateTechnicianShiftRequest(
            technicianIds=[tech.id], shiftType="TimeOff", title="Personal day", note=note,
            start=_wall(day, 8, zone), end=_wall(day, 17, zone), repeatType="Never")))  # fmt: skip
    saturday = monday + timedelta(days=5)
    made += len(create_shifts(ctx, CreateTechnicianShiftRequest(
        technicianIds=[techs[0].id], shiftType="OnCall", title="Weekend on call",
        start=_wall(saturday, 8, zone), end=_wall(saturday, 20, zone), repeatType="Weekly",
        shiftDays="Saturday", repeatEndDate=datetime.combine(saturday + timedelta(days=7),
                                                             time()))))  # fmt: skip
    return made


def _skills(ctx: TenantContext, techs: list[Row]) -> int:
    made = 0
    job_types = sorted(ctx.table(JOB_TYPES.table).rows(), key=lambda r: r.id)
    for tech in techs:
        unit = tech.get("businessUnitId")
        names = [s for jt in job_types if unit in (jt.get("businessUnitIds") or [])
                 for s in jt.get("skills") or []]  # fmt: skip
        for name in dict.fromkeys(names):
            assign(ctx, int(tech.id), skill_named(ctx, name))
            made += 1
    return made


def _non_job_appointments(ctx: TenantContext, techs: list[Row], today: date,
                          zone: ZoneInfo) -> int:  # fmt: skip
    monday = today + timedelta(days=7 - today.weekday())
    plans = (
        (techs[:3], monday, 7, "01:00", "Safety meeting", False),
        (techs[2:3], monday + timedelta(days=3), 13, "04:00", "Manufacturer training", True),
        (techs[-2:-1], today - timedelta(days=3), 15, "02:00", "Vehicle inspection", True),
    )
    made = 0
    for group, day, hour, duration, name, away in plans:
        for tech in group:
            made += len(create_non_job_appointments(ctx, CreateNonJobAppointmentRequest(
                technicianId=tech.id, start=_wall(day, hour, zone), duration=duration, name=name,
                summary=f"{name}.", removeTechnicianFromCapacityPlanning=away)))  # fmt: skip
    return made


def populate(story: Story) -> None:
    builder = story.builder
    builder.at(story.setup, lambda: _set_up(story))

    def schedule() -> None:
        ctx = builder.ctx()
        techs = sorted((r for r in ctx.table(TECHNICIANS.table).rows() if r.active),
                       key=lambda r: r.id)  # fmt: skip
        if not techs:
            return
        # Shifts were planned a month ahead of the first one, each technician's once hired.
        hired = max(parse_datetime(t.get("createdOn")) for t in techs)
        moment = max(hired, story.now - timedelta(days=35))
        builder.clock = instant(ticks_of(moment) + 4_321_987)  # ticks, as real stamps have
        zone = tenant_zone(ctx)
        today = local(story.now, zone).date()
        ctx = builder.ctx()
        builder.count("technician_shifts", _shifts(ctx, techs, today, zone))
        builder.count("technician_skills", _skills(ctx, techs))
        builder.count("non_job_appointments", _non_job_appointments(ctx, techs, today, zone))
        builder.clock = story.now

    story.after_events(schedule)
