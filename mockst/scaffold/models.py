"""Pydantic source for an official document's schemas: the facts (names, types, formats, required
and nullable flags, enums, order), never the prose.

The models follow the project's conventions (``mockst.api.types``), so the fidelity test holds them
to the document field for field: ``T`` required, ``T | None`` required and nullable,
``T | None = None`` optional and nullable, ``T = Field(default=None)`` optional but never null.
"""

from __future__ import annotations

import json
import keyword
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

REF = "#/components/schemas/"
ENVELOPE = re.compile(r"^(PaginatedResponse_Of_|ExportResponse_Of_)|^ApiErrorResponse$")
# Names a field may not take in a pydantic model: it gets a trailing underscore and an alias.
RESERVED = frozenset({"json", "schema", "dict", "copy", "validate", "construct", "fields"})
# string formats with a type of their own in mockst.api.types; the rest get string_format(...)
STRING_TYPES = {"date-time": "DateTime", "guid": "Guid", "uuid": "Guid"}
NUMBER_TYPES = {"double": "Double", "decimal": "Decimal", None: "float"}
INTEGER_TYPES = {"int64": "Int64", "int32": "Int32", None: "int"}


def q(text: str) -> str:
    """A string literal in the project's style (double quotes)."""
    return json.dumps(text, ensure_ascii=False)


def ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref.removeprefix(REF) if isinstance(ref, str) and ref.startswith(REF) else None


def refs(node: Any) -> Iterable[str]:
    """Every component a schema (or any part of a document) refers to."""
    if isinstance(node, dict):
        name = ref_name(node)
        if name is not None:
            yield name
        for value in node.values():
            yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def reached(schemas: dict[str, Any], start: Iterable[str]) -> set[str]:
    """The components ``start`` names and every component they reach through references."""
    seen: set[str] = set()
    todo = list(start)
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        todo.extend(refs(schemas[name]))
    return seen


def camel(text: str) -> str:
    parts = re.split(r"[^0-9A-Za-z]+", text)
    name = "".join(p[:1].upper() + p[1:] for p in parts if p)
    return name if name[:1].isalpha() else f"M{name}"


def snake(text: str) -> str:
    text = re.sub(r"[^0-9A-Za-z]+", "_", text)
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", text)
    return text.strip("_").lower() or "item"


def member_name(label: str) -> str:
    name = snake(label).upper()
    return name if name[:1].isalpha() else f"V_{name}"


def class_names(schemas: dict[str, Any]) -> dict[str, str]:
    """Official name -> class name: the last dotted segment (``Crm.V2.CustomerResponse`` ->
    ``CustomerResponse``); where schemas share it, as many trailing segments as tell them apart."""
    wanted = [n for n in schemas if not ENVELOPE.search(n)]
    segments = {n: n.split(".") for n in wanted}
    depth = dict.fromkeys(wanted, 1)
    while True:
        names = {n: camel(".".join(segments[n][-depth[n] :])) for n in wanted}
        groups: dict[str, list[str]] = {}
        for official, name in names.items():
            groups.setdefault(name, []).append(official)
        clashes = [group for group in groups.values() if len(group) > 1]
        grown = False
        for group in clashes:
            for official in group:
                if depth[official] < len(segments[official]):
                    depth[official] += 1
                    grown = True
        if not clashes or not grown:
            return names


SHARED_MODULE = "mockst.api.shared_models"


def shared_models(schemas: dict[str, Any]) -> dict[str, str]:
    """Official name -> class of ``mockst.api.shared_models``, for the document's schemas that
    are already written there (same name, same fields or values in the same order)."""
    from mockst.api import shared_models as shared
    from mockst.api.types import SpecStrEnum, StModel

    found: dict[str, str] = {}
    for value in vars(shared).values():
        if not isinstance(value, type) or value in (StModel, SpecStrEnum):
            continue
        if issubclass(value, StModel):
            official = str(value.model_config.get("title"))
            theirs = list(schemas.get(official, {}).get("properties") or {})
            same = theirs == list(value.model_fields)
        elif issubclass(value, SpecStrEnum):
            official = value.__spec_name__
            same = [str(v) for v in schemas.get(official, {}).get("enum", [])] == list(value)
        else:
            continue
        if official in schemas and same:
            found[official] = value.__name__
    return found


