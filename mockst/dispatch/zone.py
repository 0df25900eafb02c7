"""Zone: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.zone import (
    CreateOrUpdateZoneRequestArgs,
    CreateOrUpdateZoneResponse,
    ZoneResponse,
)

ZONE = Resource(
    family=FAMILY,
    path="/zones",
    table="zones",
    scope="tn.dis.zones",
    tag="Zone",
    noun="Zone",
)

OPERATIONS = [
    ZONE.planned(
        "Zone_GetList",
        "GET",
        query=(
            *PAGE_PARAMS,
            Param("createdOnOrAfter", "datetime"),
            Param("createdBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            ACTIVE,
            Param("sort", "string"),
        ),
        response=Page(ZoneResponse),
    ),
    ZONE.planned(
        "Zone_CreateZone",
        "POST",
        body=CreateOrUpdateZoneRequestArgs,
        response=One(CreateOrUpdateZoneResponse),
    ),
    ZONE.planned(
        "Zone_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(ZoneResponse),
        errors=(400, 404),
    ),
    ZONE.planned(
        "Zone_UpdateZone",
        "PATCH",
        suffix="/{zoneId}",
        path_params=(path("zoneId"),),
        body=CreateOrUpdateZoneRequestArgs,
        response=One(CreateOrUpdateZoneResponse),
    ),
    ZONE.planned(
        "Zone_DeleteZone",
        "DELETE",
        suffix="/{zoneId}",
        path_params=(path("zoneId"),),
        response=Empty(),
    ),
]
