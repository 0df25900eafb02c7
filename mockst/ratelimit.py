"""Rate limits: 60 calls a second per app and tenant (servicetitan-api.md §6.5), and token storms
(off unless set).

A token bucket per key: it holds at most ``burst`` calls (by default one second's worth) and refills
at ``rate`` a second; a call takes one, or is refused with the seconds until one is back. This is
the "leaky bucket" the public descriptions name, seen from the caller's side.

Buckets run on the wall clock (``time.monotonic``), never the simulator clock: a rate limit is
about how fast real requests arrive, and a test that advances the simulator clock by an hour has
not waited an hour. (Freezing the simulator clock must not freeze the limiter either.)
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

from mockst.errors import ApiError
from mockst.wire import FAULT_KEY

PRUNE_AT = 10_000  # keys; past this, buckets that are full again are forgotten


class RateLimiter:
    def __init__(
        self,
        rate: float,
        per: float = 1.0,
        burst: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``rate`` calls per ``per`` seconds; ``rate`` 0 disables the limiter."""
        self.rate = rate / per if rate > 0 else 0.0
        self.capacity = float(burst if burst is not None else max(1.0, rate))
        self.clock = clock
        self.limit = rate
        self.per = per
        self._buckets: dict[Hashable, tuple[float, float]] = {}  # key → (tokens, stamp)
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def take(self, key: Hashable) -> float:
        """Take one call for ``key``: 0.0 when allowed, else the seconds to wait."""
        if self.rate <= 0:
            return 0.0
        now = self.clock()
        with self._lock:
            tokens, stamp = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - stamp) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                if len(self._buckets) > PRUNE_AT:
                    self._prune(now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def _prune(self, now: float) -> None:
        full_after = self.capacity / self.rate
        stale = [k for k, (_, stamp) in self._buckets.items() if now - stamp >= full_after]
        for key in stale:
            del self._buckets[key]

    def reset(self) -> None:
        with self._lock:
            self._buckets.clear()


def retry_after(wait: float) -> int:
    """Whole seconds, at least 1: what ``Retry-After`` can say."""
    return max(1, math.ceil(wait))


def throttle(limiter: RateLimiter, key: Hashable, scope: dict[str, Any]) -> None:
    """Take one API call for ``key`` (app key, tenant), or raise the 429 ``ApiErrorResponse``
    with ``Retry-After``, leaving the journal its note. Called once the guard has accepted the
    call: a caller without a valid token must not spend another app's budget."""
    wait = limiter.take(key)
    if not wait:
        return
    seconds = retry_after(wait)
    scope[FAULT_KEY] = {"kind": "rate_limit", "retryAfter": seconds}
    title = f"Rate limit is exceeded. Try again in {seconds} seconds."
    data = {"limit": limiter.limit, "perSeconds": limiter.per}
    raise ApiError(429, title, {"": [title]}, data, {"Retry-After": str(seconds)})
