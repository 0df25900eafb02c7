"""The scalar vocabulary of ServiceTitan's documents, as pydantic types.

Each type validates like the real API's .NET binder would (an int64 never silently overflows, a
date-time is always UTC) and renders in our OpenAPI document with the same ``type``/``format`` pair
as the official one, so the fidelity test can compare schemas field by field.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from typing import Annotated, Any, ClassVar

import orjson
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    GetJsonSchemaHandler,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import (
    CoreSchema,
    PydanticCustomError,
    SchemaValidator,
    ValidationError,
    core_schema,
)

from mockst.encoding import parse_datetime

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1


def _bounded(low: int, high: int, kind: str):
    def check(value: int) -> int:
        if not low <= value <= high:
            raise ValueError(f"The value {value} is out of range for {kind}.")
        return value

    return check


class _KeepsTicks:
    """Reads a JSON date-time with a seventh fractional digit (more than a datetime holds) as an
    ``Instant``, ticks and all, so a stamp sent back in a body is echoed and compared exactly.
    Every other JSON value is read by pydantic's own strict parser, as before, with its errors."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: Callable[[Any], CoreSchema]
    ) -> CoreSchema:
        return core_schema.json_or_python_schema(
            json_schema=core_schema.no_info_plain_validator_function(_read_json_datetime),
            python_schema=handler(source),
        )


_SEVEN_DIGITS = re.compile(r"[.,]\d{7}")
_JSON_DATETIME = SchemaValidator(core_schema.datetime_schema(strict=True))


def _read_json_datetime(value: Any) -> datetime:
    if isinstance(value, str) and _SEVEN_DIGITS.search(value):
        try:
            return parse_datetime(value)
        except ValueError:
            pass  # pydantic's parser words the error
    try:
        raw = orjson.dumps(value)
    except TypeError:  # a JSON integer past 64 bits: no date-time, and orjson cannot write it
        raise PydanticCustomError("datetime_type", "Input should be a valid datetime") from None
    try:
        return _JSON_DATETIME.validate_json(raw)  # type: ignore[no-any-return]
    except ValidationError as error:
        first = error.errors()[0]
        raise PydanticCustomError(first["type"], first["msg"].replace("{", "{{")) from None


def _utc(value: datetime) -> datetime:
    # ServiceTitan reads every date-time as UTC; a naive value is taken to be UTC already.
    if value.tzinfo is UTC:
        return value  # an Instant keeps its ticks
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


Int64 = Annotated[
    int,
    AfterValidator(_bounded(INT64_MIN, INT64_MAX, "int64")),
    WithJsonSchema({"type": "integer", "format": "int64"}),
]
Int32 = Annotated[
    int,
    AfterValidator(_bounded(INT32_MIN, INT32_MAX, "int32")),
    WithJsonSchema({"type": "integer", "format": "int32"}),
]
Double = Annotated[float, WithJsonSchema({"type": "number", "format": "double"})]
Decimal = Annotated[float, WithJsonSchema({"type": "number", "format": "decimal"})]
DateTime = Annotated[
    datetime,
    _KeepsTicks(),
    AfterValidator(_utc),
    WithJsonSchema({"type": "string", "format": "date-time"})
]
Guid = Annotated[uuid.UUID, WithJsonSchema({"type": "string", "format": "guid"})]


def _bool_text(value: Any) -> Any:
    # ASP.NET's JSON binder is strict, but clients send "false" for a bool (the Meltano tap's
    # capacity request) and are answered: a bool field that must take them reads them.
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return value


# A bool that also reads "true"/"false" strings, documented as a plain boolean.
LooseBool = Annotated[bool, BeforeValidator(_bool_text), WithJsonSchema({"type": "boolean"})]


def string_format(fmt: str) -> Any:
    """A plain string labelled with the official ``format`` (email, phone, html…)."""
    return Annotated[str, WithJsonSchema({"type": "string", "format": fmt})]


class StModel(BaseModel):
    """Base of every ServiceTitan request and response model.

    Unknown JSON properties are ignored, as ASP.NET's binder does; field names are the wire names.
    NaN, Infinity and numbers too large for a double are refused, as System.Text.Json refuses
    them (pydantic would otherwise store a value no response can carry).
    """

    # defer_build: a model's validator and serializer are built when first used, not when its
    # class is defined: most of the declared models (planned families' above all) are never
    # used in a given run, and building them all up front is most of start-up.
    model_config = ConfigDict(
        extra="ignore", protected_namespaces=(), allow_inf_nan=False, defer_build=True
    )


class SpecStrEnum(StrEnum):
    """A string enum titled, in JSON schemas, with its official schema name ``__spec_name__``."""

    __spec_name__: ClassVar[str]

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler.resolve_ref_schema(handler(core_schema))
        schema["title"] = cls.__spec_name__
        return schema


class SpecIntEnum(IntEnum):
    """An integer enum (a few documents have them), titled like ``SpecStrEnum``."""

    __spec_name__: ClassVar[str]

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler.resolve_ref_schema(handler(core_schema))
        schema["title"] = cls.__spec_name__
        return schema
