"""Services: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.models.services import (
    ServiceCreateRequest,
    ServiceGetResponse,
    ServiceResponse,
    ServiceUpdateRequest,
)

SERVICES = Resource(
    family=FAMILY,
    path="/services",
    table="services",
    scope="tn.pb.services",
    tag="Services",
    noun="Service",
)

OPERATIONS = [
    SERVICES.planned(
        "Services_GetList",
        "GET",
        query=(
            Param("calculatePrices", "bool"),
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
        response=Page(ServiceGetResponse),
    ),
    SERVICES.planned(
        "Services_Create",
        "POST",
        body=ServiceCreateRequest,
        response=One(ServiceResponse),
        status=201,
    ),
    SERVICES.planned(
        "Services_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        query=(Param("calculatePrices", "bool"), Param("externalDataApplicationGuid", "guid"),),
        response=One(ServiceGetResponse),
        errors=(400, 404),
    ),
    SERVICES.planned(
        "Services_Update",
        "PATCH",
        suffix="/{id}",
        path_params=(path("id"),),
        body=ServiceUpdateRequest,
        response=One(ServiceResponse),
        errors=(400, 404),
    ),
    SERVICES.planned(
        "Services_Delete",
        "DELETE",
        suffix="/{id}",
        path_params=(path("id"),),
        response=Empty(),
        status=204,
        errors=(400, 404),
    ),
]
