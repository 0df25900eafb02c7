"""Implementation coverage against ServiceTitan's official documents, moto style.

Reads each family's official OpenAPI document and lists each of its operations as served
(simulated), planned (declared, answered by a placeholder) or missing, by operationId and path.
Documents in the folder that no family declares yet are listed too, so the report shows what is
left. ``mockst coverage`` prints it as Markdown (``docs/coverage.md`` is its output).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from mockst.api import registry

METHODS = ("get", "post", "put", "patch", "delete")
Status = Literal["served", "planned", "missing"]
MARKS: dict[Status, str] = {"served": "x", "planned": "~", "missing": " "}
SPECS_HELP = (
    "ServiceTitan's official OpenAPI documents were not found: pass --specs DIR, set "
    "MOCKST_SPECS_DIR, or keep them at ../shared/specs beside the checkout"
)


def find_specs_dir(explicit: str | Path | None = None) -> Path:
    """``--specs``, else ``$MOCKST_SPECS_DIR``, else ``../shared/specs`` beside the checkout."""
    candidates = [explicit, os.environ.get("MOCKST_SPECS_DIR")]
    here = Path(__file__).resolve().parent.parent
    candidates += [Path.cwd() / ".." / "shared" / "specs", here / ".." / "shared" / "specs"]
    documents = [family.document for family in registry.families()]
    for candidate in candidates:
        if candidate and all((Path(candidate) / name).is_file() for name in documents):
            return Path(candidate).resolve()
    raise FileNotFoundError(f"{SPECS_HELP} (needed: {', '.join(documents)})")


@dataclass(frozen=True)
class OfficialOperation:
    family: str  # the family's name, or the document's file name when no family declares it
    operation_id: str
    method: str
    path: str  # full: /crm/v2/tenant/{tenant}/...
    status: Status

    @property
    def implemented(self) -> bool:
        return self.status == "served"


def server_path(document: dict[str, Any]) -> str:
    """The path of a document's first server URL: ``https://api.servicetitan.io/crm/v2`` ->
    ``/crm/v2``."""
    url = document.get("servers", [{}])[0].get("url", "")
    return "/" + url.split("://", 1)[-1].partition("/")[2].strip("/")


def document_operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(METHOD, path under the server, operation) for each operation, in document order."""
    return [
        (method.upper(), path, item[method])
        for path, item in document["paths"].items()
        for method in METHODS
        if method in item
    ]


def official_operations(specs_dir: Path) -> list[OfficialOperation]:
    declared = {(op.method, op.full_path): op for op in registry.operations()}
    result = []
    for family in registry.families():
        document = json.loads((specs_dir / family.document).read_text())
        for method, path, item in document_operations(document):
            full = family.server + path
            op_id = item["operationId"]
            ours = declared.get((method, full))
            status: Status = "missing"
            if ours is not None and ours.operation_id == op_id:
                status = "planned" if ours.planned else "served"
            result.append(OfficialOperation(family.name, op_id, method, full, status))
    return result


def undeclared_documents(specs_dir: Path) -> list[tuple[str, int]]:
    """(file name, operation count) of the folder's documents that no family declares."""
    declared = {family.document for family in registry.families()}
    found = []
    for path in sorted(specs_dir.glob("*.json")):
        if path.name in declared:
            continue
        try:
            document = json.loads(path.read_text())
            found.append((path.name, len(document_operations(document))))
        except (ValueError, KeyError, TypeError):
            continue  # not an OpenAPI document
    return found


def report(specs_dir: Path) -> str:
    operations = official_operations(specs_dir)
    served = sum(op.status == "served" for op in operations)
    planned = sum(op.status == "planned" for op in operations)
    lines = [
        "# Implementation coverage",
        "",
        f"{served} operations served and {planned} planned, of {len(operations)} in the "
        f"documents of {len(registry.families())} families.",
        "",
        "`[x]` served (simulated), `[~]` planned (routed, guarded and documented; lists answer an "
        "empty page, other operations 501), `[ ]` missing.",
        "",
    ]
    for family in registry.families():
        mine = [op for op in operations if op.family == family.name]
        served = sum(op.status == "served" for op in mine)
        planned = sum(op.status == "planned" for op in mine)
        heading = f"## {family.title} (`{family.document}`): {served} of {len(mine)} served"
        lines += [heading + (f", {planned} planned" if planned else ""), ""]
        for op in sorted(mine, key=lambda o: o.operation_id):
            lines.append(f"- [{MARKS[op.status]}] `{op.operation_id}` {op.method} `{op.path}`")
        lines.append("")
    waiting = undeclared_documents(specs_dir)
    if waiting:
        lines += ["## Documents no family declares yet", ""]
        lines += [f"- `{name}`: {count} operations" for name, count in waiting]
        lines.append("")
    return "\n".join(lines)
