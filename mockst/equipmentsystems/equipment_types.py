"""EquipmentTypes: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.equipmentsystems import FAMILY
from mockst.equipmentsystems.models.equipment_types import (
    EquipmentTypeCreateRequest,
    EquipmentTypeResponse,
    EquipmentTypeUpdateRequest,
)

EQUIPMENT_TYPES = Resource(
    family=FAMILY,
    path="/equipment-types",
    table="equipment_types",
    scope="tn.eqs.equipmenttypes",
    tag="EquipmentTypes",
    noun="Equipment type",
)

OPERATIONS = [
    EQUIPMENT_TYPES.planned(
        "EquipmentTypes_GetList",
        "GET",
        query=(
            Param("ids", "string"),
            Param("name", "string"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            *PAGE_PARAMS,
            Param("sort", "string"),
            ACTIVE,
        ),
        response=Page(EquipmentTypeResponse),
    ),
    EQUIPMENT_TYPES.planned(
        "EquipmentTypes_Create",
        "POST",
        body=EquipmentTypeCreateRequest,
        response=One(EquipmentTypeResponse),
        errors=(400, 409),
    ),
    EQUIPMENT_TYPES.planned(
        "EquipmentTypes_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(EquipmentTypeResponse),
        errors=(400, 404),
    ),
    EQUIPMENT_TYPES.planned(
        "EquipmentTypes_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=EquipmentTypeUpdateRequest,
        response=One(EquipmentTypeResponse),
        errors=(400, 404, 409),
    ),
]
