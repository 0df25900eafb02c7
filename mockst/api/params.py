"""Query and path parameters, bound the way ASP.NET binds them.

The real API is ASP.NET: parameter names match case-insensitively, booleans are ``true``/``false``
in any case, enums bind by name in any case, unknown parameters are ignored, and a value that does
not convert is a 400 naming the parameter. Every failure of one request is reported together.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from mockst.api.types import INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN
from mockst.encoding import parse_datetime
from mockst.errors import validation_error

Kind = Literal[
    "int32", "int64", "bool", "string", "datetime", "double", "decimal", "guid", "enum"
]

# How each kind appears in our OpenAPI document (the same type/format pairs as the official one).
SCHEMAS: dict[str, dict[str, Any]] = {
    "int32": {"type": "integer", "format": "int32"},
    "int64": {"type": "integer", "format": "int64"},
    "bool": {"type": "boolean"},
    "string": {"type": "string"},
    "datetime": {"type": "string", "format": "date-time"},
    "double": {"type": "number", "format": "double"},
    "decimal": {"type": "number", "format": "decimal"},
    "guid": {"type": "string", "format": "guid"},
}


@dataclass(frozen=True)
class Param:
    name: str
    kind: Kind = "string"
    required: bool = False
    place: Literal["query", "path"] = "query"
    enum: tuple[str, ...] = ()
    enum_name: str | None = None  # component name of the enum, e.g. "Crm.V2.ActiveRequestArg"
    description: str = ""
    array: bool = False  # repeated (``ids=1&ids=2``): a list of ``kind`` values
    min_length: int | None = None  # a string's bounds, where the document gives them
    max_length: int | None = None
    key: str = field(init=False, repr=False, compare=False)  # the name as binding matches it

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", self.name.lower())

    def schema(self) -> dict[str, Any]:
        if self.kind == "enum":
            item: dict[str, Any] = {"type": "string", "enum": list(self.enum)}
        else:
            item = dict(SCHEMAS[self.kind])
        if self.min_length is not None:
            item["minLength"] = self.min_length
        if self.max_length is not None:
            item["maxLength"] = self.max_length
        return {"type": "array", "items": item} if self.array else item


def enum_param(
    name: str, enum: type[StrEnum], *, required: bool = False, array: bool = False
) -> Param:
    """A parameter taking the values of one of the document's enums (``SpecStrEnum``)."""
    spec_name = getattr(enum, "__spec_name__", enum.__name__)
    values = tuple(member.value for member in enum)
    return Param(name, "enum", required, enum=values, enum_name=spec_name, array=array)


def path(name: str, kind: Kind = "int64") -> Param:
    return Param(name, kind, required=True, place="path")


def _convert(param: Param, text: str) -> Any:
    kind = param.kind
    if kind in ("int32", "int64"):
        low, high = (INT32_MIN, INT32_MAX) if kind == "int32" else (INT64_MIN, INT64_MAX)
        value = int(text.strip())  # ValueError when not an integer
        if not low <= value <= high:
            raise ValueError(text)
        return value
    if kind == "bool":
        lowered = text.strip().lower()
        if lowered not in ("true", "false"):
            raise ValueError(text)
        return lowered == "true"
    if kind == "datetime":
        return parse_datetime(text)
    if kind in ("double", "decimal"):
        value = float(text)
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(text)
        return value
    if kind == "guid":
        return str(uuid.UUID(text.strip()))
    if kind == "enum":
        lowered = text.strip().lower()
        for name in param.enum:
            if name.lower() == lowered:
                return name
        raise ValueError(text)
    if param.min_length is not None and len(text) < param.min_length:
        raise ValueError(text)
    if param.max_length is not None and len(text) > param.max_length:
        raise ValueError(text)
    return text


def bind(params: tuple[Param, ...], raw: Mapping[str, str]) -> dict[str, Any]:
    """Typed values for ``params`` (None when absent); 400 with every bad parameter named."""
    # ASP.NET binds a scalar to the first value of a repeated parameter (FirstValue).
    pairs = raw.multi_items() if hasattr(raw, "multi_items") else raw.items()
    folded: dict[str, str] = {}
    for key, value in pairs:
        folded.setdefault(key.lower(), value)
    values: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for param in params:
        if param.array:
            _bind_array(param, raw, values, errors)
            continue
        text = folded.get(param.key)
        if text is None or (text == "" and param.kind != "string"):
            if param.required:
                errors[param.name] = [f"The {param.name} field is required."]
            values[param.name] = None
            continue
        try:
            values[param.name] = _convert(param, text)
        except (ValueError, OverflowError):
            shown = text if len(text) <= 64 else text[:61] + "..."
            errors[param.name] = [f"The value '{shown}' is not valid for {param.name}."]
    if errors:
        raise validation_error(errors)
    return values


def _bind_array(
    param: Param, raw: Mapping[str, str], values: dict[str, Any], errors: dict[str, list[str]]
) -> None:
    """Every occurrence of the parameter (any case); each may also hold comma-separated items."""
    pairs = raw.multi_items() if hasattr(raw, "multi_items") else raw.items()
    texts = [
        part.strip()
        for key, value in pairs
        if key.lower() == param.key
        for part in value.split(",")
        if part.strip()
    ]
    if not texts:
        if param.required:
            errors[param.name] = [f"The {param.name} field is required."]
        values[param.name] = None
        return
    converted = []
    for text in texts:
        try:
            converted.append(_convert(param, text))
        except (ValueError, OverflowError):
            errors[param.name] = [f"The value '{text[:64]}' is not valid for {param.name}."]
            return
    values[param.name] = converted


def parse_id_list(name: str, text: str | None, limit: int) -> list[int] | None:
    """``ids=1,2,3``: comma-separated int64s, at most ``limit`` of them."""
    if text is None or text.strip() == "":
        return None
    ids: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            value = int(part)
        except ValueError:
            raise validation_error({name: [f"The value '{part}' is not a valid id."]}) from None
        if not INT64_MIN <= value <= INT64_MAX:
            raise validation_error({name: [f"The value '{part}' is not a valid id."]})
        ids.append(value)
    if len(ids) > limit:
        raise validation_error({name: [f"No more than {limit} ids are allowed."]})
    return ids
