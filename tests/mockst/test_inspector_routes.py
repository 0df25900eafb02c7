"""What the inspector reads that no other control route gave: one journal entry, a refusal's
reason on each entry, a tenant's tables; and the inspector's own reads stay out of the journal."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config

INSPECTOR = {"X-Mockst-Inspector": "read"}


def test_one_journal_entry_by_id(client: TestClient, api: Any) -> None:
    api.call("Customers_GetList")
    newest = client.get("/_mock/journal", params={"limit": 1}).json()["entries"][0]
    whole = client.get(f"/_mock/journal/{newest['id']}").json()
    assert whole == newest
    assert whole["response"]["body"]["page"] == 1
    for missing in ("0", "999999", "abc"):
        answer = client.get(f"/_mock/journal/{missing}")
        assert answer.status_code == 404, missing


def test_a_refusal_names_its_reason_on_the_entry(client: TestClient, api: Any) -> None:
    api.call("Customers_GetList", headers={**api.headers, "Authorization": "Bearer x"})
    api.call("Customers_GetList")
    form = {"grant_type": "client_credentials", "client_id": "cid.nobody", "client_secret": "x"}
    client.post("/connect/token", data=form)
    entries = client.get("/_mock/journal", params={"bodies": "false"}).json()["entries"]
    refusals = [(e["kind"], e["status"], e["refusal"]) for e in entries[-3:]]
    assert refusals == [("api", 401, "invalid_token"), ("api", 200, None),
                        ("token", 400, "invalid_client")]  # fmt: skip


def test_the_inspectors_reads_are_not_journaled_but_its_actions_are(client: TestClient) -> None:
    client.get("/_mock/clock", headers=INSPECTOR)
    client.get("/_mock/ui")
    client.get("/_mock/ui/inspector.js")
    assert client.get("/_mock/journal").json()["entries"] == []
    client.post("/_mock/clock/advance", json={"seconds": 1}, headers=INSPECTOR)
    client.get("/_mock/clock")
    paths = [e["path"] for e in client.get("/_mock/journal").json()["entries"]]
    assert paths == ["/_mock/clock/advance", "/_mock/clock"]


def test_a_tenants_tables_and_latest_rows(client: TestClient, api: Any) -> None:
    tenant = api.tenant_id
    address = {"street": "1 Main St", "city": "Austin", "state": "TX", "zip": "78701",
               "country": "USA"}  # fmt: skip
    for name in ("Ada", "Grace"):
        body = {"name": name, "type": "Residential", "address": address,
                "locations": [{"name": "Home", "address": address}]}  # fmt: skip
        assert api.call("Customers_Create", json=body).status_code == 200
    tables = client.get(f"/_mock/tenants/{tenant}/tables").json()["tables"]
    counts = {t["table"]: t["rows"] for t in tables}
    assert counts["customers"] == 2 and counts["locations"] == 2
    latest = client.get(f"/_mock/tenants/{tenant}/tables/customers", params={"limit": 1}).json()
    assert latest["total"] == 2
    assert [r["data"]["name"] for r in latest["rows"]] == ["Grace"]  # the last changed first
    assert client.get(f"/_mock/tenants/{tenant}/tables/nothing").status_code == 404
    assert client.get("/_mock/tenants/424242/tables").status_code == 404
    for bad in ("0", "201", "x"):
        answer = client.get(f"/_mock/tenants/{tenant}/tables/customers", params={"limit": bad})
        assert answer.status_code == 400, bad


def test_a_control_token_locks_the_new_routes_but_not_the_pages_files() -> None:
    with TestClient(create_app(config=Config(rate_limit=0), control_token="t")) as http:
        for path in ("/_mock/journal/1", "/_mock/tenants/1/tables", "/_mock/tenants/1/tables/x"):
            assert http.get(path).status_code == 401, path
        for path in ("/_mock/ui", "/_mock/ui/inspector.js", "/_mock/ui/inspector.css"):
            assert http.get(path).status_code == 200, path
