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
def family_operations(fam: Family) -> tuple[Operation, ...]:
    """One family's operations, served or planned: its modules are imported on first use."""
    found: list[Operation] = []
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


@cache
def operations() -> tuple[Operation, ...]:
    """Every declared operation of every family (this imports them all)."""
    found = [op for fam in families() for op in family_operations(fam)]
    _check_unique(found)
    return tuple(found)


def find(operation_id: str) -> Operation | None:
    """The operation ``operation_id``, importing families one by one (in dependency order, so
    CRM and Settings, which seeds call, come first) until it is found."""
    for fam in families():
        for op in family_operations(fam):
            if op.operation_id == operation_id:
                return op
    return None


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
    """Every scope a family declares: what a quickstart or demo app is granted. Declared, not
    gathered from the operations, so granting them imports no family's operations."""
    return frozenset(scope for fam in families() for scope in fam.scopes)


@cache
def api_prefixes() -> tuple[str, ...]:
    """Every path before ``/tenant/{tenant}``: ``/crm/v2``, ``/telecom/v3``…"""
    return tuple(sorted({op.full_path.partition(TENANT_SEGMENT)[0] for op in operations()}))


@cache
def tenant_path() -> re.Pattern[str]:
    """Matches an API path of any family and captures its tenant segment, as written. From the
    declared servers: a version in the path (Telecom's ``/v3``) may follow the server."""
    servers = "|".join(re.escape(fam.server) for fam in families())
    return re.compile(rf"^(?:{servers})(?:/v[0-9]+)?/tenant/([^/]+)")
