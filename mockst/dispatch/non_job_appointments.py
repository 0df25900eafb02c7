"""NonJobAppointments: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import PAGE_PARAMS
from mockst.api.operation import One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.non_job_appointments import (
    CreateNonJobAppointmentRequest,
    CreateNonJobAppointmentResult,
    DeleteNonJobAppointmentResult,
    GetNonJobAppointmentResponse,
    NonJobAppointmentResponse,
    NonJobAppointmentUpdateRequest,
)

NON_JOB_APPOINTMENTS = Resource(
    family=FAMILY,
    path="/non-job-appointments",
    table="non_job_appointments",
    scope="tn.dis.nonjobappointments",
    tag="NonJobAppointments",
    noun="Non job appointment",
)

OPERATIONS = [
    NON_JOB_APPOINTMENTS.planned(
        "NonJobAppointments_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(GetNonJobAppointmentResponse),
    ),
    NON_JOB_APPOINTMENTS.planned(
        "NonJobAppointments_Update",
        "PUT",
        suffix="/{id}",
        path_params=(path("id"),),
        body=NonJobAppointmentUpdateRequest,
        response=One(GetNonJobAppointmentResponse),
        errors=(400, 409),
    ),
    NON_JOB_APPOINTMENTS.planned(
        "NonJobAppointments_Delete",
        "DELETE",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(DeleteNonJobAppointmentResult),
        errors=(400, 404),
    ),
    NON_JOB_APPOINTMENTS.planned(
        "NonJobAppointments_GetList",
        "GET",
        query=(
            Param("technicianId", "int64"),
            Param("startsOnOrAfter", "datetime"),
            Param("startsOnOrBefore", "datetime"),
            Param("timesheetCodeId", "int64"),
            Param("activeOnly", "bool"),
            Param("showOnTechnicianSchedule", "bool"),
            Param("createdOnOrAfter", "datetime"),
            Param("createdBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("ids", "string"),
            *PAGE_PARAMS,
            Param("sort", "string"),
        ),
        response=Page(NonJobAppointmentResponse),
    ),
    NON_JOB_APPOINTMENTS.planned(
        "NonJobAppointments_Create",
        "POST",
        body=CreateNonJobAppointmentRequest,
        response=One(CreateNonJobAppointmentResult),
    ),
]
