"""Call reasons (JBCE v2): read-only, seeded, the generic list's filters and sort."""

from __future__ import annotations

from mockst.api.operation import TenantContext
from mockst.jbce.call_reasons import create_call_reason
from mockst.jbce.seed import CALL_REASONS
from mockst.seed import populate_tenant
from mockst.store.world import World
from mockst.testing import TenantApi


def _add(world: World, tenant_id: int, *reasons: tuple[str, bool, bool]) -> None:
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(tenant_id), world.clock.now())
        for name, is_lead, active in reasons:
            create_call_reason(ctx, name, is_lead=is_lead, active=active)


def test_only_active_reasons_unless_asked(world: World, api: TenantApi) -> None:
    _add(world, api.tenant_id, ("Repair", True, True), ("Old promo", True, False))
    shown = api.call("CallReasons_Get").json()["data"]
    assert [r["name"] for r in shown] == ["Repair"]
    assert set(shown[0]) == {"id", "name", "isLead", "active", "createdOn", "modifiedOn"}
    every = api.call("CallReasons_Get", params={"active": "any"}).json()["data"]
    assert [r["name"] for r in every] == ["Repair", "Old promo"]
    retired = api.call("CallReasons_Get", params={"active": "False"}).json()["data"]
    assert [(r["name"], r["isLead"], r["active"]) for r in retired] == [("Old promo", True, False)]


def test_dates_sort_and_paging(world: World, api: TenantApi) -> None:
    _add(world, api.tenant_id, ("First", True, True))
    world.clock.advance(300)
    _add(world, api.tenant_id, ("Second", False, True))
    second = api.call("CallReasons_Get", params={"sort": "-Id"}).json()["data"]
    assert [r["name"] for r in second] == ["Second", "First"]
    stamp = second[0]["createdOn"]
    after = api.call("CallReasons_Get", params={"createdOnOrAfter": stamp}).json()["data"]
    assert [r["name"] for r in after] == ["Second"]
    page = api.call("CallReasons_Get", params={"pageSize": 1, "includeTotal": "true"}).json()
    assert (page["totalCount"], page["hasMore"], len(page["data"])) == (2, True, 1)
    bad = api.call("CallReasons_Get", params={"sort": "+Name"})
    assert bad.status_code == 400 and "sort" in bad.json()["errors"]


def test_the_demo_world_has_call_reasons(world: World, api: TenantApi) -> None:
    counts = populate_tenant(world, api.tenant_id, seed=3, customers=5)
    assert counts["call_reasons"] == len(CALL_REASONS)
    shown = api.call("CallReasons_Get", params={"active": "Any", "pageSize": 100}).json()["data"]
    assert sorted(r["name"] for r in shown) == sorted(name for name, _, _ in CALL_REASONS)
    assert {r["name"] for r in shown if not r["isLead"]} >= {"Wrong Number", "Spam / Solicitor"}


def test_there_is_no_way_to_write_one(api: TenantApi) -> None:
    path = api.url("CallReasons_Get")
    assert api.client.post(path, json={"name": "x"}, headers=api.headers).status_code == 405
