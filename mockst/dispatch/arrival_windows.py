"""ArrivalWindows: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import ACTIVE, PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.arrival_windows import (
    ArrivalWindowConfigurationResponse,
    ArrivalWindowResponse,
    CreateArrivalWindowRequest,
    SetArrivalWindowStatusRequest,
    UpdateArrivalWindowConfigurationRequest,
    UpdateArrivalWindowRequest,
)

ARRIVAL_WINDOWS = Resource(
    family=FAMILY,
    path="/arrival-windows",
    table="arrival_windows",
    scope="tn.dis.arrivalwindows",
    tag="ArrivalWindows",
    noun="Arrival window",
)

OPERATIONS = [
    ARRIVAL_WINDOWS.planned(
        "ArrivalWindows_GetList",
        "GET",
        query=(
            *PAGE_PARAMS,
            Param("createdBefore", "datetime"),
            Param("createdOnOrAfter", "datetime"),
            ACTIVE,
        ),
        response=Page(ArrivalWindowResponse),
    ),
    ARRIVAL_WINDOWS.planned(
        "ArrivalWindows_Create",
        "POST",
        body=CreateArrivalWindowRequest,
        response=One(ArrivalWindowResponse),
    ),
    ARRIVAL_WINDOWS.planned(
        "ArrivalWindows_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(ArrivalWindowResponse),
        errors=(400, 404),
    ),
    ARRIVAL_WINDOWS.planned(
        "ArrivalWindows_Update",
        "PUT",
        suffix="/{id}",
        path_params=(path("id"),),
        body=UpdateArrivalWindowRequest,
        response=One(ArrivalWindowResponse),
    ),
    ARRIVAL_WINDOWS.planned(
        "ArrivalWindows_Activated",
        "PUT",
        suffix="/{id}/activated",
        path_params=(path("id"),),
        body=SetArrivalWindowStatusRequest,
        response=Empty(),
        errors=(400, 404),
    ),
    ARRIVAL_WINDOWS.planned(
        "ArrivalWindows_GetConfiguration",
        "GET",
        suffix="/configuration",
        response=One(ArrivalWindowConfigurationResponse),
    ),
    ARRIVAL_WINDOWS.planned(
        "ArrivalWindows_UpdatedConfiguration",
        "POST",
        suffix="/configuration",
        body=UpdateArrivalWindowConfigurationRequest,
        response=One(ArrivalWindowConfigurationResponse),
    ),
]
