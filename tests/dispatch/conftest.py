"""A tenant with a little staff for the Dispatch tests: business units and technicians written
straight into the Settings tables (the Settings rules have their own tests)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from mockst.api.operation import TenantContext
from mockst.store.world import World
from mockst.testing import TenantApi


@dataclass
class Staff:
    units: list[int]
    technicians: list[int]  # active
    retired: int  # an inactive technician


@pytest.fixture
def staff(world: World, api: TenantApi) -> Staff:
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())
        units = [world.new_id() for _ in range(2)]
        for index, ident in enumerate(units):
            ctx.table("business_units").insert(
                ident, {"id": ident, "name": f"Unit {index}", "active": True}, ctx.now)
        techs = [world.new_id() for _ in range(3)]
        for index, ident in enumerate(techs):
            ctx.table("technicians").insert(ident, {
                "id": ident, "name": f"Tech {index}", "businessUnitId": units[index % 2],
                "active": index < 2}, ctx.now)  # fmt: skip
    return Staff(units=units, technicians=techs[:2], retired=techs[2])
