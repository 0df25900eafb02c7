"""The reference client's price-book and installed-equipment helpers against the simulator."""

from __future__ import annotations

from typing import Any

from mockst.seed import populate_tenant


def test_price_book_and_installed_equipment(sim: Any, tenant: dict[str, Any]) -> None:
    counts = populate_tenant(sim.world, tenant["tenantId"], seed=8, customers=20)
    with sim.client(tenant) as st:
        services = list(st.services.iter_all(page_size=40, active="Any", calculatePrices=True))
        assert len(services) == counts["services"]
        made = st.pricebook.bulk_create({
            "materials": [{"code": "NEW-1", "description": "", "customId": "m", "cost": 3}],
            "services": [{"code": "NEW-S", "description": "",
                          "serviceMaterials": [{"customId": "m", "quantity": 2}]}],
        })
        material = made["materials"][0]["id"]
        assert st.materials.get(material)["code"] == "NEW-1"
        assert st.materials.delete(material) is None
        fed = [row for batch in st.materials.export(include_recent_changes=True)
               for row in batch.data]
        assert fed[-1]["id"] == material and fed[-1]["active"] is False
        location = next(iter(st.installed_equipment.iter_all(page_size=10)))["locationId"]
        kind = st.equipment_types.create("Sump Pump")
        piece = st.installed_equipment.create({"locationId": location,
                                               "equipmentTypeId": kind["id"]})
        assert piece["name"] == "Sump Pump"
        st.installed_equipment.update(piece["id"], {"active": False})
        assert st.installed_equipment.get(piece["id"])["active"] is False
