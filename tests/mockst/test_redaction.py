"""The journal and the access log never hold a secret, however it is sent or spelled."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.testing import api_headers, take_token

SECRET = "Hunter2-Do-Not-Log"


@pytest.fixture(scope="module")
def http() -> Iterator[TestClient]:
    with TestClient(create_app(config=Config(rate_limit=0))) as client:
        yield client


@pytest.fixture(scope="module")
def creds(http: TestClient) -> dict[str, Any]:
    creds = http.post("/_mock/quickstart", json={}).json()
    creds["token"] = take_token(http, creds["clientId"], creds["clientSecret"])
    creds["headers"] = api_headers(creds, creds["token"])
    return creds


def _journal_text(http: TestClient) -> str:
    return json.dumps(http.get("/_mock/journal").json())


def _clean(http: TestClient, *secrets: str) -> None:
    text = _journal_text(http)
    for secret in secrets:
        assert secret not in text
    http.delete("/_mock/journal")


@pytest.mark.parametrize("resource", ["employees", "technicians"])
def test_passwords_of_employees_and_technicians(
    http: TestClient, creds: dict[str, Any], resource: str
) -> None:
    path = f"/settings/v2/tenant/{creds['tenantId']}/{resource}"
    body = {"name": "Pat", "login": "pat", "password": SECRET, "email": "p@example.com"}
    http.post(path, json=body, headers=creds["headers"])
    http.patch(f"{path}/1", json={"password": SECRET}, headers=creds["headers"])
    _clean(http, SECRET)


def test_client_secret_in_a_query_string(http: TestClient, creds: dict[str, Any]) -> None:
    tags = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
    http.get(tags, params={"client_secret": SECRET, "Client-Secret": SECRET},
             headers=creds["headers"])  # fmt: skip
    http.post(f"/connect/token?client_secret={SECRET}&password={SECRET}",
              data={"grant_type": "client_credentials"})  # fmt: skip
    (entry, *_) = http.get("/_mock/journal", params={"path": tags}).json()["entries"]
    assert "client_secret=[redacted]" in entry["query"]
    _clean(http, SECRET)


def test_a_token_request_sent_as_json_or_in_any_spelling(
    http: TestClient, creds: dict[str, Any]
) -> None:
    secret = creds["clientSecret"]
    body = {"grant_type": "client_credentials", "client_id": creds["clientId"]}
    http.post("/connect/token", json={**body, "client_secret": secret})
    http.post("/connect/token", data={**body, "Client_Secret": secret})
    http.post("/connect/token", content=f"client_secret={secret}".encode(),
              headers={"Content-Type": "text/plain"})  # fmt: skip
    http.post("/_mock/quickstart", json={"CLIENT_SECRET": secret, "signing-key": secret})
    _clean(http, secret)


def test_bearer_tokens_in_any_header(http: TestClient, creds: dict[str, Any]) -> None:
    token = creds["token"]
    tags = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
    headers = {**creds["headers"], "X-Forwarded-Authorization": f"Bearer {token}",
               "Proxy-Authorization": f"Bearer {token}", "X-Access-Token": token}  # fmt: skip
    http.get(tags, headers=headers)
    (entry,) = http.get("/_mock/journal", params={"path": tags}).json()["entries"]
    shown = entry["request"]["headers"]
    assert shown["x-forwarded-authorization"].startswith("Bearer [redacted] sha256:")
    _clean(http, token)


def test_the_access_log_blanks_secrets_in_query_strings(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))
    from reliability_helpers import start_server

    log = tmp_path / "server.log"
    server = start_server(log, "--log-level", "info")
    try:
        httpx.get(f"{server.url}/_mock/clock", params={"client_secret": SECRET})
        httpx.get(f"{server.url}/crm/v2/tenant/1/customers?x=1&Client_Secret={SECRET}")
    finally:
        server.kill()
    text = log.read_text()
    assert "/_mock/clock?client_secret=[redacted]" in text
    assert SECRET not in text
