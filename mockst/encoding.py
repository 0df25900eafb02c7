"""How values look on the wire: ServiceTitan's date-time strings and fast JSON responses."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

import orjson
from starlette.responses import Response

TICKS_PER_SECOND = 10_000_000
_TICKS_PER_MICROSECOND = 10
_MICROSECOND = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NAIVE_EPOCH = datetime(1970, 1, 1)


class Instant(datetime):
    """A UTC datetime that also holds its instant in .NET's 100-ns ticks since the epoch.

    A datetime stops at microseconds; ServiceTitan's stamps carry a seventh fractional digit, and
    a stamp sent back as a filter must select exactly its own row, so the clock, the parser and
    the writer pass the ticks along here. Arithmetic on an Instant gives one without ``ticks``
    (read it with ``ticks_of``, which then falls back to the microseconds).
    """

    __slots__ = ("ticks",)
    ticks: int


def instant(ticks: int) -> Instant:
    """The Instant ``ticks`` 100-ns ticks after the epoch."""
    # Built from its fields, the second's taken from a small cache: the running clock makes one
    # on every API call, and this costs half of datetime arithmetic on a subclass.
    seconds, fraction = divmod(ticks, TICKS_PER_SECOND)
    value = datetime.__new__(
        Instant, *_fields(seconds), fraction // _TICKS_PER_MICROSECOND, UTC
    )
    value.ticks = ticks
    return value


@lru_cache(maxsize=64)
def _fields(seconds: int) -> tuple[int, int, int, int, int, int]:
    moment = _NAIVE_EPOCH + timedelta(seconds=seconds)
    return moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second


def ticks_of(value: datetime) -> int:
    """``value`` in 100-ns ticks since the epoch; naive is UTC (as ServiceTitan reads it)."""
    ticks = getattr(value, "ticks", None)
    if ticks is not None:
        return ticks  # type: ignore[no-any-return]
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (value - _EPOCH) // _MICROSECOND * _TICKS_PER_MICROSECOND


def format_datetime(value: datetime) -> str:
    """UTC, 'Z', as .NET writes a DateTime: 2021-07-19T20:35:38.2876004Z, 2021-07-19T20:35:38.28Z,
    2021-07-19T20:35:38Z. Tick precision with trailing zeros trimmed, so a written 7-digit
    fraction never ends in 0 and stamps vary in length; compare them with ``sortable_stamp``."""
    return format_ticks(ticks_of(value))


# Remembered: every row a request writes takes the same instant, so they share one string (on a
# large seeded tenant, 7% of the stored bytes were copies of the same few stamps).
@lru_cache(maxsize=1024)
def format_ticks(ticks: int) -> str:
    """``format_datetime`` of the instant ``ticks`` 100-ns ticks after the epoch."""
    seconds, fraction = divmod(ticks, TICKS_PER_SECOND)
    head = _second(seconds)
    if not fraction:
        return head + "Z"
    return f"{head}.{fraction:07d}".rstrip("0") + "Z"


@lru_cache(maxsize=64)  # a busy second's writes share it
def _second(seconds: int) -> str:
    # isoformat pads the year to four digits (strftime's %Y does not); whole seconds have no
    # fraction, so this is always "YYYY-MM-DDTHH:MM:SS".
    return (_NAIVE_EPOCH + timedelta(seconds=seconds)).isoformat()


def format_date(value: date) -> str:
    """A field that is a date in meaning (a follow-up date, a start date): its UTC day at
    midnight, with no fraction, as the real API writes one: 2026-01-02T00:00:00Z."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        value = value.date()
    return value.isoformat() + "T00:00:00Z"


