"""Seeded installed equipment: at many locations, linked to the price book, reproducible."""

from __future__ import annotations

from mockst.seed import populate_tenant
from mockst.store.world import World
from mockst.testing import TenantApi


def test_the_demo_world_has_installed_equipment(world: World, api: TenantApi) -> None:
    counts = populate_tenant(world, api.tenant_id, seed=5, customers=40)
    every = api.call("InstalledEquipment_GetList", params={
        "active": "Any", "pageSize": 5000}).json()["data"]
    assert len(every) == counts["installed_equipment"] > 20
    assert len({e["locationId"] for e in every}) > 15
    assert any(e["equipmentId"] for e in every)
    assert any(e["status"] == "Replaced" and not e["active"] for e in every)
    one = api.call("InstalledEquipment_Get", id=every[0]["id"]).json()
    assert one["customFields"] and one["type"]["name"] == one["name"]
    location = api.call("Locations_Get", id=one["locationId"]).json()
    assert location["customerId"] == one["customerId"]


def test_the_same_seed_gives_the_same_equipment() -> None:
    def serials(seed: int) -> list[str]:
        world = World()
        populate_tenant(world, 7, seed=seed, customers=20)
        return sorted(r.get("serialNumber") for r in
                      world.tenant_data(7).table("installed_equipment").rows())

    assert serials(4) == serials(4) and serials(4) != serials(9)
