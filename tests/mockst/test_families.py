"""API families: found by the registry, routed and scoped from their declarations, and able to
land part by part (planned operations answer placeholders, never a 404 or a 500)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

import mockst
from mockst.api import registry
from mockst.api.family import Family
from mockst.api.operation import Call, Export, One, Operation, Page
from mockst.config import Config
from mockst.errors import ApiError
from mockst.store.world import World
from mockst.testing import Onboard, TenantApi

PLANNED = [op for op in registry.operations() if op.planned]


def _placeholder(op: Operation) -> str:
    """What a planned operation's generic handler does (``Resource.planned``)."""
    if op.method == "GET" and isinstance(op.response, Page):
        return "page"
    if op.method == "GET" and isinstance(op.response, Export):
        return "export"
    if op.method == "GET" and isinstance(op.response, One) and [p.name for p in op.path_params] == [
        "id"
    ]:
        return "find"
    return "501"


def _path_values(op: Operation) -> dict[str, Any]:
    return {p.name: "3fa85f64-5717-4562-b3fc-2c963f66afa6" if p.kind == "guid" else 7
            for p in op.path_params}


def test_every_family_is_a_package_of_its_own_name() -> None:
    names = [family.name for family in registry.families()]
    assert {"crm", "settings", "jpm", "dispatch", "telecom", "sales"} <= set(names)
    for family in registry.families():
        assert (Path(mockst.__file__).parent / family.name / "__init__.py").is_file()
    # a family comes after every family it uses (seeds run in this order)
    for index, family in enumerate(registry.families()):
        before = {f.name for f in registry.families()[:index]}
        assert set(family.uses) <= before, family.name


def test_the_api_path_pattern_covers_every_family_and_version() -> None:
    prefixes = registry.api_prefixes()
    assert {"/crm/v2", "/settings/v2", "/telecom/v2", "/telecom/v3", "/sales/v2"} <= set(prefixes)
    pattern = registry.tenant_path()
    assert pattern.match("/equipmentsystems/v2/tenant/42/installed-equipment").group(1) == "42"
    assert pattern.match("/telecom/v3/tenant/9/calls").group(1) == "9"
    assert pattern.match("/nosuch/v2/tenant/9/x") is None


@pytest.mark.parametrize("op", PLANNED, ids=[op.operation_id for op in PLANNED])
def test_a_planned_operation_answers_its_placeholder(op: Operation, world: World) -> None:
    """In process, past binding and the guard: the generic answer of each planned operation."""
    with world.transaction():
        call = Call(
            world=world, tenant=world.tenant_data(1), now=world.clock.now(),
            config=Config(), principal=None,  # type: ignore[arg-type]
            path=_path_values(op), query={}, body=None,
        )
        kind = _placeholder(op)
        if kind == "501":
            with pytest.raises(ApiError) as refused:
                op.handler(call)
            assert refused.value.status == 501
            assert op.operation_id in str(refused.value.errors)
        elif kind == "find":
            with pytest.raises(ApiError) as refused:
                op.handler(call)
            assert refused.value.status == 404
        else:
            answer = op.handler(call)
            assert answer["data"] == [] and answer["hasMore"] is False


def test_a_planned_list_under_a_row_never_shows_the_resource_rows(world: World) -> None:
    """``/campaigns/{id}/costs`` planned on the campaigns resource: its rows are not costs."""
    from mockst.api.params import path
    from mockst.api.resource import Resource
    from mockst.api.shared_models import NamedModel as Named
    from mockst.marketing import FAMILY

    campaigns = Resource(family=FAMILY, path="/campaigns", table="campaigns", scope="tn.mrk.x",
                         tag="Campaigns", noun="Campaign")  # fmt: skip
    costs = campaigns.planned("X_GetCosts", "GET", suffix="/{id}/costs",
                              path_params=(path("id"),), response=Page(Named))
    whole = campaigns.planned("X_GetList", "GET", response=Page(Named))
    with world.transaction():
        tenant = world.tenant_data(1)
        tenant.table("campaigns").insert(7, {"id": 7, "name": "Yelp"}, world.clock.now())
        call = Call(world=world, tenant=tenant, now=world.clock.now(), config=Config(),
                    principal=None, path={"id": 7}, query={}, body=None)  # type: ignore[arg-type]
        assert costs.handler(call)["data"] == []
        assert len(whole.handler(call)["data"]) == 1


