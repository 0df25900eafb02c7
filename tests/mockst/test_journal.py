"""The journal: what it records, what it hides, how it is filtered, and that it stays bounded."""

from __future__ import annotations

import asyncio
import gc
import json
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.journal import fingerprint
from mockst.testing import api_headers, take_token

NO_LIMITS = Config(rate_limit=0, token_rate_limit=0)


@pytest.fixture(scope="module")
def http() -> Iterator[TestClient]:
    with TestClient(create_app(config=NO_LIMITS)) as client:
        yield client


def onboard(http: TestClient) -> dict[str, Any]:
    creds = http.post("/_mock/quickstart", json={}).json()
    creds["token"] = take_token(http, creds["clientId"], creds["clientSecret"])
    creds["headers"] = api_headers(creds, creds["token"])
    creds["tags"] = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
    return creds


def entries(http: TestClient, **filters: Any) -> list[dict[str, Any]]:
    response = http.get("/_mock/journal", params=filters)
    assert response.status_code == 200, response.text
    return response.json()["entries"]


def test_an_api_call_is_recorded_with_its_derived_fields(http: TestClient) -> None:
    a = onboard(http)
    http.post(a["tags"], headers=a["headers"], json={"tagName": "Web", "description": "d"})
    http.get(a["tags"], headers=a["headers"], params={"pageSize": 5})
    create, listing = entries(http, tenant=a["tenantId"])
    assert create["operationId"] == "BookingProviderTags_Create"
    assert create["method"] == "POST" and create["status"] == 200
    assert create["request"]["body"] == {"tagName": "Web", "description": "d"}
    assert create["response"]["body"]["tagName"] == "Web"
    assert listing["operationId"] == "BookingProviderTags_GetList"
    assert listing["query"] == "pageSize=5"
    assert listing["response"]["body"]["pageSize"] == 5
    for entry in (create, listing):
        assert entry["kind"] == "api"
        assert entry["tenantId"] == a["tenantId"]
        assert entry["clientId"] == a["clientId"]
        assert entry["appKey"] == a["appKey"]
        assert entry["token"]["fingerprint"] == fingerprint(a["token"])
        assert entry["token"]["jti"]
        assert entry["durationMs"] >= 0
        assert entry["time"].endswith("Z")
        assert entry["response"]["headers"]["content-type"].startswith("application/json")


def test_no_secret_leaves_through_the_journal(http: TestClient) -> None:
    a = onboard(http)
    http.get(a["tags"], headers=a["headers"])
    http.post(
        "/connect/token",
        auth=(a["clientId"], a["clientSecret"]),
        data={"grant_type": "client_credentials"},
    )
    dump = json.dumps(http.get("/_mock/journal").json())
    assert a["token"] not in dump
    assert a["clientSecret"] not in dump
    form_call, basic_call = entries(http, kind="token", clientId=a["clientId"])
    assert form_call["request"]["body"]["client_secret"] == "[redacted]"
    assert form_call["response"]["body"]["access_token"].startswith("[redacted] sha256:")
    assert basic_call["request"]["headers"]["authorization"] == "Basic [redacted]"
    (api_call,) = entries(http, kind="api", clientId=a["clientId"])
    # Which token a call used is still known: the issued token's fingerprint is the one used.
    assert form_call["issuedToken"]["fingerprint"] == api_call["token"]["fingerprint"]
    assert basic_call["issuedToken"]["fingerprint"] != api_call["token"]["fingerprint"]
    assert api_call["request"]["headers"]["authorization"].startswith("Bearer [redacted] sha256:")
    quickstart = entries(http, path="/_mock/quickstart", limit=1)[0]
    assert quickstart["response"]["body"]["clientSecret"] == "[redacted]"


def test_filters(http: TestClient) -> None:
    a, b = onboard(http), onboard(http)
    start = entries(http, limit=1)[-1]["id"]
    http.get(a["tags"], headers=a["headers"])
    http.get(b["tags"], headers=b["headers"])
    http.get(b["tags"], headers=a["headers"])  # a's token on b's tenant: 403
    http.get(a["tags"], headers={"ST-App-Key": a["appKey"]})  # no token: 401
    assert [e["status"] for e in entries(http, afterId=start)] == [200, 200, 403, 401]
    assert len(entries(http, afterId=start, tenant=a["tenantId"])) == 2
    assert len(entries(http, afterId=start, clientId=a["clientId"])) == 2
    assert len(entries(http, afterId=start, status="4xx")) == 2
    assert len(entries(http, afterId=start, status="403")) == 1
    assert len(entries(http, afterId=start, operation="BookingProviderTags_GetList")) == 4
    assert len(entries(http, afterId=start, method="post")) == 0
    assert len(entries(http, afterId=start, limit=3)) == 3
    assert entries(http, afterId=start, limit=1)[0]["status"] == 401  # the most recent
    last = entries(http, afterId=start)[-1]
    assert len(entries(http, since=last["time"], kind="api")) == 1
    assert len(entries(http, afterId=start, until=last["time"])) == 4
    assert entries(http, afterId=start, bodies="false")[0]["response"].get("body") is None
    for bad in ({"status": "abc"}, {"since": "yesterday"}, {"tenant": "x"}, {"colour": "red"}):
        assert http.get("/_mock/journal", params=bad).status_code == 400


def test_journal_and_health_reads_are_not_journaled(http: TestClient) -> None:
    http.get("/_mock/health")
    http.get("/_mock/journal")
    assert not entries(http, path="/_mock/journal*")
    assert not entries(http, path="/_mock/health")


