"""Estimate and proposal templates, and the fixed proposal types."""

from __future__ import annotations

from typing import Any

from sales_refs import Sales

from mockst.testing import TenantApi


def _template(sales: Sales, **fields: Any) -> dict[str, Any]:
    body = {"name": "Water heater", "internalName": "wh-50", "mode": "Dynamic",
            "items": [{"skuId": sales.service["id"], "skuType": "Service", "quantity": 2,
                       "isAddOn": False},
                      {"skuId": sales.material["id"], "skuType": "Material", "quantity": 1,
                       "unitPrice": 10, "isAddOn": True, "description": "Ours"}],
            **fields}  # fmt: skip
    made = sales.api.call("EstimateTemplates_Create", json=body)
    assert made.status_code == 200, made.text
    return made.json()


def test_an_estimate_template_stores_its_items_priced_from_the_price_book(sales: Sales) -> None:
    service = sales.service
    made = _template(sales)
    first, second = made["items"]
    assert (first["skuName"], first["skuType"], first["order"]) == (service["code"], "Service", 0)
    assert (first["unitPrice"], first["unitCost"]) == (service["price"], service["cost"])
    assert first["totalPrice"] == round(2 * service["price"], 2)
    assert (second["unitPrice"], second["description"], second["order"]) == (10, "Ours", 1)
    assert made["totalPrice"] == round(first["totalPrice"] + 10, 2)
    assert made["active"] is True and made["mode"] == "Dynamic"
    assert sales.api.call("EstimateTemplates_GetById", id=made["id"]).json() == made


def test_template_items_name_skus_that_exist(sales: Sales) -> None:
    api = sales.api
    base = {"name": "x", "internalName": "x", "mode": "Dynamic"}
    missing = api.call("EstimateTemplates_Create", json={**base, "items": [
        {"skuId": 1, "skuType": "Service", "quantity": 1, "isAddOn": False}]})
    assert missing.status_code == 400
    assert missing.json()["errors"] == {"items[0].skuId": ["SKU 1 does not exist."]}
    wrong = api.call("EstimateTemplates_Create", json={**base, "items": [
        {"skuId": sales.material["id"], "skuType": "Service", "quantity": 1, "isAddOn": False}]})
    assert wrong.status_code == 400 and "items[0].skuType" in wrong.json()["errors"]
    static = api.call("EstimateTemplates_Create", json={**base, "mode": "Static", "items": [
        {"skuId": sales.fee["id"], "skuType": "PriceModifier", "quantity": 1, "isAddOn": False}]})
    assert static.status_code == 400 and "items[0].unitPrice" in static.json()["errors"]
    unit = api.call("EstimateTemplates_Create", json={**base, "items": [], "businessUnitId": 1})
    assert unit.status_code == 400 and "businessUnitId" in unit.json()["errors"]
    assert api.call("EstimateTemplates_Get", params={"active": "Any"}).json()["data"] == []


def test_an_estimate_template_patch_replaces_items_and_delete_deactivates(sales: Sales) -> None:
    api = sales.api
    made = _template(sales)
    kept = made["items"][1]
    changed = api.call("EstimateTemplates_Update", id=made["id"], json={
        "name": "Renamed", "summary": None,
        "items": [{**{k: kept[k] for k in ("id", "skuId", "skuType", "isAddOn")},
                   "quantity": 3, "unitPrice": 10}]}).json()
    assert changed["name"] == "Renamed" and changed["internalName"] == "wh-50"
    assert [i["id"] for i in changed["items"]] == [kept["id"]]
    assert changed["totalPrice"] == 30 and changed["items"][0]["order"] == 0
    gone = api.call("EstimateTemplates_Delete", id=made["id"])
    assert gone.status_code == 200 and gone.content == b""
    assert api.call("EstimateTemplates_GetById", id=made["id"]).json()["active"] is False
    assert api.call("EstimateTemplates_Get").json()["data"] == []
    listed = api.call("EstimateTemplates_Get", params={"active": "False"}).json()["data"]
    assert [t["id"] for t in listed] == [made["id"]]
    back = api.call("EstimateTemplates_Update", id=made["id"], json={"active": True}).json()
    assert back["active"] is True
    for op in ("EstimateTemplates_GetById", "EstimateTemplates_Delete"):
        assert api.call(op, id=1).status_code == 404
    assert api.call("EstimateTemplates_Update", id=1, json={}).status_code == 404


