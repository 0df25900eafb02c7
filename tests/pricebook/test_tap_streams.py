"""The calls the Singer/Meltano tap makes for its price-book and installed-equipment streams, on
a seeded world: every stream reads on the defaults, page by page and by feed."""

from __future__ import annotations

from typing import Any

from mockst.encoding import sortable_stamp
from mockst.seed import populate_tenant
from mockst.store.world import World
from mockst.testing import TenantApi

SINCE = "2000-01-01T00:00:00.001Z"  # the tap's bookmark: last modifiedOn + 1 ms


def _pages(api: TenantApi, op: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    rows, page = [], 1
    while True:
        response = api.call(op, params={**params, "page": page, "pageSize": 5000})
        assert response.status_code == 200, (op, response.text)
        body = response.json()
        rows += body["data"]
        if not body["hasMore"]:
            return rows
        page += 1


def test_tap_streams_read_the_seeded_catalogue(world: World, api: TenantApi) -> None:
    counts = populate_tenant(world, api.tenant_id, seed=2, customers=30)
    read = {"active": "Any", "modifiedOnOrAfter": SINCE}
    services = _pages(api, "Services_GetList", {**read, "calculatePrices": "true"})
    assert len(services) == counts["services"]
    for op, table in (("Equipment_GetList", "equipment"),
                      ("DiscountAndFees_GetList", "discounts_and_fees")):
        rows = _pages(api, op, {**read, "sort": "+ModifiedOn"})
        assert len(rows) == counts[table]
        stamps = [r["modifiedOn"] for r in rows]
        assert stamps == sorted(stamps, key=sortable_stamp)
    assert len(_pages(api, "Materials_GetList", read)) == counts["materials"]
    assert len(_pages(api, "Categories_GetList", read)) > 20
    assert len(_pages(api, "ClientSpecificPricing_GetAllRateSheets", {"active": "Any"})) == 2
    assert len(_pages(api, "EquipmentTypes_GetList", read)) == counts["equipment_types"]
    installed = _pages(api, "InstalledEquipment_GetList", read)
    assert len(installed) == counts["installed_equipment"]
    for op, table in (("Export_Services", "services"), ("Export_Materials", "materials"),
                      ("Export_Equipment", "equipment")):
        feed = api.call(op, params={"from": SINCE}).json()
        assert len(feed["data"]) == counts[table] and not feed["hasMore"]