def test_planned_operations_over_http(client: TestClient, api: TenantApi) -> None:
    """The demo-style app holds every family's scopes: a planned write answers its 501."""
    refused = api.call("BudgetCodes_CreateBudgetCodesBatch")
    assert refused.status_code == 501, refused.text
    body = refused.json()
    assert body["status"] == 501
    assert body["data"] == {"operationId": "BudgetCodes_CreateBudgetCodesBatch"}
    assert "BudgetCodes_CreateBudgetCodesBatch" in body["errors"][""][0]
    assert api.call("BudgetCodes_CreateBudgetCodesPartialBatch").status_code == 501
    # an unknown path is a 404: the placeholder answers only real calls
    unknown = client.get(f"/jpm/v2/tenant/{api.tenant_id}/no-such", headers=api.headers)
    assert unknown.status_code == 404


def test_a_planned_list_and_get_answer_the_resource_s_table(world: World) -> None:
    """No official list or get is planned any more: made-up ones show their placeholders."""
    from mockst.api.params import path
    from mockst.api.resource import Resource
    from mockst.api.shared_models import NamedModel as Named
    from mockst.sales import FAMILY

    things = Resource(family=FAMILY, path="/things", table="things", scope="tn.x", tag="Things",
                      noun="Thing")  # fmt: skip
    listed = things.planned("X_Get", "GET", response=Page(Named))
    one = things.planned("X_GetById", "GET", suffix="/{id}", path_params=(path("id"),),
                         response=One(Named))
    made = things.planned("X_Create", "POST", response=One(Named))
    assert [_placeholder(op) for op in (listed, one, made)] == ["page", "find", "501"]
    with world.transaction():
        call = Call(world=world, tenant=world.tenant_data(1), now=world.clock.now(),
                    config=Config(), principal=None, path={"id": 5},
                    query={"pageSize": 3}, body=None)  # type: ignore[arg-type]
        assert listed.handler(call) == {"page": 1, "pageSize": 3, "hasMore": False,
                                        "totalCount": None, "data": []}
        with pytest.raises(ApiError) as missing:
            one.handler(call)
        assert missing.value.status == 404
        call.tenant.table("things").insert(5, {"id": 5, "name": "Five"}, world.clock.now())
        assert one.handler(call) == {"id": 5, "name": "Five"}
        assert len(listed.handler(call)["data"]) == 1
        with pytest.raises(ApiError) as refused:
            made.handler(call)
        assert refused.value.status == 501


def test_a_planned_export_answers_an_empty_feed(world: World) -> None:
    """No official export is planned any more: a made-up one shows the placeholder feed."""
    from mockst.api.operation import Export
    from mockst.api.resource import Resource
    from mockst.api.shared_models import NamedModel
    from mockst.sales import FAMILY

    feed = Resource(family=FAMILY, path="/export", table="things", scope="tn.x",
                    tag="Export", noun="Thing").planned("X_Export", "GET",
                                                        response=Export(NamedModel))  # fmt: skip
    with world.transaction():
        call = Call(world=world, tenant=world.tenant_data(1), now=world.clock.now(),
                    config=Config(), principal=None, path={}, query={},
                    body=None)  # type: ignore[arg-type]
        answer = feed.handler(call)
    assert answer["data"] == [] and answer["hasMore"] is False and answer["continueFrom"]


def test_planned_operations_keep_the_guard(client: TestClient, onboard: Onboard) -> None:
    crm_only = TenantApi(client, onboard(scopes=["tn.crm.customers:r"]))
    refused = crm_only.call("Jobs_GetList")
    assert refused.status_code == 403
    assert refused.json()["data"]["reason"] == "insufficient_scope"
    assert crm_only.call("Jobs_GetList", headers={}).status_code == 401


def test_quickstart_grants_every_family_s_scopes(client: TestClient, onboard: Onboard) -> None:
    creds = onboard()
    token = client.post("/connect/token", data={
        "grant_type": "client_credentials", "client_id": creds["clientId"],
        "client_secret": creds["clientSecret"]}).json()
    granted = set(token["scope"].split())
    assert granted == registry.scopes()
    assert {"tn.jpm.jobs:r", "tn.dis.capacity:w", "tn.pb.services:w"} <= granted


