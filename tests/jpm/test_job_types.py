"""Job types (JPM v2): created, updated, listed, seeded; the references they carry are checked."""

from __future__ import annotations

from typing import Any

import pytest

from mockst.api.operation import TenantContext
from mockst.jpm.seed import JOB_TYPES
from mockst.seed import populate_tenant
from mockst.settings.business_units import create_business_unit
from mockst.store.world import World
from mockst.testing import TenantApi

GUID = "0d2bc7a4-0a6b-4a38-9c8f-6f1b3bbf2d11"


@pytest.fixture
def unit(world: World, api: TenantApi) -> int:
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())
        return int(create_business_unit(ctx, "Plumbing Service").id)


def _create(api: TenantApi, **body: Any) -> dict[str, Any]:
    created = api.call("JobTypes_Create", json={"name": "Drain Cleaning", **body})
    assert created.status_code == 200, created.text
    return created.json()


def test_create_applies_the_defaults(api: TenantApi, unit: int) -> None:
    made = _create(api, businessUnitIds=[unit, unit], skills=["Camera"])
    assert (made["duration"], made["priority"], made["active"], made["noCharge"]) == (
        3600, "Normal", True, False)  # fmt: skip
    assert made["businessUnitIds"] == [unit] and made["skills"] == ["Camera"]
    assert made["externalData"] == [] and made["customFieldTypeIds"] == []
    assert set(made) == set(api.call("JobTypes_Get", id=made["id"]).json())
    assert "class" in made  # the wire name, not the Python one


def test_references_and_values_are_checked(api: TenantApi, unit: int) -> None:
    refused = api.call("JobTypes_Create", json={"name": " ", "businessUnitIds": [unit + 99],
                                                "duration": -5})
    assert refused.status_code == 400
    assert set(refused.json()["errors"]) == {"name", "businessUnitIds[0]", "duration"}
    assert api.call("JobTypes_Get", id=12345).status_code == 404
    assert api.call("JobTypes_Update", id=12345, json={"name": "x"}).status_code == 404


def test_update_changes_what_it_sends(api: TenantApi, unit: int) -> None:
    made = _create(api, customFieldTypeIds=[1], summary="Clear the line.",
                   externalData={"applicationGuid": GUID, "externalData": [
                       {"key": "sku", "value": "DC-1"}]})
    assert made["externalData"] == [{"key": "sku", "value": "DC-1"}]
    updated = api.call("JobTypes_Update", id=made["id"], json={
        "duration": 5400, "class": "Service", "customFieldTypeIds": [2],
        "customFieldsUpdateMode": "Merge"}).json()
    assert (updated["duration"], updated["class"], updated["summary"]) == (
        5400, "Service", "Clear the line.")  # fmt: skip
    assert updated["customFieldTypeIds"] == [1, 2]
    replaced = api.call("JobTypes_Update", id=made["id"], json={"customFieldTypeIds": [3]}).json()
    assert replaced["customFieldTypeIds"] == [3]
    # external data is the writer's: shown only with its application guid
    shown = api.call("JobTypes_Get", id=made["id"], params={"externalDataApplicationGuid": GUID})
    assert shown.json()["externalData"] == [{"key": "sku", "value": "DC-1"}]
    assert api.call("JobTypes_Get", id=made["id"]).json()["externalData"] == []


def test_the_list_filters_and_orders(api: TenantApi, unit: int) -> None:
    first = _create(api, duration=1800, priority="High")
    second = _create(api, name="Water Heater Install", duration=14400)

    def names(**query: Any) -> list[str]:
        response = api.call("JobTypes_GetList", params=query)
        assert response.status_code == 200, response.text
        return [t["name"] for t in response.json()["data"]]

    assert names() == ["Drain Cleaning", "Water Heater Install"]
    assert names(name="heater") == ["Water Heater Install"]
    assert names(minDuration=3600) == ["Water Heater Install"]
    assert names(maxDuration=3600) == ["Drain Cleaning"]
    assert names(priority="high") == ["Drain Cleaning"]
    assert names(ids=str(second["id"])) == ["Water Heater Install"]
    assert names(orderBy="CreatedOn", orderByDirection="descending") == [
        "Water Heater Install", "Drain Cleaning"]  # fmt: skip
    assert api.call("JobTypes_GetList", params={"orderBy": "name"}).status_code == 400
    assert first["id"] < second["id"]


def test_the_demo_world_has_job_types(world: World, api: TenantApi) -> None:
    counts = populate_tenant(world, api.tenant_id, seed=9, customers=5)
    assert counts["job_types"] == len(JOB_TYPES)
    shown = api.call("JobTypes_GetList", params={"active": "Any", "pageSize": 50}).json()["data"]
    assert len(shown) == len(JOB_TYPES)
    assert all(t["businessUnitIds"] and t["duration"] > 0 for t in shown)
    assert len(api.call("JobTypes_GetList").json()["data"]) == len(JOB_TYPES) - 1  # one retired


@pytest.mark.parametrize(
    ("operation_id", "table", "reasons"),
    [("JobCancelReasons_GetList", "job_cancel_reasons", "CANCEL_REASONS"),
     ("JobHoldReasons_Get", "job_hold_reasons", "HOLD_REASONS")],
)  # fmt: skip
def test_cancel_and_hold_reasons_list_active_and_inactive_alike(
    world: World, api: TenantApi, operation_id: str, table: str, reasons: str
) -> None:
    from mockst.jpm import seed

    counts = populate_tenant(world, api.tenant_id, seed=2, customers=3)
    expected = getattr(seed, reasons)
    assert counts[table] == len(expected)
    shown = api.call(operation_id, params={"pageSize": 50}).json()["data"]
    assert [(r["name"], r["active"]) for r in shown] == list(expected)  # inactive ones too
    active = api.call(operation_id, params={"active": "True"}).json()["data"]
    assert [r["name"] for r in active] == [name for name, on in expected if on]
    newest = api.call(operation_id, params={"sort": "-Id", "pageSize": 1}).json()["data"]
    assert newest[0]["name"] == expected[-1][0]
