"""The reference client against the real simulator, over a real socket.

One simulator per test module (``mockst.testing.serve``: uvicorn on a free port in a thread), with
both rate limits off unless the module sets ``SIMULATOR_CONFIG``; a fresh quickstart tenant per
test. ``Simulator`` is the test's hand on the control plane: credentials, clients built the way a
connector builds them, the journal (what really went over the wire), faults and the clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from mockst_client import AsyncServiceTitanClient, ServiceTitanClient

from mockst.app import create_app
from mockst.config import Config
from mockst.store.world import World
from mockst.testing import serve

NO_RATE_LIMITS: dict[str, Any] = {"rate_limit": 0, "token_rate_limit": 0}


@dataclass
class Simulator:
    url: str
    world: World
    config: Config
    control: httpx.Client
    tenants: list[dict[str, Any]] = field(default_factory=list)

    # -- onboarding ------------------------------------------------------------------------------

    def quickstart(self, **options: Any) -> dict[str, Any]:
        """A new tenant with a connected app: the five credentials a connector is given."""
        creds = self.ok(self.control.post("/_mock/quickstart", json=options))
        self.tenants.append(creds)
        return creds

    def add_tag(self, tenant_id: int, name: str) -> int:
        """A booking provider tag made in the tenant's settings (not through the API)."""
        path = f"/_mock/tenants/{tenant_id}/booking-provider-tags"
        return int(self.ok(self.control.post(path, json={"tagName": name}))["id"])

    @staticmethod
    def env(creds: dict[str, Any], provider: bool = False) -> dict[str, str]:
        """The ``ST_*`` variables a deployment sets (``from_env``)."""
        env = {
            "ST_TENANT_ID": str(creds["tenantId"]),
            "ST_APP_KEY": creds["appKey"],
            "ST_CLIENT_ID": creds["clientId"],
            "ST_CLIENT_SECRET": creds["clientSecret"],
            "ST_AUTH_URL": creds["authUrl"],
            "ST_API_URL": creds["apiUrl"],
        }
        if provider:
            env["ST_BOOKING_PROVIDER_ID"] = str(creds["bookingProviderId"])
        return env

    def client(
        self, creds: dict[str, Any], *, provider: bool = False, **options: Any
    ) -> ServiceTitanClient:
        """``provider``: also set ``ST_BOOKING_PROVIDER_ID`` (the tag picked during setup)."""
        return ServiceTitanClient.from_env(self.env(creds, provider), **options)

    def async_client(
        self, creds: dict[str, Any], *, provider: bool = False, **options: Any
    ) -> AsyncServiceTitanClient:
        return AsyncServiceTitanClient.from_env(self.env(creds, provider), **options)

    # -- journal, faults, clock --------------------------------------------------------------------

    def journal(self, **filters: Any) -> list[dict[str, Any]]:
        """Matching journal entries, oldest first (bodies left out)."""
        params = {"bodies": "false", "limit": 100_000, **filters}
        return list(self.ok(self.control.get("/_mock/journal", params=params))["entries"])

    def token_requests(self, creds: dict[str, Any]) -> list[dict[str, Any]]:
        return self.journal(path="/connect/token", clientId=creds["clientId"])

    def api_calls(self, creds: dict[str, Any], **filters: Any) -> list[dict[str, Any]]:
        return self.journal(kind="api", tenant=creds["tenantId"], **filters)

    def fault(self, **rule: Any) -> dict[str, Any]:
        return self.ok(self.control.post("/_mock/faults", json=rule))[0]

    def freeze_clock(self) -> None:
        self.ok(self.control.put("/_mock/clock", json={"frozen": True}))

    def advance_clock(self, seconds: float) -> None:
        self.ok(self.control.post("/_mock/clock/advance", json={"seconds": seconds}))

    def clean_up(self) -> None:
        self.ok(self.control.delete("/_mock/faults"))
        self.ok(self.control.put("/_mock/clock", json={"frozen": False}))

    @staticmethod
    def ok(response: httpx.Response) -> Any:
        assert response.is_success, f"{response.request.url.path}: {response.text}"
        return response.json()


@pytest.fixture(scope="module")
def sim(request: pytest.FixtureRequest) -> Iterator[Simulator]:
    overrides = {**NO_RATE_LIMITS, **getattr(request.module, "SIMULATOR_CONFIG", {})}
    world = World()
    config = Config.load(**overrides)
    with serve(create_app(world, config)) as url, httpx.Client(base_url=url) as control:
        yield Simulator(url, world, config, control)


@pytest.fixture
def tenant(sim: Simulator) -> Iterator[dict[str, Any]]:
    """A fresh quickstart tenant; faults and a frozen clock do not outlive the test."""
    yield sim.quickstart()
    sim.clean_up()
