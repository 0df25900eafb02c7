"""Marketing v2: campaign categories and campaigns, their references and lists."""

from __future__ import annotations

from typing import Any

import pytest

from mockst.api.operation import TenantContext
from mockst.marketing.seed import CAMPAIGNS, CATEGORIES
from mockst.seed import populate_tenant
from mockst.settings.business_units import create_business_unit
from mockst.store.world import World
from mockst.testing import TenantApi


@pytest.fixture
def unit(world: World, api: TenantApi) -> int:
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())
        return int(create_business_unit(ctx, "HVAC Service").id)


def _category(api: TenantApi, name: str = "Online") -> int:
    created = api.call("CampaignCategories_Create", json={"name": name})
    assert created.status_code == 200, created.text
    return int(created.json()["id"])


def _campaign(api: TenantApi, unit: int, category: int, **fields: Any) -> dict[str, Any]:
    body = {"name": "Google Ads", "businessUnitId": unit, "categoryId": category, "active": True,
            **fields}
    created = api.call("Campaigns_Create", json=body)
    assert created.status_code == 200, created.text
    return created.json()


def test_categories_create_rename_deactivate(api: TenantApi) -> None:
    ident = _category(api)
    shown = api.call("CampaignCategories_Get", id=ident).json()
    assert (shown["name"], shown["active"], shown["type"]) == ("Online", True, "Regular")
    renamed = api.call("CampaignCategories_Update", id=ident, json={"name": "Web", "active": False})
    assert renamed.json() == {"id": ident}
    listed = api.call("CampaignCategories_GetList", params={"sort": "-Name"}).json()["data"]
    assert [(c["name"], c["active"]) for c in listed] == [("Web", False)]  # no active filter
    assert api.call("CampaignCategories_Create", json={"name": "  "}).status_code == 400
    assert api.call("CampaignCategories_Get", id=ident + 999).status_code == 404


def test_a_campaign_shows_its_category_and_business_unit_as_they_are_now(
    api: TenantApi, unit: int
) -> None:
    category = _category(api)
    campaign = _campaign(api, unit, category, dnis="(555) 010-2000", source="Google")
    assert campaign["category"] == {"id": category, "name": "Online", "active": True}
    assert campaign["businessUnit"] == "HVAC Service"  # a name, as the real response has it
    assert campaign["campaignPhoneNumbers"] == ["(555) 010-2000"]
    api.call("CampaignCategories_Update", id=category, json={"name": "Paid", "active": False})
    again = api.call("Campaigns_Get", id=campaign["id"]).json()
    assert again["category"] == {"id": category, "name": "Paid", "active": False}


def test_references_must_be_the_tenant_s(api: TenantApi, unit: int) -> None:
    category = _category(api)
    body = {"name": "X", "businessUnitId": unit + 999, "categoryId": category, "active": True}
    refused = api.call("Campaigns_Create", json=body)
    assert refused.status_code == 400 and "businessUnitId" in refused.json()["errors"]
    body = {**body, "businessUnitId": unit, "categoryId": category + 999}
    refused = api.call("Campaigns_Create", json=body)
    assert refused.status_code == 400 and "categoryId" in refused.json()["errors"]
    partial = api.call("Campaigns_Create", json={"name": "X"})  # the four required fields
    assert partial.status_code == 400
    assert api.call("Campaigns_GetList").json()["data"] == []


def test_update_replaces_and_the_list_filters(api: TenantApi, unit: int) -> None:
    category = _category(api)
    first = _campaign(api, unit, category, dnis="555-010-3000")
    second = _campaign(api, unit, category, name="Yelp")
    body = {"name": "Yelp Ads", "businessUnitId": unit, "categoryId": category, "active": False}
    updated = api.call("Campaigns_Update", id=second["id"], json=body)
    assert updated.status_code == 200
    assert (updated.json()["name"], updated.json()["active"]) == ("Yelp Ads", False)
    assert updated.json()["campaignPhoneNumbers"] == []

    def names(**query: str) -> list[str]:
        return [c["name"] for c in api.call("Campaigns_GetList", params=query).json()["data"]]

    assert names() == ["Google Ads"]
    assert names(active="Any", sort="-Name") == ["Yelp Ads", "Google Ads"]
    assert names(active="Any", name="yelp") == ["Yelp Ads"]
    assert names(campaignPhoneNumber="(555) 010-3000") == ["Google Ads"]
    assert names(active="Any", ids=str(first["id"])) == ["Google Ads"]


def test_the_demo_world_has_campaigns(world: World, api: TenantApi) -> None:
    counts = populate_tenant(world, api.tenant_id, seed=5, customers=5)
    assert (counts["campaigns"], counts["campaign_categories"]) == (len(CAMPAIGNS), len(CATEGORIES))
    shown = api.call("Campaigns_GetList", params={"active": "Any", "pageSize": 50}).json()["data"]
    assert len(shown) == len(CAMPAIGNS)
    assert all(c["businessUnit"] and c["category"] for c in shown)
    assert sum(c["isDefaultCampaign"] is True for c in shown) == 1
