"""``mockst scaffold DOCUMENT``: a new API family package from an official OpenAPI document.

Writes ``mockst/<segment>/`` (the document's server URL segment: ``/taskmanagement/v2`` ->
``taskmanagement``): the family declaration, ``models/`` (one module per tag, shared schemas in
``common``), one module per tag declaring every operation as planned, and a test skeleton under
``tests/<segment>/``. It touches no other file: the registry finds the family by itself, so right
after it the simulator routes, guards, scopes and documents every operation of the document.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from mockst.coverage import server_path
from mockst.scaffold.models import (
    ENVELOPE,
    SHARED_MODULE,
    ModelSource,
    TypeWriter,
    camel,
    class_names,
    class_source,
    ordered,
    parent_of,
    q,
    reached,
    refs,
    shared_models,
    snake,
)
from mockst.scaffold.resources import (
    OfficialOperation,
    ResourceSource,
    module_source,
    operations_by_tag,
    wrap_imports,
)

RESERVED_MODULES = frozenset({"models", "seed", "__init__"})


def family_name(document: dict[str, Any]) -> str:
    """The first segment of the document's server path: the family's package and URL name."""
    segment = server_path(document).strip("/").split("/")[0]
    if not segment.isidentifier():
        raise ValueError(f"the server path gives no usable family name: {segment!r}")
    return segment.lower()


def model_modules(document: dict[str, Any]) -> dict[str, list[str]]:
    """models module -> the official schemas it defines (document order): a schema only one
    tag's operations reach goes with that tag, any other into ``common``."""
    schemas = document["components"]["schemas"]
    by_tag = operations_by_tag(document)
    by_reach = {
        tag: reached(schemas, refs([op.spec for op in ops])) for tag, ops in by_tag.items()
    }
    modules: dict[str, list[str]] = {}
    for name in schemas:
        if ENVELOPE.search(name):
            continue
        tags = [tag for tag, names in by_reach.items() if name in names]
        module = _module_name(tags[0]) if len(tags) == 1 else "common"
        modules.setdefault(module, []).append(name)
    return modules


def _module_name(tag: str) -> str:
    name = snake(tag)
    return f"{name}_resource" if name in RESERVED_MODULES or name == "common" else name


def models_source(
    title: str, module: str, members: list[str], schemas: dict[str, Any], names: dict[str, str],
    home: dict[str, str], family: str,
) -> str:
    writer = TypeWriter(names)
    need = ModelSource()
    order, _ = ordered(members, schemas)
    mine = [official for official in order if home[official] != SHARED_MODULE]
    # A parent is a class already written above in this module, or one of the family's common
    # ones (a resource's module imports common, never the other way round).
    common = [] if module == "common" else [o for o, m in home.items() if m.endswith(".common")]
    classes: list[str] = []
    for index, official in enumerate(mine):
        parent = parent_of(official, schemas, [*mine[:index], *common])
        shown = (parent, schemas[parent]) if parent is not None else None
        classes.append(class_source(writer, official, schemas[official], need, shown))
    reexported = sorted(names[official] for official in order if official not in mine)
    imports = ["from __future__ import annotations", ""]
    if need.typing:
        imports.append(f"from typing import {', '.join(sorted(need.typing))}")
        imports.append("")
    if need.pydantic:
        imports.append(f"from pydantic import {', '.join(sorted(need.pydantic))}")
        imports.append("")
    types = set(need.types) | ({"string_format"} if need.formats else set())
    imports.append(f"from mockst.api.types import {', '.join(sorted(types))}")
    foreign: dict[str, set[str]] = {}
    for used in sorted(need.refs - set(mine)):
        if home[used] != SHARED_MODULE or names[used] not in reexported:
            foreign.setdefault(home[used], set()).add(names[used])
    for other, used_names in sorted(foreign.items()):
        imports.append(f"from {other} import {', '.join(sorted(used_names))}")
    # The family's copies of shared schemas, re-exported where the fidelity test looks for them.
    imports += [f"from {SHARED_MODULE} import {name} as {name}" for name in reexported]
    aliases = [f"{camel(fmt)} = string_format({q(fmt)})" for fmt in sorted(need.formats)]
    aliases += [f"{alias} = {source}" for alias, source in sorted(need.aliases.items())]
    what = "schemas shared by several resources" if module == "common" else f"{module} schemas"
    header = [
        f'"""{title}: {what.replace("_", " ")}.',
        "",
        'Field lists from the official document: names, types, required, nullable, enums."""',
        "",
        *imports,
        "",
    ]
    if aliases:
        header += [*aliases, ""]
    body = "\n\n\n".join(classes)
    return "\n".join(wrap_imports([*header, "", body])) + "\n"


