"""AppointmentAssignments: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import One, Page
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.appointment_assignments import (
    AppointmentAssignmentResponse,
    AppointmentResponse,
    AssignTechniciansRequest,
    UnassignTechniciansRequest,
)

APPOINTMENT_ASSIGNMENTS = Resource(
    family=FAMILY,
    path="/appointment-assignments",
    table="appointment_assignments",
    scope="tn.dis.appointmentassignments",
    tag="AppointmentAssignments",
    noun="Appointment assignment",
)

OPERATIONS = [
    APPOINTMENT_ASSIGNMENTS.planned(
        "AppointmentAssignments_GetList",
        "GET",
        query=(
            Param("ids", "string"),
            Param("appointmentIds", "string"),
            Param("jobId", "int64"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            *PAGE_PARAMS,
            Param("sort", "string"),
            ACTIVE,
        ),
        response=Page(AppointmentAssignmentResponse),
    ),
    APPOINTMENT_ASSIGNMENTS.planned(
        "AppointmentAssignments_AssignTechnicians",
        "POST",
        suffix="/assign-technicians",
        body=AssignTechniciansRequest,
        response=One(AppointmentResponse),
        errors=(400, 409),
    ),
    APPOINTMENT_ASSIGNMENTS.planned(
        "AppointmentAssignments_UnassignTechnicians",
        "POST",
        suffix="/unassign-technicians",
        body=UnassignTechniciansRequest,
        response=One(AppointmentResponse),
    ),
]
