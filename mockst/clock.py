"""The simulator's clock: the only source of "now".

Token lifetimes, export recency and every createdOn/modifiedOn come from here, so a test can move
time forward by fifteen minutes in a microsecond. By default the clock runs with the wall clock;
``advance`` shifts it, ``set`` jumps to an instant, and ``freeze`` stops it.

"Now" is an ``Instant``: a datetime that also holds the 100-ns tick the system clock gave, so
stamps carry a seventh fractional digit, and vary in length, as ServiceTitan's do.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from mockst.encoding import TICKS_PER_SECOND, format_datetime, instant, parse_datetime, ticks_of

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
# The clock stays well inside what a datetime holds (years 1 to 9999): token expiries, export
# horizons and follow-ups years ahead are computed from it, and one of them past 9999 would fail
# every call from then on (and, with --state, after a restart too).
EARLIEST = datetime(1970, 1, 2, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


class ClockOutOfRange(ValueError):
    """A move that would take the clock outside ``EARLIEST``..``LATEST``."""


def _within(instant: datetime) -> datetime:
    if not EARLIEST <= instant < LATEST:
        raise ClockOutOfRange(
            f"The clock stays between {EARLIEST.date()} and {LATEST.date()} (asked: {instant})."
        )
    return instant


def micros(instant: datetime) -> int:
    """``instant`` as whole microseconds since the epoch, exactly (no float on the way)."""
    return (instant - EPOCH) // MICROSECOND


class _Setting(NamedTuple):
    """Where the clock stands: frozen at an instant, or running at an offset from the wall
    clock (kept in the three forms that ``now``, ``micros`` and snapshots use)."""

    frozen_at: datetime | None
    offset: float
    shift: timedelta
    shift_us: int


def _setting(frozen_at: datetime | None, offset: float) -> _Setting:
    shift = timedelta(seconds=offset)
    return _Setting(frozen_at, offset, shift, shift // MICROSECOND)


class Clock:
    """Readers take the setting in one attribute read, without a lock (every API call reads the
    clock twice); writers replace it whole, under a lock so that two changes never interleave."""

    def __init__(self, offset_seconds: float = 0.0, frozen_at: datetime | None = None) -> None:
        self._lock = threading.Lock()
        self._setting = _setting(frozen_at, offset_seconds)

    def now(self) -> datetime:
        setting = self._setting
        if setting.frozen_at is not None:
            return setting.frozen_at
        return instant(time.time_ns() // 100 + setting.shift_us * 10)

    def timestamp(self) -> float:
        return self.now().timestamp()

    def micros(self) -> int:
        """Now as whole microseconds since the epoch: exact like ``now`` (the same truncation of
        the system clock), and cheaper to read where a datetime is not needed yet (the journal)."""
        setting = self._setting
        if setting.frozen_at is not None:
            return micros(setting.frozen_at)
        return time.time_ns() // 1000 + setting.shift_us

    @property
    def frozen(self) -> bool:
        return self._setting.frozen_at is not None

    def advance(self, seconds: float) -> datetime:
        with self._lock:
            frozen_at, offset = self._setting[:2]
            try:
                _within(self.now() + timedelta(seconds=seconds))
            except OverflowError:
                raise ClockOutOfRange("The clock cannot move that far.") from None
            if frozen_at is not None:
                moved = ticks_of(frozen_at) + round(seconds * TICKS_PER_SECOND)
                self._setting = _setting(instant(moved), offset)
            else:
                self._setting = _setting(None, offset + seconds)
        return self.now()

    def set(self, when: datetime, *, frozen: bool | None = None) -> datetime:
        """Jump to ``when``; keep running from there unless ``frozen`` (default: keep mode)."""
        ticks = ticks_of(when)
        try:
            at = _within(instant(ticks))  # in UTC, its ticks kept
        except OverflowError:
            raise ClockOutOfRange("The clock cannot move that far.") from None
        with self._lock:
            frozen_at, offset = self._setting[:2]
            freeze = frozen_at is not None if frozen is None else frozen
            if freeze:
                self._setting = _setting(at, offset)
            else:
                offset = (ticks - time.time_ns() // 100) / TICKS_PER_SECOND
                self._setting = _setting(None, offset)
        return self.now()

    def freeze(self, frozen: bool = True) -> datetime:
        return self.set(self.now(), frozen=frozen)

    def snapshot(self) -> dict[str, object]:
        """What survives a restart: where the clock stands relative to the wall clock."""
        frozen_at, offset = self._setting[:2]
        return {
            "offsetSeconds": offset,
            "frozenAt": format_datetime(frozen_at) if frozen_at else None,
        }

    def restore(self, data: dict[str, object]) -> None:
        """Take up a snapshot in place, so whoever holds this clock (the journal) follows it."""
        frozen = data.get("frozenAt")
        frozen_at = parse_datetime(str(frozen)) if frozen else None
        offset = float(data.get("offsetSeconds") or 0.0)  # type: ignore[arg-type]
        with self._lock:
            self._setting = _setting(frozen_at, offset)
