"""Our models against the schemas of every family's official document.

Each official component that a declared operation reaches (except the generic envelopes, which the
framework builds) must have a model in the family's ``models`` package titled with its exact name
(an enum: ``__spec_name__``), defined there or re-exported from a shared module, whose JSON schema,
in validation and in serialization mode, is structurally the same: properties and their order,
types and formats, required and nullable flags, enum values, length and pattern constraints. Every
model we define with an official title is held to it too, reached or not.
"""

import importlib
import pkgutil
import re
from enum import StrEnum
from functools import cache
from types import ModuleType
from typing import Any

import pytest
from pydantic import TypeAdapter
from pydantic.json_schema import models_json_schema

from mockst.api import registry
from mockst.api.types import SpecStrEnum, StModel

from .schema_compare import diff, normalize, resolver
from .specs import official, reached_schemas

# official document -> the package holding our models for it
FAMILIES = {family.document: f"mockst.{family.name}.models" for family in registry.families()}
ENVELOPE = re.compile(r"^(PaginatedResponse_Of_|ExportResponse_Of_)|^ApiErrorResponse$")
MODES = ("validation", "serialization")


def official_names(document: str) -> list[str]:
    schemas = official(document)["components"]["schemas"]
    return [name for name in schemas if not ENVELOPE.search(name)]


def required_names(document: str) -> list[str]:
    """The official schemas a declared operation of the document's family reaches."""
    family = next(f for f in registry.families() if f.document == document)
    ops = [op for op in registry.operations() if op.family == family]
    reached = reached_schemas(document, ops)
    return [name for name in official_names(document) if name in reached]


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
            if not isinstance(value, type) or value in (StModel, SpecStrEnum):
                continue
            if issubclass(value, StModel):
                name = value.model_config.get("title") or value.__name__
            elif issubclass(value, StrEnum) and len(value):
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


def checked_names(document: str) -> list[str]:
    """Reached by an operation, or defined by us: either way held to the official schema."""
    defined = set(ours(FAMILIES[document]))
    required = set(required_names(document))
    return [n for n in official_names(document) if n in required or n in defined]


CASES = [
    pytest.param(document, name, id=f"{document.removesuffix('.json')}:{name}")
    for document in FAMILIES
    for name in checked_names(document)
]


@pytest.mark.parametrize(("document", "name"), CASES)
def test_model_matches_official_schema(document: str, name: str) -> None:
    package = FAMILIES[document]
    assert name in ours(package), f"no model titled {name!r} (or enum with that __spec_name__)"
    spec = official(document)
    expected = normalize({"$ref": f"#/components/schemas/{name}"}, resolver(spec))
    for mode, (schema, document_of_ours) in our_schemas(package, name).items():
        resolve = resolver(document_of_ours)
        problems = diff(expected, normalize(schema, resolve), name, order=True)
        assert not problems, f"{mode} schema differs:\n" + "\n".join(problems)
        rendered = resolve(schema["$ref"]) if "$ref" in schema else schema
        assert rendered.get("title") == name, f"{mode} schema is titled {rendered.get('title')!r}"


@pytest.mark.parametrize("document", list(FAMILIES))
def test_no_model_unknown_to_the_official_document(document: str) -> None:
    unknown = sorted(set(ours(FAMILIES[document])) - set(official_names(document)))
    assert not unknown, f"titles not among {document}'s schemas: {unknown}"


@pytest.mark.parametrize("document", list(FAMILIES))
def test_every_reached_schema_is_covered(document: str) -> None:
    missing = sorted(set(required_names(document)) - set(ours(FAMILIES[document])))
    assert not missing, f"{document}: schemas an operation reaches, without a model: {missing}"
