"""Our models as the fidelity tests see them: every model and enum of a family's ``models``
package by its official name, and their JSON schemas next to the official ones."""

from __future__ import annotations

import importlib
import pkgutil
from enum import IntEnum, StrEnum
from functools import cache
from types import ModuleType
from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import models_json_schema

from mockst.api.types import SpecIntEnum, SpecStrEnum, StModel

from .schema_compare import diff, normalize, resolver

MODES = ("validation", "serialization")


def modules(package: str) -> list[ModuleType]:
    root = importlib.import_module(package)
    return [
        importlib.import_module(f"{package}.{info.name}")
        for info in pkgutil.iter_modules(root.__path__)
    ]


@cache
def ours(package: str) -> dict[str, type]:
    """Spec name -> our class, for every model and enum the package's modules define or import
    (a family re-exports the shared ones it uses)."""
    found: dict[str, type] = {}
    for module in modules(package):
        for value in vars(module).values():
            if not isinstance(value, type) or value in (StModel, SpecStrEnum, SpecIntEnum):
                continue
            if issubclass(value, StModel):
                name = value.model_config.get("title") or value.__name__
            elif issubclass(value, StrEnum | IntEnum) and len(value):
                name = value.__dict__.get("__spec_name__", value.__name__)
            else:
                continue
            if found.get(name, value) is not value:
                raise AssertionError(f"{name} is defined twice: {found[name]} and {value}")
            found[name] = value
    return found


@cache
def our_document(package: str) -> tuple[dict[Any, Any], dict[str, Any]]:
    """pydantic's JSON schemas of all our models of a package, in both modes, with shared $defs."""
    models = [cls for cls in ours(package).values() if issubclass(cls, StModel)]
    keys, document = models_json_schema([(m, mode) for m in models for mode in MODES])
    return keys, document


def our_schemas(package: str, name: str) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Mode -> (our top-level schema, the document its references resolve against)."""
    cls = ours(package)[name]
    if issubclass(cls, StModel):
        keys, document = our_document(package)
        return {mode: (keys[(cls, mode)], document) for mode in MODES}
    adapter = TypeAdapter(cls)
    return {mode: (adapter.json_schema(mode=mode),) * 2 for mode in MODES}


def schema_problems(spec: dict[str, Any], package: str, name: str) -> list[str]:
    """How our model ``name`` of ``package`` differs from the official schema, in both modes."""
    expected = normalize({"$ref": f"#/components/schemas/{name}"}, resolver(spec))
    problems: list[str] = []
    for mode, (schema, document_of_ours) in our_schemas(package, name).items():
        resolve = resolver(document_of_ours)
        found = diff(expected, normalize(schema, resolve), name, order=True)
        problems += [f"{mode}: {p}" for p in found]
        rendered = resolve(schema["$ref"]) if "$ref" in schema else schema
        if rendered.get("title") != name:
            problems.append(f"{mode} schema is titled {rendered.get('title')!r}")
    return problems
