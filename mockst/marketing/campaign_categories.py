"""Campaign categories: how a tenant groups its campaigns (Advertising, Referrals…).

Created with a name (type ``Regular``; Google's Home Services categories are ServiceTitan's own
and come from seeds), renamed or deactivated by PATCH; every write answers ``{id}``. The list
shows active and inactive categories alike (the document gives it no ``active`` filter) and
sorts by Id, Name or CreatedOn.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import PAGE_PARAMS, date_filters, project
from mockst.api.operation import Call, One, TenantContext
from mockst.api.resource import ID, Resource
from mockst.errors import field_error
from mockst.marketing import FAMILY
from mockst.marketing.models.campaign_categories import (
    CampaignCategoryCreateRequest,
    CampaignCategoryResponse,
    CampaignCategoryType,
    CampaignCategoryUpdateRequest,
)
from mockst.marketing.models.common import ModificationResponse
from mockst.store.table import Row

CAMPAIGN_CATEGORIES = Resource(
    family=FAMILY,
    path="/categories",
    table="campaign_categories",
    scope="tn.mrk.categories",
    tag="CampaignCategories",
    noun="Campaign category",
)
SORT = {"Id": "id", "Name": "name", "CreatedOn": "createdOn"}


def _name(text: str) -> str:
    if not text.strip():
        raise field_error("name", "The name must not be empty.")
    return text.strip()


def create_category(
    ctx: TenantContext,
    name: str,
    *,
    kind: CampaignCategoryType = CampaignCategoryType.REGULAR,
    active: bool = True,
) -> Row:
    """A category of the tenant (the API's create, seeds, the control plane)."""
    return CAMPAIGN_CATEGORIES.insert(
        ctx, {"name": _name(name), "active": active, "type": kind.value}
    )


def _create(call: Call) -> dict[str, Any]:
    body: CampaignCategoryCreateRequest = call.body
    return {"id": create_category(call, body.name).id}


def _update(call: Call) -> dict[str, Any]:
    body: CampaignCategoryUpdateRequest = call.body
    row = CAMPAIGN_CATEGORIES.find(call, call.path["id"])
    changes: dict[str, Any] = {"name": _name(body.name)}
    if body.active is not None:
        changes["active"] = body.active
    CAMPAIGN_CATEGORIES.change(call, row, changes)
    return {"id": row.id}


def _get(call: Call) -> dict[str, Any]:
    return project(CAMPAIGN_CATEGORIES.find(call, call.path["id"]).data, CampaignCategoryResponse)


OPERATIONS = [
    CAMPAIGN_CATEGORIES.list_op(
        "CampaignCategories_GetList", CampaignCategoryResponse,
        summary="List campaign categories",
        filters=date_filters(), sort=SORT, order=(*(p.name for p in PAGE_PARAMS),),
    ),
    CAMPAIGN_CATEGORIES.operation(
        "CampaignCategories_Create", "POST", _create,
        summary="Create a campaign category",
        body=CampaignCategoryCreateRequest, response=One(ModificationResponse),
    ),
    CAMPAIGN_CATEGORIES.operation(
        "CampaignCategories_Get", "GET", _get, suffix="/{id}",
        summary="Get a campaign category", path_params=(ID,),
        response=One(CampaignCategoryResponse),
    ),
    CAMPAIGN_CATEGORIES.operation(
        "CampaignCategories_Update", "PATCH", _update, suffix="/{id}",
        summary="Rename or deactivate a campaign category", path_params=(ID,),
        body=CampaignCategoryUpdateRequest, response=One(ModificationResponse),
    ),
]
