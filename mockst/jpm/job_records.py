"""Rows of jobs and appointments, and the rules that keep a job true to its appointments.

A job keeps the ids of its live appointments, in start order (``appointmentIds``): the job's
``appointmentCount``, ``firstAppointmentId`` (earliest start) and ``lastAppointmentId`` (latest
start) are read from that list, so they cannot drift from the appointments. ``settle`` runs after
every change to a job's appointments: it puts the list back in order and derives the job's status
from its appointments (below). A job's row changes whenever its status or counters do, so the
jobs export feed delivers it again.

Job status (a canceled or completed job keeps its status until the cancellation is removed):

* ``InProgress`` once a technician is working on an appointment, or an appointment is done;
* ``Hold`` when every appointment not done is on hold;
* ``Dispatched`` while an appointment is dispatched and none is worked on;
* ``Scheduled`` otherwise.

Appointment status follows its technicians (``assignments``: one per technician, with its own
status ``Scheduled|Dispatched|Working|Done``): ``Working`` while one works, ``Dispatched`` when one
is dispatched and none works, ``Done`` when every one is done, ``Scheduled`` otherwise. Hold and
cancel are set on the appointment itself and put aside what the technicians say.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from mockst.api.operation import TenantContext
from mockst.api.resource import Resource
from mockst.crm.customer_records import API_USER_ID, render
from mockst.encoding import format_datetime, sortable_stamp
from mockst.jpm import FAMILY
from mockst.jpm.models.common import AppointmentStatus
from mockst.jpm.models.jobs import JobStatus
from mockst.store.table import Row

JOBS = Resource(
    family=FAMILY, path="/jobs", table="jobs", scope="tn.jpm.jobs", tag="Jobs", noun="Job"
)
APPOINTMENTS = Resource(
    family=FAMILY,
    path="/appointments",
    table="appointments",
    scope="tn.jpm.appointments",
    tag="Appointments",
    noun="Appointment",
)


def _job_part(table: str, noun: str) -> Resource:
    return Resource(
        family=FAMILY, path="/jobs", table=table, scope="tn.jpm.jobs", tag="Jobs", noun=noun
    )


JOB_NOTES = _job_part("job_notes", "Job note")
JOB_HISTORY = _job_part("job_history", "Job history entry")
JOB_CANCELED_LOGS = _job_part("job_canceled_logs", "Job canceled log")
JOB_BOOKED_LOGS = _job_part("job_booked_logs", "Job booked log")
JOB_CUSTOM_FIELD_TYPES = _job_part("job_custom_field_types", "Job custom field type")

SCHEDULED = AppointmentStatus.SCHEDULED.value
DISPATCHED = AppointmentStatus.DISPATCHED.value
WORKING = AppointmentStatus.WORKING.value
HOLD = AppointmentStatus.HOLD.value
DONE = AppointmentStatus.DONE.value
CANCELED = AppointmentStatus.CANCELED.value
# A job in one of these is settled by an action on the job, not by its appointments.
FINAL = (JobStatus.CANCELED.value, JobStatus.COMPLETED.value)
PRIORITIES = ("Low", "Normal", "High", "Urgent")
MANUAL = "Manual"  # usedSchedulingTool of everything booked through the API

# What history says of each event. "Job Booked" is the one ServiceTitan is known to write; the
# others are this simulator's words (README: job history).
BOOKED = "Job Booked"


# -- appointments ------------------------------------------------------------------------------


def assigned(row: Row | dict[str, Any]) -> list[dict[str, Any]]:
    """The appointment's technicians now (an unassigned one stays in ``assignments``, inactive,
    so the assignments feed can say so)."""
    return [a for a in row.get("assignments") or [] if a.get("active", True)]


def appointment_status(row: Row | dict[str, Any]) -> str:
    """The status an appointment's technicians give it (hold and cancel aside)."""
    states = [a["status"] for a in assigned(row)]
    if WORKING in states:
        return WORKING
    if states and all(s == DONE for s in states):
        return DONE
    if DISPATCHED in states or (DONE in states and SCHEDULED not in states):
        return DISPATCHED
    return SCHEDULED


