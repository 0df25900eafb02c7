"""Structural comparison of JSON schemas: an official OpenAPI schema against one of ours.

Both sides are first brought to one canonical form by :func:`normalize`, which understands the
official documents' style (``type: [x, "null"]``, ``oneOf: [{$ref}, {type: null}]``, OpenAPI 3.0
``nullable: true``, ``$ref`` into ``#/components/schemas``) and pydantic's (``anyOf: [..., {type:
null}]``, ``allOf: [{$ref}]``, ``const``, ``$ref`` into ``#/$defs`` or components). Then
:func:`diff` lists the differences in words.

Canonical form (a plain dict), by ``kind``:

* every kind: ``kind`` and ``nullable``;
* ``integer``/``number``/``string``/``boolean``: ``format`` (``None`` when absent) and, only when
  present, ``maxLength``/``minLength``/``pattern``;
* ``enum``: ``enum`` (the non-null values, sorted);
* ``array``: ``items``;
* ``object`` (has properties or forbids extra ones): ``properties`` (name → canonical, in
  document order) and ``required`` (sorted);
* ``map`` (only ``additionalProperties``): ``additional``;
* ``any`` (``{}``/``true``), ``null``, ``never`` (``false``), ``union`` (``variants``, sorted) and
  ``cycle`` (a reference met again while already being expanded).

Ignored everywhere: description, title, default, example(s), ``x-*`` extensions,
``additionalProperties: false`` on objects with properties, minimum/maximum, read/write-only flags.
"""

import json
from collections.abc import Callable, Mapping
from typing import Any

Schema = Mapping[str, Any] | bool
Resolver = Callable[[str], Schema]
Canonical = dict[str, Any]

SCALARS = ("integer", "number", "string", "boolean")
STRING_CONSTRAINTS = ("maxLength", "minLength", "pattern")
IGNORED = frozenset(
    {
        "description",
        "title",
        "default",
        "example",
        "examples",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "readOnly",
        "writeOnly",
        "deprecated",
        "externalDocs",
        "xml",
        "discriminator",
        "$schema",
        "$id",
        "$defs",
        "definitions",
    }
)
MAX_DEPTH = 64


def resolver(*documents: Mapping[str, Any]) -> Resolver:
    """A resolver for local references (``#/a/b/c``), tried against each document in turn.

    Pass an OpenAPI document to resolve ``#/components/schemas/...``; pass the dict returned by
    ``pydantic.json_schema.models_json_schema`` (or a model's JSON schema) to resolve
    ``#/$defs/...``.
    """

    def resolve(ref: str) -> Schema:
        if not ref.startswith("#/"):
            raise KeyError(f"only local references are supported: {ref}")
        steps = [s.replace("~1", "/").replace("~0", "~") for s in ref[2:].split("/")]
        for document in documents:
            node: Any = document
            for step in steps:
                if not isinstance(node, Mapping) or step not in node:
                    break
                node = node[step]
            else:
                return node
        raise KeyError(f"unresolvable reference: {ref}")

    return resolve


