"""The estimate feed at both official paths: one feed, rows with their items, and the seed."""

from __future__ import annotations

from datetime import UTC, datetime

from sales_refs import Sales

from mockst.seed import populate_tenant
from mockst.store.world import World
from mockst.testing import TenantApi

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
RECENT = {"includeRecentChanges": True}


def _drain(api: TenantApi, op: str, token: str | None) -> tuple[list[dict], str]:
    rows: list[dict] = []
    while True:
        params = {**RECENT, **({"from": token} if token else {})}
        page = api.call(op, params=params)
        assert page.status_code == 200, page.text
        body = page.json()
        rows += body["data"]
        token = body["continueFrom"]
        if not body["hasMore"]:
            return rows, token


def test_both_paths_share_one_feed(sales: Sales) -> None:
    api = sales.api
    seeded, token = _drain(api, "EstimatesExport_Estimates", None)
    assert seeded and all("items" in row for row in seeded)
    legacy, _ = _drain(api, "EstimatesExport_EstimatesAsyncLegacy", None)
    assert [r["id"] for r in legacy] == [r["id"] for r in seeded]
    made = sales.estimate()
    api.call("Estimates_PutItem", id=made["id"], json={"skuId": sales.service["id"]})
    news, token = _drain(api, "EstimatesExport_EstimatesAsyncLegacy", token)
    assert [r["id"] for r in news] == [made["id"]] and len(news[0]["items"]) == 1
    assert news[0]["subtotal"] == sales.service["price"]
    assert _drain(api, "EstimatesExport_Estimates", token)[0] == []


def test_the_seed_writes_open_sold_and_dismissed_estimates(sales: Sales, world: World) -> None:
    api = sales.api
    rows, _ = _drain(api, "EstimatesExport_Estimates", None)
    statuses = {r["status"]["name"] for r in rows}
    assert statuses == {"Open", "Sold", "Dismissed"}
    for row in rows:
        assert row["items"] and row["jobId"]
        assert (row["soldBy"] is not None) == (row["status"]["name"] == "Sold")
        job = api.call("Jobs_Get", id=row["jobId"]).json()
        assert row["id"] in job["estimateIds"] and job["jobStatus"] != "Canceled"
        assert row["subtotal"] == round(sum(i["total"] for i in row["items"]), 2)


def test_the_seed_is_reproducible(world: World, api: TenantApi) -> None:
    def story() -> list[tuple]:
        fresh = World()
        populate_tenant(fresh, 1, seed=9, customers=12, bookings=2, leads=2, history_days=30,
                        now=NOW)
        with fresh.transaction():
            rows = fresh.tenant_data(1).table("estimates").rows()
            return sorted((r.get("jobId"), r.get("status"), r.get("createdOn"), r.get("soldBy"),
                           len(r.get("itemIds"))) for r in rows)

    first = story()
    assert first and first == story()


def test_the_tap_s_estimate_streams_read_on_the_defaults(world: World, api: TenantApi) -> None:
    """As the Singer tap reads: the legacy feed from its bookmark, items a page of 5000 at once."""
    counts = populate_tenant(world, api.tenant_id, seed=2, customers=30, now=NOW)
    since = "2000-01-01T00:00:00.001Z"
    feed = api.call("EstimatesExport_EstimatesAsyncLegacy", params={"from": since}).json()
    assert len(feed["data"]) == counts["estimates"] and not feed["hasMore"]
    items = api.call("Estimates_GetItems", params={
        "active": "Any", "modifiedOnOrAfter": since, "pageSize": 5000}).json()
    assert len(items["data"]) == sum(len(e["items"]) for e in feed["data"])
    assert not items["hasMore"] and all("estimateId" not in i for i in items["data"])
