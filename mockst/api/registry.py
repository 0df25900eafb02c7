"""Every operation the simulator serves, gathered from the resource modules.

A resource module under ``mockst.crm`` or ``mockst.settings`` exposes ``OPERATIONS``; adding a
module is all it takes to serve it. Duplicates (same operationId, or same method and path) are a
programming error and fail at start-up.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from mockst.api.operation import Operation

PACKAGES = ("mockst.crm", "mockst.settings")


@cache
def operations() -> tuple[Operation, ...]:
    found: list[Operation] = []
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            if info.ispkg:
                continue  # models packages hold no operations
            module = importlib.import_module(f"{package_name}.{info.name}")
            found.extend(getattr(module, "OPERATIONS", ()))
    _check_unique(found)
    return tuple(found)


def _check_unique(found: list[Operation]) -> None:
    ids: set[str] = set()
    places: set[tuple[str, str]] = set()
    for op in found:
        place = (op.method, op.full_path)
        if op.operation_id in ids or place in places:
            raise RuntimeError(f"declared twice: {op.operation_id} {op.method} {op.full_path}")
        ids.add(op.operation_id)
        places.add(place)


def scopes() -> frozenset[str]:
    return frozenset(op.scope for op in operations())
