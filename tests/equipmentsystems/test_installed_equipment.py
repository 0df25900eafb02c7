"""Installed equipment: lives at a location (customer follows), types, custom fields, tags,
attachments, the 404/409 rules, retiring by PATCH, the list and the feed."""

from __future__ import annotations

from typing import Any

from mockst.api.operation import TenantContext
from mockst.equipmentsystems.custom_field_types import create_custom_field_type
from mockst.settings.models.tag_types import CreateTagTypeRequest
from mockst.settings.tag_types import create_tag_type
from mockst.store.world import World
from mockst.testing import TenantApi

ADDRESS = {"street": "1 Main St", "city": "Austin", "state": "TX", "zip": "78701",
           "country": "USA"}


def _location(api: TenantApi) -> tuple[int, int]:
    customer = api.call("Customers_Create", json={
        "name": "Ada", "address": ADDRESS, "locations": [{"name": "Home", "address": ADDRESS}]})
    assert customer.status_code == 200, customer.text
    body = customer.json()
    return body["id"], body["locations"][0]["id"]


def _install(api: TenantApi, location: int, **extra: Any) -> Any:
    return api.call("InstalledEquipment_Create", json={"locationId": location, **extra})


def test_equipment_at_a_location_takes_its_customer_and_type(api: TenantApi) -> None:
    customer, location = _location(api)
    furnace = api.call("EquipmentTypes_Create", json={"name": "Furnace"}).json()
    made = _install(api, location, equipmentTypeId=furnace["id"], serialNumber="SN-1",
                    manufacturedOn="2019-04-02", installedOn="2019-05-01T14:00:00Z", cost=2400,
                    extra="ignored")
    assert made.status_code == 200, made.text
    body = made.json()
    assert (body["customerId"], body["locationId"]) == (customer, location)
    assert body["name"] == "Furnace" and body["type"] == {"id": furnace["id"], "name": "Furnace"}
    assert (body["status"], body["active"], body["manufacturedOn"]) == (
        "Installed", True, "2019-04-02")
    assert body["installedOn"] == "2019-05-01T14:00:00Z"
    assert body["memo"] == "" and body["customFields"] == [] and body["equipmentId"] is None
    listed = api.call("InstalledEquipment_GetList", params={"locationIds": str(location)}).json()
    assert [r["id"] for r in listed["data"]] == [body["id"]]
    assert "customFields" not in listed["data"][0]


def test_unknown_references_and_duplicate_names(api: TenantApi) -> None:
    _, location = _location(api)
    assert _install(api, 999_999).status_code == 404
    assert _install(api, location, equipmentTypeId=999_999).status_code == 404
    assert _install(api, location, name="AC").status_code == 200
    assert _install(api, location, name="ac").status_code == 409
    assert _install(api, location, manufacturedOn="soon").status_code == 400
    assert api.call("EquipmentTypes_Create", json={"name": "Boiler"}).status_code == 200
    assert api.call("EquipmentTypes_Create", json={"name": "boiler"}).status_code == 409


def test_patch_retires_and_replaces(api: TenantApi) -> None:
    _, location = _location(api)
    first = _install(api, location, name="Water heater").json()
    patched = api.call("InstalledEquipment_Update", id=first["id"],
                       json={"status": "Replaced", "active": False, "memo": "Leaking"}).json()
    assert (patched["status"], patched["active"], patched["memo"]) == ("Replaced", False, "Leaking")
    assert patched["name"] == "Water heater"
    assert _install(api, location, name="Water heater").status_code == 200
    assert api.call("InstalledEquipment_GetList").json()["data"][0]["name"] == "Water heater"
    again = api.call("InstalledEquipment_Update", id=first["id"], json={"active": True})
    assert again.status_code == 409
    feed = api.call("Export_ExportInstalledEquipment",
                    params={"includeRecentChanges": "true"}).json()
    assert len(feed["data"]) == 2 and feed["continueFrom"]


def test_custom_fields_tags_and_attachments(world: World, api: TenantApi) -> None:
    _, location = _location(api)
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())
        size = create_custom_field_type(ctx, "Filter size", "Dropdown", ["16x25", "20x25"])
        create_custom_field_type(ctx, "SEER", "Numeric")
        tag = create_tag_type(ctx, CreateTagTypeRequest(name="Warranty", color="#ffffff", code="W"))
    types = api.call("InstalledEquipment_GetCustomFieldTypes",
                     params={"page": 1, "pageSize": 10, "descending": "true"}).json()
    assert [t["name"] for t in types["data"]] == ["SEER", "Filter size"]
    bad = _install(api, location, customFields=[{"typeId": size.id, "value": "1x1"}])
    assert bad.status_code == 400 and "customFields[0].value" in bad.json()["errors"]
    url = api.url("InstalledEquipment_PostAttachment")
    upload = api.client.post(url, headers=api.headers,
                             files={"file": ("nameplate.jpg", b"jpeg", "image/jpeg")})
    assert upload.status_code == 200, upload.text
    path = upload.json()["path"]
    made = _install(api, location, customFields=[{"typeId": size.id, "value": "16x25"}],
                    attachments=[{"type": "Image", "url": path}],
                    tagTypeIds=[tag.id]).json()
    assert made["customFields"][0]["name"] == "Filter size"
    assert made["tags"][0]["typeName"] == "Warranty"
    got = api.client.get(api.url("InstalledEquipment_Get2"), params={"path": path},
                         headers=api.headers, follow_redirects=False)
    assert got.status_code == 302
    assert api.client.get(got.headers["location"]).content == b"jpeg"


def test_the_location_never_moves_and_the_list_sorts(api: TenantApi) -> None:
    _, home = _location(api)
    _, cabin = _location(api)
    first = _install(api, home, name="A").json()
    second = _install(api, cabin, name="B").json()
    moved = api.call("InstalledEquipment_Update", id=first["id"],
                     json={"locationId": cabin, "name": "A2"}).json()
    assert (moved["locationId"], moved["name"]) == (home, "A2")
    newest = api.call("InstalledEquipment_GetList", params={"sort": "-ModifiedOn"}).json()
    assert [r["id"] for r in newest["data"]] == [first["id"], second["id"]]
    assert api.call("InstalledEquipment_GetList", params={"sort": "+Name"}).status_code == 400
    assert api.call("InstalledEquipment_Get", id=second["id"]).json()["name"] == "B"