def format_day(value: date) -> str:
    """A field the document types as a date only (``format: date``: an installed piece's
    ``manufacturedOn``): its UTC day, 2026-01-02."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        value = value.date()
    return value.isoformat()


def sortable_stamp(stamp: str) -> str:
    """A written stamp as a string whose order is the order of instants: the fraction padded to
    seven digits and the 'Z' dropped (trimmed stamps compare wrongly as they are: "…:00Z" sorts
    after "…:00.5Z"). Also right for stamps that were written untrimmed."""
    return stamp[:19] + stamp[20:-1].ljust(7, "0")


def parse_ticks(text: str) -> int:
    """An ISO-8601 date or date-time as 100-ns ticks since the epoch, exactly (all seven digits
    .NET writes; digits past the seventh are dropped). Naive values are UTC. ValueError when
    malformed."""
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    fraction = 0
    if "." in text:
        head, _, rest = text.partition(".")
        digits = len(rest) - len(rest.lstrip("0123456789"))
        if not digits:
            raise ValueError(text)
        fraction = int(rest[:digits][:7].ljust(7, "0"))
        text = head + rest[digits:]
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (value - _EPOCH) // _MICROSECOND * _TICKS_PER_MICROSECOND + fraction


def parse_datetime(text: str) -> Instant:
    """Read an ISO-8601 date or date-time, keeping its ticks. ValueError when malformed or past
    the instants a datetime holds (9999-12-31T23:00-05:00 is after the last one)."""
    try:
        return instant(parse_ticks(text))
    except OverflowError:
        raise ValueError(f"{text} is out of range") from None


# What ``empty_collections="null"`` changes. orjson writes keys with no space around the colon
# and escapes every quote inside a string, so these bytes only ever match a key and its value.
_EMPTY_AS_NULL = (
    (b'"customFields":[]', b'"customFields":null'),
    (b'"externalData":[]', b'"externalData":null'),
)


def null_empty_collections(data: bytes) -> bytes:
    """``data`` (a response body) with each empty customFields or externalData made ``null``, in
    one place for every family; rows are rendered once and kept as bytes, so this is where the
    whole answer is seen."""
    for empty, null in _EMPTY_AS_NULL:
        if empty in data:
            data = data.replace(empty, null)
    return data


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return format_datetime(value)
    raise TypeError(f"cannot encode {type(value).__name__}")


def dumps(value: Any) -> bytes:
    # Every datetime through the one writer: orjson would write its own form (+00:00, 6 digits).
    return orjson.dumps(value, default=_default, option=orjson.OPT_PASSTHROUGH_DATETIME)


def dumps_to_keep(value: Any) -> bytes:
    """``dumps`` for bytes that are stored (see ``to_keep``)."""
    return to_keep(dumps(value))


def to_keep(data: bytes) -> bytes:
    """``data`` copied to a fresh object of exactly its size, for bytes kept a long time. orjson's
    results hold a buffer of several KB whatever their length, and marshal's are shrunk in place
    from a buffer of over 1 KB, which leaves them in the C heap between freed gaps: kept as they
    are, a seeded tenant's rows took twice their size."""
    return bytes(memoryview(data))


class JSONResponse(Response):
    """Starlette's JSONResponse with orjson: a page of 50 customers costs microseconds, not 86."""

    media_type = "application/json; charset=utf-8"

    def render(self, content: Any) -> bytes:
        return dumps(content)


# A .NET TimeSpan as ServiceTitan writes durations (call lengths, arrival windows, non-job
# appointments): [d.]hh:mm[:ss[.fffffff]].
_TIMESPAN = re.compile(r"^(?:(\d{1,4})\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?$")


def format_timespan(seconds: int) -> str:
    """Seconds as .NET writes a TimeSpan: ``hh:mm:ss``, with ``d.`` in front past a day."""
    sign = "-" if seconds < 0 else ""
    days, rest = divmod(abs(int(seconds)), 86_400)
    hours, rest = divmod(rest, 3600)
    text = f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{sign}{days}.{text}" if days else sign + text


def parse_timespan(text: str) -> int | None:
    """``hh:mm`` or ``hh:mm:ss`` (optionally ``d.`` and a fraction) in seconds; None if neither."""
    match = _TIMESPAN.match(text.strip())
    if match is None:
        return None
    days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    if minutes > 59 or seconds > 59 or hours > 23:
        return None
    return ((days * 24 + hours) * 60 + minutes) * 60 + seconds
