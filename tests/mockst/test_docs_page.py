"""``/docs`` is an interactive reference that works offline, one API family at a time, with a
way to authorize; ``/openapi.json`` documents the token endpoint (issue 16). No browser test:
Chromium is not installed on the machines this suite runs on (see the issue's report)."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import pytest
from starlette.testclient import TestClient

from mockst import docs_page
from mockst.app import _table_html, create_app
from mockst.config import Config
from mockst.control.models import Quickstart
from mockst.control.quickstart import quickstart
from mockst.store.world import World


@pytest.fixture(scope="module")
def setup() -> tuple[TestClient, dict[str, Any]]:
    world = World()
    creds = quickstart(world, Config(), Quickstart(), "http://testserver")
    return TestClient(create_app(world, Config())), creds


def test_the_page_loads_only_the_simulators_own_files(setup: Any) -> None:
    client, _ = setup
    page = client.get("/docs")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    loaded = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert loaded and not [u for u in loaded if re.match(r"(https?:)?//", u)]
    for url in loaded:
        if url.startswith("/openapi.json"):
            continue
        answer = client.get(url)
        assert answer.status_code == 200, url
        kind = answer.headers["content-type"]
        assert url.rsplit(".", 1)[1] in ("js", "css", "png") and (
            "javascript" in kind or "css" in kind or "image" in kind
        ), (url, kind)
    bundle = client.get("/docs/assets/swagger-ui-bundle.js").text
    assert "SwaggerUIBundle" in bundle
    version = re.search(r'"(\d+)\.\d+\.\d+"', client.get("/docs/assets/swagger-ui.css").text)
    assert version is None or int(version.group(1)) >= 5  # 3.1 documents need Swagger UI 5


def test_only_the_page_files_are_served(setup: Any) -> None:
    client, _ = setup
    for url in ("/docs/assets/index.html", "/docs/assets/swagger-editor.js", "/docs/nope.js"):
        answer = client.get(url)
        assert answer.status_code == 404 and answer.json()["status"] == 404, url
    assert client.get("/docs/assets/..%2F..%2Fcore.py").status_code == 404


def test_the_script_offers_each_family_and_never_calls_out(setup: Any) -> None:
    client, _ = setup
    script = client.get("/docs/init.js").text
    options = json.loads(re.search(r"Object\.assign\((\{.*?\}), \{presets", script).group(1))
    assert options["validatorUrl"] is None  # no document sent to swagger.io
    assert options["persistAuthorization"] is False  # no client secret left in localStorage
    names = [u["url"].split("family=")[1] for u in options["urls"]]
    assert "crm" in names and "settings" in names and names[-1] == "mockst"
    assert options["urls.primaryName"].startswith("CRM")
    total = client.get("/openapi.json").json()
    seen: set[str] = set()
    for url in (u["url"] for u in options["urls"]):
        doc = client.get(url).json()
        assert doc["openapi"] == "3.1.0" and doc["paths"], url
        seen |= set(doc["paths"])
        text = json.dumps(doc)
        for ref in set(re.findall(r'"#/components/schemas/([^"]+)"', text)):
            assert ref in doc["components"]["schemas"], (url, ref)
        assert len(doc["components"]["schemas"]) <= len(total["components"]["schemas"])
    assert seen == set(total["paths"])  # every operation is in some family's document


def test_an_unknown_family_is_a_clear_400(setup: Any) -> None:
    client, _ = setup
    answer = client.get("/openapi.json", params={"family": "payroll"})
    assert answer.status_code == 400
    body = answer.json()
    assert body["title"] == "Unknown API family." and "crm" in body["errors"]["family"][0]
    assert client.get("/openapi.json", params={"family": " CRM "}).status_code == 200


def test_the_token_endpoint_is_documented_as_it_answers(setup: Any) -> None:
    client, creds = setup
    doc = client.get("/openapi.json").json()
    op = doc["paths"]["/connect/token"]["post"]
    form = op["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    assert set(form["properties"]) == {"grant_type", "client_id", "client_secret", "scope"}
    assert {"200", "400", "413", "429"} <= set(op["responses"])
    token_schema = op["responses"]["200"]["content"]["application/json"]["schema"]
    errors = op["responses"]["400"]["content"]["application/json"]["schema"]
    good = {
        "grant_type": "client_credentials",
        "client_id": creds["clientId"],
        "client_secret": creds["clientSecret"],
    }
    answer = client.post("/connect/token", data=good)
    assert set(answer.json()) == set(token_schema["required"])
    for form_data in (
        {"grant_type": "client_credentials", "client_id": "cid.nobody", "client_secret": "x"},
        {"grant_type": "password"},
        {"client_id": creds["clientId"]},
    ):
        refused = client.post("/connect/token", data=form_data)
        assert refused.status_code == 400
        assert refused.json()["error"] in errors["properties"]["error"]["enum"], form_data


def test_authorize_as_swagger_ui_does_then_try_a_call(setup: Any) -> None:
    """Swagger UI's client-credentials flow sends HTTP Basic credentials and the scopes ticked
    (none: an empty scope); the token and the app key then go with each call."""
    client, creds = setup
    scheme = client.get("/openapi.json?family=crm").json()["components"]["securitySchemes"]
    assert scheme["oauth"]["flows"]["clientCredentials"]["tokenUrl"] == "/connect/token"
    assert scheme["apiKeyHeader"] == {"type": "apiKey", "name": "ST-App-Key", "in": "header"}
    basic = base64.b64encode(f"{creds['clientId']}:{creds['clientSecret']}".encode()).decode()
    taken = client.post(
        "/connect/token",
        content="grant_type=client_credentials&scope=",
        headers={"Authorization": f"Basic {basic}",
                 "Content-Type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    assert taken.status_code == 200, taken.text
    called = client.get(
        f"/crm/v2/tenant/{creds['tenantId']}/customers",
        headers={"Authorization": f"Bearer {taken.json()['access_token']}",
                 "ST-App-Key": creds["appKey"]},
    )  # fmt: skip
    assert called.status_code == 200


def test_without_swagger_ui_the_page_is_the_plain_list(
    setup: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, _ = setup
    monkeypatch.setattr(docs_page, "assets_dir", lambda: None)
    page = client.get("/docs")
    assert page.status_code == 200 and page.text == _table_html()
    assert "swagger-ui-py" in page.text and "<table" in page.text
    assert client.get("/docs/assets/swagger-ui.css").status_code == 404
