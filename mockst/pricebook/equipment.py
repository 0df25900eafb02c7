"""Equipment: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.models.equipment import (
    EquipmentCreateRequest,
    EquipmentResponse,
    EquipmentUpdateRequest,
)

EQUIPMENT = Resource(
    family=FAMILY,
    path="/equipment",
    table="equipment",
    scope="tn.pb.equipment",
    tag="Equipment",
    noun="Equipment",
)

OPERATIONS = [
    EQUIPMENT.planned(
        "Equipment_GetList",
        "GET",
        query=(
            *PAGE_PARAMS,
            Param("sort", "string"),
            Param("ids", "string"),
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            ACTIVE,
            Param("externalDataApplicationGuid", "guid"),
            Param("externalDataKey", "string"),
            Param("externalDataValues", "string"),
            Param("searchText", "string", min_length=2, max_length=200),
        ),
        response=Page(EquipmentResponse),
    ),
    EQUIPMENT.planned(
        "Equipment_Create",
        "POST",
        body=EquipmentCreateRequest,
        response=One(EquipmentResponse),
        status=201,
    ),
    EQUIPMENT.planned(
        "Equipment_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        query=(Param("externalDataApplicationGuid", "guid"),),
        response=One(EquipmentResponse),
        errors=(400, 404),
    ),
    EQUIPMENT.planned(
        "Equipment_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=EquipmentUpdateRequest,
        response=One(EquipmentResponse),
        errors=(400, 404),
    ),
    EQUIPMENT.planned(
        "Equipment_Delete",
        "DELETE",
        suffix="/{id}",
        path_params=(path("id"),),
        response=Empty(),
        status=204,
        errors=(400, 404),
    ),
]
