"""Implementation coverage against ServiceTitan's official documents, moto style.

Reads the official OpenAPI documents (CRM v2 and Settings v2) and lists each operation as
implemented or not, by operationId and by method + path. ``mockst coverage`` prints it as Markdown.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from mockst.api import registry

DOCUMENTS = {"crm": "crm-v2.json", "settings": "settings-v2.json"}
METHODS = ("get", "post", "put", "patch", "delete")


def find_specs_dir(explicit: str | Path | None = None) -> Path:
    """``--specs``, else ``$MOCKST_SPECS_DIR``, else ``../shared/specs`` beside the checkout."""
    candidates = [explicit, os.environ.get("MOCKST_SPECS_DIR")]
    here = Path(__file__).resolve().parent.parent
    candidates += [Path.cwd() / ".." / "shared" / "specs", here / ".." / "shared" / "specs"]
    for candidate in candidates:
        if candidate and (Path(candidate) / DOCUMENTS["crm"]).is_file():
            return Path(candidate).resolve()
    raise FileNotFoundError("ServiceTitan's official documents not found; pass --specs DIR")


@dataclass(frozen=True)
class OfficialOperation:
    module: str
    operation_id: str
    method: str
    path: str  # full: /crm/v2/tenant/{tenant}/...
    implemented: bool


def official_operations(specs_dir: Path) -> list[OfficialOperation]:
    served = {(op.method, op.full_path): op.operation_id for op in registry.operations()}
    result = []
    for module, filename in DOCUMENTS.items():
        document = json.loads((specs_dir / filename).read_text())
        for path, item in document["paths"].items():
            for method in METHODS:
                if method not in item:
                    continue
                full = f"/{module}/v2{path}"
                op_id = item[method]["operationId"]
                ours = served.get((method.upper(), full))
                result.append(OfficialOperation(module, op_id, method.upper(), full, ours == op_id))
    return result


def report(specs_dir: Path) -> str:
    operations = official_operations(specs_dir)
    lines = ["# Implementation coverage", ""]
    for module, filename in DOCUMENTS.items():
        mine = [op for op in operations if op.module == module]
        done = sum(op.implemented for op in mine)
        lines += [f"## {filename}: {done} of {len(mine)} operations", ""]
        for op in sorted(mine, key=lambda o: o.operation_id):
            mark = "x" if op.implemented else " "
            lines.append(f"- [{mark}] `{op.operation_id}` {op.method} `{op.path}`")
        lines.append("")
    return "\n".join(lines)
