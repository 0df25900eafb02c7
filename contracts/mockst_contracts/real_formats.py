"""Values as production writes them, and which of them stopped a connector.

ServiceTitan's serializer trims a stamp's trailing zeros (``…:02Z``, ``…:02.12Z``, seven digits
at most), and production shows ``null`` for an empty ``customFields`` or ``externalData``. A
connector that parses stamps by fixed width, or iterates a list that can be null, works against
a simulator that never serves such values and breaks on its first real answer. This module finds
the values of that kind a run was served and, when the connector failed, the ones its error
output points at, so the report can name the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from mockst_contracts.journal import JournalEntry

# A stamp with a fraction shorter than seven digits, or none: what fixed-width parsing breaks on.
SHORT_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z")
NULLABLE_LISTS = ("customFields", "externalData")
# What Python, .NET and JavaScript say when a null is iterated or indexed.
NULL_ERRORS = ("NoneType", "null", "undefined", "NullReference")


@dataclass(frozen=True)
class Served:
    """One value of the kinds above in an answer the connector read."""

    entry: JournalEntry
    field: str
    value: str | None

    @property
    def shown(self) -> str:
        return "null" if self.value is None else repr(self.value)


def served(entries: list[JournalEntry]) -> list[Served]:
    """Short stamps and null lists in the successful API answers of a run, first of each field
    and value."""
    found: dict[tuple[str, str | None], Served] = {}
    for entry in entries:
        if entry.kind == "api" and entry.status == 200:
            for field, value in _walk(entry.response_body):
                found.setdefault((field, value), Served(entry, field, value))
    return list(found.values())


def _walk(node: Any) -> Iterator[tuple[str, str | None]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if value is None and key in NULLABLE_LISTS:
                yield key, None
            elif isinstance(value, str) and SHORT_STAMP.fullmatch(value):
                yield key, value
            elif isinstance(value, dict | list):
                yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def blamed(values: list[Served], error_output: str) -> list[Served]:
    """The served values a failed connector's error output points at: a stamp it quotes (whole,
    or the date and time before the fraction a fixed-width parse cut off), or the null lists
    when it complains of a null; narrowed to the fields the output names (a traceback shows
    the line that read one), when it names any."""
    found = [s for s in values if s.value is not None and s.value[:19] in error_output]
    if found:
        found = [s for s in found if s.value is not None and s.value in error_output] or found
    elif any(word in error_output for word in NULL_ERRORS):
        found = [s for s in values if s.value is None]
    return [s for s in found if s.field in error_output] or found


def describe(value: Served, error_output: str) -> str:
    last = (error_output.strip().splitlines() or [""])[-1][:200]
    kind = "an empty list served as null" if value.value is None else "a trimmed stamp"
    return f"{value.field} = {value.shown} ({kind}) stopped the connector: {last}"
