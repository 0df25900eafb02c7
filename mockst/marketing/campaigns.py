"""Campaigns: the marketing effort a call, booking, lead or job is credited to.

Created and PATCHed with the whole ``CampaignUpsertRequest`` (the document requires name,
business unit, category and active on both). The business unit and category must be the tenant's
(400 naming the field otherwise). The answer shows the category as it is now (its name, whether
it is active) and the business unit by its name, as the real response does (a string, not an id);
``dnis``, the tracking number, is listed in ``campaignPhoneNumbers``. The list shows active
campaigns unless ``active`` says otherwise; ``name`` matches part of the name in any case;
``campaignPhoneNumber`` matches a tracking number by its digits; sort by Id, Name, CreatedOn or
ModifiedOn. A campaign's costs are served by ``campaign_costs.py``.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import (
    PAGE_PARAMS,
    STANDARD_SORT,
    Filter,
    active_filter,
    contains,
    date_filters,
    ids_filter,
    project,
)
from mockst.api.operation import Call, One, TenantContext
from mockst.api.params import Param
from mockst.api.resource import ID, Resource
from mockst.errors import field_error
from mockst.marketing import FAMILY
from mockst.marketing.campaign_categories import CAMPAIGN_CATEGORIES
from mockst.marketing.models.campaigns import CampaignResponse, CampaignUpsertRequest
from mockst.settings.business_units import BUSINESS_UNITS
from mockst.store.table import Row

CAMPAIGNS = Resource(
    family=FAMILY,
    path="/campaigns",
    table="campaigns",
    scope="tn.mrk.campaigns",
    tag="Campaigns",
    noun="Campaign",
)
SORT = {**STANDARD_SORT, "Name": "name"}


def _digits(text: str | None) -> str:
    return "".join(ch for ch in text or "" if ch.isdigit())


def _fields(ctx: TenantContext, body: CampaignUpsertRequest) -> dict[str, Any]:
    """The stored campaign of an upsert body, its references checked."""
    if not body.name.strip():
        raise field_error("name", "The name must not be empty.")
    if ctx.table(BUSINESS_UNITS.table).get(body.businessUnitId) is None:
        raise field_error("businessUnitId", f"Business unit {body.businessUnitId} does not exist.")
    if ctx.table(CAMPAIGN_CATEGORIES.table).get(body.categoryId) is None:
        raise field_error("categoryId", f"Campaign category {body.categoryId} does not exist.")
    return {
        "name": body.name.strip(),
        "active": body.active,
        "businessUnitId": body.businessUnitId,
        "categoryId": body.categoryId,
        "isDefaultCampaign": body.isDefaultCampaign,
        "source": body.source,
        "otherSource": body.otherSource,
        "medium": body.medium,
        "otherMedium": body.otherMedium,
        "campaignPhoneNumbers": [body.dnis] if body.dnis else [],
    }


def render(ctx: TenantContext, row: Row) -> dict[str, Any]:
    """The campaign with its category and business unit as they are now."""
    data = row.data
    category = ctx.table(CAMPAIGN_CATEGORIES.table).get(data["categoryId"])
    unit = ctx.table(BUSINESS_UNITS.table).get(data["businessUnitId"])
    data["category"] = (
        {"id": category.id, "name": category.get("name"), "active": category.active}
        if category is not None
        else None
    )
    data["businessUnit"] = unit.get("name") if unit is not None else None
    return project(data, CampaignResponse)


def create_campaign(ctx: TenantContext, body: CampaignUpsertRequest) -> Row:
    """A campaign of the tenant (the API's create, seeds, the control plane)."""
    return CAMPAIGNS.insert(ctx, _fields(ctx, body))


def _create(call: Call) -> dict[str, Any]:
    return render(call, create_campaign(call, call.body))


def _update(call: Call) -> dict[str, Any]:
    row = CAMPAIGNS.find(call, call.path["id"])
    return render(call, CAMPAIGNS.change(call, row, _fields(call, call.body)))


def _get(call: Call) -> dict[str, Any]:
    return render(call, CAMPAIGNS.find(call, call.path["id"]))


PHONE = Filter(
    Param("campaignPhoneNumber", "string"),
    lambda row, wanted: any(_digits(n) == wanted for n in row.get("campaignPhoneNumbers") or ()),
    prepare=lambda value, _call: _digits(value) or None,
)
LIST_ORDER = (
    *(p.name for p in PAGE_PARAMS), "modifiedBefore", "modifiedOnOrAfter", "active", "ids",
    "name", "createdBefore", "createdOnOrAfter", "campaignPhoneNumber", "sort",
)

OPERATIONS = [
    CAMPAIGNS.list_op(
        "Campaigns_GetList", CampaignResponse,
        summary="List campaigns",
        filters=(
            *date_filters(), active_filter("ActiveRequestArg"), ids_filter(), contains("name"),
            PHONE,
        ),
        sort=SORT, order=LIST_ORDER,
        render=render,
    ),
    CAMPAIGNS.operation(
        "Campaigns_Create", "POST", _create,
        summary="Create a campaign", body=CampaignUpsertRequest, response=One(CampaignResponse),
    ),
    CAMPAIGNS.operation(
        "Campaigns_Get", "GET", _get, suffix="/{id}",
        summary="Get a campaign", path_params=(ID,), response=One(CampaignResponse),
    ),
    CAMPAIGNS.operation(
        "Campaigns_Update", "PATCH", _update, suffix="/{id}",
        summary="Replace a campaign's fields", path_params=(ID,),
        body=CampaignUpsertRequest, response=One(CampaignResponse),
    ),
]
