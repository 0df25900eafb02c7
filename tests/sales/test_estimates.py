"""Estimates on jobs: ownership, items priced from the price book, derived money, updates."""

from __future__ import annotations

from sales_refs import Sales

from mockst.testing import TenantApi


def test_an_estimate_takes_its_job_s_location_customer_and_unit(sales: Sales) -> None:
    job = sales.job
    made = sales.estimate(name="Good", extra="ignored")
    assert (made["jobId"], made["locationId"], made["customerId"], made["jobNumber"]) == (
        job["id"], job["locationId"], job["customerId"], job["jobNumber"])
    assert made["businessUnitId"] == job["businessUnitId"] and made["businessUnitName"]
    assert made["status"] == {"value": 0, "name": "Open"} and made["active"] is True
    assert (made["items"], made["subtotal"], made["tax"]) == ([], 0, 0)
    listed = sales.api.call("Jobs_Get", id=job["id"]).json()
    assert made["id"] in listed["estimateIds"]
    assert listed["modifiedOn"] == made["createdOn"]  # the jobs feed delivers the job again
    assert sales.api.call("Estimates_Get", id=made["id"]).json() == made


def test_an_estimate_needs_an_owner_that_exists(sales: Sales) -> None:
    api = sales.api
    refused = api.call("Estimates_Create", json={"name": "x"})
    assert refused.status_code == 400 and "jobId" in refused.json()["errors"]
    assert api.call("Estimates_Create", json={"jobId": 1}).status_code == 400
    wrong = api.call("Estimates_Create", json={"jobId": sales.job["id"],
                                               "locationId": sales.other_job["locationId"]})
    assert wrong.status_code == 400 and "locationId" in wrong.json()["errors"]
    at = api.call("Estimates_Create", json={"locationId": sales.other_job["locationId"]}).json()
    assert (at["jobId"], at["customerId"]) == (None, sales.other_job["customerId"])


def test_items_take_the_sku_s_name_description_and_price(sales: Sales) -> None:
    service, material, fee = sales.service, sales.material, sales.fee
    made = sales.estimate(items=[
        {"skuId": service["id"], "quantity": 2},
        {"skuName": material["code"].lower(), "unitPrice": 10, "quantity": 1.5,
         "description": "Ours"},
        {"skuId": fee["id"]},
        {"skuId": service["id"], "chargeable": False},
    ], tax=4.5)  # fmt: skip
    first, second, third, free = made["items"]
    assert first["sku"]["id"] == service["id"] and first["sku"]["type"] == "Service"
    assert first["sku"]["name"] == service["code"]
    assert first["sku"]["displayName"] == service["displayName"]
    assert (first["qty"], first["unitRate"], first["total"]) == (2, service["price"],
                                                                  round(2 * service["price"], 2))
    assert first["description"] == service["description"]
    assert first["totalCost"] == round(2 * service["cost"], 2)
    assert (second["sku"]["type"], second["unitRate"], second["total"]) == ("Material", 10, 15)
    assert second["description"] == "Ours"
    assert (third["qty"], third["unitRate"], third["sku"]["type"]) == (1, fee["amount"],
                                                                        "PriceModifier")
    assert made["subtotal"] == round(first["total"] + 15 + third["total"], 2)
    assert free["total"] == service["price"] and made["tax"] == 4.5
    assert "estimateId" not in first


def test_an_item_must_name_a_known_sku(sales: Sales) -> None:
    api = sales.api
    before = api.call("Jobs_Get", id=sales.job["id"]).json()
    for item, field in (({"skuId": 1}, "items[0].skuId"), ({"skuName": "NOPE"},
                                                            "items[0].skuName"),
                        ({"quantity": 2}, "items[0].skuId")):
        refused = api.call("Estimates_Create", json={"jobId": sales.job["id"], "items": [item]})
        assert refused.status_code == 400, item
        assert field in refused.json()["errors"], refused.text
    assert api.call("Jobs_Get", id=sales.job["id"]).json() == before  # nothing written


