"""Bulk writes (all or nothing, customId links), markup tiers, rate sheets and cost types."""

from __future__ import annotations

from typing import Any

from mockst.api.operation import TenantContext
from mockst.pricebook.client_specific_pricing import create_rate_sheet
from mockst.pricebook.materials import create_cost_type
from mockst.store.world import World
from mockst.testing import TenantApi


def _item(code: str, **extra: Any) -> dict[str, Any]:
    return {"code": code, "description": code, **extra}


def test_bulk_create_links_items_by_custom_id(api: TenantApi) -> None:
    response = api.call("PricebookBulk_Create", json={
        "services": [_item("S-1", customId="svc", price=100,
                           serviceMaterials=[{"customId": "cap", "quantity": 2}])],
        "materials": [_item("CAP-45", customId="cap", cost=12.5), _item("TAPE")],
    })
    assert response.status_code == 201, response.text
    mapping = response.json()
    assert mapping["equipment"] is None and mapping["discountAndFees"] is None
    cap_id = mapping["materials"][0]["id"]
    assert mapping["materials"] == [{"customId": "cap", "id": cap_id}]
    service = api.call("Services_Get", id=mapping["services"][0]["id"]).json()
    assert service["serviceMaterials"] == [{"skuId": cap_id, "quantity": 2}]
    assert service["cost"] == 25
    assert len(api.call("Materials_GetList").json()["data"]) == 2


def test_one_bad_item_refuses_the_whole_batch(api: TenantApi) -> None:
    response = api.call("PricebookBulk_Create", json={
        "materials": [_item("OK-1"), _item("OK-2")],
        "services": [_item("S-1"), _item("S-2", serviceMaterials=[{"customId": "nope",
                                                                    "quantity": 1}])],
    })
    assert response.status_code == 400
    assert "services[1].serviceMaterials[0]" in response.json()["errors"]
    assert api.call("Materials_GetList", params={"active": "Any"}).json()["data"] == []
    assert api.call("Services_GetList", params={"active": "Any"}).json()["data"] == []


def _full_material(ident: int, code: str) -> dict[str, Any]:
    return {
        "id": ident, "code": code, "displayName": code, "description": "", "cost": 3,
        "active": True,
        "price": 7, "memberPrice": 6, "addOnPrice": 7, "addOnMemberPrice": 6, "hours": 0,
        "bonus": 0, "commissionBonus": 0, "paysCommission": False, "deductAsJobCost": False,
        "unitOfMeasure": "ea", "isInventory": False, "account": "", "costOfSaleAccount": "",
        "assetAccount": "", "taxable": True, "otherVendors": [],
        "primaryVendor": {"vendorId": 7, "cost": 3, "active": True},
        "categories": [], "assets": [], "chargeableByDefault": True,
        "intacctGlGroupAccount": "", "budgetCostCode": "", "budgetCostType": "",
        "isCostLocked": False, "isPriceLocked": False, "isChemical": False, "epaNumber": "",
        "activeIngredients": "", "variationMaterials": [], "isConfigurableMaterial": False,
        "displayInAmount": False, "isOtherDirectCost": False, "costTypeId": None,
        "generalLedgerAccountId": None,
    }


def test_bulk_update_is_atomic(api: TenantApi) -> None:
    made = api.call("PricebookBulk_Create", json={
        "materials": [_item("A", customId="a"), _item("B", customId="b")]}).json()["materials"]
    a, b = (m["id"] for m in made)
    bad = api.call("PricebookBulk_Update", json={"materials": [
        _full_material(a, "A2"), {**_full_material(b, "B2"), "id": 999_999_999}]})
    assert bad.status_code == 400, bad.text
    assert "materials[1].id" in bad.json()["errors"]
    assert api.call("Materials_Get", id=a).json()["code"] == "A"
    missing = {k: v for k, v in _full_material(a, "A2").items() if k != "price"}
    assert api.call("PricebookBulk_Update", json={"materials": [missing]}).status_code == 400
    good = api.call("PricebookBulk_Update", json={"materials": [_full_material(a, "A2")]})
    assert good.status_code == 200 and good.content == b""
    assert api.call("Materials_Get", id=a).json()["price"] == 7


def test_markup_tiers(api: TenantApi) -> None:
    made = api.call("MaterialsMarkup_Create", json={"id": 0, "from": 10, "to": 50, "percent": 60})
    assert made.status_code == 201, made.text
    api.call("MaterialsMarkup_Create", json={"id": 0, "from": 0, "to": 10, "percent": 100})
    tiers = api.call("MaterialsMarkup_GetList").json()
    assert [t["from"] for t in tiers["data"]] == [0, 10] and tiers["totalCount"] == 2
    ident = made.json()["data"]["id"]
    put = api.call("MaterialsMarkup_Update", id=ident,
                   json={"id": ident, "from": 10, "to": 60, "percent": 55})
    assert put.json()["data"] == {"id": ident, "from": 10, "to": 60, "percent": 55}
    bad = api.call("MaterialsMarkup_Create", json={"id": 0, "from": 9, "to": 1, "percent": 5})
    assert bad.status_code == 400
    assert api.call("MaterialsMarkup_Create",
                    json={"id": 0, "from": 1, "to": 9, "percent": 101}).status_code == 400
    assert api.call("MaterialsMarkup_Get", id=1).status_code == 404


def test_rate_sheets_and_cost_types(world: World, api: TenantApi) -> None:
    service = api.call("Services_Create", json=_item("S-1", price=100)).json()
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())
        sheet = create_rate_sheet(ctx, "Property managers", [
            {"skuId": service["id"], "value": 10, "valueType": "DiscountPercent"}])
        create_cost_type(ctx, "Subcontractor")
    listed = api.call("ClientSpecificPricing_GetAllRateSheets",
                      params={"searchTerm": "property"}).json()["data"]
    assert listed == [{"id": sheet.id, "exceptions": [
        {"skuId": service["id"], "skuType": "Service", "value": 10,
         "valueType": "DiscountPercent"}]}]
    patched = api.call("ClientSpecificPricing_UpdateRateSheet", rateSheetId=sheet.id, json={
        "exceptions": [{"skuId": service["id"], "value": 95, "valueType": "FlatPrice"}]})
    assert patched.json() == {"exceptions": [
        {"skuId": service["id"], "value": 95, "valueType": "FlatPrice"}]}
    unknown = api.call("ClientSpecificPricing_UpdateRateSheet", rateSheetId=sheet.id, json={
        "exceptions": [{"skuId": 1, "value": 1, "valueType": "Dollar"}]})
    assert unknown.status_code == 400
    assert api.call("ClientSpecificPricing_UpdateRateSheet", rateSheetId=1,
                    json={}).status_code == 404
    kept = api.call("ClientSpecificPricing_UpdateRateSheet", rateSheetId=sheet.id, json={})
    assert kept.json()["exceptions"][0]["valueType"] == "FlatPrice"
    types = api.call("Materials_GetCostTypes").json()["data"]
    assert [t["name"] for t in types] == ["Subcontractor"]
    odc = api.call("Materials_Create", json=_item("ODC", isOtherDirectCost=True,
                                                  costTypeId=types[0]["id"]))
    assert odc.status_code == 201, odc.text
    only = api.call("Materials_GetList", params={"isOtherDirectCost": "true"}).json()["data"]
    assert [m["code"] for m in only] == ["ODC"]
