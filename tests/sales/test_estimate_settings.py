"""``estimate_sellers="employees"``: the office may credit an employee with a sale too."""

from __future__ import annotations

import pytest
from sales_refs import Sales

from mockst.api.operation import TenantContext
from mockst.config import Config
from mockst.store.world import World


@pytest.fixture
def config() -> Config:
    return Config(estimate_sellers="employees")


def test_an_employee_may_sell(sales: Sales, world: World) -> None:
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(sales.api.tenant_id), world.clock.now())
        employee = min(r.id for r in ctx.table("employees").rows() if r.active)
    made = sales.estimate()
    sold = sales.api.call("Estimates_Sell", id=made["id"], json={"soldBy": employee})
    assert sold.status_code == 200, sold.text
    assert sold.json()["soldBy"] == employee
    other = sales.estimate()
    assert sales.api.call("Estimates_Sell", id=other["id"],
                          json={"soldBy": 424242}).status_code == 400
