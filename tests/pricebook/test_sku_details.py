"""SKU details: external data per application, equipment recommendations by kind, vendors,
assets, variations, feeds of categories and materials."""

from __future__ import annotations

from mockst.testing import TenantApi

GUID = "6f1c1f0e-2f4b-4c55-9b7a-3d1f0c2a9e11"


def test_external_data_belongs_to_its_application(api: TenantApi) -> None:
    body = {"code": "E-1", "description": "", "externalData": {
        "applicationGuid": GUID, "externalData": [{"key": "erp", "value": "A-7"}]}}
    made = api.call("Equipment_Create", json=body).json()
    assert made["externalData"] == [{"key": "erp", "value": "A-7"}]
    assert api.call("Equipment_Get", id=made["id"]).json()["externalData"] == []
    shown = api.call("Equipment_Get", id=made["id"],
                     params={"externalDataApplicationGuid": GUID}).json()
    assert shown["externalData"] == [{"key": "erp", "value": "A-7"}]
    found = api.call("Equipment_GetList", params={
        "externalDataKey": "erp", "externalDataValues": "A-7"}).json()["data"]
    assert [e["id"] for e in found] == [made["id"]]


def test_equipment_links_vendors_and_assets(api: TenantApi) -> None:
    service = api.call("Services_Create", json={"code": "S", "description": ""}).json()
    part = api.call("Materials_Create", json={"code": "M", "description": "", "cost": 2}).json()
    wrong = api.call("Equipment_Create", json={
        "code": "E", "description": "",
        "recommendations": [{"skuId": part["id"], "type": "Service"}]})
    assert wrong.status_code == 400 and "recommendations[0]" in wrong.json()["errors"]
    made = api.call("Equipment_Create", json={
        "code": "E", "description": "",
        "recommendations": [{"skuId": service["id"], "type": "Service"}],
        "equipmentMaterials": [{"skuId": part["id"], "quantity": 3}],
        "primaryVendor": {"vendorId": 12, "cost": 800, "active": True, "vendorPart": "P-1"},
        "assets": [{"type": "Image", "url": "Images/1/a.png", "isDefault": True}],
        "variationEquipment": [],
    })
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["primaryVendor"]["vendorName"] == "Vendor 12" and body["primaryVendor"]["id"]
    assert body["assets"][0]["fileName"] == "a.png"
    assert body["defaultAssetUrl"] == "Images/1/a.png"
    assert body["manufacturerWarranty"] == {"duration": 0, "description": None}
    assert body["isConfigurableEquipment"] is False
    other = api.call("Equipment_Create", json={
        "code": "E2", "description": "", "variationEquipment": [body["id"]]}).json()
    assert other["isConfigurableEquipment"] is True
    assert other["variationsOrConfigurableEquipment"] == [body["id"]]


def test_category_and_material_feeds(api: TenantApi) -> None:
    top = api.call("Categories_Create", json={"name": "Parts", "categoryType": "Materials"})
    child = api.call("Categories_Create", json={"name": "Valves", "categoryType": "Materials",
                                               "parentId": top.json()["id"]}).json()
    api.call("Materials_Create", json={"code": "V", "description": "",
                                       "categories": [child["id"]]})
    params = {"includeRecentChanges": "true"}
    cats = api.call("Export_Categories", params=params).json()["data"]
    assert [c["name"] for c in cats] == ["Parts", "Valves"]
    assert cats[0]["subcategories"][0]["id"] == child["id"]
    mats = api.call("Export_Materials", params=params).json()["data"]
    assert mats[0]["categories"] == [child["id"]] and mats[0]["externalData"] == []
