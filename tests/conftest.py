"""Fixtures shared by the project's tests: a fresh world, an in-process client, onboarding."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from mockst.api import registry
from mockst.app import create_app
from mockst.config import Config
from mockst.store.world import World
from mockst.testing import Onboard, TenantApi, api_headers, take_token


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def config() -> Config:
    return Config()


@pytest.fixture
def client(world: World, config: Config) -> Iterator[TestClient]:
    with TestClient(create_app(world, config)) as test_client:
        yield test_client


@pytest.fixture
def onboard(client: TestClient) -> Onboard:
    """Quickstart a tenant; returns its credentials plus ready ``headers`` for API calls."""

    def run(**options: Any) -> dict[str, Any]:
        response = client.post("/_mock/quickstart", json=options)
        assert response.status_code == 200, response.text
        creds = response.json()
        token = take_token(client, creds["clientId"], creds["clientSecret"])  # type: ignore[arg-type]
        creds["token"] = token
        creds["headers"] = api_headers(creds, token)
        # Each family's base path by name (``creds["crm"]``: ``/crm/v2/tenant/1``), for the
        # families whose document puts no version in its paths.
        for family in registry.families():
            creds[family.name] = f"{family.server}/tenant/{creds['tenantId']}"
        return creds

    return run


@pytest.fixture
def api(client: TestClient, onboard: Onboard) -> TenantApi:
    """A quickstarted tenant whose app holds every scope; call its API by operationId:
    ``api.call("Customers_GetList", params={...})``, ``api.call("Customers_Get", id=5)``."""
    return TenantApi(client, onboard())
