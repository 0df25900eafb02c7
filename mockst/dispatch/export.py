"""Dispatch's export feed: appointment assignments, on the continuation-token model
(``mockst.api.export``). An assignment is delivered again whenever its appointment changes; only
active ones unless ``active`` says otherwise (the document says so of this feed)."""

from __future__ import annotations

from typing import Any

from mockst.api.export import EXPORT_PARAMS, export_rows
from mockst.api.listing import ACTIVE, active_filter, active_filters, row_test
from mockst.api.operation import Call, Export
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.appointment_assignments import assignment_rows
from mockst.dispatch.models.export import ExportAppointmentAssignmentsResponse

EXPORT = Resource(
    family=FAMILY,
    path="/export",
    table="export",
    scope="tn.dis.appointmentassignments",
    tag="Export",
    noun="Export",
)
ACTIVE_ONLY = active_filter("ActiveRequestArg")


def _assignments(call: Call) -> dict[str, Any]:
    test = row_test(active_filters(call, (ACTIVE_ONLY,)))
    rows = assignment_rows(call)
    return export_rows(call, rows if test is None else filter(test, rows),
                       ExportAppointmentAssignmentsResponse)  # fmt: skip


OPERATIONS = [
    EXPORT.operation(
        "Export_AppointmentAssignments", "GET", _assignments, suffix="/appointment-assignments",
        summary="Appointment assignments feed", query=(ACTIVE, *EXPORT_PARAMS),
        response=Export(ExportAppointmentAssignmentsResponse), table="appointment_assignments",
    ),
]
