"""What moves a job and its appointments: the API's actions and the field's.

The API can cancel a job (and undo it), put an appointment on hold (and take it off), add,
reschedule and delete appointments. What only the technician's app does in ServiceTitan
(dispatch, arrive, done, complete the job) is done here for the control plane, so tests can walk
a job to Completed. Each action writes a history entry and settles the job
(``job_records.settle``).

Refusals: where the official operation declares 409 the refusal is a 409, else a 400 (cancel and
remove-cancellation declare none). The only appointment of a job cannot be deleted, nor one a
technician has worked on; a canceled or completed job takes no new appointments and no holds;
field actions on a canceled or completed job are refused (409).
"""

from __future__ import annotations

from typing import Any

from mockst.api.operation import TenantContext
from mockst.crm.customer_records import API_USER_ID, Problems
from mockst.encoding import format_datetime, parse_datetime
from mockst.errors import ApiError, conflict, field_error
from mockst.jpm.job_booking import Slot, check_slot, check_technicians
from mockst.jpm.job_cancel_reasons import JOB_CANCEL_REASONS
from mockst.jpm.job_hold_reasons import JOB_HOLD_REASONS
from mockst.jpm.job_records import (
    APPOINTMENTS,
    CANCELED,
    DISPATCHED,
    DONE,
    FINAL,
    HOLD,
    JOB_CANCELED_LOGS,
    JOBS,
    SCHEDULED,
    WORKING,
    appointment_status,
    appointments_of,
    assigned,
    assignment,
    new_appointment,
    settle,
    write_history,
)
from mockst.jpm.models.jobs import JobStatus
from mockst.store.table import Row

COMPLETED = JobStatus.COMPLETED.value


def _reason(ctx: TenantContext, table: str, ident: int, noun: str) -> Row:
    row = ctx.table(table).get(ident)
    if row is None or not row.active:
        raise field_error("reasonId", f"{noun} {ident} was not found or is not active.")
    return row


def job_of(ctx: TenantContext, appointment: Row) -> Row:
    return JOBS.find(ctx, appointment.get("jobId"))


def _open_job(job: Row, status: int, doing: str) -> None:
    if job.get("jobStatus") in FINAL:
        message = f"Job {job.id} is {job.get('jobStatus')}; {doing} is not possible."
        raise ApiError(status, message, {"jobId": [message]})


# -- jobs --------------------------------------------------------------------------------------


def cancel(ctx: TenantContext, job: Row, reason_id: int, memo: str) -> Row:
    _open_job(job, 400, "canceling it")
    _reason(ctx, JOB_CANCEL_REASONS.table, reason_id, "Job cancel reason")
    for row in appointments_of(ctx, job):
        APPOINTMENTS.change(ctx, row, {"status": CANCELED})
    JOB_CANCELED_LOGS.insert(ctx, {
        "jobId": job.id, "reasonId": reason_id, "memo": memo, "createdById": API_USER_ID,
        "active": True,
    })  # fmt: skip
    write_history(ctx, int(job.id), "Job Canceled", memo)
    return settle(ctx, job, jobStatus=JobStatus.CANCELED.value)


def remove_cancellation(ctx: TenantContext, job: Row) -> Row:
    if job.get("jobStatus") != JobStatus.CANCELED.value:
        raise field_error("id", f"Job {job.id} is not canceled.")
    for row in appointments_of(ctx, job):
        APPOINTMENTS.change(ctx, row, {"status": appointment_status(row), "hold": None})
    for log in ctx.table(JOB_CANCELED_LOGS.table).rows():
        if log.get("jobId") == job.id and log.active:
            JOB_CANCELED_LOGS.change(ctx, log, {"active": False})
    write_history(ctx, int(job.id), "Cancellation Removed")
    return settle(ctx, job, jobStatus=JobStatus.SCHEDULED.value)


