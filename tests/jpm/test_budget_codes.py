"""Budget codes and the work breakdown structure (JPM v2): segments and items read back, codes
built from items, filtered and matched, at company and project level."""

from __future__ import annotations

from typing import Any

import pytest

from mockst.api.operation import TenantContext
from mockst.crm.customer_records import CUSTOMERS, LOCATIONS
from mockst.jpm.models.budget_codes import SegmentItemCostCategory, SegmentStructure, SegmentType
from mockst.jpm.work_breakdown import create_segment, create_segment_item
from mockst.store.world import World
from mockst.testing import TenantApi


@pytest.fixture
def wbs(world: World, api: TenantApi) -> dict[str, int]:
    """Cost codes in a tree (01 Site Work > 100 Excavation, 200 Grading), cost types flat
    (L Labor, M Material, one retired), an optional custom segment, and a project."""
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())
        codes = int(create_segment(ctx, "Cost Code", SegmentType.COST_CODE,
                                   SegmentStructure.HIERARCHAL).id)
        types = int(create_segment(ctx, "Cost Type", SegmentType.COST_TYPE).id)
        phase = int(create_segment(ctx, "Phase", SegmentType.CUSTOM, required=False).id)
        site = int(create_segment_item(ctx, codes, "01", "Site Work").id)
        dig = int(create_segment_item(ctx, codes, "100", "Excavation", parent_id=site).id)
        grade = int(create_segment_item(ctx, codes, "200", "Grading", parent_id=site).id)
        deep = int(create_segment_item(ctx, codes, "110", "Trenching", parent_id=dig).id)
        labor = int(create_segment_item(ctx, types, "L", "Labor",
                                        category=SegmentItemCostCategory.LABOR).id)
        old = int(create_segment_item(ctx, types, "X", "Retired", active=False).id)
        rough = int(create_segment_item(ctx, phase, "R", "Rough-in").id)
        customer = int(CUSTOMERS.insert(ctx, {"name": "Ada", "active": True}).id)
        location = int(LOCATIONS.insert(ctx, {"customerId": customer, "active": True}).id)
    project = api.call("Projects_Create", json={"locationId": location}).json()["id"]
    return {"codes": codes, "types": types, "phase": phase, "site": site, "dig": dig,
            "grade": grade, "deep": deep, "labor": labor, "old": old, "rough": rough,
            "project": project}


def ok(response: Any) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def test_segments_and_items(api: TenantApi, wbs: dict[str, int]) -> None:
    segments = ok(api.call("BudgetCodes_ListCompanySegments"))["data"]
    assert [(s["name"], s["structure"], s["isRequired"]) for s in segments] == [
        ("Cost Code", "Hierarchal", True), ("Cost Type", "Flat", True), ("Phase", "Flat", False)]
    assert ok(api.call("BudgetCodes_ListCompanySegments", params={"pageSize": 1}))["data"][0][
        "id"] == wbs["codes"]
    top = ok(api.call("BudgetCodes_ListCompanySegmentItems", segmentId=wbs["codes"]))["data"]
    assert [(i["code"], i["path"], i["parentId"]) for i in top] == [("01", "01", None)]
    every = ok(api.call("BudgetCodes_ListCompanySegmentItems", segmentId=wbs["codes"],
                        params={"includeChildren": True}))["data"]
    assert [i["path"] for i in every] == ["01", "01.100", "01.200", "01.100.110"]
    children = ok(api.call("BudgetCodes_ListCompanySegmentItemChildren",
                           segmentId=wbs["codes"], segmentItemId=wbs["site"]))["data"]
    assert [i["code"] for i in children] == ["100", "200"]
    below = ok(api.call("BudgetCodes_ListProjectSegmentItemChildren", projectId=wbs["project"],
                        segmentId=wbs["codes"], segmentItemId=wbs["site"],
                        params={"includeChildren": True}))["data"]
    assert [i["code"] for i in below] == ["100", "200", "110"]  # id order
    assert api.call("BudgetCodes_ListCompanySegmentItemChildren", segmentId=wbs["types"],
                    segmentItemId=wbs["site"]).status_code == 404  # another segment's item
    assert api.call("BudgetCodes_ListProjectSegments", projectId=1).status_code == 404
    assert ok(api.call("BudgetCodes_ListProjectSegments", projectId=wbs["project"]))["data"] == \
        segments


