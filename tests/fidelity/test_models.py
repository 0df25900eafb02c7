"""Our models against the schemas of every family's official document.

Each official component that a declared operation reaches (except the generic envelopes, which the
framework builds) must have a model in the family's ``models`` package titled with its exact name
(an enum: ``__spec_name__``), defined there or re-exported from a shared module, whose JSON schema,
in validation and in serialization mode, is structurally the same: properties and their order,
types and formats, required and nullable flags, enum values, length and pattern constraints. Every
model we define with an official title is held to it too, reached or not.
"""

import re

import pytest

from mockst.api import registry

from .our_models import ours, schema_problems
from .specs import official, reached_schemas

# official document -> the package holding our models for it
FAMILIES = {family.document: f"mockst.{family.name}.models" for family in registry.families()}
ENVELOPE = re.compile(r"^(PaginatedResponse_Of_|ExportResponse_Of_)|^ApiErrorResponse$")


def official_names(document: str) -> list[str]:
    schemas = official(document)["components"]["schemas"]
    return [name for name in schemas if not ENVELOPE.search(name)]


def required_names(document: str) -> list[str]:
    """The official schemas a declared operation of the document's family reaches."""
    family = next(f for f in registry.families() if f.document == document)
    ops = [op for op in registry.operations() if op.family == family]
    reached = reached_schemas(document, ops)
    return [name for name in official_names(document) if name in reached]


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
    problems = schema_problems(official(document), package, name)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("document", list(FAMILIES))
def test_no_model_unknown_to_the_official_document(document: str) -> None:
    unknown = sorted(set(ours(FAMILIES[document])) - set(official_names(document)))
    assert not unknown, f"titles not among {document}'s schemas: {unknown}"


@pytest.mark.parametrize("document", list(FAMILIES))
def test_every_reached_schema_is_covered(document: str) -> None:
    missing = sorted(set(required_names(document)) - set(ours(FAMILIES[document])))
    assert not missing, f"{document}: schemas an operation reaches, without a model: {missing}"
