"""A seeded tenant for the call tests, and a way to make a call arrive (the control plane);
``conftest`` makes ``phones`` a fixture."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from mockst.api.operation import TenantContext
from mockst.seed import populate_tenant
from mockst.store.world import World
from mockst.testing import TenantApi


@dataclass
class Phones:
    """The seeded tenant's API and what a call can name."""

    api: TenantApi
    customer: int
    customer_phone: str
    location: int
    stranger_location: int  # a location of another customer
    campaign: int
    tracking_number: str
    agent: int
    agent_name: str
    job: int  # a job no call booked
    reason: str

    def arrive(self, **body: Any) -> httpx.Response:
        sent = {"from": "(512) 555-7000", "to": self.tracking_number, "duration": 90, **body}
        return self.api.client.post(f"/_mock/tenants/{self.api.tenant_id}/calls", json=sent)


def _first(ctx: TenantContext, table: str, test: Any = None) -> Any:
    rows = sorted(ctx.table(table).rows(), key=lambda r: r.id)
    return next(r for r in rows if r.active and (test is None or test(r)))


@pytest.fixture
def phones(world: World, api: TenantApi) -> Phones:
    populate_tenant(world, api.tenant_id, seed=7, customers=24, bookings=4, leads=2,
                    history_days=30)  # fmt: skip
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())
        contact = _first(ctx, "customer_contacts", lambda r: r.get("type") == "MobilePhone")
        owner = contact.get("customerId")
        location = _first(ctx, "locations", lambda r: r.get("customerId") == owner)
        stranger = _first(ctx, "locations", lambda r: r.get("customerId") != owner)
        campaign = _first(ctx, "campaigns", lambda r: r.get("campaignPhoneNumbers"))
        agent = _first(ctx, "employees", lambda r: "CSR" in r.get("positions"))
        job = _first(ctx, "jobs", lambda r: r.get("leadCallId") is None)
        return Phones(
            api=api, customer=owner, customer_phone=contact.get("value"), location=location.id,
            stranger_location=stranger.id, campaign=campaign.id,
            tracking_number=campaign.get("campaignPhoneNumbers")[0], agent=agent.id,
            agent_name=agent.get("name"), job=job.id,
            reason=_first(ctx, "call_reasons").get("name"),
        )  # fmt: skip
