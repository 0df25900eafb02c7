"""Quickstart, token issuance and tenant reset look up their own records through the world's
indexes: none of them walks every connection, secret or app, so a simulator that has served a
whole CI fleet stays as fast as a new one. The indexes follow every write, undo and reset."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.identity import service
from mockst.store.world import World
from mockst.testing import api_headers, take_token


class NoScan(dict):  # type: ignore[type-arg]
    """An identity table that may be looked up by key, never walked."""

    def _refuse(self, *args: Any) -> Any:
        raise AssertionError("walked every record")

    values = items = keys = __iter__ = _refuse


def _guard_against_scans(world: World) -> None:
    for kind in ("app", "connection", "secret"):
        world.identity[kind] = NoScan(world.identity[kind])


def test_onboarding_tokens_and_resets_never_walk_the_world() -> None:
    world = World()
    with TestClient(create_app(world, Config(rate_limit=0))) as http:
        for _ in range(20):  # other tenants, whose records must not be visited
            assert http.post("/_mock/quickstart", json={}).status_code == 200
        _guard_against_scans(world)
        creds = http.post("/_mock/quickstart", json={}).json()
        token = take_token(http, creds["clientId"], creds["clientSecret"])
        tags = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
        assert http.get(tags, headers=api_headers(creds, token)).status_code == 200
        second = http.post(f"/_mock/connections/{creds['clientId']}/secrets")
        assert second.status_code == 200
        restrict = {"bookingProviderId": creds["bookingProviderId"]}
        assert http.put(f"/_mock/connections/{creds['clientId']}/restriction",
                        json=restrict).status_code == 200  # fmt: skip
        assert http.post(f"/_mock/tenants/{creds['tenantId']}/reset").status_code == 200
        assert world.identity["connection"][creds["clientId"]].booking_provider_id is None


def test_the_indexes_follow_writes_undos_and_resets() -> None:
    world = World()
    with TestClient(create_app(world, Config(rate_limit=0))) as http:
        creds = http.post("/_mock/quickstart", json={}).json()
        # A quickstart that fails half-way (the tenant exists) leaves no app key behind.
        failed = http.post("/_mock/quickstart", json={"tenantId": creds["tenantId"]})
        assert failed.status_code == 409
        assert set(world.app_keys) == {a.app_key for a in world.identity["app"].values()}
        assert service.app_by_key(world, creds["appKey"]) is not None
        secrets = service.secrets_of(world, creds["clientId"])
        assert [s.client_id for s in secrets] == [creds["clientId"]]
        (connection,) = service.connections_of_tenant(world, creds["tenantId"])
        assert connection.client_id == creds["clientId"]
        # A world loaded from a document is indexed as it loads.
        doc = http.get("/_mock/world").json()
        assert http.post("/_mock/reset").status_code == 200
        assert not world.app_keys and not world.secrets_by_client
        assert not world.connections_by_tenant
        assert http.put("/_mock/world", json=doc).status_code == 200
        assert service.app_by_key(world, creds["appKey"]) is not None
        assert take_token(http, creds["clientId"], creds["clientSecret"])


def test_unknown_keys_find_nothing() -> None:
    world = World()
    assert service.app_by_key(world, "ak1.nothing") is None
    assert service.secrets_of(world, "cid.nothing") == []
    assert service.connections_of_tenant(world, 1) == []
