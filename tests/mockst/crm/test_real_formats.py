"""Settings that serve values as production writes them: empty customFields and externalData as
null (``empty_collections``), in every answer that carries them (create, get, list, export), and
decimals with their scale (``decimal_places``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from customer_helpers import Crm, new_customer
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.encoding import null_empty_collections
from mockst.store.world import World
from mockst.testing import api_headers, take_token


def onboard(**settings: Any) -> Iterator[Crm]:
    world = World()
    config = Config(rate_limit=0, token_rate_limit=0, **settings)
    with TestClient(create_app(world, config)) as http:
        creds = http.post("/_mock/quickstart", json={}).json()
        token = take_token(http, creds["clientId"], creds["clientSecret"])
        creds["headers"] = api_headers(creds, token)
        yield Crm(http, world, creds)


@pytest.fixture
def as_null() -> Iterator[Crm]:
    yield from onboard(empty_collections="null")


@pytest.fixture
def as_list() -> Iterator[Crm]:
    yield from onboard()


def answers(crm: Crm) -> list[dict[str, Any]]:
    """A customer and its location as every kind of answer shows them."""
    created = crm.customer()
    location = created["locations"][0]
    return [
        created,
        location,
        crm.ok(crm.get(f"/customers/{created['id']}")),
        crm.ok(crm.get("/customers"))["data"][0],
        crm.ok(crm.get(f"/locations/{location['id']}")),
        crm.ok(crm.get("/locations"))["data"][0],
        crm.feed("/export/customers")["data"][0],
        crm.feed("/export/locations")["data"][0],
    ]


def test_empty_collections_are_lists_by_default(as_list: Crm) -> None:
    for shown in answers(as_list):
        assert shown["customFields"] == [] and shown.get("externalData", []) == [], shown


def test_the_setting_serves_null_as_production_does(as_null: Crm) -> None:
    for shown in answers(as_null):
        assert shown["customFields"] is None, shown
        if "externalData" in shown:
            assert shown["externalData"] is None, shown
    # a list that is not empty stays a list
    guid = "0f8fad5b-d9cb-469f-a165-70867728950e"
    external = {"applicationGuid": guid, "externalData": [{"key": "k", "value": "v"}]}
    body = new_customer(externalData=external)
    created = as_null.ok(as_null.post("/customers", body))
    shown = as_null.ok(as_null.get("/customers", externalDataApplicationGuid=guid))["data"]
    assert [row["externalData"] for row in shown if row["id"] == created["id"]] == [
        [{"key": "k", "value": "v"}]
    ]
    assert as_null.ok(as_null.get("/customers"))["data"][0]["customFields"] is None


def test_only_keys_are_touched_never_text_that_looks_like_one() -> None:
    body = b'{"name":"\\"customFields\\":[]","customFields":[],"externalData":[],"tags":[]}'
    assert null_empty_collections(body) == (
        b'{"name":"\\"customFields\\":[]","customFields":null,"externalData":null,"tags":[]}'
    )


def test_decimals_are_written_with_their_scale_when_asked() -> None:
    for crm in onboard(decimal_places=4):
        created = crm.post("/customers", new_customer(creditLimit=25.17, creditLimitBalance=2.5))
        assert created.status_code == 200, created.text
        text = created.text
        assert '"creditLimit":25.1700,' in text and '"creditLimitBalance":2.5000,' in text
        assert '"balance":0.0000,' in text
        listed = crm.get("/customers").text
        assert '"creditLimit":25.1700,' in listed
        assert crm.ok(crm.get("/customers"))["data"][0]["creditLimit"] == 25.17  # same number
    for crm in onboard():
        shortest = crm.post("/customers", new_customer(creditLimit=25.17)).text
        assert '"creditLimit":25.17,' in shortest and '"balance":0.0,' in shortest