def normalize(schema: Schema, resolve: Resolver, *, _stack: tuple[str, ...] = ()) -> Canonical:
    """Bring ``schema`` to the canonical form described in the module docstring.

    References are expanded recursively through ``resolve``; a reference already being expanded
    (or nesting deeper than ``MAX_DEPTH``) becomes ``{"kind": "cycle"}``.
    """
    if schema is True:
        return {"kind": "any", "nullable": True}
    if schema is False:
        return {"kind": "never", "nullable": False}
    s = {k: v for k, v in schema.items() if k not in IGNORED and not k.startswith("x-")}
    nullable = bool(s.pop("nullable", False))

    if "$ref" in s:
        ref = s.pop("$ref")
        if ref in _stack or len(_stack) >= MAX_DEPTH:
            return {"kind": "cycle", "nullable": nullable}
        target = normalize(resolve(ref), resolve, _stack=(*_stack, ref))
        return _or_null(target, nullable)

    for key in ("oneOf", "anyOf"):
        if key in s:
            return _or_null(_union(s.pop(key), resolve, _stack), nullable)

    if "allOf" in s:
        parts = [normalize(p, resolve, _stack=_stack) for p in s.pop("allOf")]
        return _or_null(_intersection(parts), nullable)

    if "const" in s:
        s["enum"] = [s.pop("const")]

    kind = s.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        nullable = nullable or len(kinds) < len(kind)
        if len(kinds) > 1:
            return _or_null(_union([{**s, "type": k} for k in kinds], resolve, _stack), nullable)
        kind = kinds[0] if kinds else "null"

    if "enum" in s:
        values = list(s["enum"])
        nullable = nullable or None in values
        ordered = sorted((v for v in values if v is not None), key=_sort_key)
        return {"kind": "enum", "nullable": nullable, "enum": ordered}

    if kind is None:
        if "properties" in s or "additionalProperties" in s:
            kind = "object"
        elif "items" in s:
            kind = "array"
        else:
            return {"kind": "any", "nullable": True}

    if kind == "null":
        return {"kind": "null", "nullable": True}
    if kind in SCALARS:
        out: Canonical = {"kind": kind, "nullable": nullable, "format": s.get("format")}
        out.update({k: s[k] for k in STRING_CONSTRAINTS if k in s})
        return out
    if kind == "array":
        items = normalize(s.get("items", True), resolve, _stack=_stack)
        return {"kind": "array", "nullable": nullable, "items": items}
    if kind == "object":
        props = s.get("properties") or {}
        extra = s.get("additionalProperties", True)
        if not props and extra is not False:
            additional = normalize(extra, resolve, _stack=_stack)
            return {"kind": "map", "nullable": nullable, "additional": additional}
        out = {
            "kind": "object",
            "nullable": nullable,
            "properties": {n: normalize(p, resolve, _stack=_stack) for n, p in props.items()},
            "required": sorted(s.get("required", [])),
        }
        if isinstance(extra, Mapping) and extra:
            out["additional"] = normalize(extra, resolve, _stack=_stack)
        return out
    raise ValueError(f"unsupported schema type {kind!r}")


def diff(official: Canonical, ours: Canonical, path: str = "", *, order: bool = False) -> list[str]:
    """Human-readable differences between two canonical forms; empty when they are equal.

    ``path`` prefixes every message (``customer.address.zip``, ``tagTypeIds[]``, ``errors{}``).
    With ``order=True`` a different property order of an object is reported too.
    """
    where = path or "<root>"
    if official["kind"] != ours["kind"]:
        return [f"{where}: official is {describe(official)}, ours is {describe(ours)}"]
    out: list[str] = []
    if official["nullable"] != ours["nullable"]:
        state = {True: "nullable", False: "not nullable"}
        out.append(
            f"{where}: {state[official['nullable']]} in official, {state[ours['nullable']]} in ours"
        )
    kind = official["kind"]
    if kind in SCALARS:
        for key in ("format", *STRING_CONSTRAINTS):
            if official.get(key) != ours.get(key):
                out.append(
                    f"{where}: {key} {official.get(key)!r} in official, {ours.get(key)!r} in ours"
                )
    elif kind == "enum":
        missing = [v for v in official["enum"] if v not in ours["enum"]]
        extra = [v for v in ours["enum"] if v not in official["enum"]]
        if missing:
            out.append(f"{where}: enum values missing in ours: {missing}")
        if extra:
            out.append(f"{where}: enum values not in official: {extra}")
    elif kind == "array":
        out += diff(official["items"], ours["items"], f"{path}[]", order=order)
    elif kind == "map":
        out += diff(official["additional"], ours["additional"], f"{path}{{}}", order=order)
    elif kind == "object":
        out += _diff_object(official, ours, path, order)
    elif kind == "union":
        a, b = official["variants"], ours["variants"]
        if len(a) != len(b):
            out.append(f"{where}: {describe(official)} in official, {describe(ours)} in ours")
        else:
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                out += diff(x, y, f"{path}<{i}>", order=order)
    return out


