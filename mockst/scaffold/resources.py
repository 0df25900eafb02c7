"""Source of a family's resource modules: one per official tag, every operation declared planned
with its official parameters in their official order, scope, body, response and errors."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from mockst.scaffold.models import ENVELOPE, q, ref_name, snake

METHODS = ("get", "post", "put", "patch", "delete")
GUARD = {"401", "403", "429"}
PARAM_KINDS = {
    ("integer", "int64"): "int64",
    ("integer", "int32"): "int32",
    ("integer", None): "int64",
    ("boolean", None): "bool",
    ("string", "date-time"): "datetime",
    ("string", "guid"): "guid",
    ("string", "uuid"): "guid",
    ("number", "double"): "double",
    ("number", "decimal"): "decimal",
    ("number", None): "double",
}


@dataclass
class OfficialOperation:
    operation_id: str
    method: str
    base: str  # "/tenant/{tenant}", or with the version the path carries: "/v2/tenant/{tenant}"
    path: str  # under the base: "/calls/{id}"
    spec: dict[str, Any]


@dataclass
class ResourceSource:
    """One resource module: its imports, the extra classes it defines, its operations."""

    tag: str
    module: str
    operations: list[OfficialOperation]
    models: set[str] = field(default_factory=set)  # class names from the family's models
    api: set[str] = field(default_factory=set)  # names from mockst.api.operation
    params: set[str] = field(default_factory=set)  # names from mockst.api.params
    listing: set[str] = field(default_factory=set)  # names from mockst.api.listing
    local: list[str] = field(default_factory=list)  # classes defined in the module itself
    pydantic: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)


def split_path(document_path: str) -> tuple[str, str]:
    """``/v2/tenant/{tenant}/calls/{id}`` -> (``/v2/tenant/{tenant}``, ``/calls/{id}``)."""
    head, _, rest = document_path.partition("/tenant/{tenant}")
    return f"{head}/tenant/{{tenant}}", rest


def operations_by_tag(document: dict[str, Any]) -> dict[str, list[OfficialOperation]]:
    tags: dict[str, list[OfficialOperation]] = {}
    for document_path, item in document["paths"].items():
        for method in METHODS:
            if method not in item:
                continue
            spec = item[method]
            base, path = split_path(document_path)
            tag = (spec.get("tags") or ["Operations"])[0]
            op = OfficialOperation(spec["operationId"], method.upper(), base, path, spec)
            tags.setdefault(tag, []).append(op)
    return tags


def resource_path(ops: list[OfficialOperation]) -> str:
    """The literal head most of the tag's paths share: ``/jobs`` for ``/jobs/{id}/notes``."""
    heads = Counter(
        "/" + op.path.strip("/").split("/")[0]
        for op in ops
        if not op.path.startswith("/export/")
    )
    if not heads:
        return "/" + ops[0].path.strip("/").split("/")[0]
    return heads.most_common(1)[0][0]


def noun(tag: str) -> str:
    words = snake(tag).split("_")
    if words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words).capitalize()


def _enum_of(schema: dict[str, Any], schemas: dict[str, Any]) -> tuple[str | None, list[Any]]:
    """(component name, values) of the enum a parameter's schema names, inline or by reference."""
    if "enum" in schema:
        return None, list(schema["enum"])
    for variant in [schema, *schema.get("oneOf", []), *schema.get("allOf", [])]:
        name = ref_name(variant)
        if name is not None and "enum" in schemas.get(name, {}):
            return name, list(schemas[name]["enum"])
    return None, []


def _param(
    param: dict[str, Any], source: ResourceSource, schemas: dict[str, Any], names: dict[str, str]
) -> str:
    schema = param.get("schema", {})
    array = schema.get("type") == "array"
    if array:
        schema = schema.get("items", {})
    enum_name, values = _enum_of(schema, schemas)
    if param["name"] == "active" and enum_name == "ActiveRequestArg" and not array:
        source.listing.add("ACTIVE")  # the shared ``active`` argument
        return "ACTIVE"
    if enum_name and param["in"] == "query" and enum_name in names:
        source.params.add("enum_param")
        source.models.add(names[enum_name])
        flags = ((", required=True", param.get("required")), (", array=True", array))
        extra = "".join(flag for flag, on in flags if on)
        return f"enum_param({q(param['name'])}, {names[enum_name]}{extra})"
    if values:
        kind, enum = "enum", tuple(str(v) for v in values)
    else:
        kind = PARAM_KINDS.get((schema.get("type"), schema.get("format")), "string")
        enum = ()
    name = param["name"]
    if param["in"] == "path":
        source.params.add("path")
        return f"path({q(name)})" if kind == "int64" else f"path({q(name)}, {q(kind)})"
    source.params.add("Param")
    args = [q(name), q(kind)]
    if param.get("required"):
        args.append("required=True")
    if array:
        args.append("array=True")
    if enum:
        args.append(f"enum=({''.join(q(v) + ', ' for v in enum).rstrip()})")
    for key, arg in (("minLength", "min_length"), ("maxLength", "max_length")):
        if key in schema:
            args.append(f"{arg}={schema[key]}")
    if enum_name:
        args.append(f"enum_name={q(enum_name)}")
    return f"Param({', '.join(args)})"


