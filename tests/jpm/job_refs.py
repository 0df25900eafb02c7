"""A small seeded tenant for the job tests: references a job can name, found by table. A module
of its own name (not conftest) so test modules can import ``Refs`` wherever pytest puts them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from mockst.api.operation import TenantContext
from mockst.identity.service import BOOKING_PROVIDER_TAGS
from mockst.seed import populate_tenant
from mockst.store.world import World
from mockst.testing import TenantApi


@dataclass
class Refs:
    customer: int
    location: int
    stranger_location: int  # a location of another customer
    unit: int
    job_type: int
    campaign: int
    technicians: list[int]
    cancel_reason: int
    hold_reason: int
    retired_campaign: int
    api: TenantApi

    def booking(self) -> dict[str, Any]:
        """A New booking through the tenant's first booking provider."""
        world: World = self.api.client.app.state.world  # type: ignore[attr-defined]
        with world.transaction():
            data = world.tenant_data(self.api.tenant_id)
            provider = min(r.id for r in data.table(BOOKING_PROVIDER_TAGS).rows())
        address = {"street": "1 Main St", "city": "Austin", "state": "TX", "zip": "78701",
                   "country": "USA"}
        made = self.api.call("Bookings_Create", booking_provider=provider, json={
            "source": "Web", "name": "Pat Doe", "summary": "Leaking pipe", "externalId": "W-1",
            "isFirstTimeClient": True, "address": address})
        assert made.status_code == 200, made.text
        return made.json()

    def job(self, **fields: Any) -> dict[str, Any]:
        """A job create body (one two-hour appointment on 2026-12-10 unless ``fields`` say)."""
        return {
            "customerId": self.customer, "locationId": self.location,
            "businessUnitId": self.unit, "jobTypeId": self.job_type, "priority": "Normal",
            "campaignId": self.campaign,
            "appointments": [{"start": "2026-12-10T16:00:00Z", "end": "2026-12-10T18:00:00Z"}],
            **fields,
        }  # fmt: skip


def _first(ctx: TenantContext, table: str, test: Any = None) -> Any:
    return next(r for r in ctx.table(table).rows() if r.active and (test is None or test(r)))


@pytest.fixture
def refs(world: World, api: TenantApi) -> Refs:
    populate_tenant(world, api.tenant_id, seed=4, customers=4, bookings=2, leads=2,
                    history_days=30)  # fmt: skip
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())
        location = _first(ctx, "locations")
        owner = location.get("customerId")
        stranger = _first(ctx, "locations", lambda r: r.get("customerId") != owner)
        job_type = _first(ctx, "job_types", lambda r: r.get("businessUnitIds"))
        techs = [r.id for r in ctx.table("technicians").rows() if r.active][:3]
        return Refs(
            customer=location.get("customerId"), location=location.id,
            stranger_location=stranger.id, unit=job_type.get("businessUnitIds")[0],
            job_type=job_type.id, campaign=_first(ctx, "campaigns").id, technicians=techs,
            cancel_reason=_first(ctx, "job_cancel_reasons").id,
            hold_reason=_first(ctx, "job_hold_reasons").id,
            retired_campaign=next(r.id for r in ctx.table("campaigns").rows() if not r.active),
            api=api,
        )  # fmt: skip
