"""The switches for what the documents leave open: hard deletes, unique codes."""

from __future__ import annotations

import pytest

from mockst.config import Config
from mockst.testing import TenantApi


@pytest.fixture
def config() -> Config:
    return Config(pricebook_delete_mode="hard", pricebook_unique_codes=True)


def test_hard_delete_and_unique_codes(api: TenantApi) -> None:
    made = api.call("Materials_Create", json={"code": "CAP", "description": ""})
    assert made.status_code == 201
    again = api.call("Materials_Create", json={"code": "cap", "description": ""})
    assert again.status_code == 400 and "code" in again.json()["errors"]
    other_kind = api.call("Services_Create", json={"code": "CAP", "description": ""})
    assert other_kind.status_code == 201  # unique within a kind
    batch = api.call("PricebookBulk_Create", json={"materials": [
        {"code": "X", "description": ""}, {"code": "x", "description": ""}]})
    assert batch.status_code == 400 and "materials[1].code" in batch.json()["errors"]
    ident = made.json()["id"]
    assert api.call("Materials_Delete", id=ident).status_code == 204
    assert api.call("Materials_Get", id=ident).status_code == 404
    feed = api.call("Export_Materials", params={"includeRecentChanges": "true"}).json()["data"]
    assert [(r["id"], r["active"]) for r in feed] == [(ident, False)]