def test_update_writes_what_it_sends_and_upserts_items(sales: Sales) -> None:
    api = sales.api
    made = sales.estimate(name="A", summary="S", items=[{"skuId": sales.service["id"]}])
    item = made["items"][0]
    changed = api.call("Estimates_Update", id=made["id"], json={
        "name": "B", "status": "Sold", "soldBy": sales.technician,
        "items": [{"id": item["id"], "quantity": 3}, {"skuId": sales.material["id"]}],
        "externalLinks": [{"name": "Photos"}], "tax": None, "summary": None})  # fmt: skip
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["name"], body["summary"], body["status"]["name"], body["soldBy"]) == (
        "B", None, "Open", None)
    assert body["tax"] == 0
    assert [i["qty"] for i in body["items"]] == [3, 1]
    assert body["items"][0]["unitRate"] == sales.service["price"]
    assert body["externalLinks"] == [{"name": "Photos", "url": ""}]
    assert body["subtotal"] == round(sum(i["total"] for i in body["items"]), 2)
    stranger = sales.estimate(items=[{"skuId": sales.service["id"]}])["items"][0]
    refused = api.call("Estimates_Update", id=made["id"], json={"items": [{"id": stranger["id"]}]})
    assert refused.status_code == 400 and "items[0].id" in refused.json()["errors"]
    assert api.call("Estimates_Update", id=1, json={}).status_code == 404


def test_one_item_at_a_time(sales: Sales) -> None:
    api = sales.api
    made = sales.estimate()
    added = api.call("Estimates_PutItem", id=made["id"], json={"skuId": sales.service["id"]})
    assert added.status_code == 200, added.text
    item = added.json()
    assert item["estimateId"] == made["id"] and item["unitRate"] == sales.service["price"]
    again = api.call("Estimates_PutItem", id=made["id"],
                     json={"id": item["id"], "unitPrice": 5, "quantity": 4}).json()
    assert (again["id"], again["total"]) == (item["id"], 20)
    now = api.call("Estimates_Get", id=made["id"]).json()
    assert now["subtotal"] == 20 and now["modifiedOn"] == again["modifiedOn"]
    gone = api.call("Estimates_DeleteItem", id=made["id"], itemId=item["id"])
    assert gone.status_code == 200 and gone.content == b""
    assert api.call("Estimates_Get", id=made["id"]).json()["items"] == []
    assert api.call("Estimates_DeleteItem", id=made["id"], itemId=item["id"]).status_code == 404
    listed = api.call("Estimates_GetItems", params={"estimateId": made["id"], "active": "Any"})
    assert [(i["id"]) for i in listed.json()["data"]] == [item["id"]]
    assert api.call("Estimates_GetItems",
                    params={"estimateId": made["id"]}).json()["data"] == []


def test_the_list_filters_as_documented(sales: Sales, api: TenantApi) -> None:
    cheap = sales.estimate(items=[{"skuId": sales.service["id"], "unitPrice": 1}])
    dear = sales.estimate(items=[{"skuId": sales.service["id"], "unitPrice": 5000}], tax=1)
    ids = f"{cheap['id']},{dear['id']}"

    def listed(**params: object) -> list[int]:
        page = api.call("Estimates_GetList", params={"ids": ids, **params})
        assert page.status_code == 200, page.text
        return [e["id"] for e in page.json()["data"]]

    assert listed() == [cheap["id"], dear["id"]]
    assert listed(totalGreater=4000) == [dear["id"]]
    assert listed(totalLess=4000) == [cheap["id"]]
    assert listed(sort="-Id") == [dear["id"], cheap["id"]]
    assert listed(orderBy="id", orderByDirection="desc") == [dear["id"], cheap["id"]]
    assert listed(jobId=sales.job["id"], customerId=1) == [cheap["id"], dear["id"]]
    assert listed(jobId=sales.other_job["id"]) == []
    api.call("Estimates_Sell", id=dear["id"], json={"soldBy": sales.technician})
    assert listed(status="Sold") == listed(status="1") == listed(status="sold") == [dear["id"]]
    assert listed(status="Weird") == []
    assert listed(soldById=sales.technician) == [dear["id"]]
    assert listed(soldAfter="2000-01-01T00:00:00Z") == [dear["id"]]
    assert listed(soldBefore="2000-01-01T00:00:00Z") == []
    assert listed(modifiedOnOrAfter=dear["createdOn"]) == [dear["id"]]