def scaffold(
    document_path: Path, root: Path, *, name: str | None = None, force: bool = False
) -> list[Path]:
    """Write the family package for ``document_path`` under ``root`` (the checkout); returns the
    files written."""
    document = json.loads(document_path.read_text(encoding="utf-8"))
    family = name or family_name(document)
    package = root / "mockst" / family
    tests = root / "tests" / family
    if package.exists() and not force:
        raise FileExistsError(f"{package} exists; pass --force to write over it")
    schemas = document["components"]["schemas"]
    names = class_names(schemas)
    title = document.get("info", {}).get("title") or family
    modules = model_modules(document)
    shared = shared_models(schemas)
    names.update(shared)
    home = {
        official: SHARED_MODULE if official in shared else f"mockst.{family}.models.{module}"
        for module, members in modules.items()
        for official in members
    }
    files: dict[Path, str] = {
        package / "__init__.py": _family_source(family, title, document_path.name, document),
        package / "models" / "__init__.py": f'"""Models of {title}, one module per resource."""\n',
    }
    for module, members in modules.items():
        files[package / "models" / f"{module}.py"] = models_source(
            title, module, members, schemas, names, home, family
        )
    class_home = {names[official]: module for official, module in home.items()}  # full paths
    first_list: str | None = None
    for tag, ops in operations_by_tag(document).items():
        source = ResourceSource(tag, _module_name(tag), ops)
        files[package / f"{source.module}.py"] = module_source(
            family, source, names, class_home, schemas
        )
        first_list = first_list or next((op.operation_id for op in ops if _plain_list(op)), None)
    files[tests / f"test_{family}_family.py"] = _test_source(family, title, first_list)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)


def _plain_list(op: OfficialOperation) -> bool:
    """A GET of a page with no path parameter but the tenant: its placeholder answers a page."""
    params = op.spec.get("parameters", [])
    if op.method != "GET" or any(p["in"] == "path" and p["name"] != "tenant" for p in params):
        return False
    if any(p.get("required") for p in params if p["in"] == "query"):
        return False
    ok = op.spec.get("responses", {}).get("200", {}).get("content") or {}
    schema = next(iter(ok.values()), {}).get("schema", {})
    return str(schema.get("$ref", "")).rsplit("/", 1)[-1].startswith("PaginatedResponse_Of_")


def document_scopes(document: dict[str, Any]) -> list[str]:
    """Every scope the document's operations ask for, sorted."""
    return sorted(
        {
            scope
            for item in document["paths"].values()
            for method, spec in item.items()
            if isinstance(spec, dict) and "operationId" in spec
            for requirement in spec.get("security", [])
            for scope in requirement.get("oauth", [])
        }
    )


def _family_source(family: str, title: str, filename: str, document: dict[str, Any]) -> str:
    return "\n".join(
        [
            f'"""{title}, declared from ``{filename}``.',
            "",
            "Its operations are planned (routed, guarded, documented; a placeholder answers) until",
            'each is simulated: ``docs/adding-a-family.md``."""',
            "",
            "from mockst.api.family import Family",
            "",
            "FAMILY = Family(",
            f"    name={q(family)},",
            f"    title={q(title)},",
            f"    document={q(filename)},",
            f"    server={q(server_path(document))},",
            "    scopes=(",
            *(f"        {q(scope)}," for scope in document_scopes(document)),
            "    ),",
            "    # uses=(...): the families whose data this one reads or changes (DESIGN.md);",
            "    # seed=\"mockst.<family>.seed:populate\": its part of the demo world.",
            ")",
            "",
        ]
    )


def _test_source(family: str, title: str, first_list: str | None) -> str:
    lines = [
        f'"""{title}: the family\'s own tests.',
        "",
        "They grow as operations move from planned to served (``docs/adding-a-family.md``);",
        '``api`` is the shared fixture of ``tests/conftest.py``."""',
        "",
        "from mockst.api import registry",
        "from mockst.testing import TenantApi",
        "",
        "",
        "def test_the_family_is_registered() -> None:",
        f"    family = registry.family({q(family)})",
        "    assert any(op.family == family for op in registry.operations())",
    ]
    if first_list:
        lines += [
            "",
            "",
            "def test_a_list_answers_a_page(api: TenantApi) -> None:",
            f"    response = api.call({q(first_list)})",
            "    assert response.status_code == 200, response.text",
            '    assert response.json()["data"] == []',
        ]
    return "\n".join(lines) + "\n"


def run_scaffold(document: Path, root: Path, *, name: str | None, force: bool) -> int:
    """The command: write the package, tidy its imports with ruff where it is installed, bring
    ``docs/coverage.md`` up to date, and say what to do next."""
    try:
        files = scaffold(document, root, name=name, force=force)
    except (OSError, ValueError, KeyError) as exc:
        print(f"mockst scaffold: {exc}", file=sys.stderr)
        return 2
    ruff = shutil.which("ruff") or shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff:
        tidy = [ruff, "check", "--fix", "--select", "I", "-q", *map(str, files)]
        subprocess.run(tidy, check=False)
    family = files[0].parent.name
    print(f"wrote {len(files)} files: mockst/{family}/ and tests/{family}/")
    coverage = root / "docs" / "coverage.md"
    import mockst

    if coverage.is_file() and Path(mockst.__file__).parent.parent.resolve() == root.resolve():
        # Only when the checkout written into is the mockst this process runs.
        from mockst.api import registry
        from mockst.coverage import report

        registry.families.cache_clear()
        registry.operations.cache_clear()
        coverage.write_text(report(document.resolve().parent))
        print(f"updated {coverage}")
    print("next: mockst serve --demo (every operation is routed, documented and planned), then")
    print("docs/adding-a-family.md: the seed hook and moving operations from planned to served")
    return 0
