"""A small seeded tenant for the estimate tests: a job, its technicians and price-book SKUs. A
module of its own name (not conftest) so test modules can import ``Sales`` wherever pytest puts
them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from mockst.api.operation import TenantContext
from mockst.seed import populate_tenant
from mockst.store.world import World
from mockst.testing import TenantApi

STORY_END = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


@dataclass
class Sales:
    job: dict[str, Any]  # the job row as stored
    other_job: dict[str, Any]  # a job at another location
    technician: int
    service: dict[str, Any]
    material: dict[str, Any]
    fee: dict[str, Any]  # a fixed-amount fee
    api: TenantApi

    def estimate(self, **fields: Any) -> dict[str, Any]:
        made = self.api.call("Estimates_Create", json={"jobId": self.job["id"], **fields})
        assert made.status_code == 200, made.text
        return made.json()


def _first(ctx: TenantContext, table: str, test: Any = None) -> dict[str, Any]:
    rows = sorted(ctx.table(table).rows(), key=lambda r: r.id)
    return next(r.data for r in rows if r.active and (test is None or test(r)))


@pytest.fixture
def sales(world: World, api: TenantApi) -> Sales:
    # a fixed end of the story: how many estimates were decided depends on it
    populate_tenant(world, api.tenant_id, seed=4, customers=60, bookings=2, leads=2,
                    history_days=30, now=STORY_END)  # fmt: skip
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())
        job = _first(ctx, "jobs", lambda r: r.get("jobStatus") != "Canceled")
        other = _first(ctx, "jobs", lambda r: r.get("locationId") != job["locationId"])
        return Sales(
            job=job, other_job=other, technician=_first(ctx, "technicians")["id"],
            service=_first(ctx, "services"), material=_first(ctx, "materials"),
            fee=_first(ctx, "discounts_and_fees",
                       lambda r: r.get("type") == "Fee" and r.get("amountType") == "Fixed"),
            api=api,
        )  # fmt: skip
