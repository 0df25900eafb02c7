"""What each campaign cost over a span of days: ``GET /campaign-cost-summary?from&to``.

The span is the days from ``from``'s date to ``to``'s date, both included (UTC days: costs are
daily). A campaign is listed when it has a cost for a month the span touches, in campaign id
order; its ``totalCost`` is the sum, over those months, of the month's ``dailyCost`` times the
span's days in that month, to the cent. A ``to`` before ``from`` is an empty span: no items.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import UTC, date, datetime
from typing import Any

from mockst.api.operation import Call, One
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.marketing import FAMILY
from mockst.marketing.campaign_costs import CAMPAIGN_COSTS
from mockst.marketing.campaigns import CAMPAIGNS
from mockst.marketing.models.campaign_cost_summary import CampaignCostsSummaryResponse

CAMPAIGN_COST_SUMMARY = Resource(
    family=FAMILY,
    path="/campaign-cost-summary",
    table="campaign_cost_summary",
    scope="tn.mrk.campaigncostsummary",
    tag="CampaignCostSummary",
    noun="Campaign cost summary",
)
SPAN = (Param("from", "datetime", required=True), Param("to", "datetime", required=True))


def utc_day(value: datetime) -> date:
    return (value.astimezone(UTC) if value.tzinfo else value).date()


def days_in_month(first: date, last: date, year: int, month: int) -> int:
    """How many days of ``first``..``last`` (both included) fall in the month."""
    start = max(first, date(year, month, 1))
    end = min(last, date(year, month, monthrange(year, month)[1]))
    return max(0, (end - start).days + 1)


def _summary(call: Call) -> dict[str, Any]:
    first, last = utc_day(call.query["from"]), utc_day(call.query["to"])
    totals: dict[int, float] = {}
    for cost in call.table(CAMPAIGN_COSTS.table).rows():
        days = days_in_month(first, last, cost.get("year"), cost.get("month"))
        if days:
            campaign = cost.get("campaignId")
            totals[campaign] = totals.get(campaign, 0.0) + days * cost.get("dailyCost")
    campaigns = call.table(CAMPAIGNS.table)
    items = []
    for campaign_id in sorted(totals):
        campaign = campaigns.get(campaign_id)
        name = campaign.get("name") if campaign is not None else ""
        items.append({"campaignId": campaign_id, "campaignName": name,
                      "totalCost": round(totals[campaign_id], 2)})  # fmt: skip
    return {"items": items}


OPERATIONS = [
    CAMPAIGN_COST_SUMMARY.operation(
        "CampaignCostSummary_Get", "GET", _summary,
        summary="What each campaign cost over a span of days", query=SPAN,
        response=One(CampaignCostsSummaryResponse),
    ),
]  # fmt: skip
