"""Fixtures for the CRM customer and location tests: onboarded tenants' CRM APIs.

Building the app costs a third of a second, so one simulator (without rate limits) serves a whole
test module and each test onboards its own tenant: tenants share nothing, so no test sees another's
customers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from customer_helpers import Crm
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.store.world import World
from mockst.testing import api_headers, take_token

# These tests call faster than a real client may; pacing has its own tests.
NO_LIMITS = {
    name: 0 for name in ("rate_limit", "token_rate_limit") if name in Config.__dataclass_fields__
}


@pytest.fixture(scope="module")
def crm_server() -> Iterator[tuple[TestClient, World]]:
    world = World()
    with TestClient(create_app(world, Config(**NO_LIMITS))) as http:
        yield http, world


@pytest.fixture
def crm_onboard(crm_server: tuple[TestClient, World]) -> Any:
    """Onboard a new tenant (quickstart options as keywords); returns its ``Crm``."""
    http, world = crm_server

    def run(**options: Any) -> Crm:
        response = http.post("/_mock/quickstart", json=options)
        assert response.status_code == 200, response.text
        creds = response.json()
        token = take_token(http, creds["clientId"], creds["clientSecret"])
        creds["headers"] = api_headers(creds, token)
        return Crm(http, world, creds)

    return run


@pytest.fixture
def crm(crm_onboard: Any) -> Crm:
    return crm_onboard()


@pytest.fixture
def other_crm(crm_onboard: Any) -> Crm:
    """A second tenant on the same simulator."""
    return crm_onboard(tenantName="Other Tenant", appName="Other App")