def compare(
    official: Schema,
    official_resolve: Resolver,
    ours: Schema,
    our_resolve: Resolver,
    *,
    order: bool = False,
) -> list[str]:
    """``diff`` of two raw schemas, each normalized with its own resolver."""
    return diff(normalize(official, official_resolve), normalize(ours, our_resolve), order=order)


def describe(canonical: Canonical) -> str:
    """A short label for a canonical form: ``integer/int64``, ``array of string``, ``enum[...]``."""
    kind = canonical["kind"]
    if kind in SCALARS:
        text = kind if canonical.get("format") is None else f"{kind}/{canonical['format']}"
    elif kind == "enum":
        text = f"enum{canonical['enum']}"
    elif kind == "array":
        text = f"array of {describe(canonical['items'])}"
    elif kind == "map":
        text = f"map of {describe(canonical['additional'])}"
    elif kind == "object":
        text = f"object({', '.join(canonical['properties'])})"
    elif kind == "union":
        text = " | ".join(describe(v) for v in canonical["variants"])
    else:
        text = kind
    return f"{text} | null" if canonical["nullable"] and kind not in ("any", "null") else text


def _diff_object(official: Canonical, ours: Canonical, path: str, order: bool) -> list[str]:
    out: list[str] = []
    prefix = f"{path}." if path else ""
    theirs_p, ours_p = official["properties"], ours["properties"]
    for name, prop in theirs_p.items():
        if name not in ours_p:
            out.append(f"{prefix}{name}: missing in ours (official: {describe(prop)})")
            continue
        out += diff(prop, ours_p[name], f"{prefix}{name}", order=order)
        in_official, in_ours = name in official["required"], name in ours["required"]
        if in_official != in_ours:
            state = {True: "required", False: "optional"}
            out.append(
                f"{prefix}{name}: {state[in_official]} in official, {state[in_ours]} in ours"
            )
    for name, prop in ours_p.items():
        if name not in theirs_p:
            out.append(f"{prefix}{name}: not in official (ours: {describe(prop)})")
    if order:
        common_a = [n for n in theirs_p if n in ours_p]
        common_b = [n for n in ours_p if n in theirs_p]
        if common_a != common_b:
            out.append(f"{path or '<root>'}: property order {common_b} differs from {common_a}")
    if "additional" in official or "additional" in ours:
        if "additional" in official and "additional" in ours:
            out += diff(official["additional"], ours["additional"], f"{path}{{}}", order=order)
        else:
            out.append(f"{path or '<root>'}: additionalProperties schema on one side only")
    return out


def _union(alternatives: list[Schema], resolve: Resolver, stack: tuple[str, ...]) -> Canonical:
    variants = [normalize(a, resolve, _stack=stack) for a in alternatives]
    nullable = any(v["nullable"] for v in variants)
    rest: list[Canonical] = []
    for variant in variants:
        if variant["kind"] == "null":
            continue
        if variant not in rest:
            rest.append(variant)
    if not rest:
        return {"kind": "null", "nullable": True}
    if any(v["kind"] == "any" for v in rest):
        return {"kind": "any", "nullable": True}
    if len(rest) == 1:
        return _or_null(rest[0], nullable)
    return {"kind": "union", "nullable": nullable, "variants": sorted(rest, key=_sort_key)}


def _intersection(parts: list[Canonical]) -> Canonical:
    parts = [p for p in parts if p["kind"] != "any"]
    if not parts:
        return {"kind": "any", "nullable": True}
    if len(parts) == 1:
        return parts[0]
    if all(p["kind"] == "object" for p in parts):
        merged: Canonical = {"kind": "object", "nullable": all(p["nullable"] for p in parts)}
        merged["properties"] = {n: v for p in parts for n, v in p["properties"].items()}
        merged["required"] = sorted({r for p in parts for r in p["required"]})
        return merged
    raise ValueError(f"unsupported allOf of {[describe(p) for p in parts]}")


def _or_null(canonical: Canonical, nullable: bool) -> Canonical:
    if nullable and not canonical["nullable"]:
        return {**canonical, "nullable": True}
    return canonical


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)
