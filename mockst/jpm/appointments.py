"""Appointments: the visits of a job. Added, rescheduled, held, confirmed and deleted here; the
rules (and what a refusal is) are in ``job_actions``, the status rules in ``job_records``.

``Appointments_Add`` names its job in the body: an unknown job is a 400 naming ``jobId``. The
list shows active appointments unless ``active`` says otherwise; ``projectId`` matches through the
appointment's job, ``technicianId`` any technician assigned, ``number`` the whole appointment
number in any case; sort by Id, ModifiedOn or CreatedOn. Summaries (a private-preview feature) are
kept on the appointment, one per call, by a technician of the tenant.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import (
    STANDARD_SORT,
    Filter,
    active_filter,
    date_filters,
    equals,
    ids_filter,
    project,
    stamp_at_least,
    stamp_before,
    wire_instant,
)
from mockst.api.operation import Call, Empty, One
from mockst.api.params import Param, enum_param
from mockst.api.resource import ID
from mockst.crm.customer_records import Problems
from mockst.encoding import format_datetime
from mockst.errors import field_error
from mockst.jpm import job_actions
from mockst.jpm.job_booking import check_technicians
from mockst.jpm.job_records import APPOINTMENTS, JOBS, assigned
from mockst.jpm.models.appointments import (
    AppointmentAddRequest,
    AppointmentRescheduleRequest,
    AppointmentResponse,
    HoldAppointmentRequest,
    SetAppointmentSummaryRequest,
    UpdateAppointmentSpecialInstructionsRequest,
)
from mockst.jpm.models.common import AppointmentStatus, AppointmentSummaryApiModel
from mockst.store.table import Row

__all__ = ["APPOINTMENTS", "OPERATIONS"]


def show(row: Row) -> dict[str, Any]:
    return project(row.data, AppointmentResponse)


def _found(call: Call) -> Row:
    return APPOINTMENTS.find(call, call.path["id"])


def _add(call: Call) -> dict[str, Any]:
    body: AppointmentAddRequest = call.body
    job = call.table(JOBS.table).get(body.jobId)
    if job is None:
        raise field_error("jobId", f"Job {body.jobId} was not found.")
    return show(job_actions.add_appointment(call, job, body))


def _delete(call: Call) -> None:
    job_actions.delete_appointment(call, _found(call))


def _reschedule(call: Call) -> dict[str, Any]:
    return show(job_actions.reschedule(call, _found(call), call.body))


def _hold(call: Call) -> None:
    body: HoldAppointmentRequest = call.body
    job_actions.hold(call, _found(call), body.reasonId, body.memo)


def _remove_hold(call: Call) -> None:
    job_actions.remove_hold(call, _found(call))


def _confirm(call: Call) -> None:
    job_actions.confirm(call, _found(call), True)


def _remove_confirmation(call: Call) -> None:
    job_actions.confirm(call, _found(call), False)


def _special_instructions(call: Call) -> dict[str, Any]:
    body: UpdateAppointmentSpecialInstructionsRequest = call.body
    row = APPOINTMENTS.change(call, _found(call), {"specialInstructions": body.specialInstructions})
    return show(row)


def _summary(call: Call) -> dict[str, Any]:
    body: SetAppointmentSummaryRequest = call.body
    row = _found(call)
    problems = Problems()
    problems.required_text("notes", body.notes)
    check_technicians(call, problems, "technicianId", [body.technicianId])
    problems.check()
    stamp = format_datetime(call.now)
    summary = {"createdOn": stamp, "jobAppointmentId": row.id, "jobId": row.get("jobId"),
               "modifiedOn": stamp, "notes": body.notes, "technicianId": body.technicianId}
    APPOINTMENTS.change(call, row, {
        "appointmentSummaries": [*(row.get("appointmentSummaries") or []), summary]})
    return summary


# -- the list ------------------------------------------------------------------------------------


def _jobs_of_project(value: int, call: Call) -> set[int]:
    return {j.id for j in call.table(JOBS.table).rows() if j.get("projectId") == value}


LIST_FILTERS = (
    ids_filter(),
    active_filter("ActiveRequestArg"),
    equals("jobId", kind="int64"),
    Filter(Param("projectId", "int64"), lambda row, jobs: row.get("jobId") in jobs,
           _jobs_of_project),
    equals("number", "appointmentNumber"),
    Filter(enum_param("status", AppointmentStatus), lambda row, v: row.get("status") == v),
    Filter(Param("startsOnOrAfter", "datetime"), stamp_at_least("start"), wire_instant),
    Filter(Param("startsBefore", "datetime"), stamp_before("start"), wire_instant),
    Filter(Param("technicianId", "int64"), lambda row, v: any(
        a["technicianId"] == v for a in assigned(row))),
    equals("customerId", kind="int64"),
    Filter(Param("unused", "bool"), lambda row, v: bool(row.get("unused")) == v),
    *date_filters(),
)  # fmt: skip
# The official order of the list's parameters.
LIST_ORDER = (
    "ids", "active", "jobId", "projectId", "number", "status", "startsOnOrAfter", "startsBefore",
    "technicianId", "customerId", "unused", "modifiedBefore", "modifiedOnOrAfter",
    "createdOnOrAfter", "createdBefore", "page", "pageSize", "includeTotal", "sort",
)  # fmt: skip


def _on_one(operation_id: str, method: str, handler: Any, suffix: str, summary: str,
            **extra: Any) -> Any:  # fmt: skip
    extra.setdefault("errors", (400, 404, 409))
    return APPOINTMENTS.operation(operation_id, method, handler, suffix=suffix, summary=summary,
                                  path_params=(ID,), **extra)  # fmt: skip


OPERATIONS = [
    APPOINTMENTS.get_op("Appointments_Get", AppointmentResponse, summary="Get an appointment"),
    _on_one("Appointments_Delete", "DELETE", _delete, "/{id}", "Delete an appointment"),
    APPOINTMENTS.list_op(
        "Appointments_GetList", AppointmentResponse, summary="List appointments",
        filters=LIST_FILTERS, sort=STANDARD_SORT,
        order=LIST_ORDER,
    ),
    APPOINTMENTS.operation(
        "Appointments_Add", "POST", _add, summary="Add an appointment to a job",
        body=AppointmentAddRequest, response=One(AppointmentResponse), errors=(400, 409),
    ),
    _on_one("Appointments_Reschedule", "PATCH", _reschedule, "/{id}/reschedule",
            "Reschedule an appointment", body=AppointmentRescheduleRequest,
            response=One(AppointmentResponse)),
    _on_one("Appointments_Hold", "PUT", _hold, "/{id}/hold", "Put an appointment on hold",
            body=HoldAppointmentRequest, response=Empty()),
    _on_one("Appointments_RemoveHold", "DELETE", _remove_hold, "/{id}/hold",
            "Take an appointment off hold", response=Empty()),
    _on_one("Appointments_UpdateSpecialInstructions", "PUT", _special_instructions,
            "/{id}/special-instructions", "Set special instructions",
            body=UpdateAppointmentSpecialInstructionsRequest, response=One(AppointmentResponse)),
    _on_one("Appointments_Confirm", "PUT", _confirm, "/{id}/confirmation",
            "Confirm an appointment", response=Empty()),
    _on_one("Appointments_RemoveConfirmation", "DELETE", _remove_confirmation,
            "/{id}/confirmation", "Remove an appointment's confirmation", response=Empty()),
    _on_one("Appointments_SetSummary", "POST", _summary, "/{id}/summaries",
            "Add an appointment summary", body=SetAppointmentSummaryRequest,
            response=One(AppointmentSummaryApiModel), errors=(400, 404)),
]  # fmt: skip