def _shape(op: OfficialOperation, names: dict[str, str], source: ResourceSource) -> tuple[str, int]:
    """(response shape source, success status)."""
    responses = op.spec.get("responses", {})
    success = next((c for c in responses if c.startswith(("2", "3"))), "200")
    content = responses.get(success, {}).get("content") or {}
    if not content:
        source.api.add("Empty")
        return "Empty()", int(success)
    media, body = next(iter(content.items()))
    schema = body.get("schema", {})
    if media != "application/json":
        source.api.add("Stream")
        return f"Stream({q(media)})", int(success)
    name = ref_name(schema)
    if name is not None and ENVELOPE.search(name):
        item = name.split("_Of_", 1)[1]
        kind = "Page" if name.startswith("PaginatedResponse_Of_") else "Export"
        source.api.add(kind)
        source.models.add(names[item])
        return f"{kind}({names[item]})", int(success)
    if name is not None:
        source.api.add("One")
        source.models.add(names[name])
        return f"One({names[name]})", int(success)
    items = ref_name(schema.get("items", {})) if schema.get("type") == "array" else None
    if items is not None:
        source.api.add("Many")
        source.models.add(names[items])
        return f"Many({names[items]})", int(success)
    source.api.add("Raw")
    kept = {k: v for k, v in schema.items() if k in ("type", "format", "nullable", "enum")}
    return f"Raw({kept!r})", int(success)


def _body(op: OfficialOperation, names: dict[str, str], source: ResourceSource) -> str | None:
    content = (op.spec.get("requestBody") or {}).get("content") or {}
    if not content:
        return None
    schema = next(iter(content.values())).get("schema", {})
    name = ref_name(schema)
    if name is not None:
        source.models.add(names[name])
        return names[name]
    local = op.operation_id.replace("_", "") + "Body"
    if schema.get("type") == "array" and ref_name(schema.get("items", {})):
        item = names[ref_name(schema["items"]) or ""]
        source.models.add(item)
        source.pydantic.add("RootModel")
        source.local.append(f"# The body is a bare array.\n{local} = RootModel[list[{item}]]")
        return local
    # An inline object (a file upload's form): its fields, all optional strings of their format.
    source.pydantic.update({"ConfigDict", "Field"})
    source.types.update({"StModel", "string_format"})
    lines = [f"class {local}(StModel):", f"    model_config = ConfigDict(title={q(local)})", ""]
    for prop, prop_schema in (schema.get("properties") or {}).items():
        fmt = prop_schema.get("format")
        typ = f"string_format({q(fmt)})" if fmt else "str"
        lines.append(f"    {prop}: {typ} = Field(default=None)")
    source.local.append("\n".join(lines))
    return local


def operation_source(
    op: OfficialOperation, source: ResourceSource, variable: str, resource: dict[str, str],
    names: dict[str, str], schemas: dict[str, Any],
) -> str:
    args = [q(op.operation_id), q(op.method)]
    if op.path.startswith(resource["path"]) and op.base == resource["base"]:
        if op.path != resource["path"]:
            args.append(f"suffix={q(op.path.removeprefix(resource['path']))}")
    else:
        args.append(f"at={q(op.path)}")
    if op.base != resource["base"]:
        args.append(f"base={q(op.base)}")
    scope = (op.spec.get("security") or [{}])[0].get("oauth", [""])[0]
    default = f"{resource['scope']}:{'r' if op.method == 'GET' else 'w'}"
    if scope != default:
        args.append(f"scope={q(scope)}")
    params = [p for p in op.spec.get("parameters", []) if p["name"] != "tenant"]
    path_params = [_param(p, source, schemas, names) for p in params if p["in"] == "path"]
    query = [_param(p, source, schemas, names) for p in params if p["in"] == "query"]
    if path_params:
        args.append(_tuple("path_params", path_params))
    paging = [
        'Param("page", "int32")', 'Param("pageSize", "int32")', 'Param("includeTotal", "bool")'
    ]
    for i in range(len(query) - 2):
        if query[i : i + 3] == paging:  # the shared page parameters, in their usual order
            query[i : i + 3] = ["*PAGE_PARAMS"]
            source.listing.add("PAGE_PARAMS")
            break
    if query:
        args.append(_tuple("query", query))
    body = _body(op, names, source)
    if body:
        args.append(f"body={body}")
    shape, status = _shape(op, names, source)
    args.append(f"response={shape}")
    if status != 200:
        args.append(f"status={status}")
    success = {c for c in op.spec.get("responses", {}) if c.startswith(("2", "3"))}
    errors = sorted(int(c) for c in op.spec.get("responses", {}) if c not in success | GUARD)
    if errors != [400]:
        args.append(f"errors={tuple(errors)!r}")
    if op.path.startswith("/export/") and op.method == "GET":
        args.append(f"table={q(snake(op.path.removeprefix('/export/').split('/')[0]))}")
    inner = "".join(f"\n        {a}," for a in args)
    return f"    {variable}.planned({inner}\n    ),"