def complete(ctx: TenantContext, job: Row, completed_on: Any = None) -> Row:
    """The office or a technician completes the job: appointments nobody worked are unused."""
    _open_job(job, 409, "completing it")
    for row in appointments_of(ctx, job):
        worked = any(a["status"] in (WORKING, DONE) for a in assigned(row))
        stamp = format_datetime(ctx.now)
        states = [{**a, "status": DONE, "modifiedOn": stamp} if a.get("active", True) else a
                  for a in row.get("assignments") or []]  # fmt: skip
        APPOINTMENTS.change(ctx, row, {"status": DONE, "unused": not worked,
                                       "assignments": states, "hold": None})  # fmt: skip
    write_history(ctx, int(job.id), "Job Completed")
    stamp = format_datetime(completed_on or ctx.now)
    return settle(ctx, job, jobStatus=COMPLETED, completedOn=stamp)


# -- appointments --------------------------------------------------------------------------------


def add_appointment(ctx: TenantContext, job: Row, slot_request: Any) -> Row:
    _open_job(job, 409, "adding an appointment")
    problems = Problems()
    slot = check_slot(ctx, problems, "", slot_request)
    problems.check()
    number = int(job.get("appointmentsMade") or 0) + 1
    row = new_appointment(ctx, {**job.data, "id": job.id}, number, slot)
    write_history(ctx, int(job.id), "Appointment Added")
    settle(ctx, job, [*job.get("appointmentIds"), row.id], appointmentsMade=number)
    return row


def delete_appointment(ctx: TenantContext, row: Row) -> None:
    job = job_of(ctx, row)
    others = [i for i in job.get("appointmentIds") if i != row.id]
    worked = any(a["status"] in (WORKING, DONE) for a in assigned(row))
    if not others or worked or job.get("jobStatus") in FINAL:
        why = ("it is the only appointment of its job" if not others
               else "a technician has worked on it" if worked
               else f"its job is {job.get('jobStatus')}")  # fmt: skip
        raise conflict(f"Appointment is in the state that doesn't allow deletion: {why}.", "id")
    APPOINTMENTS.remove(ctx, row)
    write_history(ctx, int(job.id), "Appointment Deleted")
    settle(ctx, job, others)


def reschedule(ctx: TenantContext, row: Row, body: Any) -> Row:
    """New times; a start alone keeps the duration. Windows become what was sent (or none)."""
    if row.get("status") in (CANCELED, DONE, WORKING):
        raise conflict(f"Appointment {row.id} is {row.get('status')}; it cannot be rescheduled.")
    sent = body.model_fields_set
    start, end = parse_datetime(row.get("start")), parse_datetime(row.get("end"))
    if "end" in sent and body.end is not None:
        end = body.end
    if "start" in sent and body.start is not None:
        if "end" not in sent or body.end is None:
            end = body.start + (end - start)  # a start alone keeps the duration
        start = body.start
    new = Slot(start, end, body.arrivalWindowStart, body.arrivalWindowEnd)
    problems = Problems()
    slot = check_slot(ctx, problems, "", new)
    problems.check()
    changes = {k: slot[k] for k in ("start", "end", "arrivalWindowStart", "arrivalWindowEnd")}
    row = APPOINTMENTS.change(ctx, row, changes)
    job = job_of(ctx, row)
    write_history(ctx, int(job.id), "Appointment Rescheduled")
    settle(ctx, job)
    return row


def hold(ctx: TenantContext, row: Row, reason_id: int, memo: str) -> None:
    job = job_of(ctx, row)
    _open_job(job, 409, "a hold")
    if row.get("status") in (HOLD, DONE, CANCELED):
        raise conflict(f"Appointment {row.id} is {row.get('status')}; it cannot be put on hold.")
    _reason(ctx, JOB_HOLD_REASONS.table, reason_id, "Job hold reason")
    hold_ = {"reasonId": reason_id, "memo": memo, "on": format_datetime(ctx.now)}
    APPOINTMENTS.change(ctx, row, {"status": HOLD, "hold": hold_})
    write_history(ctx, int(job.id), "Appointment Put On Hold", memo)
    settle(ctx, job)


def remove_hold(ctx: TenantContext, row: Row) -> None:
    if row.get("status") != HOLD:
        raise conflict("Appointment is not on hold")
    APPOINTMENTS.change(ctx, row, {"status": appointment_status(row), "hold": None})
    job = job_of(ctx, row)
    write_history(ctx, int(job.id), "Appointment Hold Removed")
    settle(ctx, job)


