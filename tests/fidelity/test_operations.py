"""Every operation the simulator serves, against the same operation in the official documents.

Compared, for served and planned operations alike (the scaffold declares planned ones from the
document, so they match from the start): that the operation exists at the same method and path
with the same operationId; its tag and scope; its parameters (name, place, required, type and
format, query order); its request body schema and whether it is required; its 200 response
schema; the error statuses it declares (a planned one's 501 aside). A difference fails the test
unless ``deliberate-differences.toml`` lists it with a reason.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from mockst.api import registry
from mockst.api.operation import Operation
from mockst.coverage import official_operations
from mockst.openapi import build_document

from .schema_compare import compare, resolver
from .specs import SPECS_DIR, official_operation
from .specs import official as official_document

DIFFERENCES_FILE = Path(__file__).with_name("deliberate-differences.toml")

@cache
def deliberate() -> dict[str, list[dict[str, str]]]:
    entries = tomllib.loads(DIFFERENCES_FILE.read_text()).get("difference", [])
    by_operation: dict[str, list[dict[str, str]]] = {}
    for entry in entries:
        assert entry.get("reason", "").strip(), f"a deliberate difference needs a reason: {entry}"
        by_operation.setdefault(entry["operation"], []).append(entry)
    return by_operation


def _param_key(param: dict[str, Any]) -> str:
    return f"{param['in']}:{param['name']}"


def differences(op: Operation) -> list[str]:
    official = official_operation(op)
    if official is None:
        return [f"path: {op.method} {op.full_path} is not in the official document"]
    ours = build_document()["paths"][op.full_path][op.method.lower()]
    spec, mine = official_document(op.family.document), build_document()
    spec_resolve, our_resolve = resolver(spec), resolver(mine)
    found: list[str] = []
    if official["operationId"] != op.operation_id:
        found.append(f"operationId: official {official['operationId']}")
    if official.get("tags") != [op.tag]:
        found.append(f"tag: official {official.get('tags')}, ours {op.tag}")
    if official["security"][0]["oauth"] != [op.scope]:
        found.append(f"scope: official {official['security'][0]['oauth']}, ours {op.scope}")

    theirs_params = {_param_key(p): p for p in official.get("parameters", [])}
    our_params = {_param_key(p): p for p in ours.get("parameters", [])}
    for key in theirs_params.keys() - our_params.keys():
        found.append(f"parameters.{key}: missing")
    for key in our_params.keys() - theirs_params.keys():
        found.append(f"parameters.{key}: not in the official document")
    for key in theirs_params.keys() & our_params.keys():
        a, b = theirs_params[key], our_params[key]
        if bool(a.get("required")) != bool(b.get("required")):
            found.append(f"parameters.{key}: required official {a.get('required', False)}")
        found += [f"parameters.{key}: {d}" for d in compare(
            a["schema"], spec_resolve, b["schema"], our_resolve)]
    # Query order is what a reader of both documents compares; path parameters are named in the
    # path itself, and the official documents place ``tenant`` inconsistently among them.
    common = [k for k in theirs_params if k in our_params and k.startswith("query:")]
    if common != [k for k in our_params if k in theirs_params and k.startswith("query:")]:
        found.append(f"parameters.order: official {common}")

    theirs_body = official.get("requestBody")
    our_body = ours.get("requestBody")
    if bool(theirs_body) != bool(our_body):
        found.append(f"requestBody: official {'has' if theirs_body else 'has no'} body")
    elif theirs_body and our_body:
        if bool(theirs_body.get("required")) != bool(our_body.get("required")):
            found.append(f"requestBody.required: official {theirs_body.get('required', False)}")
        found += [f"requestBody: {d}" for d in compare(
            theirs_body["content"]["application/json"]["schema"], spec_resolve,
            our_body["content"]["application/json"]["schema"], our_resolve)]

    success = str(op.status)
    theirs_success = [code for code in official["responses"] if code.startswith(("2", "3"))]
    if success not in theirs_success[:1]:  # a redirect declared beside a 200 is left out
        found.append(f"responses.success: official {theirs_success}, ours {success}")
    theirs_ok = official["responses"].get(success, {}).get("content")
    ours_ok = ours["responses"][success].get("content")
    if bool(theirs_ok) != bool(ours_ok):
        found.append(f"responses.{success}: official {'has' if theirs_ok else 'has no'} body")
    elif theirs_ok and ours_ok:
        if list(theirs_ok) != list(ours_ok):
            found.append(f"responses.{success}: official media types {list(theirs_ok)}")
        else:
            media = next(iter(theirs_ok))
            found += [f"responses.{success}: {d}" for d in compare(
                theirs_ok[media]["schema"], spec_resolve, ours_ok[media]["schema"], our_resolve)]

    guard = {"401", "403", "429"}  # every operation may be refused by the guard
    # A planned operation also answers 501 until it is simulated (mockst.api.resource.planned).
    placeholder = {"501"} if op.planned else set()
    theirs_codes = set(official["responses"]) - {success, *theirs_success} - guard
    our_codes = set(ours["responses"]) - {success} - guard - placeholder
    if missing := sorted(theirs_codes - our_codes):
        found.append(f"responses.errors: missing {missing}")
    if extra := sorted(our_codes - theirs_codes):
        found.append(f"responses.errors: ours also declares {extra}")
    return found


def _explained(op: Operation, difference: str) -> bool:
    entries = deliberate().get(op.operation_id, []) + deliberate().get("*", [])
    return any(difference.startswith(entry["what"]) for entry in entries)


@pytest.mark.parametrize(
    "op", registry.operations(), ids=[op.operation_id for op in registry.operations()]
)
def test_operation_matches_official(op: Operation) -> None:
    unexplained = [d for d in differences(op) if not _explained(op, d)]
    assert not unexplained, "\n".join(unexplained)


def test_every_deliberate_difference_still_applies() -> None:
    """A listed difference that no longer exists is stale and must be removed from the file."""
    by_id = {op.operation_id: op for op in registry.operations()}
    for operation_id, entries in deliberate().items():
        if operation_id == "*":
            everywhere = [d for op in by_id.values() for d in differences(op)]
            for entry in entries:
                assert any(d.startswith(entry["what"]) for d in everywhere), entry["what"]
            continue
        assert operation_id in by_id, f"{operation_id}: not served"
        found = differences(by_id[operation_id])
        for entry in entries:
            assert any(d.startswith(entry["what"]) for d in found), (
                f"{operation_id}: '{entry['what']}' no longer differs; remove it"
            )


def test_every_official_operation_of_a_family_is_declared() -> None:
    """A family declares every operation of its document: simulated, or planned (a placeholder
    answers), so a family can land part by part and its clients still find every path."""
    missing = [op.operation_id for op in official_operations(SPECS_DIR) if op.status == "missing"]
    assert not missing, f"not declared (served or planned): {missing}"
