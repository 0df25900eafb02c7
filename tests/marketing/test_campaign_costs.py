"""Campaign costs (Marketing v2): a daily cost per campaign and month, listed, changed and summed
over a span of days; the email channel's cost."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from mockst.api.operation import TenantContext
from mockst.config import Config
from mockst.marketing.campaign_categories import create_category
from mockst.marketing.campaigns import create_campaign
from mockst.marketing.models.campaigns import CampaignUpsertRequest
from mockst.marketing.seed import CAMPAIGNS
from mockst.seed import populate_tenant
from mockst.settings.business_units import create_business_unit
from mockst.store.world import World
from mockst.testing import TenantApi


@pytest.fixture
def campaigns(world: World, api: TenantApi) -> list[int]:
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())
        unit = int(create_business_unit(ctx, "Plumbing").id)
        category = int(create_category(ctx, "Online").id)
        return [int(create_campaign(ctx, CampaignUpsertRequest(
            name=name, businessUnitId=unit, categoryId=category, active=True)).id)
            for name in ("Google Ads", "Yelp")]  # fmt: skip


def cost(api: TenantApi, campaign: int, year: int, month: int, daily: float) -> dict[str, Any]:
    made = api.call("CampaignCosts_Create", json={"campaignId": campaign, "year": year,
                                                  "month": month, "dailyCost": daily})
    assert made.status_code == 200, made.text
    return made.json()


def test_create_get_and_update(api: TenantApi, campaigns: list[int]) -> None:
    made = cost(api, campaigns[0], 2026, 5, 12.5)
    assert made == {"id": made["id"], "year": 2026, "month": 5, "dailyCost": 12.5,
                    "campaignId": campaigns[0]}
    assert api.call("CampaignCosts_Get", id=made["id"]).json() == made
    changed = api.call("CampaignCosts_Update", id=made["id"], json={"dailyCost": 20})
    assert changed.json() == {"id": made["id"]}
    assert api.call("CampaignCosts_Get", id=made["id"]).json()["dailyCost"] == 20
    assert api.call("CampaignCosts_Get", id=424242).status_code == 404
    assert api.call("CampaignCosts_Update", id=made["id"],
                    json={"dailyCost": -1}).status_code == 400


def test_create_checks_the_campaign_the_month_and_repeats(
    api: TenantApi, campaigns: list[int]
) -> None:
    refused = api.call("CampaignCosts_Create", json={"campaignId": 999, "year": 0, "month": 13,
                                                     "dailyCost": -2})
    assert set(refused.json()["errors"]) == {"campaignId", "year", "month", "dailyCost"}
    cost(api, campaigns[0], 2026, 5, 1)
    again = api.call("CampaignCosts_Create", json={"campaignId": campaigns[0], "year": 2026,
                                                   "month": 5, "dailyCost": 2})
    assert again.status_code == 400 and "already has a cost" in again.json()["errors"]["month"][0]
    cost(api, campaigns[1], 2026, 5, 2)  # another campaign's May is its own


def test_lists_filter_and_sort_by_date(api: TenantApi, campaigns: list[int]) -> None:
    later = cost(api, campaigns[0], 2026, 3, 1)["id"]
    earlier = cost(api, campaigns[0], 2025, 12, 1)["id"]
    other = cost(api, campaigns[1], 2026, 3, 1)["id"]

    def ids(operation: str, **kwargs: Any) -> list[int]:
        response = api.call(operation, **kwargs)
        assert response.status_code == 200, response.text
        return [c["id"] for c in response.json()["data"]]

    assert ids("CampaignCosts_GetList", params={"sort": "+Date"}) == [earlier, later, other]
    assert ids("CampaignCosts_GetList", params={"sort": "-Date"})[-1] == earlier
    assert ids("CampaignCosts_GetList", params={"year": 2026, "month": 3}) == [later, other]
    assert ids("CampaignCosts_GetList", params={"campaignId": campaigns[1]}) == [other]
    assert ids("Campaigns_GetCosts", id=campaigns[0]) == [later, earlier]
    assert ids("Campaigns_GetCosts", id=campaigns[0], params={"year": 2025}) == [earlier]
    assert api.call("Campaigns_GetCosts", id=4242).status_code == 404


def test_summary_counts_the_days_of_each_month_in_the_span(
    api: TenantApi, campaigns: list[int]
) -> None:
    cost(api, campaigns[0], 2026, 1, 10)
    cost(api, campaigns[0], 2026, 2, 1.5)
    cost(api, campaigns[1], 2026, 6, 100)  # outside the span
    span = {"from": "2026-01-30T00:00:00Z", "to": "2026-02-02T23:00:00Z"}
    summary = api.call("CampaignCostSummary_Get", params=span).json()
    # Jan 30, 31 at 10 a day; Feb 1, 2 at 1.5 a day
    assert summary == {"items": [{"campaignId": campaigns[0], "campaignName": "Google Ads",
                                  "totalCost": 23.0}]}
    backwards = {"from": "2026-02-02T00:00:00Z", "to": "2026-01-01T00:00:00Z"}
    assert api.call("CampaignCostSummary_Get", params=backwards).json() == {"items": []}
    assert api.call("CampaignCostSummary_Get", params={"from": span["from"]}).status_code == 400


def test_email_channel_cost_is_unknown_unless_configured(api: TenantApi) -> None:
    span = {"from": "2026-01-01T00:00:00Z", "to": "2026-01-10T00:00:00Z"}
    assert api.call("EmailChannelCost_Get", params=span).json() == {"totalCost": None}


class TestEmailChannelDailyCostSetting:
    @pytest.fixture
    def config(self) -> Config:
        return replace(Config(), email_channel_daily_cost=2.5)

    def test_the_daily_cost_times_the_days(self, api: TenantApi) -> None:
        span = {"from": "2026-01-01T00:00:00Z", "to": "2026-01-10T00:00:00Z"}
        assert api.call("EmailChannelCost_Get", params=span).json() == {"totalCost": 25.0}


def test_the_demo_world_has_campaign_costs(world: World, api: TenantApi) -> None:
    counts = populate_tenant(world, api.tenant_id, seed=3, customers=3)
    paid = [c for c in CAMPAIGNS if c[-1]]
    assert counts["costs"] == len(paid) * 3
    costs = api.call("CampaignCosts_GetList", params={"sort": "+Date", "pageSize": 100}).json()
    assert len(costs["data"]) == counts["costs"]
    now = world.clock.now()
    assert (costs["data"][-1]["year"], costs["data"][-1]["month"]) == (now.year, now.month)
    span = {"from": f"{now.year}-{now.month:02d}-01", "to": now.isoformat()}
    items = api.call("CampaignCostSummary_Get", params=span).json()["items"]
    assert {i["campaignName"] for i in items} == {c[0] for c in paid}
    assert all(i["totalCost"] > 0 for i in items)
