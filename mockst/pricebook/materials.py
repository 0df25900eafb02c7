"""Materials: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.models.materials import (
    CostTypeResponse,
    MaterialCreateRequest,
    MaterialResponse,
    MaterialUpdateRequest,
)

MATERIALS = Resource(
    family=FAMILY,
    path="/materials",
    table="materials",
    scope="tn.pb.materials",
    tag="Materials",
    noun="Material",
)

OPERATIONS = [
    MATERIALS.planned(
        "Materials_GetList",
        "GET",
        query=(
            Param("isOtherDirectCost", "bool"),
            Param("costTypeIds", "string"),
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
        response=Page(MaterialResponse),
    ),
    MATERIALS.planned(
        "Materials_Create",
        "POST",
        body=MaterialCreateRequest,
        response=One(MaterialResponse),
        status=201,
    ),
    MATERIALS.planned(
        "Materials_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        query=(Param("externalDataApplicationGuid", "guid"),),
        response=One(MaterialResponse),
        errors=(400, 404),
    ),
    MATERIALS.planned(
        "Materials_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=MaterialUpdateRequest,
        response=One(MaterialResponse),
        errors=(400, 404),
    ),
    MATERIALS.planned(
        "Materials_Delete",
        "DELETE",
        suffix="/{id}",
        path_params=(path("id"),),
        response=Empty(),
        status=204,
        errors=(400, 404),
    ),
    MATERIALS.planned(
        "Materials_GetCostTypes",
        "GET",
        suffix="/costtypes",
        response=Page(CostTypeResponse),
    ),
]
