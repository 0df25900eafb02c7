"""Equipment types: unique names (409), rename and deactivate, list filters and sort."""

from __future__ import annotations

from mockst.testing import TenantApi


def test_types_are_named_uniquely_and_retire_by_patch(api: TenantApi) -> None:
    names = ("Furnace", "Boiler", "Air Handler")
    made = [api.call("EquipmentTypes_Create", json={"name": n}).json() for n in names]
    assert made[0]["active"] is True and set(made[0]) == {
        "id", "name", "active", "createdOn", "modifiedOn"}
    clash = api.call("EquipmentTypes_Update", id=made[1]["id"], json={"name": "furnace"})
    assert clash.status_code == 409
    renamed = api.call("EquipmentTypes_Update", id=made[1]["id"], json={"name": "Hot Water Boiler"})
    assert renamed.json()["name"] == "Hot Water Boiler"
    api.call("EquipmentTypes_Update", id=made[2]["id"], json={"active": False})
    listed = api.call("EquipmentTypes_GetList", params={"sort": "-Name"}).json()["data"]
    assert [t["name"] for t in listed] == ["Hot Water Boiler", "Furnace"]
    found = api.call("EquipmentTypes_GetList", params={"name": "HAND", "active": "Any"}).json()
    assert [t["name"] for t in found["data"]] == ["Air Handler"]
    assert api.call("EquipmentTypes_Get", id=1).status_code == 404
    assert api.call("EquipmentTypes_Create", json={"name": " "}).status_code == 400
