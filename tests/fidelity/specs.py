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
from mockst.scaffold.models import reached, refs

try:
    SPECS_DIR: Path = find_specs_dir()
except FileNotFoundError as missing:
    pytest.fail(
        f"{missing}. The fidelity tests compare the simulator with these documents; point "
        "MOCKST_SPECS_DIR at the folder that holds them.",
        pytrace=False,
    )

@cache
def official(document: str) -> dict[str, Any]:
    return json.loads((SPECS_DIR / document).read_text(encoding="utf-8"))


def official_operation(op: Operation) -> dict[str, Any] | None:
    item = official(op.family.document)["paths"].get(op.document_path, {})
    return item.get(op.method.lower())


def reached_schemas(document: str, ops: Iterable[Operation]) -> set[str]:
    """The component schemas the official declarations of ``ops`` reach, directly or through
    other schemas (envelopes included: the caller leaves those out)."""
    schemas = official(document)["components"]["schemas"]
    return reached(schemas, refs([official_operation(op) or {} for op in ops]))
