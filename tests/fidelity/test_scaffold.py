"""``mockst scaffold`` against every official document: what it writes imports, and each model it
writes matches its official schema field for field (the same comparison the families pass).

The packages are written under a temporary root with a name of their own (``gen_crm``), which is
added to ``mockst``'s package path for the test, so they never shadow a real family.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import mockst
from mockst.api.operation import Operation
from mockst.scaffold import family_name, scaffold
from mockst.scaffold.models import ENVELOPE

from .our_models import ours, schema_problems
from .specs import SPECS_DIR, official

DOCUMENTS = sorted(path.name for path in SPECS_DIR.glob("*.json"))


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """document -> the name of the package scaffolded from it."""
    root = tmp_path_factory.mktemp("scaffold")
    packages = {}
    for document in DOCUMENTS:
        name = "gen_" + family_name(official(document))
        scaffold(SPECS_DIR / document, root, name=name)
        packages[document] = name
    mockst.__path__.append(str(root / "mockst"))
    try:
        yield packages
    finally:
        mockst.__path__.remove(str(root / "mockst"))


def _operations(package: str) -> list[Operation]:
    root = importlib.import_module(f"mockst.{package}")
    found: list[Operation] = []
    for info in pkgutil.iter_modules(root.__path__):
        if not info.ispkg:
            found += importlib.import_module(f"mockst.{package}.{info.name}").OPERATIONS
    return found


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_model_matches_its_official_schema(document: str, written: dict[str, str]) -> None:
    spec: dict[str, Any] = official(document)
    package = f"mockst.{written[document]}.models"
    names = [n for n in spec["components"]["schemas"] if not ENVELOPE.search(n)]
    assert sorted(ours(package)) == sorted(names)
    problems = [p for name in names for p in schema_problems(spec, package, name)]
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_operation_is_declared_planned_at_its_official_place(
    document: str, written: dict[str, str]
) -> None:
    spec: dict[str, Any] = official(document)
    ops = _operations(written[document])
    expected = {
        (method.upper(), path, item[method]["operationId"], item[method]["security"][0]["oauth"][0])
        for path, item in spec["paths"].items()
        for method in ("get", "post", "put", "patch", "delete")
        if method in item
    }
    assert {(op.method, op.document_path, op.operation_id, op.scope) for op in ops} == expected
    assert all(op.planned for op in ops)
    for op in ops:
        declared = spec["paths"][op.document_path][op.method.lower()]
        official_query = [p["name"] for p in declared.get("parameters", []) if p["in"] == "query"]
        assert [p.name for p in op.query] == official_query, op.operation_id


def test_an_existing_package_is_not_written_over(tmp_path: Path) -> None:
    scaffold(SPECS_DIR / "jbce-v2.json", tmp_path, name="gen_once")
    with pytest.raises(FileExistsError):
        scaffold(SPECS_DIR / "jbce-v2.json", tmp_path, name="gen_once")


def test_the_command_writes_only_the_family_and_its_tests(tmp_path: Path) -> None:
    from mockst.cli import main

    assert main(["scaffold", str(SPECS_DIR / "marketing-v2.json"), "--root", str(tmp_path)]) == 0
    written = {p.relative_to(tmp_path).parts[:2] for p in tmp_path.rglob("*.py")}
    assert written == {("mockst", "marketing"), ("tests", "marketing")}
    declaration = (tmp_path / "mockst" / "marketing" / "__init__.py").read_text()
    assert 'server="/marketing/v2"' in declaration and 'document="marketing-v2.json"' in declaration
    assert '        "tn.mrk.campaigns:r",' in declaration  # its scopes, declared
    assert main(["scaffold", str(SPECS_DIR / "marketing-v2.json"), "--root", str(tmp_path)]) == 2