def test_the_document_and_coverage_know_planned_operations(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    planned = document["paths"][
        "/jpm/v2/tenant/{tenant}/work-breakdown-structure/budget-codes/batch"]["post"]
    assert "501" in planned["responses"]
    served = document["paths"]["/crm/v2/tenant/{tenant}/customers"]["get"]
    assert "501" not in served["responses"]
    assert "Job Planning and Management" in document["info"]["title"]


def _imported_families(path: Path, names: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        modules = []
        if isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        for module in modules:
            parts = module.split(".")
            if len(parts) > 1 and parts[0] == "mockst" and parts[1] in names:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("family", registry.families(), ids=lambda f: f.name)
def test_a_family_imports_only_the_families_it_uses(family: Family) -> None:
    """DESIGN.md: dependencies run one way, in the direction the business flows."""
    names = {f.name for f in registry.families()}
    folder = Path(mockst.__file__).parent / family.name
    for path in folder.rglob("*.py"):
        others = _imported_families(path, names) - {family.name}
        assert others <= set(family.uses), f"{path.name} imports {others - set(family.uses)}"


def test_the_registry_refuses_families_that_use_each_other_in_a_circle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Package:
        def __init__(self, family: Family) -> None:
            self.FAMILY = family
            self.__name__ = f"mockst.{family.name}"

    one = Family("one", "One", "one.json", "/one/v2", uses=("two",))
    two = Family("two", "Two", "two.json", "/two/v2", uses=("one",))
    monkeypatch.setattr(registry, "_family_packages", lambda: [Package(one), Package(two)])
    registry.families.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="circle"):
            registry.families()
    finally:
        registry.families.cache_clear()


def test_coverage_counts_served_planned_and_documents_without_a_family(tmp_path: Path) -> None:
    from mockst.coverage import find_specs_dir, report

    specs = find_specs_dir()
    text = report(specs)
    assert "- [x] `Customers_GetList`" in text and "- [x] `CallReasons_Get`" in text
    jpm = [op for op in registry.operations() if op.family.name == "jpm"]
    served = sum(not op.planned for op in jpm)
    assert "- [x] `Jobs_Create`" in text
    assert f"- [~] `{next(op.operation_id for op in jpm if op.planned)}`" in text
    assert 0 < served < len(jpm) == 71  # a family part served, part planned
    heading = f"## Job Planning and Management (`jpm-v2.json`): {served} of 71 served"
    assert f"{heading}, {71 - served} planned" in text
    # a document in the folder that no family declares is listed as waiting
    for path in specs.glob("*.json"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "taskmanagement-v2.json").write_text(
        '{"servers": [{"url": "https://api.servicetitan.io/taskmanagement/v2"}], "paths": '
        '{"/tenant/{tenant}/tasks": {"get": {"operationId": "Tasks_GetList"}}}}'
    )
    assert "- `taskmanagement-v2.json`: 1 operations" in report(tmp_path)


@pytest.mark.parametrize("family", registry.families(), ids=lambda f: f.name)
def test_a_family_declares_exactly_the_scopes_its_operations_ask_for(family: Family) -> None:
    """Quickstart grants the declared scopes without importing any family's operations."""
    asked = {op.scope for op in registry.family_operations(family)}
    assert set(family.scopes) == asked
    assert list(family.scopes) == sorted(family.scopes)


def test_a_family_is_routed_on_the_first_call_to_its_server(world: World) -> None:
    from mockst.api.routing import ApiDispatcher, no_operation

    loaded: list[str] = []

    def load(family: Family) -> tuple[Operation, ...]:
        loaded.append(family.name)
        return registry.family_operations(family)

    dispatcher = ApiDispatcher(no_operation, world, Config(), registry.families(), load)
    http = TestClient(dispatcher)  # the bare stage: no lifespan to run
    assert http.get("/crm/v2/tenant/1/customers").status_code == 401  # routed, then guarded
    assert loaded == ["crm"]
    http.get("/crm/v2/tenant/1/locations")
    http.get("/telecom/v3/tenant/1/calls")
    assert loaded == ["crm", "telecom"]  # each family once, only when called
    assert http.get("/nosuch/v2/tenant/1/x").status_code == 404
