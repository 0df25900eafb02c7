"""Every API family and every operation the simulator serves, found by looking, not listed.

A family is a subpackage of ``mockst`` whose ``__init__`` sets ``FAMILY`` (``mockst.api.family``);
each of its modules (not subpackages: ``models/`` holds no operations) may expose ``OPERATIONS``.
Adding a family folder, or a module to one, is all it takes to serve it. Duplicates (same
operationId, or same method and path) and operations that name a family other than their own are
programming errors and fail at start-up.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache
from types import ModuleType

import mockst
from mockst.api.family import Family
from mockst.api.operation import Operation

TENANT_SEGMENT = "/tenant/{tenant}"


def _family_packages() -> list[ModuleType]:
    found = []
    for info in sorted(pkgutil.iter_modules(mockst.__path__), key=lambda i: i.name):
        if not info.ispkg:
            continue
        package = importlib.import_module(f"mockst.{info.name}")
        if isinstance(getattr(package, "FAMILY", None), Family):
            found.append(package)
    return found


@cache
def families() -> tuple[Family, ...]:
    """Every declared family, in dependency order (a family after the families it uses)."""
    declared: dict[str, Family] = {}
    for package in _family_packages():
        family: Family = package.FAMILY
        if family.name != package.__name__.rpartition(".")[2]:
            raise RuntimeError(f"{package.__name__} declares the family {family.name!r}")
        declared[family.name] = family
    ordered: list[Family] = []

    def visit(family: Family, path: tuple[str, ...]) -> None:
        if family in ordered:
            return
        if family.name in path:
            raise RuntimeError(f"families use each other in a circle: {(*path, family.name)}")
        for used in family.uses:
            if used not in declared:
                raise RuntimeError(f"{family.name} uses {used!r}, which is not a family")
            visit(declared[used], (*path, family.name))
        ordered.append(family)

    for family in declared.values():
        visit(family, ())
    return tuple(ordered)


def family(name: str) -> Family:
    for candidate in families():
        if candidate.name == name:
            return candidate
    raise KeyError(f"no family {name!r}")


@cache
def operations() -> tuple[Operation, ...]:
    """Every declared operation, served or planned, family by family."""
    found: list[Operation] = []
    for fam in families():
        package = importlib.import_module(f"mockst.{fam.name}")
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            if info.ispkg:
                continue  # models packages hold no operations
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for op in getattr(module, "OPERATIONS", ()):
                if op.family != fam:
                    raise RuntimeError(f"{op.operation_id} in {module.__name__} names {op.family}")
                found.append(op)
    _check_unique(found)
    return tuple(found)


def _check_unique(found: list[Operation]) -> None:
    ids: set[str] = set()
    places: set[tuple[str, str]] = set()
    for op in found:
        place = (op.method, op.full_path)
        if op.operation_id in ids or place in places:
            raise RuntimeError(f"declared twice: {op.operation_id} {op.method} {op.full_path}")
        if TENANT_SEGMENT not in op.base:
            raise RuntimeError(f"{op.operation_id}: its base names no tenant: {op.base}")
        ids.add(op.operation_id)
        places.add(place)


def scopes() -> frozenset[str]:
    """Every scope an operation asks for: what a quickstart or demo app is granted."""
    return frozenset(op.scope for op in operations())


@cache
def api_prefixes() -> tuple[str, ...]:
    """Every path before ``/tenant/{tenant}``: ``/crm/v2``, ``/telecom/v3``…"""
    return tuple(sorted({op.full_path.partition(TENANT_SEGMENT)[0] for op in operations()}))


@cache
def tenant_path() -> re.Pattern[str]:
    """Matches an API path and captures its tenant segment, as written."""
    prefixes = "|".join(re.escape(p) for p in api_prefixes())
    return re.compile(rf"^(?:{prefixes})/tenant/([^/]+)")
