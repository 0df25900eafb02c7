"""Teams: the groups a tenant's technicians are organised in on the dispatch board (Plumbing,
HVAC…). A team has a name (optional, as in the document) and is active or not as created; the
list shows active teams unless ``includeInactive`` is true; DELETE removes one (then 404).
``createdBy`` is the integration user for teams created through the API.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import PAGE_PARAMS, STANDARD_SORT, Filter, date_filters, project
from mockst.api.operation import Call, Empty, One, TenantContext
from mockst.api.params import Param
from mockst.api.resource import ID, Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.checks import INTEGRATION_USER
from mockst.dispatch.models.team import CreateTeamRequest, CreateTeamResponse, TeamResponse
from mockst.store.table import Row

TEAM = Resource(
    family=FAMILY,
    path="/teams",
    table="teams",
    scope="tn.dis.teams",
    tag="Team",
    noun="Team",
)


def create_team(ctx: TenantContext, name: str | None, *, active: bool = True,
                created_by: int = INTEGRATION_USER) -> Row:  # fmt: skip
    """A team of the tenant (the API, seeds, the control plane)."""
    shown = name.strip() if name is not None else None
    return TEAM.insert(ctx, {"active": active, "name": shown, "createdBy": created_by})


def _create(call: Call) -> dict[str, Any]:
    body: CreateTeamRequest = call.body
    row = create_team(call, body.name, active=body.active)
    return {**project(row.data, CreateTeamResponse), "created": True}


def _get(call: Call) -> dict[str, Any]:
    return project(TEAM.find(call, call.path["id"]).data, TeamResponse)


def _delete(call: Call) -> None:
    TEAM.remove(call, TEAM.find(call, call.path["id"]))


FILTERS = (
    Filter(Param("includeInactive", "bool"), lambda row, include: include or row.active,
           default=False),
    *date_filters(),
)  # fmt: skip
LIST_ORDER = (
    *(p.name for p in PAGE_PARAMS), "includeInactive", "createdOnOrAfter", "createdBefore",
    "modifiedOnOrAfter", "modifiedBefore", "sort",
)  # fmt: skip

OPERATIONS = [
    TEAM.list_op(
        "Team_GetList", TeamResponse,
        summary="List teams", filters=FILTERS, sort=STANDARD_SORT, order=LIST_ORDER,
    ),
    TEAM.operation(
        "Team_Create", "POST", _create,
        summary="Create a team", body=CreateTeamRequest, response=One(CreateTeamResponse),
    ),
    TEAM.operation(
        "Team_Get", "GET", _get, suffix="/{id}",
        summary="Get a team", path_params=(ID,), response=One(TeamResponse), errors=(400, 404),
    ),
    TEAM.operation(
        "Team_Delete", "DELETE", _delete, suffix="/{id}",
        summary="Delete a team", path_params=(ID,), response=Empty(), errors=(400, 404),
    ),
]  # fmt: skip
