"""The demo world of ``mockst serve --demo``: one onboarded tenant, ready for a first call."""

from __future__ import annotations

from typing import Any

from mockst.config import Config
from mockst.control.models import Quickstart
from mockst.control.quickstart import credentials, quickstart
from mockst.identity import service
from mockst.seed import populate_tenant
from mockst.store.world import World

DEMO_TENANT_NAME = "Demo Plumbing & HVAC"
DEMO_SEED = 1
DEMO_CUSTOMERS = 300


def demo_credentials(
    world: World,
    config: Config,
    base_url: str,
    *,
    seed: int = DEMO_SEED,
    customers: int = DEMO_CUSTOMERS,
) -> dict[str, Any]:
    """Onboard the demo tenant on first use and fill it with ``populate_tenant(seed=seed,
    customers=customers)``; on a restart with --state (or a seeded world), reuse it as it is.

    Secret values are never stored, so a restart deactivates the old demo secrets and prints a
    fresh one.
    """
    existing = [t for t in world.identity["tenant"].values() if t.name == DEMO_TENANT_NAME]
    if not existing:
        request = Quickstart(
            tenantName=DEMO_TENANT_NAME,
            appName="Demo Integration",
            bookingProviderTag="Demo Booking Provider",
        )
        creds = quickstart(world, config, request, base_url)
        populate_tenant(world, creds["tenantId"], seed=seed, customers=customers, config=config)
        return creds
    tenant = existing[0]
    with world.transaction():
        connection = service.connections_of_tenant(world, tenant.id)[0]
        for old in service.active_secrets(world, connection.client_id):
            service.deactivate_secret(world, connection.client_id, old.id)
        _, secret = service.generate_secret(world, connection.client_id)
        tags = world.tenant_data(tenant.id).table(service.BOOKING_PROVIDER_TAGS)
        tag_id = min(int(r.id) for r in tags.rows())
        return credentials(world, config, connection.client_id, secret, tag_id, base_url)
