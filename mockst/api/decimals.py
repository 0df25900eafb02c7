"""Decimals with the scale .NET keeps: ``25.1700`` where JSON's shortest form is ``25.17``.

A .NET ``decimal`` remembers how many places it was stored with, and System.Text.Json writes them
all; mockst holds money and rates as floats, which orjson writes in their shortest form. With
``decimal_places`` set, every field the documents type ``decimal`` is written with that many
places, by rewriting the answer's bytes once it is encoded (rows are kept pre-rendered, so this is
where the whole answer is seen). A value with more places than that is left as it is, never
rounded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from mockst.api import registry


@cache
def decimal_fields() -> frozenset[str]:
    """Names of the fields the served operations' response models type ``decimal``."""
    names: set[str] = set()
    for op in registry.operations():
        model = getattr(op.response, "model", None)
        if model is not None:
            names.update(_decimal_names(model.model_json_schema(mode="serialization")))
    return frozenset(names)


def _decimal_names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for name, schema in (node.get("properties") or {}).items():
            options = schema.get("anyOf", [schema]) if isinstance(schema, dict) else []
            if any(isinstance(o, dict) and o.get("format") == "decimal" for o in options):
                yield name
        for value in node.values():
            yield from _decimal_names(value)
    elif isinstance(node, list):
        for item in node:
            yield from _decimal_names(item)


@cache
def decimal_writer(places: int) -> Callable[[bytes], bytes]:
    """A rewrite of encoded answers that writes each decimal field with ``places`` places."""
    names = b"|".join(re.escape(name.encode()) for name in sorted(decimal_fields()))
    # A key is always followed by its colon with no space (orjson), and a quote inside a string
    # is always escaped, so this matches only a decimal field's own number; an exponent form
    # (1e-05) is not followed by a delimiter where the pattern ends, and is left alone.
    pattern = re.compile(rb'"(' + names + rb')":(-?\d+)(?:\.(\d+))?(?=[,}\]])')

    def pad(match: re.Match[bytes]) -> bytes:
        fraction = (match.group(3) or b"").rstrip(b"0")
        if len(fraction) > places:
            return match.group(0)
        digits = b"." + fraction.ljust(places, b"0") if places else b""
        return b'"' + match.group(1) + b'":' + match.group(2) + digits

    return lambda data: pattern.sub(pad, data)
