"""The official documents the fidelity tests hold the simulator to, found once for all of them.

They live outside the repository (``../shared/specs``, or ``$MOCKST_SPECS_DIR``). Without them the
fidelity tests would prove nothing, so their absence fails the run, with the fix, instead of
skipping quietly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from mockst.api.operation import Operation
from mockst.coverage import find_specs_dir

try:
    SPECS_DIR: Path = find_specs_dir()
except FileNotFoundError as missing:
    pytest.fail(
        f"{missing}. The fidelity tests compare the simulator with these documents; point "
        "MOCKST_SPECS_DIR at the folder that holds them.",
        pytrace=False,
    )

REF = "#/components/schemas/"


@cache
def official(document: str) -> dict[str, Any]:
    return json.loads((SPECS_DIR / document).read_text(encoding="utf-8"))


def official_operation(op: Operation) -> dict[str, Any] | None:
    item = official(op.family.document)["paths"].get(op.document_path, {})
    return item.get(op.method.lower())


def _refs(node: Any) -> Iterable[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF):
            yield ref.removeprefix(REF)
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def reached_schemas(document: str, ops: Iterable[Operation]) -> set[str]:
    """The component schemas the official declarations of ``ops`` reach, directly or through
    other schemas (envelopes included: the caller leaves those out)."""
    schemas = official(document)["components"]["schemas"]
    todo = [name for op in ops for name in _refs(official_operation(op) or {})]
    reached: set[str] = set()
    while todo:
        name = todo.pop()
        if name in reached or name not in schemas:
            continue
        reached.add(name)
        todo.extend(_refs(schemas[name]))
    return reached