def test_full_and_partial_codes(api: TenantApi, wbs: dict[str, int]) -> None:
    full = api.call("BudgetCodes_CreateBudgetCode",
                    json={"segmentItemIds": [wbs["labor"], wbs["dig"], wbs["rough"]]})
    code = ok(full)["code"]
    assert (code["code"], code["description"]) == ("01.100-L-R", "Excavation - Labor - Rough-in")
    assert [p["segmentId"] for p in code["segments"]] == [wbs["codes"], wbs["types"],
                                                          wbs["phase"]]
    again = ok(api.call("BudgetCodes_CreateBudgetCode",
                        json={"segmentItemIds": [wbs["dig"], wbs["labor"], wbs["rough"]]}))
    assert again["code"]["id"] == code["id"]  # the same combination is the same code
    missing = api.call("BudgetCodes_CreateBudgetCode", json={"segmentItemIds": [wbs["dig"]]})
    assert missing.status_code == 400 and "needs an item" in missing.json()["errors"][
        "segmentItemIds"][0]
    refused = api.call("BudgetCodes_CreateBudgetCode",
                       json={"segmentItemIds": [wbs["dig"], wbs["grade"], wbs["old"], 9]})
    assert set(refused.json()["errors"]) == {"segmentItemIds[1]", "segmentItemIds[2]",
                                             "segmentItemIds[3]"}
    partial = ok(api.call("BudgetCodes_CreateBudgetCodePartial", json={"segments": [
        {"segmentId": wbs["codes"], "segmentItemId": wbs["grade"]},
        {"segmentId": wbs["types"], "segmentItemId": None}]}))["code"]
    assert partial["code"] == "01.200"
    assert [p["segmentItemId"] for p in partial["segments"]] == [wbs["grade"], None, None]
    wrong = api.call("BudgetCodes_CreateBudgetCodePartial", json={"segments": [
        {"segmentId": wbs["types"], "segmentItemId": wbs["grade"]}]})
    assert set(wrong.json()["errors"]) == {"segments[0].segmentItemId"}
    empty = api.call("BudgetCodes_CreateBudgetCodePartial", json={"segments": []})
    assert empty.status_code == 400
    batch = api.call("BudgetCodes_CreateBudgetCodesBatch", json=[])
    assert batch.status_code == 501  # still planned: the document declares no body


def test_lists_and_match(api: TenantApi, wbs: dict[str, int]) -> None:
    first = ok(api.call("BudgetCodes_CreateBudgetCode",
                        json={"segmentItemIds": [wbs["dig"], wbs["labor"]]}))["code"]
    second = ok(api.call("BudgetCodes_CreateBudgetCodePartial", json={"segments": [
        {"segmentId": wbs["codes"], "segmentItemId": wbs["grade"]}]}))["code"]

    def ids(operation: str = "BudgetCodes_ListCompanyBudgetCodes", **kwargs: Any) -> list[int]:
        return [c["id"] for c in ok(api.call(operation, **kwargs))["data"]]

    assert ids() == [first["id"], second["id"]]
    assert ids(params={"budgetCodeIds": str(second["id"])}) == [second["id"]]
    assert ids(params={"segmentItemIds": f"{wbs['labor']},{wbs['rough']}"}) == [first["id"]]
    assert ids(params={"segmentIds": str(wbs["codes"])}) == [first["id"], second["id"]]
    assert ids("BudgetCodes_ListProjectBudgetCodes", projectId=wbs["project"]) == [
        first["id"], second["id"]]
    matched = ok(api.call("BudgetCodes_MatchCompanyBudgetCodes",
                          params={"codes": ["01.100-l", "99"]}))["matches"]
    assert [(m["code"], m["isValid"], [c["id"] for c in m["budgetCodes"]]) for m in matched] == [
        ("01.100-l", True, [first["id"]]), ("99", False, [])]
    assert api.call("BudgetCodes_MatchProjectBudgetCodes", projectId=3,
                    params={"codes": ["x"]}).status_code == 404