def test_estimate_templates_filter_by_modified_date(sales: Sales) -> None:
    made = _template(sales)
    api = sales.api
    after = api.call("EstimateTemplates_Get", params={"modifiedOnOrAfter": made["modifiedOn"]})
    assert [t["id"] for t in after.json()["data"]] == [made["id"]]
    before = api.call("EstimateTemplates_Get", params={"modifiedBefore": made["modifiedOn"]})
    assert before.json()["data"] == []


def test_proposal_types_are_a_fixed_list(api: TenantApi) -> None:
    answer = api.call("ProposalTypes_Get")
    assert answer.status_code == 200
    types = answer.json()["data"]
    assert [(t["id"], t["type"], t["isDefault"]) for t in types] == [
        (1, "Progressive", True), (2, "Additive", False)]
    assert [o["name"] for o in types[0]["options"]] == ["Good", "Better", "Best"]
    assert api.call("ProposalTypes_Get", params={"active": "False"}).json() == {"data": []}


def _proposal(sales: Sales, template: dict[str, Any], **fields: Any) -> Any:
    return sales.api.call("ProposalTemplates_Create", json={
        "name": "Water heaters", "proposalTypeId": 1,
        "estimateAssignments": [{"proposalTypeOptionId": 11, "estimateTemplateId": template["id"],
                                 "order": 1}], **fields})  # fmt: skip


def test_a_proposal_template_assigns_estimate_templates_to_options(sales: Sales) -> None:
    api = sales.api
    template = _template(sales)
    made = _proposal(sales, template, businessUnitIds=[sales.job["businessUnitId"]])
    assert made.status_code == 200, made.text
    made = made.json()
    assert (made["status"], made["active"], made["proposalTypeName"]) == (
        "Draft", True, "Good / Better / Best")
    assert made["estimateAssignments"] == [{"proposalTypeOptionId": 11,
                                            "estimateTemplateId": template["id"],
                                            "estimateTemplateName": "Water heater", "order": 1}]
    assert api.call("ProposalTemplates_GetById", id=made["id"]).json() == made
    by_type = api.call("ProposalTemplates_Get", params={"proposalTypeId": 1}).json()["data"]
    assert [p["id"] for p in by_type] == [made["id"]]
    assert api.call("ProposalTemplates_Get", params={"proposalTypeId": 2}).json()["data"] == []
    # a new type keeps the assignments only when they suit it
    moved = api.call("ProposalTemplates_Update", id=made["id"], json={"proposalTypeId": 2})
    assert moved.status_code == 400
    assert "estimateAssignments[0].proposalTypeOptionId" in moved.json()["errors"]
    moved = api.call("ProposalTemplates_Update", id=made["id"], json={
        "proposalTypeId": 2, "status": "Publish", "estimateAssignments": []}).json()
    assert (moved["proposalTypeName"], moved["status"], moved["estimateAssignments"]) == (
        "Options", "Publish", [])
    assert moved["businessUnitIds"] == [sales.job["businessUnitId"]]
    assert api.call("ProposalTemplates_Delete", id=made["id"]).status_code == 200
    assert api.call("ProposalTemplates_Get").json()["data"] == []
    assert api.call("ProposalTemplates_GetById", id=made["id"]).json()["active"] is False
    assert api.call("ProposalTemplates_GetById", id=1).status_code == 404


def test_a_proposal_template_names_what_exists(sales: Sales) -> None:
    template = _template(sales)
    assert "proposalTypeId" in _proposal(sales, template, proposalTypeId=9).json()["errors"]
    bad = _proposal(sales, {"id": 1}, businessUnitIds=[1]).json()["errors"]
    assert set(bad) == {"estimateAssignments[0].estimateTemplateId", "businessUnitIds[0]"}
