"""Appointments: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, enum_param, path
from mockst.api.resource import Resource
from mockst.jpm import FAMILY
from mockst.jpm.models.appointments import (
    AppointmentAddRequest,
    AppointmentRescheduleRequest,
    AppointmentResponse,
    HoldAppointmentRequest,
    SetAppointmentSummaryRequest,
    UpdateAppointmentSpecialInstructionsRequest,
)
from mockst.jpm.models.common import AppointmentStatus, AppointmentSummaryApiModel

APPOINTMENTS = Resource(
    family=FAMILY,
    path="/appointments",
    table="appointments",
    scope="tn.jpm.appointments",
    tag="Appointments",
    noun="Appointment",
)

OPERATIONS = [
    APPOINTMENTS.planned(
        "Appointments_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(AppointmentResponse),
        errors=(400, 404),
    ),
    APPOINTMENTS.planned(
        "Appointments_Delete",
        "DELETE",
        suffix="/{id}",
        path_params=(path("id"),),
        response=Empty(),
        errors=(400, 404, 409),
    ),
    APPOINTMENTS.planned(
        "Appointments_GetList",
        "GET",
        query=(
            Param("ids", "string"),
            ACTIVE,
            Param("jobId", "int64"),
            Param("projectId", "int64"),
            Param("number", "string"),
            enum_param("status", AppointmentStatus),
            Param("startsOnOrAfter", "datetime"),
            Param("startsBefore", "datetime"),
            Param("technicianId", "int64"),
            Param("customerId", "int64"),
            Param("unused", "bool"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("createdBefore", "datetime"),
            *PAGE_PARAMS,
            Param("sort", "string"),
        ),
        response=Page(AppointmentResponse),
    ),
    APPOINTMENTS.planned(
        "Appointments_Add",
        "POST",
        body=AppointmentAddRequest,
        response=One(AppointmentResponse),
        errors=(400, 409),
    ),
    APPOINTMENTS.planned(
        "Appointments_Reschedule",
        "PATCH",
        suffix="/{id}/reschedule",
        path_params=(path("id"),),
        body=AppointmentRescheduleRequest,
        response=One(AppointmentResponse),
        errors=(400, 404, 409),
    ),
    APPOINTMENTS.planned(
        "Appointments_Hold",
        "PUT",
        suffix="/{id}/hold",
        path_params=(path("id"),),
        body=HoldAppointmentRequest,
        response=Empty(),
        errors=(400, 404, 409),
    ),
    APPOINTMENTS.planned(
        "Appointments_RemoveHold",
        "DELETE",
        suffix="/{id}/hold",
        path_params=(path("id"),),
        response=Empty(),
        errors=(400, 404, 409),
    ),
    APPOINTMENTS.planned(
        "Appointments_UpdateSpecialInstructions",
        "PUT",
        suffix="/{id}/special-instructions",
        path_params=(path("id"),),
        body=UpdateAppointmentSpecialInstructionsRequest,
        response=One(AppointmentResponse),
        errors=(400, 404, 409),
    ),
    APPOINTMENTS.planned(
        "Appointments_Confirm",
        "PUT",
        suffix="/{id}/confirmation",
        path_params=(path("id"),),
        response=Empty(),
        errors=(400, 404, 409),
    ),
    APPOINTMENTS.planned(
        "Appointments_RemoveConfirmation",
        "DELETE",
        suffix="/{id}/confirmation",
        path_params=(path("id"),),
        response=Empty(),
        errors=(400, 404, 409),
    ),
    APPOINTMENTS.planned(
        "Appointments_SetSummary",
        "POST",
        suffix="/{id}/summaries",
        path_params=(path("id"),),
        body=SetAppointmentSummaryRequest,
        response=One(AppointmentSummaryApiModel),
        errors=(400, 404),
    ),
]
