"""The API's own ASGI stage: what it answers at the edges of HTTP, spoken to as raw ASGI."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
from starlette.testclient import TestClient

from mockst.api import routing
from mockst.app import create_app
from mockst.config import Config
from mockst.store.world import World
from mockst.testing import api_headers, take_token


def _call(
    app: Any, method: str, path: str, headers: dict[str, str], chunks: list[Any]
) -> tuple[int, dict[bytes, bytes], bytes]:
    """Run one request through ``app``; ``chunks`` are the ASGI messages ``receive`` gives."""
    sent: list[dict[str, Any]] = []
    pending = list(chunks)

    async def receive() -> Any:
        return pending.pop(0) if pending else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    asyncio.run(app(scope, receive, send))
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], dict(start["headers"]), body


def _onboarded() -> tuple[Any, dict[str, Any]]:
    app = create_app(World(), Config(rate_limit=0, token_rate_limit=0))
    with TestClient(app) as http:
        creds = http.post("/_mock/quickstart", json={}).json()
        token = take_token(http, creds["clientId"], creds["clientSecret"])
    creds["headers"] = api_headers(creds, token)
    return app, creds


def test_a_body_in_several_chunks_is_read_whole() -> None:
    app, creds = _onboarded()
    body = orjson.dumps({"tagName": "Chunked", "description": "sent in three parts"})
    parts = [body[:5], body[5:20], body[20:]]
    messages = [{"type": "http.request", "body": p, "more_body": True} for p in parts[:-1]]
    messages.append({"type": "http.request", "body": parts[-1], "more_body": False})
    headers = {**creds["headers"], "Content-Type": "application/json"}
    path = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
    status, response_headers, answer = _call(app, "POST", path, headers, messages)
    assert status == 200, answer
    assert orjson.loads(answer)["tagName"] == "Chunked"
    assert response_headers[b"content-type"] == b"application/json; charset=utf-8"
    assert int(response_headers[b"content-length"]) == len(answer)


def test_a_client_gone_before_its_body_leaves_no_row() -> None:
    app, creds = _onboarded()
    headers = {**creds["headers"], "Content-Type": "application/json"}
    path = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
    before = _call(app, "GET", path, creds["headers"], [])[2]
    first = {"type": "http.request", "body": b'{"tagName": "Half', "more_body": True}
    status, _, answer = _call(app, "POST", path, headers, [first])  # then: disconnect
    assert status == 400 and orjson.loads(answer)["status"] == 400
    assert _call(app, "GET", path, creds["headers"], [])[2] == before


def test_method_head_and_unknown_paths() -> None:
    app, creds = _onboarded()
    path = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
    status, headers, _ = _call(app, "DELETE", path, creds["headers"], [])
    assert status == 405 and headers[b"allow"] == b"GET, POST"
    assert _call(app, "HEAD", path, creds["headers"], [])[0] == 200
    status, _, answer = _call(app, "GET", f"{path}/x/y/z", creds["headers"], [])
    assert status == 404 and orjson.loads(answer)["status"] == 404


def test_an_unknown_operation_under_a_tenant_is_a_servicetitan_404() -> None:
    app, creds = _onboarded()
    path = f"/crm/v2/tenant/{creds['tenantId']}/no-such-resource"
    status, _, answer = _call(app, "GET", path, creds["headers"], [])
    body = orjson.loads(answer)
    assert status == 404 and body["errors"] == {"": [f"No operation at GET {path}."]}
    assert app.state.journal.query(path=path)[0]["status"] == 404


def test_a_simulator_bug_is_a_servicetitan_500_journaled_and_the_next_call_works(
    monkeypatch: Any, caplog: Any
) -> None:
    app, creds = _onboarded()
    path = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"

    def broken(_: Any) -> bytes:
        raise RuntimeError("a bug")

    with monkeypatch.context() as patch:
        patch.setattr(routing, "dumps", broken)
        status, _, answer = _call(app, "GET", path, creds["headers"], [])
    body = orjson.loads(answer)
    assert status == 500 and body["data"] == {"exception": "RuntimeError"}
    assert "a bug" in caplog.text  # the traceback is logged, not lost
    assert app.state.journal.query(path=path)[-1]["status"] == 500
    assert _call(app, "GET", path, creds["headers"], [])[0] == 200
