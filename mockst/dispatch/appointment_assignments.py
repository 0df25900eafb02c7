"""Appointment assignments: which technicians work which appointment, and where each one is.

They live on Job Planning's appointments (``job_records.assigned``): job create and appointment add
write them with ``technicianIds``, assign and unassign change them here, the field's steps (control
plane) move their status. A technician unassigned stays, inactive, so the list with ``active=Any``
and the export feed can say so. Assigning a technician already there changes nothing; assigning to
a canceled or done appointment is a 409; unassigning one who is not assigned is a 400 (U17). Both
answer Dispatch's short appointment shape.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mockst.api.listing import (
    STANDARD_SORT,
    Filter,
    active_filter,
    date_filters,
    equals,
    ids_filter,
    project,
)
from mockst.api.operation import Call, One, TenantContext
from mockst.api.params import Param, parse_id_list
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.appointment_assignments import (
    AppointmentAssignmentResponse,
    AppointmentResponse,
    AssignTechniciansRequest,
    UnassignTechniciansRequest,
)
from mockst.errors import field_error
from mockst.jpm import job_actions
from mockst.jpm.job_records import APPOINTMENTS
from mockst.store.table import Row

APPOINTMENT_ASSIGNMENTS = Resource(
    family=FAMILY,
    path="/appointment-assignments",
    table="appointment_assignments",
    scope="tn.dis.appointmentassignments",
    tag="AppointmentAssignments",
    noun="Appointment assignment",
)


def assignment_rows(ctx: TenantContext) -> Iterator[Row]:
    """Every assignment as a row of its own, stamped with its appointment's change (for feeds)."""
    names = {t.id: t.get("name") for t in ctx.table("technicians").rows(include_deleted=True)}
    for visit in ctx.table(APPOINTMENTS.table).rows(include_deleted=True):
        for item in visit.get("assignments") or []:
            data = {
                **item,
                "technicianName": names.get(item["technicianId"]) or "",
                "jobId": visit.get("jobId"),
                "appointmentId": visit.id,
                "active": bool(item.get("active", True)) and not visit.deleted,
            }
            yield Row.make(item["id"], data, visit.seq, visit.changed_ticks)


def _appointments(value: Any, call: Call) -> set[int] | None:
    ids = parse_id_list("appointmentIds", value, call.config.max_ids)
    return set(ids) if ids is not None else None


LIST_FILTERS = (
    ids_filter(),
    Filter(Param("appointmentIds", "string"), lambda row, ids: row.get("appointmentId") in ids,
           _appointments),
    equals("jobId", kind="int64"),
    *date_filters(),
    active_filter("ActiveRequestArg"),
)  # fmt: skip


def _visit(call: Call, ident: int) -> Row:
    row = call.table(APPOINTMENTS.table).get(ident)
    if row is None:
        raise field_error("jobAppointmentId", f"Appointment {ident} was not found.")
    return row


def _assign(call: Call) -> dict[str, Any]:
    body: AssignTechniciansRequest = call.body
    return project(job_actions.assign(call, _visit(call, body.jobAppointmentId),
                                      body.technicianIds).data, AppointmentResponse)  # fmt: skip


def _unassign(call: Call) -> dict[str, Any]:
    body: UnassignTechniciansRequest = call.body
    row = job_actions.unassign(call, _visit(call, body.jobAppointmentId), body.technicianIds)
    return project(row.data, AppointmentResponse)


OPERATIONS = [
    APPOINTMENT_ASSIGNMENTS.list_op(
        "AppointmentAssignments_GetList", AppointmentAssignmentResponse,
        summary="List appointment assignments", filters=LIST_FILTERS, sort=STANDARD_SORT,
        rows=lambda call: list(assignment_rows(call)),
        order=("ids", "appointmentIds", "jobId", "createdBefore", "createdOnOrAfter",
               "modifiedBefore", "modifiedOnOrAfter", "page", "pageSize", "includeTotal",
               "sort", "active"),
    ),
    APPOINTMENT_ASSIGNMENTS.operation(
        "AppointmentAssignments_AssignTechnicians", "POST", _assign,
        suffix="/assign-technicians", summary="Assign technicians to an appointment",
        body=AssignTechniciansRequest, response=One(AppointmentResponse), errors=(400, 409),
    ),
    APPOINTMENT_ASSIGNMENTS.operation(
        "AppointmentAssignments_UnassignTechnicians", "POST", _unassign,
        suffix="/unassign-technicians", summary="Unassign technicians from an appointment",
        body=UnassignTechniciansRequest, response=One(AppointmentResponse),
    ),
]  # fmt: skip