def assignment(ctx: TenantContext, technician_id: int) -> dict[str, Any]:
    """A technician's assignment to an appointment, as job create and appointment add write it."""
    stamp = format_datetime(ctx.now)
    return {
        "id": ctx.world.new_id(),
        "technicianId": technician_id,
        "status": SCHEDULED,
        "assignedById": API_USER_ID,
        "assignedOn": stamp,
        "isPaused": False,
        "active": True,
        "createdOn": stamp,
        "modifiedOn": stamp,
    }


def new_appointment(
    ctx: TenantContext, job: dict[str, Any], number: int, slot: dict[str, Any]
) -> Row:
    """An appointment of ``job`` (its ``number``-th); ``slot`` holds start, end, windows, techs."""
    return APPOINTMENTS.insert(
        ctx,
        {
            "jobId": job["id"],
            "appointmentNumber": f"{job['jobNumber']}-{number}",
            "start": slot["start"],
            "end": slot["end"],
            "arrivalWindowStart": slot.get("arrivalWindowStart"),
            "arrivalWindowEnd": slot.get("arrivalWindowEnd"),
            "status": SCHEDULED,
            "specialInstructions": slot.get("specialInstructions"),
            "customerId": job["customerId"],
            "unused": False,
            "createdById": API_USER_ID,
            "isConfirmed": False,
            "active": True,
            "appointmentSummaries": None,
            "assignments": [assignment(ctx, t) for t in slot.get("technicianIds") or []],
            "hold": None,  # {reasonId, memo, before}: the reason, and the status it held
        },
    )


def appointments_of(ctx: TenantContext, job: Row, ids: list[int] | None = None) -> list[Row]:
    """The job's live appointments (``ids``: a list about to become the job's)."""
    table = ctx.table(APPOINTMENTS.table)
    wanted = job.get("appointmentIds") if ids is None else ids
    return [r for r in (table.get(i) for i in wanted or []) if r is not None]


# -- jobs --------------------------------------------------------------------------------------


def job_status(appointments: list[Row]) -> str:
    statuses = [a.get("status") for a in appointments]
    open_ = [s for s in statuses if s != DONE]
    if WORKING in statuses:
        return JobStatus.IN_PROGRESS.value
    if open_ and all(s == HOLD for s in open_):
        return JobStatus.HOLD.value
    if DISPATCHED in statuses:
        return JobStatus.DISPATCHED.value
    if DONE in statuses:
        return JobStatus.IN_PROGRESS.value
    return JobStatus.SCHEDULED.value


def settle(ctx: TenantContext, job: Row, ids: list[int] | None = None, **changes: Any) -> Row:
    """Put the job's appointment list (``ids``: a new one) in start order and its status in line
    with them; ``changes`` are written with them."""
    appointments = appointments_of(ctx, job, ids)
    appointments.sort(key=lambda a: (sortable_stamp(a.get("start")), a.id))
    wanted = {**changes, "appointmentIds": [a.id for a in appointments]}
    status = changes.get("jobStatus", job.get("jobStatus"))
    if status not in FINAL:
        wanted["jobStatus"] = job_status(appointments)
    if all(job.get(k) == v for k, v in wanted.items()):
        return job
    return JOBS.change(ctx, job, wanted)


def render_job(
    data: dict[str, Any], model: type[BaseModel], guid: str | None = None
) -> dict[str, Any]:
    """A job row as ``JobResponse`` (or its export shape): counters read from its appointments."""
    ids = data.get("appointmentIds") or []
    shown = render(data, model, guid)
    shown["appointmentCount"] = len(ids)
    shown["firstAppointmentId"] = ids[0] if ids else 0
    shown["lastAppointmentId"] = ids[-1] if ids else 0
    return shown


def write_history(ctx: TenantContext, job_id: int, event: str, memo: str = "") -> None:
    JOB_HISTORY.insert(
        ctx,
        {
            "jobId": job_id,
            "employeeId": None,
            "eventType": event,
            "date": format_datetime(ctx.now),
            "usedSchedulingTool": MANUAL,
            "memo": memo,
        },
    )
