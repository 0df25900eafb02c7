"""The simulator's clock: the only source of "now".

Token lifetimes, export recency and every createdOn/modifiedOn come from here, so a test can move
time forward by fifteen minutes in a microsecond. By default the clock runs with the wall clock;
``advance`` shifts it, ``set`` jumps to an instant, and ``freeze`` stops it.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


def micros(instant: datetime) -> int:
    """``instant`` as whole microseconds since the epoch, exactly (no float on the way)."""
    return (instant - EPOCH) // MICROSECOND


class Clock:
    def __init__(self, offset_seconds: float = 0.0, frozen_at: datetime | None = None) -> None:
        self._lock = threading.Lock()
        self._set_offset(offset_seconds)
        self._frozen_at = frozen_at

    def _set_offset(self, seconds: float) -> None:
        """The offset from the wall clock, kept ready in the forms ``now`` and ``micros`` add."""
        self._offset = seconds
        self._shift = timedelta(seconds=seconds)
        self._shift_us = self._shift // MICROSECOND

    def now(self) -> datetime:
        with self._lock:
            if self._frozen_at is not None:
                return self._frozen_at
            return datetime.now(UTC) + self._shift

    def timestamp(self) -> float:
        return self.now().timestamp()

    def micros(self) -> int:
        """Now as whole microseconds since the epoch: exact like ``now`` (the same truncation of
        the system clock), and cheaper to read where a datetime is not needed yet (the journal)."""
        with self._lock:
            if self._frozen_at is not None:
                return micros(self._frozen_at)
            return time.time_ns() // 1000 + self._shift_us

    @property
    def frozen(self) -> bool:
        return self._frozen_at is not None

    def advance(self, seconds: float) -> datetime:
        with self._lock:
            if self._frozen_at is not None:
                self._frozen_at += timedelta(seconds=seconds)
            else:
                self._set_offset(self._offset + seconds)
        return self.now()

    def set(self, instant: datetime, *, frozen: bool | None = None) -> datetime:
        """Jump to ``instant``; keep running from there unless ``frozen`` (default: keep mode)."""
        instant = instant.astimezone(UTC)
        with self._lock:
            freeze = self._frozen_at is not None if frozen is None else frozen
            if freeze:
                self._frozen_at = instant
            else:
                self._frozen_at = None
                self._set_offset((instant - datetime.now(UTC)).total_seconds())
        return self.now()

    def freeze(self, frozen: bool = True) -> datetime:
        return self.set(self.now(), frozen=frozen)

    def snapshot(self) -> dict[str, object]:
        """What survives a restart: where the clock stands relative to the wall clock."""
        with self._lock:
            return {
                "offsetSeconds": self._offset,
                "frozenAt": self._frozen_at.isoformat() if self._frozen_at else None,
            }

    def restore(self, data: dict[str, object]) -> None:
        """Take up a snapshot in place, so whoever holds this clock (the journal) follows it."""
        frozen = data.get("frozenAt")
        with self._lock:
            self._set_offset(float(data.get("offsetSeconds") or 0.0))  # type: ignore[arg-type]
            self._frozen_at = datetime.fromisoformat(str(frozen)) if frozen else None
