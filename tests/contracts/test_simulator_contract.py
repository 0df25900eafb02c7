"""The simulator keeps its own contract: schemathesis against the document it serves.

Every ServiceTitan operation is generated positively and negatively, with all of schemathesis'
default checks, and sent over a real socket; the CRM operations connectors use most also get the
coverage phase (boundary values, missing and malformed parts, undeclared methods); and the stateful
phase follows the document's links (``Customers_Create`` → ``Customers_Get``/``Update``…) so that
created ids flow into later calls.

The document is the one the server serves (``test_served_document_is_the_one_tested``), with the
``tenant`` path parameter pinned to the suite's tenant: negative cases that change it then test
tenant isolation (403) rather than being overwritten. Failures that a known deviation explains
completely (``simulator_deviations``) are dropped and counted; anything else fails.

Budget: about 15 s on two cores. ``MOCKST_CONTRACT_EXAMPLES``, ``MOCKST_CONTRACT_SEED`` and
``MOCKST_CONTRACT_FULL=1`` (coverage phase for every operation) widen the search.
"""

from __future__ import annotations

import copy
import os
from collections import Counter

import httpx
import pytest
import schemathesis
from conftest import CONTRACT_TENANT, WORKFLOW_TENANT, ContractSimulator, onboard
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from mockst_contracts import strategies as sts
from schemathesis.config import SchemathesisConfig
from simulator_deviations import DEVIATIONS, LEDGER, explain

from mockst.api import registry
from mockst.openapi import LINKS, build_document

# Contacts v2 ids are "format: guid" in the official document; schemathesis knows "uuid" only.
schemathesis.openapi.format("guid", st.uuids().map(str))

EXAMPLES = int(os.environ.get("MOCKST_CONTRACT_EXAMPLES", "4"))
SEED = int(os.environ.get("MOCKST_CONTRACT_SEED", "20240611"))
FULL = os.environ.get("MOCKST_CONTRACT_FULL") == "1"
STATEFUL_EXAMPLES = int(os.environ.get("MOCKST_CONTRACT_STATEFUL", "40"))
EXPLORE = os.environ.get("MOCKST_CONTRACT_EXPLORE") == "1"  # new random workflows each run

# The operations a connector lives on: these also get the (costly) coverage phase.
CORE = [
    "Customers_Create", "Customers_Get", "Customers_Update", "Customers_GetList",
    "Locations_Create", "Locations_GetList", "Bookings_Create", "Bookings_GetList2",
    "Bookings_Update", "Leads_Create", "Leads_GetList", "ExportCustomers_GetCustomers",
    "ExportBookings_Get", "BulkTags_AddTags", "BookingProviderTags_GetList",
]  # fmt: skip


# Operations that start workflows, with bodies the simulator's rules accept.
WORKFLOW_ROOTS = (
    "Customers_Create",
    "Bookings_Create",
    "Leads_Create",
    "BookingProviderTags_Create",
)


def contract_document(literal_tenant: int | None = None) -> dict:
    """The served document, ServiceTitan operations only, tenant pinned to the suite's.

    With ``literal_tenant`` the tenant is written into the paths instead (no parameter at all):
    schemathesis' dependency analysis would otherwise take ``tenant`` for a reference to a
    resource nothing creates and refuse to start workflows from any operation.
    """
    document = copy.deepcopy(build_document())
    # Simulated operations only: a planned one answers 501 by design (mockst.api.resource).
    planned = {op.operation_id for op in registry.operations() if op.planned}
    paths = {
        p: {m: op for m, op in ops.items() if op.get("operationId") not in planned}
        for p, ops in document["paths"].items()
        if "/tenant/{tenant}" in p
    }
    paths = {p: ops for p, ops in paths.items() if ops}
    if literal_tenant is not None:
        paths = {p.replace("{tenant}", str(literal_tenant)): ops for p, ops in paths.items()}
    document["paths"] = paths
    for ops in paths.values():
        for op in ops.values():
            params = [
                p for p in op["parameters"] if not (p["name"] == "tenant" and p["in"] == "path")
            ]
            if literal_tenant is None:
                params.insert(
                    0,
                    {
                        "name": "tenant",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "format": "int64", "enum": [CONTRACT_TENANT]},
                    },
                )
            op["parameters"] = params
            # the success status: 200 mostly, 201/204/302 where the document says (Pricebook)
            success = min(code for code in op["responses"] if code.startswith(("2", "3")))
            for link in op["responses"][success].get("links", {}).values():
                if literal_tenant is not None:
                    link["parameters"].pop("tenant", None)
            if literal_tenant is not None and op.get("operationId") in WORKFLOW_ROOTS:
                # Bodies come from the kit's strategies (``valid_roots``); an opaque schema keeps
                # the analysis from reading optional ``paymentTermId``/``campaignId`` fields as
                # references to resources nothing creates, which would disqualify these roots.
                op["requestBody"]["content"]["application/json"]["schema"] = {"type": "object"}
    return document


def load(phases: dict, mode: str = "all", literal_tenant: int | None = None):
    config = SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "generation": {
                "mode": mode,
                "max-examples": EXAMPLES,
                # Auth is ours (the suite's token); schemathesis would otherwise make up keys.
                "with-security-parameters": False,
                # ASP.NET, hence ServiceTitan and the simulator, ignores unknown query
                # parameters; schemathesis would count that as accepting invalid data.
                "allow-extra-parameters": False,
            },
            "phases": phases,
        }
    )
    schema = schemathesis.openapi.from_dict(contract_document(literal_tenant), config=config)
    schema.hook("filter_failure")(drop_known_deviations)
    return schema


