"""Export: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE
from mockst.api.operation import Export
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.export import ExportAppointmentAssignmentsResponse

EXPORT = Resource(
    family=FAMILY,
    path="/export",
    table="export",
    scope="tn.dis.appointmentassignments",
    tag="Export",
    noun="Export",
)

OPERATIONS = [
    EXPORT.planned(
        "Export_AppointmentAssignments",
        "GET",
        suffix="/appointment-assignments",
        query=(ACTIVE, Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportAppointmentAssignmentsResponse),
        table="appointment_assignments",
    ),
]
