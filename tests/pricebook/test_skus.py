"""Price-book SKUs: create 201, categories they point into, links, lists, soft delete, feeds."""

from __future__ import annotations

from typing import Any

from mockst.testing import TenantApi


def _category(api: TenantApi, name: str, kind: str = "Services", **extra: Any) -> dict[str, Any]:
    response = api.call("Categories_Create", json={"name": name, "categoryType": kind, **extra})
    assert response.status_code == 201, response.text
    return response.json()


def _sku(api: TenantApi, op: str, code: str, **extra: Any) -> dict[str, Any]:
    response = api.call(op, json={"code": code, "description": f"<p>{code}</p>", **extra})
    assert response.status_code == 201, response.text
    return response.json()


def test_a_service_is_created_with_its_categories_and_cost(api: TenantApi) -> None:
    drains = _category(api, "Drains")
    part = _sku(api, "Materials_Create", "PVC-2", cost=4.5, price=9)
    service = _sku(
        api, "Services_Create", "DR-100", displayName="Drain cleaning", price=189,
        categories=[drains["id"]], serviceMaterials=[{"skuId": part["id"], "quantity": 2}],
        unknownField="ignored",
    )
    assert service["categories"] == [{"id": drains["id"], "name": "Drains", "active": True}]
    assert service["cost"] == 9 and service["active"] is True
    assert service["hours"] == 0 and service["recommendations"] == []
    got = api.call("Services_Get", id=service["id"], params={"calculatePrices": "true"}).json()
    assert (got["calculatedPrice"], got["useStaticPrices"]) == (189, True)
    plain = api.call("Services_Get", id=service["id"]).json()
    assert plain["calculatedPrice"] is None


def test_bad_references_are_refused_naming_the_field(api: TenantApi) -> None:
    parts = _category(api, "Parts", "Materials")
    service = _sku(api, "Services_Create", "S-1")
    response = api.call("Services_Create", json={
        "code": "S-2", "description": "",
        "categories": [parts["id"]], "serviceMaterials": [{"skuId": service["id"], "quantity": 1}],
    })
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "categories[0]" in errors and "serviceMaterials[0]" in errors
    assert api.call("Services_GetList", params={"active": "Any"}).json()["data"][0]["code"] == "S-1"


def test_lists_search_sort_and_accept_what_taps_send(api: TenantApi) -> None:
    for code, name, price in (("WH-40", "Water heater 40 gal", 1800), ("AC-3", "AC 3 ton", 5200),
                              ("FLT", "Filter", 20)):
        _sku(api, "Equipment_Create", code, displayName=name, price=price)
    found = api.call("Equipment_GetList", params={"searchText": "heater"}).json()["data"]
    assert [e["code"] for e in found] == ["WH-40"]
    by_price = api.call("Equipment_GetList", params={"sort": "-Price"}).json()["data"]
    assert [e["code"] for e in by_price] == ["AC-3", "WH-40", "FLT"]
    tap = api.call("Services_GetList", params={
        "calculatePrices": "true", "active": "Any", "pageSize": 5000, "name": "x",
        "modifiedOnOrAfter": "2000-01-01T00:00:00.001Z",
    })
    assert tap.status_code == 200
    assert api.call("Equipment_GetList", params={"searchText": "h"}).status_code == 400


def test_patch_changes_what_it_sends_and_delete_is_soft(api: TenantApi) -> None:
    fee = api.call("DiscountAndFees_Create", json={
        "type": "Fee", "code": "TRIP", "description": "Trip charge", "amountType": "Fixed",
        "amount": 49,
    })
    assert fee.status_code == 201, fee.text
    ident = fee.json()["id"]
    patched = api.call("DiscountAndFees_Update", id=ident, json={"amount": 59}).json()
    assert (patched["amount"], patched["code"]) == (59, "TRIP")
    assert api.call("DiscountAndFees_Delete", id=ident).status_code == 204
    gone = api.call("DiscountAndFees_Get", id=ident).json()
    assert gone["active"] is False
    assert api.call("DiscountAndFees_GetList").json()["data"] == []
    assert len(api.call("DiscountAndFees_GetList", params={"active": "False"}).json()["data"]) == 1


def test_feeds_carry_changes_and_deletes(api: TenantApi) -> None:
    service = _sku(api, "Services_Create", "S-1")
    api.call("Services_Delete", id=service["id"])
    feed = api.call("Export_Services", params={"includeRecentChanges": "true"}).json()
    assert [(r["id"], r["active"]) for r in feed["data"]] == [(service["id"], False)]
    again = api.call("Export_Services", params={"from": feed["continueFrom"],
                                                 "includeRecentChanges": "true"}).json()
    assert again["data"] == []


def test_category_tree(api: TenantApi) -> None:
    plumbing = _category(api, "Plumbing")
    heaters = _category(api, "Water Heaters", parentId=plumbing["id"])
    tank = _category(api, "Tank", parentId=heaters["id"])
    top = api.call("Categories_Get", id=plumbing["id"]).json()
    assert top["subcategories"][0]["subcategories"][0]["id"] == tank["id"]
    assert [c["position"] for c in (plumbing, heaters, tank)] == [1, 1, 1]
    wrong = api.call("Categories_Create", json={"name": "X", "categoryType": "Materials",
                                               "parentId": plumbing["id"]})
    assert wrong.status_code == 400 and "parentId" in wrong.json()["errors"]
    circle = api.call("Categories_Update", id=plumbing["id"], json={"parentId": tank["id"]})
    assert circle.status_code == 400
    assert api.call("Categories_Delete", id=heaters["id"]).status_code == 400
    assert api.call("Categories_Delete", id=tank["id"]).status_code == 204
    assert api.call("Categories_GetList", params={"sort": "+ModifiedOn"}).status_code == 400
    listed = api.call("Categories_GetList", params={"sort": "Name"}).json()["data"]
    names = [c["name"] for c in listed]
    assert names == ["Plumbing", "Water Heaters"]
