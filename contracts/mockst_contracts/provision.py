"""Setting a scenario's stage: a tenant, its booking providers and a generated world.

Onboarding goes through the control plane (what a tenant admin clicks), the world goes in through
the handlers of the official operations in-process (``Customers_Create``, ``Bookings_Create``,
``Leads_Create``), so the rows have the API's shape and rules, and none of it is in the journal
the checks read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import count
from typing import Any

import httpx
import orjson

from mockst.api import registry
from mockst.api.operation import Call
from mockst.config import Config
from mockst.encoding import TICKS_PER_SECOND, instant, ticks_of
from mockst.store.world import World
from mockst_contracts.strategies import World as WorldSpec

EXPORT_DELAY = 16 * 60  # past the 15 minutes an export holds recent changes back


@dataclass(frozen=True)
class Tenant:
    """A provisioned tenant and the credentials of the connection under test."""

    tenant_id: int
    app_key: str
    client_id: str
    client_secret: str
    booking_provider_id: int
    other_provider_id: int
    environment: str
    base_url: str

    def env(self, task_path: str = "", scenario: str = "") -> dict[str, str]:
        """The ``ST_*`` variables a connector is configured with."""
        values = {
            "ST_AUTH_URL": self.base_url,
            "ST_API_URL": self.base_url,
            "ST_TENANT_ID": str(self.tenant_id),
            "ST_APP_KEY": self.app_key,
            "ST_CLIENT_ID": self.client_id,
            "ST_CLIENT_SECRET": self.client_secret,
            "ST_BOOKING_PROVIDER_ID": str(self.booking_provider_id),
            "ST_ENVIRONMENT": self.environment,
        }
        if scenario:
            values["MOCKST_SCENARIO"] = scenario
        if task_path:
            values["MOCKST_TASK"] = task_path
        return values


def onboard(
    http: httpx.Client, name: str, restricted: bool = False, other_provider: str = "Other Provider"
) -> Tenant:
    """Quickstart a tenant (app, connection, secret, the connector's booking provider) plus a
    second booking provider that is not the connector's."""
    response = http.post(
        "/_mock/quickstart",
        json={
            "tenantName": name,
            "appName": "Connector under test",
            "bookingProviderTag": "Connector under test",
            "restrictToBookingProvider": restricted,
        },
    )
    response.raise_for_status()
    creds = response.json()
    other = http.post(
        f"/_mock/tenants/{creds['tenantId']}/booking-provider-tags",
        json={"tagName": other_provider, "description": "another vendor's bookings"},
    )
    other.raise_for_status()
    return Tenant(
        tenant_id=int(creds["tenantId"]),
        app_key=creds["appKey"],
        client_id=creds["clientId"],
        client_secret=creds["clientSecret"],
        booking_provider_id=int(creds["bookingProviderId"]),
        other_provider_id=int(other.json()["id"]),
        environment=creds["environment"],
        base_url=str(http.base_url).rstrip("/"),
    )


def rotate_secret(http: httpx.Client, tenant: Tenant) -> Tenant:
    """Generate a second secret and deactivate every other one (the portal's rotation)."""
    response = http.post(f"/_mock/connections/{tenant.client_id}/secrets")
    response.raise_for_status()
    new = response.json()
    listed = http.get(f"/_mock/connections/{tenant.client_id}/secrets")
    listed.raise_for_status()
    for secret in listed.json():
        if secret["active"] and secret["id"] != new["id"]:
            http.post(
                f"/_mock/connections/{tenant.client_id}/secrets/{secret['id']}/deactivate"
            ).raise_for_status()
    return Tenant(**{**tenant.__dict__, "client_secret": new["clientSecret"]})


# -- worlds ---------------------------------------------------------------------------------------


def draw(strategy: Any, seed: int) -> Any:
    """A deterministic, non-minimal example of a hypothesis strategy.

    Hypothesis tries the simplest example first; the second is drawn at random from ``seed``.
    """
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as with_seed

    found: list[Any] = []

    @with_seed(seed)
    @settings(
        database=None,
        max_examples=2,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(strategy)
    def capture(value: Any) -> None:
        found.append(value)

    capture()
    return found[-1]


def generate_world(seed: int, customers: int, bookings: int = 4, leads: int = 3) -> WorldSpec:
    """A tenant's world from the kit's strategies: ``customers`` customers (with locations and
    contacts), ``bookings`` bookings under each of the two providers and ``leads`` leads.

    At most 25 distinct customers are drawn; bigger worlds repeat them with numbered names (a
    large tenant is about many pages, not many shapes), which keeps generation fast.
    """
    from hypothesis import strategies as st

    from mockst_contracts.strategies import worlds

    distinct = min(customers, 25)
    spec: WorldSpec = draw(worlds(st.just(distinct), st.just(bookings), st.just(leads)), seed)
    base = list(spec.customers)
    copies = []
    for i in range(customers - distinct):
        template = base[i % len(base)]
        copies.append({**template, "name": f"{template['name']} #{i // len(base) + 2}"})
    spec.customers = base + copies
    return spec


def stamp_lengths(now: datetime) -> Iterator[datetime]:
    """Instants a second apart, starting a day before ``now``, whose stamps have 0, 1, … 7
    fractional digits in turn (each fraction ends in a non-zero digit, as a trimmed one does)."""
    second = ticks_of(now) // TICKS_PER_SECOND - 86_400
    for n in count():
        digits = "1234567"[: n % 8]
        yield instant((second + n) * TICKS_PER_SECOND + int(digits.ljust(7, "0")))


def load_world(
    world: World,
    config: Config,
    tenant: Tenant,
    spec: WorldSpec,
    instants: Iterator[datetime] | None = None,
) -> dict[str, int]:
    """Create ``spec``'s rows in the tenant through the operations' handlers, each written at
    the next of ``instants`` (by default, now)."""
    ops = {op.operation_id: op for op in registry.operations()}
    providers = {"own": tenant.booking_provider_id, "other": tenant.other_provider_id}

    def call(operation_id: str, body: dict[str, Any], **path: Any) -> Any:
        op = ops[operation_id]
        model = op.body.model_validate_json(orjson.dumps(body), strict=True) if op.body else None
        return op.handler(
            Call(
                world=world,
                tenant=world.tenant_data(tenant.tenant_id),
                now=next(instants) if instants is not None else world.clock.now(),
                config=config,
                principal=None,  # type: ignore[arg-type]  # handlers never read the caller
                path=path,
                query={},
                body=model,
            )
        )

    with world.transaction():
        for customer in spec.customers:
            call("Customers_Create", customer)
        for provider, bookings in spec.bookings.items():
            for booking in bookings:
                call("Bookings_Create", booking, booking_provider=providers[provider])
        for lead in spec.leads:
            call("Leads_Create", lead)
    return spec.counts()


def task_bookings(world: World, tenant_id: int, external_id: str) -> list[dict[str, Any]]:
    """Live bookings of the tenant with this ``externalId`` (for the task check)."""
    with world.reading():
        rows = world.tenant_data(tenant_id).table("bookings").rows()
        return [dict(r.data) for r in rows if r.data.get("externalId") == external_id]
