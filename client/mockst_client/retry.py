"""When to try a request again, and how long to wait first.

The rules, and why:

* **429** is retried for every method: ServiceTitan refused the call before doing anything, so
  repeating it cannot create a second booking. The wait is the server's ``Retry-After`` (seconds or
  an HTTP date), capped by ``max_retry_after``; without the header, the backoff below.
* **5xx and network errors** are retried only for idempotent methods (GET, HEAD, OPTIONS, PUT,
  DELETE). A POST or PATCH that timed out or got a 502 may well have been applied; sending it again
  could duplicate a customer or a booking, so the error goes to the caller, who knows whether the
  write can be checked (for example by ``externalId``) before repeating it.
* A request that **never left the client** (its token could not be fetched) is always safe to retry.
* Backoff is exponential with "equal jitter" (half fixed, half random) so that many workers hit by
  the same outage do not come back in lock step, yet no retry is immediate.

The policy is a pure value object: it computes delays, the clients do the sleeping.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

import httpx

__all__ = ["IDEMPOTENT_METHODS", "RetryPolicy", "parse_retry_after"]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait according to a ``Retry-After`` header, or ``None`` if absent or invalid.

    ``now`` is the wall-clock time (``time.time()``) used for the HTTP-date form; a date in the past
    means "retry now" (0).
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        seconds = max(0.0, when.timestamp() - (time.time() if now is None else now))
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds for retrying; the defaults suit a connector running unattended.

    ``max_attempts`` counts every try of one call, the first included. ``random`` is injectable so
    tests can pin the jitter.
    """

    max_attempts: int = 5
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    max_retry_after: float = 60.0
    random: Callable[[], float] = field(default=random.random, repr=False, compare=False)

    def backoff(self, attempt: int) -> float:
        """Delay after failed attempt number ``attempt`` (1-based), jittered."""
        ceiling = min(self.backoff_max, self.backoff_base * 2.0 ** (attempt - 1))
        return ceiling / 2 + self.random() * ceiling / 2

    def delay_for_response(
        self, method: str, response: httpx.Response, attempt: int, *, sent: bool = True
    ) -> float | None:
        """Seconds to wait before retrying after ``response``, or ``None`` to give up.

        ``sent=False`` marks a failure that happened before the API request went out (the token
        fetch), which is safe to repeat whatever the method.
        """
        if attempt >= self.max_attempts:
            return None
        status = response.status_code
        if status == 429:
            return self._server_delay(response, attempt)
        if status >= 500 and (not sent or method.upper() in IDEMPOTENT_METHODS):
            return self._server_delay(response, attempt)
        return None

    def delay_for_error(self, method: str, attempt: int, *, sent: bool = True) -> float | None:
        """Seconds to wait after a network error (``httpx.TransportError``), or ``None``."""
        if attempt >= self.max_attempts:
            return None
        if sent and method.upper() not in IDEMPOTENT_METHODS:
            return None
        return self.backoff(attempt)

    def _server_delay(self, response: httpx.Response, attempt: int) -> float:
        asked = parse_retry_after(response.headers.get("Retry-After"))
        if asked is None:
            return self.backoff(attempt)
        return min(asked, self.max_retry_after)
