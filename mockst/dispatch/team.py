"""Team: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.listing import PAGE_PARAMS
from mockst.api.operation import Empty, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.team import CreateTeamRequest, CreateTeamResponse, TeamResponse

TEAM = Resource(
    family=FAMILY,
    path="/teams",
    table="teams",
    scope="tn.dis.teams",
    tag="Team",
    noun="Team",
)

OPERATIONS = [
    TEAM.planned(
        "Team_GetList",
        "GET",
        query=(
            *PAGE_PARAMS,
            Param("includeInactive", "bool"),
            Param("createdOnOrAfter", "datetime"),
            Param("createdBefore", "datetime"),
            Param("modifiedOnOrAfter", "datetime"),
            Param("modifiedBefore", "datetime"),
            Param("sort", "string"),
        ),
        response=Page(TeamResponse),
    ),
    TEAM.planned(
        "Team_Create",
        "POST",
        body=CreateTeamRequest,
        response=One(CreateTeamResponse),
    ),
    TEAM.planned(
        "Team_Get",
        "GET",
        suffix="/{id}",
        path_params=(path("id"),),
        response=One(TeamResponse),
        errors=(400, 404),
    ),
    TEAM.planned(
        "Team_Delete",
        "DELETE",
        suffix="/{id}",
        path_params=(path("id"),),
        response=Empty(),
        errors=(400, 404),
    ),
]
