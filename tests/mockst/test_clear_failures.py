"""Clear failures, never a 500: crafted export tokens, a clock sent to the end of time, a tag
rename onto another tag's name."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from mockst.api import registry
from mockst.api.operation import Export
from mockst.app import create_app
from mockst.config import Config
from mockst.testing import api_headers, take_token

EXPORTS = sorted(
    (op for op in registry.operations() if isinstance(op.response, Export)),
    key=lambda op: op.operation_id,
)


def _token(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


CRAFTED = [
    "bW9ja3N0OnYxOsKy",  # "mockst:v1:²": a digit to str.isdigit, not to int()
    _token("mockst:v1:" + "9" * 5000),  # past int()'s digit limit
    _token("mockst:v1:" + "9" * 30),  # past an int64
    "9999-12-31T23:00:00-05:00",  # past the last instant once in UTC
    "%00",
]


@pytest.fixture(scope="module")
def http() -> Iterator[TestClient]:
    with TestClient(create_app(config=Config(rate_limit=0))) as client:
        yield client


@pytest.fixture(scope="module")
def creds(http: TestClient) -> dict[str, Any]:
    creds = http.post("/_mock/quickstart", json={}).json()
    token = take_token(http, creds["clientId"], creds["clientSecret"])
    creds["headers"] = api_headers(creds, token)
    return creds


@pytest.mark.parametrize("op", EXPORTS, ids=lambda op: op.operation_id)
def test_crafted_export_tokens_are_400_naming_from(
    http: TestClient, creds: dict[str, Any], op: Any
) -> None:
    path = op.full_path.replace("{tenant}", str(creds["tenantId"]))
    for value in CRAFTED:
        answer = http.get(path, params={"from": value}, headers=creds["headers"])
        assert answer.status_code == 400, (value, answer.text)
        assert "from" in answer.json()["errors"]


def test_the_clock_is_kept_away_from_the_end_of_time(
    http: TestClient, creds: dict[str, Any]
) -> None:
    before = http.put("/_mock/clock", json={"frozen": True}).json()
    for body in ({"now": "9999-12-31T23:59:59Z"}, {"now": "9999-12-31T23:00:00-05:00"},
                 {"now": "0001-01-01T00:00:00Z"}):  # fmt: skip
        answer = http.put("/_mock/clock", json=body)
        assert answer.status_code == 400, answer.text
        assert "now" in answer.json()["errors"]
    for _ in range(3):  # ten years at a time is allowed, until the bound
        assert http.post("/_mock/clock/advance", json={"seconds": 315_360_000}).status_code == 200
    near = http.put("/_mock/clock", json={"now": "8999-12-31T00:00:00Z"})
    assert near.status_code == 200
    far = http.post("/_mock/clock/advance", json={"seconds": 315_360_000})
    assert far.status_code == 400 and "seconds" in far.json()["errors"]
    assert http.get("/_mock/clock").json()["now"].startswith("8999-12-31")
    # The server still works at the edge: tokens, lists, exports.
    headers = api_headers(creds, take_token(http, creds["clientId"], creds["clientSecret"]))
    crm = f"/crm/v2/tenant/{creds['tenantId']}"
    assert http.get(f"{crm}/customers", headers=headers).status_code == 200
    assert http.get(f"{crm}/export/customers", headers=headers).status_code == 200
    http.put("/_mock/clock", json={"now": before["now"], "frozen": False})


def test_renaming_a_tag_onto_another_tags_name_is_400(
    http: TestClient, creds: dict[str, Any]
) -> None:
    tags = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
    made = http.post(tags, json={"tagName": "Second", "description": "x"}, headers=creds["headers"])
    assert made.status_code == 200, made.text
    taken = http.get(f"{tags}/{creds['bookingProviderId']}", headers=creds["headers"])
    rename = http.patch(
        f"{tags}/{made.json()['id']}",
        json={"tagName": taken.json()["tagName"].upper()},
        headers=creds["headers"],
    )
    assert rename.status_code == 400, rename.text
    assert list(rename.json()["errors"]) == ["tagName"]
    again = http.post(tags, json={"tagName": "second", "description": ""}, headers=creds["headers"])
    assert again.status_code == 409  # create declares 409