def _tuple(keyword: str, items: list[str]) -> str:
    """``keyword=(a, b,)`` on one line when it fits, else one item a line."""
    line = f"{keyword}=({', '.join(items)},)"
    if len(line) <= 88:
        return line
    inner = "".join(f"\n            {item}," for item in items)
    return f"{keyword}=({inner}\n        )"


def module_source(
    family: str, source: ResourceSource, names: dict[str, str], model_module: dict[str, str],
    schemas: dict[str, Any],
) -> str:
    """``model_module``: class name -> the module defining it (dotted)."""
    ops = source.operations
    path = resource_path(ops)
    base = Counter(op.base for op in ops).most_common(1)[0][0]
    scopes = Counter(
        s.rsplit(":", 1)[0]
        for op in ops
        for s in (op.spec.get("security") or [{}])[0].get("oauth", [])
    )
    scope = scopes.most_common(1)[0][0] if scopes else f"tn.{family}"
    variable = snake(source.tag).upper()
    resource = {"path": path, "base": base, "scope": scope}
    body = [operation_source(op, source, variable, resource, names, schemas) for op in ops]
    if not any("Param(" in text for text in body):
        source.params.discard("Param")  # every parameter list was the shared page parameters
    lines = [
        f'"""{source.tag}: declared from the official document; not simulated yet.',
        "",
        "Each operation answers a placeholder (``Resource.planned``) until its handler is written;",
        "``docs/adding-a-family.md`` says how to move one from planned to served.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
    ]
    if source.pydantic:
        lines.append(f"from pydantic import {', '.join(sorted(source.pydantic))}")
        lines.append("")
    if source.api:
        lines.append(f"from mockst.api.operation import {', '.join(sorted(source.api))}")
    if source.listing:
        lines.append(f"from mockst.api.listing import {', '.join(sorted(source.listing))}")
    if source.params:
        lines.append(f"from mockst.api.params import {', '.join(sorted(source.params))}")
    lines.append("from mockst.api.resource import Resource")
    if source.types:
        lines.append(f"from mockst.api.types import {', '.join(sorted(source.types))}")
    lines.append(f"from mockst.{family} import FAMILY")
    by_module: dict[str, list[str]] = {}
    for model in sorted(source.models):
        by_module.setdefault(model_module[model], []).append(model)
    for module, models in sorted(by_module.items()):
        lines.append(f"from {module} import {', '.join(models)}")
    lines += ["", ""]
    for local in source.local:
        lines += [local, "", ""]
    table = snake(path.strip("/").split("/")[-1]) or snake(source.tag)
    declaration = [
        f"{variable} = Resource(",
        "    family=FAMILY,",
        f"    path={q(path)},",
        f"    table={q(table)},",
        f"    scope={q(scope)},",
        f"    tag={q(source.tag)},",
        f"    noun={q(noun(source.tag))},",
    ]
    if base != "/tenant/{tenant}":
        declaration.append(f"    base={q(base)},")
    declaration.append(")")
    lines += declaration
    lines += ["", "OPERATIONS = [", *body, "]", ""]
    return "\n".join(wrap_imports(lines))


def wrap_imports(lines: list[str]) -> list[str]:
    """Import lines longer than the project's 100 columns, in parentheses one name a line."""
    out = []
    for line in lines:
        if line.startswith("from ") and len(line) > 100:
            head, _, names = line.partition(" import ")
            out.append(f"{head} import (")
            out += [f"    {name}," for name in names.split(", ")]
            out.append(")")
        else:
            out.append(line)
    return out