@dataclass
class ModelSource:
    """What one generated module needs besides its classes."""

    types: set[str] = field(default_factory=set)  # names from mockst.api.types
    formats: set[str] = field(default_factory=set)  # string formats needing string_format()
    pydantic: set[str] = field(default_factory=set)  # names from pydantic
    typing: set[str] = field(default_factory=set)  # names from typing
    refs: set[str] = field(default_factory=set)  # official names of the components used
    aliases: dict[str, str] = field(default_factory=dict)  # module-level type aliases


class TypeWriter:
    """Python type expressions for schemas of one document."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def expression(self, schema: dict[str, Any], need: ModelSource) -> tuple[str, bool]:
        """(type expression, nullable) of a property's schema."""
        nullable = bool(schema.get("nullable"))
        name = ref_name(schema)
        if name is not None:
            need.refs.add(name)
            return self.names[name], nullable
        for key in ("oneOf", "anyOf", "allOf"):
            if key in schema:
                variants = [v for v in schema[key] if v.get("type") != "null"]
                nullable = nullable or len(variants) < len(schema[key])
                parts = [self.expression(v, need) for v in variants]
                nullable = nullable or any(n for _, n in parts)
                if not parts:
                    need.typing.add("Any")
                    return "Any", True
                return " | ".join(dict.fromkeys(t for t, _ in parts)), nullable
        kind = schema.get("type")
        if isinstance(kind, list):
            nullable = nullable or "null" in kind
            kinds = [k for k in kind if k != "null"]
            kind = kinds[0] if len(kinds) == 1 else None
        if "enum" in schema:
            need.typing.add("Literal")
            values = ", ".join(json.dumps(v) for v in schema["enum"] if v is not None)
            return f"Literal[{values}]", nullable or None in schema["enum"]
        fmt = schema.get("format")
        if kind == "string":
            if fmt in STRING_TYPES:
                need.types.add(STRING_TYPES[fmt])
                typ = STRING_TYPES[fmt]
            elif fmt:
                need.formats.add(fmt)
                typ = camel(fmt)
            else:
                return "str", nullable  # constraints go to Field(...), which validates them
            limits = {k: schema[k] for k in ("maxLength", "minLength", "pattern") if k in schema}
            if limits:
                # A typed string renders its own schema: restate it with the limits.
                need.typing.add("Annotated")
                need.pydantic.add("WithJsonSchema")
                shown = {"type": "string", "format": fmt, **limits}
                alias = typ + "".join(camel(f"{k} {v}") for k, v in limits.items() if k[0] == "m")
                rendered = json.dumps(shown)  # strings and numbers only: valid Python as well
                need.aliases[alias] = f"Annotated[\n    {typ}, WithJsonSchema({rendered})\n]"
                return alias, nullable
            return typ, nullable
        if kind == "integer":
            typ = INTEGER_TYPES.get(fmt, "int")
        elif kind == "number":
            typ = NUMBER_TYPES.get(fmt, "float")
        elif kind == "boolean":
            return "bool", nullable
        elif kind == "array":
            item, item_nullable = self.expression(schema.get("items", {}), need)
            return f"list[{item} | None]" if item_nullable else f"list[{item}]", nullable
        elif kind == "object" and "properties" not in schema:
            value, value_nullable = self.expression(schema.get("additionalProperties") or {}, need)
            value = f"{value} | None" if value_nullable and value != "Any" else value
            return f"dict[str, {value}]", nullable
        else:
            need.typing.add("Any")
            return "Any", True
        if typ[0].isupper():
            need.types.add(typ)
        return typ, nullable


