"""The seeded price book: a few hundred SKUs in a category tree, markups, rate sheets; the same
for the same seed."""

from __future__ import annotations

from mockst.seed import populate_tenant
from mockst.store.world import World
from mockst.testing import TenantApi


def test_the_demo_world_has_a_price_book(world: World, api: TenantApi) -> None:
    counts = populate_tenant(world, api.tenant_id, seed=3, customers=5)
    skus = sum(counts[k] for k in ("services", "materials", "equipment", "discounts_and_fees"))
    assert 200 <= skus <= 400
    services = api.call("Services_GetList", params={
        "pageSize": 5000, "active": "Any", "calculatePrices": "true"}).json()["data"]
    assert len(services) == counts["services"]
    assert all(s["categories"] and s["calculatedPrice"] == s["price"] for s in services)
    assert any(not s["active"] for s in services)
    tops = [c for c in api.call("Categories_GetList", params={"pageSize": 500}).json()["data"]
            if c["parentId"] is None]
    assert {c["name"] for c in tops} >= {"Plumbing", "HVAC", "Plumbing Parts"}
    assert all(c["subcategories"] for c in tops)
    assert len(api.call("MaterialsMarkup_GetList").json()["data"]) == counts["materialsmarkup"]
    sheets = api.call("ClientSpecificPricing_GetAllRateSheets").json()["data"]
    assert len(sheets) == 2 and all(s["exceptions"] for s in sheets)


def test_the_same_seed_gives_the_same_price_book() -> None:
    def codes_and_prices(seed: int) -> list[tuple[str, float]]:
        world = World()
        populate_tenant(world, 7, seed=seed, customers=0)
        rows = world.tenant_data(7).table("equipment").rows()
        return sorted((r.get("code"), r.get("price")) for r in rows)

    assert codes_and_prices(11) == codes_and_prices(11)
    assert codes_and_prices(11) != codes_and_prices(12)