def test_the_ring_is_bounded_and_drops_the_oldest() -> None:
    config = Config(rate_limit=0, token_rate_limit=0, journal_size=5, journal_body_bytes=64)
    app = create_app(config=config)
    with TestClient(app) as http:
        for i in range(12):
            http.get("/_mock/clock", params={"n": i})
        http.put("/_mock/clock", json={"frozen": False, "now": None})
        body = http.get("/_mock/journal").json()
    assert body["size"] == 5 and body["dropped"] == 8
    assert [e["query"] for e in body["entries"][:4]] == [f"n={i}" for i in range(8, 12)]
    assert len(app.state.journal.entries) == 5
    # Bodies longer than the cap keep their head only.
    config = Config(rate_limit=0, token_rate_limit=0, journal_body_bytes=100)
    with TestClient(create_app(config=config)) as http:
        http.get("/openapi.json")
        (entry,) = http.get("/_mock/journal").json()["entries"]
    assert entry["response"]["bodyTruncated"] is True
    assert entry["response"]["bodySize"] > 100
    assert isinstance(entry["response"]["body"], str) and len(entry["response"]["body"]) <= 100


def test_total_bytes_bound_drops_old_entries() -> None:
    config = Config(rate_limit=0, token_rate_limit=0, journal_total_bytes=50_000)
    app = create_app(config=config)
    with TestClient(app) as http:
        for _ in range(20):
            http.get("/openapi.json")  # ~64 KB retained each (the body cap)
        stats = http.get("/_mock/journal", params={"limit": 0}).json()
    assert stats["retainedBytes"] <= 50_000 + 65_536
    assert stats["dropped"] >= 18


def test_the_byte_budget_counts_whole_entries() -> None:
    # Long URLs and big headers, no bodies: a budget of bodies alone would keep all of them.
    budget = 2 * 1_048_576
    config = Config(rate_limit=0, journal_total_bytes=budget)
    app = create_app(config=config)
    journal = app.state.journal
    headers = {f"X-Pad-{i}": "h" * 1000 for i in range(30)}
    with TestClient(app) as http:
        for i in range(120):
            http.get(f"/crm/v2/tenant/1/customers?name={'q' * 60_000}&n={i}", headers=headers)
        held = sum(
            len(e.path) + len(e.query) + len(e.request_headers) + len(e.response_headers)
            + len(e.request_body) + len(e.response_body)
            for e in journal.snapshot()
        )  # fmt: skip
        stats = journal.stats()
        assert held <= stats["retainedBytes"] <= budget
        assert stats["dropped"] >= 80
        # Clearing frees it: nothing is held, nothing counted.
        http.delete("/_mock/journal")
        assert journal.retained == 0 and len(journal.entries) <= 1


def test_clear_and_in_process_access(http: TestClient) -> None:
    http.get("/_mock/clock")
    journal = http.app.state.journal  # type: ignore[attr-defined]
    assert journal.query()
    assert all(e["kind"] == "control" for e in journal.query(kind="control", status="2xx"))
    assert http.delete("/_mock/journal").json()["cleared"] >= 1
    assert entries(http) == [] and journal.query() == []
    http.get("/_mock/clock")
    (entry,) = entries(http)
    assert entry["id"] > 1  # ids keep counting: a reader's afterId stays valid


def test_journal_off() -> None:
    with TestClient(create_app(config=Config(journal_size=0))) as http:
        http.get("/_mock/clock")
        assert http.get("/_mock/journal").json()["entries"] == []


class _RequestCycle:
    """Like uvicorn's request cycle: ``receive`` and ``send`` are its methods, and it holds the
    scope. Anything the app leaves in the scope that leads back here makes a reference cycle."""

    def __init__(self, scope: dict[str, Any], body: bytes) -> None:
        self.scope = scope
        self.body = body
        self.status: int | None = None

    async def receive(self) -> dict[str, Any]:
        return {"type": "http.request", "body": self.body, "more_body": False}

    async def send(self, message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]


def test_a_journaled_call_leaves_no_reference_cycle() -> None:
    """Cyclic garbage waits for the collector: memory reused late, and about a tenth of a booking
    create's CPU cycles went to it. Refcounting alone must free each call's request cycle."""
    app = create_app(config=NO_LIMITS)
    with TestClient(app) as http:
        a = onboard(http)
    calls = [
        ("GET", a["tags"], b"page=1", a["headers"], b""),  # an API operation
        (
            "POST",
            a["tags"],
            b"",
            {**a["headers"], "Content-Type": "application/json"},
            b'{"tagName": "X", "description": "d"}',
        ),
        ("GET", "/_mock/clock", b"", {}, b""),  # the control plane, through Starlette's stack
        (
            "POST",
            "/connect/token",
            b"",
            {"Content-Type": "application/x-www-form-urlencoded"},
            f"grant_type=client_credentials&client_id={a['clientId']}"
            f"&client_secret={a['clientSecret']}".encode(),
        ),
    ]

    Outcome = tuple[weakref.ref[_RequestCycle], int | None]

    async def call(
        method: str, path: str, query: bytes, headers: dict[str, str], body: bytes
    ) -> Outcome:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "root_path": "",
            "query_string": query,
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8080),
        }
        cycle = _RequestCycle(scope, body)
        await app(scope, cycle.receive, cycle.send)
        return weakref.ref(cycle), cycle.status

    async def run_all() -> list[Outcome]:
        return [await call(*c) for c in calls]

    gc.collect()
    gc.disable()
    try:
        results = asyncio.run(run_all())
        assert [status for _, status in results] == [200] * len(calls)
        assert [ref() for ref, _ in results] == [None] * len(calls)
    finally:
        gc.enable()