def field_line(
    writer: TypeWriter, prop: str, schema: dict[str, Any], required: bool, need: ModelSource
) -> str:
    typ, nullable = writer.expression(schema, need)
    nullable = nullable and typ != "Any"
    options: list[str] = []
    attr = prop
    if not prop.isidentifier() or keyword.iskeyword(prop) or prop in RESERVED:
        attr = snake(prop) + "_"
        options.append(f"alias={q(prop)}")
    if typ == "str":
        for key, arg in (("maxLength", "max_length"), ("minLength", "min_length")):
            if key in schema:
                options.append(f"{arg}={schema[key]}")
        if "pattern" in schema:
            options.append(f"pattern={q(schema['pattern'])}")
    annotation = f"{typ} | None" if nullable else typ
    if not required:
        options.insert(0, "default=None")
    if not options:
        return f"    {attr}: {annotation}"
    if options == ["default=None"] and nullable:
        return f"    {attr}: {annotation} = None"
    need.pydantic.add("Field")  # optional but never null, an alias or a constraint
    return f"    {attr}: {annotation} = Field({', '.join(options)})"


def _fields(schema: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(name, schema without prose, required) of each property, to compare two schemas' fields."""
    required = set(schema.get("required", []))
    return [
        (prop, json.dumps({k: v for k, v in spec.items() if k != "description"}, sort_keys=True),
         prop in required)
        for prop, spec in (schema.get("properties") or {}).items()
    ]


def parent_of(
    official: str, schemas: dict[str, Any], candidates: Iterable[str], least: int = 3
) -> str | None:
    """The candidate whose fields open ``official``'s fields, the same and in the same order (the
    longest, with at least ``least``): the documents repeat a response's fields in its export
    and detail variants, and a subclass says so once."""
    mine = _fields(schemas[official])
    best: str | None = None
    for candidate in candidates:
        if candidate == official or "enum" in schemas[candidate]:
            continue
        theirs = _fields(schemas[candidate])
        longer = best is None or len(theirs) > len(_fields(schemas[best]))
        if len(theirs) >= least and mine[: len(theirs)] == theirs and longer:
            best = candidate
    return best


def class_source(
    writer: TypeWriter,
    official: str,
    schema: dict[str, Any],
    need: ModelSource,
    parent: tuple[str, dict[str, Any]] | None = None,
) -> str:
    """The class of one schema; with ``parent`` (official name, schema), a subclass adding only
    the fields that follow the parent's."""
    name = writer.names[official]
    if "enum" in schema:
        integer = schema.get("type") == "integer"
        base = "SpecIntEnum" if integer else "SpecStrEnum"
        need.types.add(base)
        labels = schema.get("x-enumNames") or [str(v) for v in schema["enum"]]
        lines = [f"class {name}({base}):", f"    __spec_name__ = {q(official)}", ""]
        used: set[str] = set()
        for label, value in zip(labels, schema["enum"], strict=True):
            member = member_name(str(label))
            while member in used:
                member += "_"
            used.add(member)
            lines.append(f"    {member} = {json.dumps(value)}")
        return "\n".join(lines)
    need.pydantic.add("ConfigDict")
    config = f"    model_config = ConfigDict(title={q(official)})"
    if len(config) > 100:
        config = f"    model_config = ConfigDict(\n        title={q(official)}\n    )"
    inherited = 0
    if parent is None:
        need.types.add("StModel")
        base = "StModel"
    else:
        need.refs.add(parent[0])
        base = writer.names[parent[0]]
        inherited = len(parent[1].get("properties") or {})
    lines = [f"class {name}({base}):", config]
    required = set(schema.get("required", []))
    properties = list((schema.get("properties") or {}).items())[inherited:]
    if properties:
        lines.append("")
    for prop, prop_schema in properties:
        lines.append(field_line(writer, prop, prop_schema, prop in required, need))
    return "\n".join(lines)


def ordered(names: list[str], schemas: dict[str, Any]) -> tuple[list[str], set[str]]:
    """``names`` with each after the ones it uses (document order otherwise), and the ones in a
    cycle (their references must be strings, resolved by ``model_rebuild``)."""
    result: list[str] = []
    cyclic: set[str] = set()
    state: dict[str, int] = {}
    members = set(names)

    def visit(name: str) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            cyclic.add(name)
            return
        state[name] = 1
        for used in refs(schemas[name]):
            if used in members and used != name:
                visit(used)
            elif used == name:
                cyclic.add(name)
        state[name] = 2
        result.append(name)

    for name in names:
        visit(name)
    return result, cyclic
