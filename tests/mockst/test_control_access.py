"""The control plane is safe to expose: a control token, no cross-site requests, JSON bodies only,
no signing key handed out unasked, and a warning when the server is reachable and unlocked."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from mockst import cli
from mockst.app import create_app
from mockst.config import Config
from mockst.testing import api_headers, take_token

TOKEN = "s3cret-control-token"
NO_LIMITS = Config(rate_limit=0)
LOCKED = {"Authorization": f"Bearer {TOKEN}"}


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"type", "title", "status", "traceId", "errors", "data"}
    return body


def test_a_control_token_locks_every_control_route_but_health() -> None:
    with TestClient(create_app(config=NO_LIMITS, control_token=TOKEN)) as http:
        for method, path in (("GET", "/_mock/clock"), ("POST", "/_mock/quickstart"),
                             ("GET", "/_mock/world"), ("POST", "/_mock/reset"),
                             ("GET", "/_mock/journal"), ("GET", "/_mock/config")):  # fmt: skip
            refused = http.request(method, path)
            _problem(refused, 401)
            assert refused.headers["WWW-Authenticate"].startswith("Bearer")
            wrong = http.request(method, path, headers={"Authorization": "Bearer nope"})
            _problem(wrong, 401)
        assert http.get("/_mock/health").status_code == 200
        assert http.get("/_mock/ready").status_code == 200
        creds = http.post("/_mock/quickstart", json={}, headers=LOCKED).json()
        # The API, the token endpoint and the documents stay open.
        token = take_token(http, creds["clientId"], creds["clientSecret"])
        tags = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
        assert http.get(tags, headers=api_headers(creds, token)).status_code == 200
        assert http.get("/openapi.json").status_code == 200
        assert http.get("/docs").status_code == 200


def test_without_a_token_the_control_plane_is_open() -> None:
    with TestClient(create_app(config=NO_LIMITS)) as http:
        assert http.get("/_mock/clock").status_code == 200


def test_cross_site_requests_are_refused_token_or_not() -> None:
    for token in (None, TOKEN):
        headers = LOCKED if token else {}
        with TestClient(create_app(config=NO_LIMITS, control_token=token)) as http:
            creds = http.post("/_mock/quickstart", json={}, headers=headers).json()
            page = {**headers, "Origin": "https://evil.example"}
            _problem(http.post("/_mock/reset", headers=page), 403)
            _problem(http.post("/_mock/clock/advance", json={"seconds": 60}, headers=page), 403)
            tenant = http.get(f"/_mock/tenants/{creds['tenantId']}", headers=headers)
            assert tenant.status_code == 200  # not wiped
            # The server's own pages (same origin) and non-browser clients (no Origin) pass.
            own = {**headers, "Origin": "http://testserver"}
            assert http.get("/_mock/clock", headers=own).status_code == 200


def test_control_bodies_must_be_json() -> None:
    with TestClient(create_app(config=NO_LIMITS)) as http:
        before = http.put("/_mock/clock", json={"frozen": True}).json()
        # What a cross-site form or fetch without preflight can send.
        for content_type in ("text/plain", "application/x-www-form-urlencoded",
                             "multipart/form-data; boundary=x"):  # fmt: skip
            sent = http.post(
                "/_mock/clock/advance",
                content=b'{"seconds": 86400}',
                headers={"Content-Type": content_type},
            )
            _problem(sent, 415)
        assert http.get("/_mock/clock").json() == before
        assert http.post("/_mock/quickstart", content=b"tenantName=x").status_code == 415
        # No body needs no content type.
        assert http.post("/_mock/reset").status_code == 200


def test_world_export_leaves_the_signing_key_out_unless_asked() -> None:
    with TestClient(create_app(config=NO_LIMITS)) as http:
        http.post("/_mock/quickstart", json={})
        doc = http.get("/_mock/world").json()
        assert "signingKey" not in doc and doc["identity"]["connection"]
        assert http.get("/_mock/world?includeSigningKey=true").json()["signingKey"]
        # A document without the key keeps the server's own: tokens stay unforgeable.
        assert http.put("/_mock/world", json=doc).status_code == 200


@pytest.mark.parametrize("body", [[], [1, 2], "world", 7, None])
def test_world_import_of_a_non_object_is_400(body: Any) -> None:
    with TestClient(create_app(config=NO_LIMITS)) as http:
        answer = http.put("/_mock/world", json=body)
        assert _problem(answer, 400)["errors"]
        bad = http.put("/_mock/world", json={"format": "mockst-world", "tenants": []})
        _problem(bad, 400)


@pytest.mark.parametrize(
    ("host", "token", "warned"),
    [
        ("127.0.0.1", None, False),
        ("::1", None, False),
        ("localhost", None, False),
        ("0.0.0.0", None, True),
        ("::", None, True),
        ("192.168.1.20", None, True),
        ("0.0.0.0", TOKEN, False),
    ],
)
def test_serving_beyond_loopback_without_a_token_warns(
    host: str, token: str | None, warned: bool
) -> None:
    assert (cli.exposure_warning(host, token) is not None) is warned


def test_the_cli_passes_the_control_token(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    import uvicorn

    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    monkeypatch.setenv("MOCKST_CONTROL_TOKEN", TOKEN)
    assert cli.main(["serve", "--host", "0.0.0.0"]) == 0
    assert served["app"].state.control_token == TOKEN
    assert "warning" not in capsys.readouterr().err
    monkeypatch.delenv("MOCKST_CONTROL_TOKEN")
    assert cli.main(["serve", "--host", "0.0.0.0"]) == 0
    assert served["app"].state.control_token is None
    assert "without --control-token" in capsys.readouterr().err