def confirm(ctx: TenantContext, row: Row, confirmed: bool) -> None:
    if bool(row.get("isConfirmed")) == confirmed:
        raise conflict("Appointment is already confirmed" if confirmed
                       else "Appointment was not confirmed")  # fmt: skip
    APPOINTMENTS.change(ctx, row, {"isConfirmed": confirmed})


# -- technicians (the field's actions, and assignment) ---------------------------------------

FIELD_STEPS = {"dispatch": DISPATCHED, "arrive": WORKING, "done": DONE}
# Where a technician may be for each step: a technician is dispatched before arriving, and
# arrives before finishing (a step repeated is refused, so a test sees its own mistake).
BEFORE = {DISPATCHED: (SCHEDULED,), WORKING: (SCHEDULED, DISPATCHED), DONE: (WORKING,)}


def assign(ctx: TenantContext, row: Row, technician_ids: list[int]) -> Row:
    """Technicians added to an appointment; one already there is left as it is (U17: assigning
    twice is no error), one unassigned before comes back."""
    problems = Problems()
    ids = check_technicians(ctx, problems, "technicianIds", technician_ids)
    problems.check()
    if row.get("status") in (CANCELED, DONE):
        raise conflict(f"Appointment {row.id} is {row.get('status')}.")
    current = list(row.get("assignments") or [])
    for ident in ids:
        known = next((a for a in current if a["technicianId"] == ident), None)
        if known is None:
            current.append(assignment(ctx, ident))
        elif not known.get("active", True):
            current[current.index(known)] = {**assignment(ctx, ident), "id": known["id"],
                                             "createdOn": known["createdOn"]}  # fmt: skip
    if current == list(row.get("assignments") or []):
        return row
    return APPOINTMENTS.change(ctx, row, {"assignments": current})


def unassign(ctx: TenantContext, row: Row, technician_ids: list[int]) -> Row:
    """Technicians taken off an appointment; one not assigned is a 400 (U17)."""
    here = {a["technicianId"] for a in assigned(row)}
    problems = Problems()
    for index, ident in enumerate(technician_ids):
        if ident not in here:
            problems.add(f"technicianIds[{index}]", f"Technician {ident} is not assigned to "
                         f"appointment {row.id}.")  # fmt: skip
    problems.check()
    stamp = format_datetime(ctx.now)
    current = [{**a, "active": False, "modifiedOn": stamp}
               if a["technicianId"] in technician_ids and a.get("active", True) else a
               for a in row.get("assignments") or []]  # fmt: skip
    row = APPOINTMENTS.change(ctx, row, {"assignments": current})
    if row.get("status") not in (HOLD, CANCELED):
        row = APPOINTMENTS.change(ctx, row, {"status": appointment_status(row)})
    settle(ctx, job_of(ctx, row))
    return row


def field_step(ctx: TenantContext, row: Row, step: str, technician_id: int | None) -> Row:
    """A technician dispatched, arrived or done (all the appointment's when none is named).
    Dispatching a technician not yet assigned assigns them first."""
    target = FIELD_STEPS[step]
    job = job_of(ctx, row)
    _open_job(job, 409, f"'{step}'")
    if row.get("status") in (HOLD, CANCELED):
        raise conflict(f"Appointment {row.id} is {row.get('status')}.")
    if technician_id is not None and step == "dispatch":
        row = assign(ctx, row, [technician_id])  # dispatching assigns, as on the board
    assignments = list(row.get("assignments") or [])
    chosen = [a for a in assigned(row) if technician_id in (None, a["technicianId"])]
    if not chosen:
        raise conflict(f"Appointment {row.id} has no technician "
                       f"{'assigned' if technician_id is None else technician_id}.")  # fmt: skip
    late = [a["technicianId"] for a in chosen if a["status"] not in BEFORE[target]]
    if late:
        raise conflict(f"Technician {late[0]} cannot be marked {step} from where it is.")
    stamp = format_datetime(ctx.now)
    moved = [{**a, "status": target, "modifiedOn": stamp} if a in chosen else a
             for a in assignments]  # fmt: skip
    changed = {"assignments": moved}
    row = APPOINTMENTS.change(ctx, row, {**changed, "status": appointment_status(changed)})
    write_history(ctx, int(job.id), f"Technician {step.capitalize()}")
    settle(ctx, job)
    return row
