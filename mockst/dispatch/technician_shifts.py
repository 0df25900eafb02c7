"""TechnicianShifts: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import One, Page
from mockst.api.params import Param, enum_param, path
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.technician_shifts import (
    BulkDeleteTechnicianShiftRequest,
    BulkDeleteTechnicianShiftResult,
    CreateTechnicianShiftRequest,
    DeleteTechnicianShiftResult,
    ShiftType,
    TechnicianShiftCreateResponse,
    TechnicianShiftResponse,
    TechnicianShiftUpdateResponse,
    UpdateTechnicianShiftRequest,
)

TECHNICIAN_SHIFTS = Resource(
    family=FAMILY,
    path="/technician-shifts",
    table="technician_shifts",
    scope="tn.dis.technicianshifts",
    tag="TechnicianShifts",
    noun="Technician shift",
)

OPERATIONS = [
    TECHNICIAN_SHIFTS.planned(
        "TechnicianShifts_GetList",
        "GET",
        query=(
            Param("startsOnOrAfter", "datetime"),
            Param("endsOnOrBefore", "datetime"),
            enum_param("shiftType", ShiftType),
            Param("technicianId", "int64"),
            Param("titleContains", "string"),
            Param("noteContains", "string"),
            *PAGE_PARAMS,
            ACTIVE,
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("sort", "string"),
        ),
        response=Page(TechnicianShiftResponse),
    ),
    TECHNICIAN_SHIFTS.planned(
        "TechnicianShifts_Create",
        "POST",
        body=CreateTechnicianShiftRequest,
        response=One(TechnicianShiftCreateResponse),
    ),
    TECHNICIAN_SHIFTS.planned(
        "TechnicianShifts_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(TechnicianShiftResponse),
        errors=(400, 404),
    ),
    TECHNICIAN_SHIFTS.planned(
        "TechnicianShifts_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=UpdateTechnicianShiftRequest,
        response=One(TechnicianShiftUpdateResponse),
        errors=(400, 404),
    ),
    TECHNICIAN_SHIFTS.planned(
        "TechnicianShifts_Delete",
        "DELETE",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(DeleteTechnicianShiftResult),
        errors=(400, 404),
    ),
    TECHNICIAN_SHIFTS.planned(
        "TechnicianShifts_BulkDelete",
        "POST",
        suffix="/bulk-delete",
        body=BulkDeleteTechnicianShiftRequest,
        response=One(BulkDeleteTechnicianShiftResult),
    ),
]
