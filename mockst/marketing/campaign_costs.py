"""Campaign costs: what a campaign costs a day, one row per campaign and month.

Create: the campaign must be the tenant's, ``month`` 1 to 12, ``year`` 1 to 9999 and
``dailyCost`` 0 or more (400 naming the field); a campaign has one cost per month, so a second
cost for the same campaign and month is a 400 on ``month`` (PATCH the first). PATCH changes only
``dailyCost`` and answers ``{id}``. An unknown id is 404, though the document declares none (the
facts document's U21). Both lists filter by ``year``, ``month`` (and ``campaignId``) and sort by
Id or Date (year, then month); ``GET /campaigns/{id}/costs`` is the campaign's costs (404 for an
unknown campaign). Costs cannot be deleted.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import PAGE_PARAMS, SORT_PARAM, equals, page_of, project
from mockst.api.operation import Call, One, Page, TenantContext
from mockst.api.resource import ID, Resource
from mockst.api.shared_models import ModificationResponse
from mockst.errors import validation_error
from mockst.marketing import FAMILY
from mockst.marketing.campaigns import CAMPAIGNS
from mockst.marketing.models.campaign_costs import (
    CreateCampaignCostRequest,
    UpdateCampaignCostRequest,
)
from mockst.marketing.models.common import CampaignCostResponse
from mockst.store.table import Row

CAMPAIGN_COSTS = Resource(
    family=FAMILY,
    path="/costs",
    table="costs",
    scope="tn.mrk.costs",
    tag="CampaignCosts",
    noun="Campaign cost",
)
# "Date" sorts by year, then month: rows keep both as one number, ``period`` (202605).
SORT = {"Id": "id", "Date": "period"}
YEAR, MONTH = equals("year", kind="int32"), equals("month", kind="int32")
CAMPAIGN = equals("campaignId", kind="int64")


Errors = dict[str, list[str]]


def _check_cost(errors: Errors, daily_cost: float) -> None:
    if daily_cost < 0:
        errors["dailyCost"] = ["The dailyCost must be 0 or greater."]


def create_campaign_cost(ctx: TenantContext, body: CreateCampaignCostRequest) -> Row:
    """A month's daily cost of one campaign (the API's create, seeds, the control plane)."""
    errors: Errors = {}
    if ctx.table(CAMPAIGNS.table).get(body.campaignId) is None:
        errors["campaignId"] = [f"Campaign {body.campaignId} does not exist."]
    if not 1 <= body.year <= 9999:
        errors["year"] = ["The year must be between 1 and 9999."]
    if not 1 <= body.month <= 12:
        errors["month"] = ["The month must be between 1 and 12."]
    _check_cost(errors, body.dailyCost)
    period = body.year * 100 + body.month
    if not errors and any(
        r.get("campaignId") == body.campaignId and r.get("period") == period
        for r in ctx.table(CAMPAIGN_COSTS.table).rows()
    ):
        errors["month"] = [f"Campaign {body.campaignId} already has a cost for "
                           f"{body.year}-{body.month:02d}."]  # fmt: skip
    if errors:
        raise validation_error(errors)
    data = {"campaignId": body.campaignId, "year": body.year, "month": body.month,
            "dailyCost": body.dailyCost, "period": period, "active": True}  # fmt: skip
    return CAMPAIGN_COSTS.insert(ctx, data)


def _create(call: Call) -> dict[str, Any]:
    return project(create_campaign_cost(call, call.body).data, CampaignCostResponse)


def _update(call: Call) -> dict[str, Any]:
    body: UpdateCampaignCostRequest = call.body
    row = CAMPAIGN_COSTS.find(call, call.path["id"])
    errors: Errors = {}
    _check_cost(errors, body.dailyCost)
    if errors:
        raise validation_error(errors)
    CAMPAIGN_COSTS.change(call, row, {"dailyCost": body.dailyCost})
    return {"id": row.id}


def _campaign_costs(call: Call) -> dict[str, Any]:
    campaign = CAMPAIGNS.find(call, call.path["id"])
    rows = (r for r in call.table(CAMPAIGN_COSTS.table).rows()
            if r.get("campaignId") == campaign.id)  # fmt: skip
    return page_of(call, rows, CampaignCostResponse, (YEAR, MONTH), SORT)


OPERATIONS = [
    CAMPAIGN_COSTS.list_op(
        "CampaignCosts_GetList", CampaignCostResponse,
        summary="List campaign costs", filters=(YEAR, MONTH, CAMPAIGN), sort=SORT,
        order=(*(p.name for p in PAGE_PARAMS), "year", "month", "campaignId", "sort"),
    ),
    CAMPAIGN_COSTS.operation(
        "CampaignCosts_Create", "POST", _create,
        summary="Record a campaign's daily cost for a month", body=CreateCampaignCostRequest,
        response=One(CampaignCostResponse),
    ),
    CAMPAIGN_COSTS.get_op(
        "CampaignCosts_Get", CampaignCostResponse, summary="Get a campaign cost", errors=(400,),
    ),
    CAMPAIGN_COSTS.operation(
        "CampaignCosts_Update", "PATCH", _update, suffix="/{id}",
        summary="Change a campaign cost", path_params=(ID,), body=UpdateCampaignCostRequest,
        response=One(ModificationResponse),
    ),
    # Listed under the campaign (the Campaigns tag and scope), served here with the costs' rules.
    CAMPAIGNS.operation(
        "Campaigns_GetCosts", "GET", _campaign_costs, suffix="/{id}/costs",
        summary="List a campaign's costs", path_params=(ID,),
        query=(*PAGE_PARAMS, YEAR.param, MONTH.param, SORT_PARAM),
        response=Page(CampaignCostResponse),
    ),
]  # fmt: skip
