"""Fixtures of the contract suite: one simulator on a real socket for the schemathesis tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from mockst.app import create_app
from mockst.config import Config
from mockst.store.world import World
from mockst.testing import api_headers, serve, take_token

# The schemathesis tests fix the tenant path parameter to this id in the document they load.
CONTRACT_TENANT = 4_242_001
# The stateful workflows run in this one, emptied before each workflow.
WORKFLOW_TENANT = 4_242_002


@dataclass(frozen=True)
class ContractSimulator:
    base_url: str
    credentials: dict
    headers: dict[str, str]


def onboard(http: httpx.Client, **options: object) -> dict:
    """Quickstart a tenant; its credentials plus ready ``headers``."""
    response = http.post("/_mock/quickstart", json=options)
    response.raise_for_status()
    creds = response.json()
    creds["headers"] = api_headers(
        creds, take_token(http, creds["clientId"], creds["clientSecret"])
    )
    return creds


@pytest.fixture(scope="session")
def contract_simulator() -> Iterator[ContractSimulator]:
    """A simulator without rate limits (schemathesis calls as fast as it can), one tenant."""
    app = create_app(World(), Config(rate_limit=0, token_rate_limit=0))
    with serve(app) as base, httpx.Client(base_url=base) as http:
        creds = onboard(http, tenantId=CONTRACT_TENANT)
        yield ContractSimulator(base, creds, creds["headers"])