def drop_known_deviations(ctx, failure, case, response) -> bool:
    explained = explain(failure, case, response)
    for deviation in explained:
        LEDGER.hits[deviation.id] += 1
    if not explained:
        LEDGER.unexplained.append(f"{failure.code} {case.operation.label}")
    return not explained


fuzzing = load({"coverage": {"enabled": False}, "stateful": {"enabled": False}})
coverage = load({"fuzzing": {"enabled": False}, "stateful": {"enabled": False}})
if not FULL:
    coverage = coverage.include(operation_id=CORE)
# Workflows run in a tenant of their own, emptied before each (see below), and stay positive:
# negative data is the business of the per-operation tests.
stateful = load({}, mode="positive", literal_tenant=WORKFLOW_TENANT)
# Roots of the workflows get bodies the simulator's rules accept (the kit's strategies), so that
# most workflows get past their first call; the linked calls keep schemathesis' own bodies.
VALID_BODIES = {
    "Customers_Create": sts.customers(),
    "Bookings_Create": sts.bookings(),
    "Leads_Create": sts.leads(),
    "BookingProviderTags_Create": st.fixed_dictionaries(
        {"tagName": sts.names(), "description": st.text(max_size=20)}
    ),
}


@stateful.hook("before_generate_body")
def valid_roots(ctx, strategy):
    operation_id = ctx.operation.definition.raw.get("operationId") if ctx.operation else None
    return VALID_BODIES.get(operation_id, strategy)


@fuzzing.parametrize()
def test_operation_keeps_the_contract(case, contract_simulator: ContractSimulator):
    case.call_and_validate(base_url=contract_simulator.base_url, headers=contract_simulator.headers)


@coverage.parametrize()
def test_core_operation_boundaries(case, contract_simulator: ContractSimulator):
    case.call_and_validate(base_url=contract_simulator.base_url, headers=contract_simulator.headers)


def test_linked_workflows_keep_the_contract(contract_simulator: ContractSimulator):
    """Stateful phase: ids created by one call are used by the linked calls.

    Each scenario starts from an empty tenant, so that a replay meets the same world.
    """
    base = stateful.as_state_machine()
    http = httpx.Client(base_url=contract_simulator.base_url)
    tenant = onboard(http, tenantId=WORKFLOW_TENANT, tenantName="Workflows")
    succeeded: set[str] = set()
    calls: Counter[tuple[str, int]] = Counter()

    class Workflows(base):  # type: ignore[misc, valid-type]
        def setup(self):
            http.post(f"/_mock/tenants/{WORKFLOW_TENANT}/reset").raise_for_status()

        def get_call_kwargs(self, case):
            return {"base_url": contract_simulator.base_url, "headers": tenant["headers"]}

        def after_call(self, response, case):
            calls[(case.operation.definition.raw["operationId"], response.status_code)] += 1
            if response.status_code == 200:
                succeeded.add(case.operation.definition.raw["operationId"])

    try:
        Workflows.run(
            settings=settings(
                max_examples=STATEFUL_EXAMPLES,
                stateful_step_count=10,
                deadline=None,
                database=None,
                derandomize=not EXPLORE,
                # A failure is reported as found: replaying steps against a live API to shrink
                # them costs more than it tells.
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
        )
    finally:
        http.close()
    # Ids did flow: calls that need an id from an earlier answer succeeded.
    linked = {target for targets in LINKS.values() for target, _ in targets}
    assert len(succeeded & linked) >= 2, sorted(calls.items())


def test_links_name_fields_their_sources_answer_with():
    """Every link resolves: the source's answer has the field, the target the parameter."""
    document = build_document()
    by_id = {
        op["operationId"]: op
        for ops in document["paths"].values()
        for op in ops.values()
        if "operationId" in op
    }
    schemas = document["components"]["schemas"]
    for source, targets in LINKS.items():
        responses = by_id[source]["responses"]
        success = min(code for code in responses if code.startswith(("2", "3")))  # 201 creates
        answer = responses[success]["content"]["application/json"]["schema"]
        model = schemas[answer["$ref"].rsplit("/", 1)[-1]]
        for target, params in targets:
            names = {p["name"] for p in by_id[target]["parameters"] if p["in"] == "path"}
            assert set(params) | {"tenant"} >= names, (source, target)
            for expression in params.values():
                if expression.startswith("$response.body#/"):
                    first = expression.removeprefix("$response.body#/").split("/")[0]
                    assert first in model["properties"], (source, expression)


def test_served_document_is_the_one_tested(contract_simulator: ContractSimulator):
    served = httpx.get(f"{contract_simulator.base_url}/openapi.json").json()
    assert served == build_document()
    links = [
        link
        for ops in served["paths"].values()
        for op in ops.values()
        for link in next(iter(op["responses"].values())).get("links", {}).values()
    ]
    assert len(links) > 50


@pytest.mark.parametrize("deviation", DEVIATIONS, ids=lambda d: d.id)
def test_deviations_are_documented(deviation):
    assert deviation.kind in ("simulator-bug", "document-gap", "business-rule")
    assert deviation.why and deviation.example


def test_no_simulator_bug_is_excused(contract_simulator: ContractSimulator):
    """Simulator bugs are fixed, not listed; and a repeated query parameter binds its first value
    (ASP.NET's FirstValue), the bug schemathesis once found here."""
    assert not [d.id for d in DEVIATIONS if d.kind == "simulator-bug"]
    leads = f"{contract_simulator.base_url}/crm/v2/tenant/{CONTRACT_TENANT}/leads"
    headers = contract_simulator.headers
    assert httpx.get(f"{leads}?page=abc&page=1", headers=headers).status_code == 400
    assert httpx.get(f"{leads}?page=1&page=abc", headers=headers).status_code == 200
