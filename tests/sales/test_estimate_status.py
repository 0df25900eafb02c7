"""Status moves: Open → Sold → Open, Open → Dismissed, the history, and the moves refused."""

from __future__ import annotations

from sales_refs import Sales


def _history(sales: Sales, ident: int) -> list[tuple[str | None, str]]:
    changes = sales.api.call("EstimatesStatus_GetEstimateStatusChanges", id=ident)
    assert changes.status_code == 200, changes.text
    return [(c["oldStatus"], c["newStatus"]) for c in changes.json()]


def test_sell_and_unsell(sales: Sales) -> None:
    api = sales.api
    made = sales.estimate(items=[{"skuId": sales.service["id"]}])
    sold = api.call("Estimates_Sell", id=made["id"], json={"soldBy": sales.technician})
    assert sold.status_code == 200, sold.text
    body = sold.json()
    assert body["status"] == {"value": 1, "name": "Sold"}
    assert body["soldBy"] == sales.technician and body["soldOn"] == body["modifiedOn"]
    twice = api.call("Estimates_Sell", id=made["id"], json={"soldBy": sales.technician})
    assert twice.status_code == 400 and "status" in twice.json()["errors"]
    locked = api.call("Estimates_PutItem", id=made["id"], json={"skuId": sales.service["id"]})
    assert locked.status_code == 400
    back = api.call("Estimates_Unsell", id=made["id"])
    assert back.status_code == 200 and back.content == b""
    now = api.call("Estimates_Get", id=made["id"]).json()
    assert (now["status"]["name"], now["soldBy"], now["soldOn"]) == ("Open", None, None)
    assert api.call("Estimates_Unsell", id=made["id"]).status_code == 400
    assert _history(sales, made["id"]) == [(None, "Open"), ("Open", "Sold"), ("Sold", "Open")]


def test_dismiss_and_what_it_refuses(sales: Sales) -> None:
    api = sales.api
    made = sales.estimate()
    assert api.call("Estimates_Dismiss", id=made["id"]).status_code == 200
    assert api.call("Estimates_Get", id=made["id"]).json()["status"] == {
        "value": 2, "name": "Dismissed"}
    for action, body in (("Estimates_Sell", {"soldBy": sales.technician}),
                         ("Estimates_Dismiss", None), ("Estimates_Unsell", None)):
        refused = api.call(action, id=made["id"], json=body)
        assert refused.status_code == 400, action
        assert "Dismissed" in refused.json()["errors"]["status"][0]
    assert _history(sales, made["id"]) == [(None, "Open"), ("Open", "Dismissed")]


def test_the_seller_must_be_a_technician(sales: Sales) -> None:
    api = sales.api
    made = sales.estimate()
    refused = api.call("Estimates_Sell", id=made["id"], json={"soldBy": 12345})
    assert refused.status_code == 400 and "soldBy" in refused.json()["errors"]
    assert api.call("Estimates_Sell", id=1, json={"soldBy": sales.technician}).status_code == 404
    assert api.call("EstimatesStatus_GetEstimateStatusChanges", id=1).status_code == 404
    assert _history(sales, made["id"]) == [(None, "Open")]
