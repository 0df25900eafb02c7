"""The fault stage: rate limits, then scheduled faults (errors, latency, dropped connections).

Rules come from the control plane (``POST /_mock/faults``), the CLI (``--fault 'k=v,…'``,
``--faults FILE``) or Python (``app.state.faults.add(...)``). A rule matches calls by operationId
or path glob, method and tenant; fires on every nth matching call, on the first n, with a seeded
probability (the same seed gives the same sequence), or on every call; and then:

- ``status``: answers 4xx/5xx in ``ApiErrorResponse`` shape (429 with ``Retry-After``);
- ``latency``: waits (fixed, uniform or lognormal milliseconds), then goes on or applies the rest;
- ``drop``: closes the connection without a response (the client sees "server disconnected").

Faults happen *before* the handler, so a faulted write changes nothing and a connector that
retries blindly is caught creating duplicates only when it ignores the answer. ``after=true`` runs
the handler first and then replaces its answer with the status (or drops the connection): "the
write succeeded but the response was lost", the case that makes a blind retry of a POST unsafe.

Every injected fault leaves a note in the ASGI scope that the journal records with the entry.
"""

from __future__ import annotations

import asyncio
import fnmatch
import json
import math
import random
import re
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

from mockst.encoding import JSONResponse
from mockst.errors import ApiError
from mockst.ratelimit import RateLimiter, retry_after
from mockst.wire import (
    FAULT_KEY,
    HEADER_BYTES_KEY,
    OPERATIONS,
    basic_client_id,
    header,
    header_bytes,
    tenant_of,
)

MAX_LATENCY_MS = 600_000.0
MAX_TOKEN_FORM = 16_384  # the token endpoint's own limit; bigger bodies pass through unread
EXEMPT = ("/_mock/", "/openapi.json", "/docs")  # the control plane is never throttled or faulted
TITLES = {
    429: "Too Many Requests",
    500: "An unexpected error occurred.",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


# -- rules -----------------------------------------------------------------------------------


class Latency(BaseModel):
    """Milliseconds: ``100``, ``"fixed:100"``, ``"uniform:10:200"``, ``"lognormal:50:0.5"``.

    lognormal takes the median and sigma (of the underlying normal): long-tailed, like real
    latency, and the median is the number people think in.
    """

    model_config = ConfigDict(extra="forbid")
    distribution: Literal["fixed", "uniform", "lognormal"] = "fixed"
    ms: float | None = Field(default=None, ge=0, le=MAX_LATENCY_MS)
    low: float | None = Field(default=None, ge=0, le=MAX_LATENCY_MS)
    high: float | None = Field(default=None, ge=0, le=MAX_LATENCY_MS)
    median: float | None = Field(default=None, gt=0, le=MAX_LATENCY_MS)
    sigma: float | None = Field(default=None, ge=0, le=10)

    @model_validator(mode="before")
    @classmethod
    def _short_forms(cls, value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return {"ms": value}
        if isinstance(value, str):
            name, *params = value.strip().split(":")
            try:
                if not params:
                    return {"ms": float(name)}
                numbers = [float(p) for p in params]
            except ValueError:
                raise ValueError(f"latency '{value}': numbers expected") from None
            shapes = {
                "fixed": ("ms",),
                "uniform": ("low", "high"),
                "lognormal": ("median", "sigma"),
            }
            if name not in shapes or len(numbers) != len(shapes[name]):
                raise ValueError(
                    f"latency '{value}': use MS, fixed:MS, uniform:LOW:HIGH, lognormal:MEDIAN:SIGMA"
                )
            return {"distribution": name, **dict(zip(shapes[name], numbers, strict=True))}
        return value

    @model_validator(mode="after")
    def _complete(self) -> Latency:
        needed = {"fixed": ("ms",), "uniform": ("low", "high"), "lognormal": ("median", "sigma")}
        missing = [n for n in needed[self.distribution] if getattr(self, n) is None]
        if missing:
            raise ValueError(f"{self.distribution} latency needs {', '.join(missing)}")
        if self.distribution == "uniform" and self.low > self.high:  # type: ignore[operator]
            raise ValueError("uniform latency needs low <= high")
        return self

    def sample(self, rng: random.Random) -> float:
        if self.distribution == "fixed":
            value = self.ms or 0.0
        elif self.distribution == "uniform":
            value = rng.uniform(self.low or 0.0, self.high or 0.0)
        else:
            value = (self.median or 0.0) * math.exp(rng.gauss(0.0, self.sigma or 0.0))
        return round(min(value, MAX_LATENCY_MS), 3)


class FaultRule(BaseModel):
    """One scheduled fault. Matchers narrow, one trigger fires, effects apply in order."""

    model_config = ConfigDict(extra="forbid")
    # which calls
    operation: str | None = Field(default=None, description="operationId or a glob of them")
    path: str | None = Field(default=None, description="path glob: /crm/v2/*/customers*")
    method: str | None = None
    tenant: int | None = None
    # when (at most one of nth, first, probability; none: every matching call)
    nth: int | None = Field(default=None, ge=1, description="every nth matching call")
    first: int | None = Field(default=None, ge=1, description="the first n matching calls")
    probability: float | None = Field(default=None, ge=0, le=1)
    seed: int = Field(default=0, description="for probability and latency draws")
    times: int | None = Field(default=None, ge=1, description="stop after this many faults")
    # what
    status: int | None = Field(default=None, ge=400, le=599)
    retryAfter: int | None = Field(default=None, ge=0, le=86_400)
    latency: Latency | None = None
    drop: bool = False
    after: bool = Field(default=False, description="run the handler, then fault its answer")

    @model_validator(mode="after")
    def _coherent(self) -> FaultRule:
        triggers = [n for n in ("nth", "first", "probability") if getattr(self, n) is not None]
        if len(triggers) > 1:
            raise ValueError(f"choose one trigger, not {' and '.join(triggers)}")
        if self.status is None and not self.drop and self.latency is None:
            raise ValueError("a fault needs an effect: status, latency or drop")
        if self.status is not None and self.drop:
            raise ValueError("status and drop exclude each other")
        if self.after and self.status is None and not self.drop:
            raise ValueError("after=true needs a status or drop")
        if self.method:
            self.method = self.method.upper()
        return self


class FaultRules(RootModel[list[FaultRule] | FaultRule]):
    """The body of ``POST /_mock/faults``: one rule or a list of them."""

    def rules(self) -> list[FaultRule]:
        return self.root if isinstance(self.root, list) else [self.root]


SPEC_KEYS = {"retry_after": "retryAfter", "retry-after": "retryAfter", "op": "operation"}


def parse_spec(text: str) -> FaultRule:
    """``path=/crm/v2/*/customers*,status=503,nth=3`` (the CLI's ``--fault``)."""
    values: dict[str, Any] = {}
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        key = SPEC_KEYS.get(key.strip(), key.strip())
        value = value.strip()
        if not sep:
            values[key] = True  # a bare flag: "drop", "after"
        elif value.lower() in ("true", "false"):
            values[key] = value.lower() == "true"
        else:
            values[key] = value
    return FaultRule.model_validate(values)


def load_file(path: str | Path) -> list[FaultRule]:
    """A JSON file: one rule, a list of rules, or ``{"faults": [...]}``."""
    data = json.loads(Path(path).read_text())
    if isinstance(data, dict) and "faults" in data:
        data = data["faults"]
    return FaultRules.model_validate(data).rules()


@dataclass
class _Active:
    id: int
    rule: FaultRule
    path: re.Pattern[str] | None
    operation: re.Pattern[str] | None
    trigger_rng: random.Random
    latency_rng: random.Random
    seen: int = 0
    hits: int = 0

    def matches(self, method: str, path: str, tenant: str | None) -> bool:
        rule = self.rule
        if rule.method and rule.method != method:
            return False
        if rule.tenant is not None and tenant != str(rule.tenant):
            return False
        if self.path and not self.path.match(path):
            return False
        if self.operation:
            op = OPERATIONS.find(method, path) if tenant is not None else None
            if op is None or not self.operation.match(op):
                return False
        return True

    def fires(self) -> bool:
        """Count a matching call; True when this one is faulted."""
        self.seen += 1
        rule = self.rule
        if rule.times is not None and self.hits >= rule.times:
            return False
        if rule.nth is not None:
            fire = self.seen % rule.nth == 0
        elif rule.first is not None:
            fire = self.seen <= rule.first
        elif rule.probability is not None:
            fire = self.trigger_rng.random() < rule.probability
        else:
            fire = True
        if fire:
            self.hits += 1
        return fire

    def view(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.rule.model_dump(exclude_none=True, exclude_defaults=True),
            "seen": self.seen,
            "hits": self.hits,
        }


@dataclass
class Fired:
    rule: _Active
    latency_ms: float | None


@dataclass
class FaultSchedule:
    """The rules in force, in order; the first rule that fires on a call applies."""

    rules: list[_Active] = field(default_factory=list)
    _next_id: int = 1
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, rules: Any) -> list[dict[str, Any]]:
        """Add one rule or a list; each a ``FaultRule`` or its JSON form (a dict)."""
        given = rules if isinstance(rules, list) else [rules]
        parsed = [r if isinstance(r, FaultRule) else FaultRule.model_validate(r) for r in given]
        added = []
        with self._lock:
            for rule in parsed:
                active = _Active(
                    id=self._next_id,
                    rule=rule,
                    path=re.compile(fnmatch.translate(rule.path)) if rule.path else None,
                    operation=re.compile(fnmatch.translate(rule.operation))
                    if rule.operation
                    else None,
                    trigger_rng=random.Random(rule.seed),
                    latency_rng=random.Random(f"latency:{rule.seed}"),
                )
                self._next_id += 1
                self.rules = [*self.rules, active]  # copy-on-write: readers never lock
                added.append(active.view())
        return added

    def clear(self) -> int:
        with self._lock:
            count, self.rules = len(self.rules), []
            return count

    def remove(self, rule_id: int) -> bool:
        with self._lock:
            kept = [r for r in self.rules if r.id != rule_id]
            found, self.rules = len(kept) != len(self.rules), kept
            return found

    def views(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r.view() for r in self.rules]

    def pick(self, method: str, path: str) -> Fired | None:
        rules = self.rules
        if not rules:
            return None
        tenant = tenant_of(path)
        fired = None
        with self._lock:
            for active in rules:
                if active.matches(method, path, tenant) and active.fires() and fired is None:
                    fired = active
            if fired is None:
                return None
            latency = fired.rule.latency
            ms = latency.sample(fired.latency_rng) if latency is not None else None
        return Fired(fired, ms)


# -- the middleware --------------------------------------------------------------------------


class ConnectionDropped(Exception):
    """Raised where no socket can be closed (an in-process ASGI client): the call has no answer."""


async def drop_connection(receive: Any) -> None:
    """Close the client's socket without a response.

    ASGI has no message for this, so we reach uvicorn's transport through its ``receive`` (a bound
    method of the request cycle, under the journal's wrapper), close it, and wait for uvicorn to
    report ``http.disconnect``: after that it will not answer 500 for an app that sent nothing.
    Elsewhere (httpx's ASGITransport, Starlette's TestClient) ``ConnectionDropped`` is raised.
    """
    raw = receive
    while hasattr(raw, "__wrapped__"):
        raw = raw.__wrapped__
    transport = getattr(getattr(raw, "__self__", None), "transport", None)
    if transport is None or not hasattr(transport, "close"):
        raise ConnectionDropped("the fault schedule dropped this connection")
    transport.close()
    try:
        async with asyncio.timeout(5):
            while (await raw())["type"] != "http.disconnect":
                pass
    except TimeoutError:
        pass


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _error(status: int, title: str, message: str, data: dict[str, Any], wait: int | None):
    headers = {"Retry-After": str(wait)} if wait is not None else None
    return ApiError(status, title, {"": [message]}, data, headers).response()


async def _buffer_body(receive: Any, limit: int) -> tuple[bytes, bool, Any]:
    """Read up to ``limit`` bytes of the body; returns (body, complete, a receive that replays)."""
    chunks, size, more = [], 0, True
    while more and size <= limit:
        message = await receive()
        if message["type"] != "http.request":  # the client went away while sending
            return b"".join(chunks), False, receive
        chunk = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        more = message.get("more_body", False)
    body = b"".join(chunks)
    replayed = False

    async def replay() -> Any:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": more}
        return await receive()

    replay.__wrapped__ = receive  # type: ignore[attr-defined]
    return body, not more, replay


def _token_client_id(scope: dict[str, Any], body: bytes) -> str:
    auth = header(scope.get("headers", []), b"authorization")
    if auth:
        basic = basic_client_id(auth.decode("latin-1"))
        if basic:
            return basic
    try:
        return dict(parse_qsl(body.decode("utf-8"))).get("client_id", "")
    except (UnicodeDecodeError, ValueError):
        return ""


class FaultMiddleware:
    """Plain ASGI: rate limits first (a throttled call reaches nothing else), then the schedule."""

    def __init__(
        self,
        app: Any,
        schedule: FaultSchedule,
        limiter: RateLimiter,
        token_limiter: RateLimiter,
        max_header_count: int = 100,
        max_header_bytes: int = 32_768,
    ) -> None:
        self.app = app
        self.max_header_count = max_header_count
        self.max_header_bytes = max_header_bytes
        self.schedule = schedule
        self.limiter = limiter
        self.token_limiter = token_limiter

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers", ())
        size = scope.get(HEADER_BYTES_KEY)
        if size is None:
            size = header_bytes(headers)
        if len(headers) > self.max_header_count or size > self.max_header_bytes:
            # uvicorn's httptools parser sets no limit of its own: without this, one request
            # could carry megabytes of headers into the handler and the journal.
            scope[FAULT_KEY] = {"kind": "header_limit"}
            title = "Request Header Fields Too Large"
            message = f"At most {self.max_header_count} headers and {self.max_header_bytes} bytes."
            await _error(431, title, message, {}, None)(scope, receive, send)
            return
        if scope["path"].startswith(EXEMPT):
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if self.limiter.rate > 0:
            tenant = tenant_of(path)
            if tenant is not None:
                key = (header(scope.get("headers", []), b"st-app-key") or b"", tenant)
                wait = self.limiter.take(key)
                if wait:
                    await self._throttled(scope, receive, send, wait)
                    return
        if path == "/connect/token" and self.token_limiter.rate > 0 and scope["method"] == "POST":
            body, _, receive = await _buffer_body(receive, MAX_TOKEN_FORM)
            wait = self.token_limiter.take(_token_client_id(scope, body))
            if wait:
                await self._token_throttled(scope, receive, send, wait)
                return
        fired = self.schedule.pick(scope["method"], path) if self.schedule.rules else None
        if fired is None:
            await self.app(scope, receive, send)
            return
        await self._fault(scope, receive, send, fired)

    async def _throttled(self, scope: Any, receive: Any, send: Any, wait: float) -> None:
        seconds = retry_after(wait)
        scope[FAULT_KEY] = {"kind": "rate_limit", "retryAfter": seconds}
        limit = self.limiter.limit
        title = f"Rate limit is exceeded. Try again in {seconds} seconds."
        data = {"limit": limit, "perSeconds": self.limiter.per}
        await _error(429, title, title, data, seconds)(scope, receive, send)

    async def _token_throttled(self, scope: Any, receive: Any, send: Any, wait: float) -> None:
        # OAuth-style, like every other answer of the token endpoint; "slow_down" is RFC 8628's
        # word for "you are polling too fast", the nearest standard code.
        seconds = retry_after(wait)
        scope[FAULT_KEY] = {"kind": "token_rate_limit", "retryAfter": seconds}
        response = JSONResponse(
            {
                "error": "slow_down",
                "error_description": "Too many token requests for this client. Cache the access "
                f"token until it expires. Try again in {seconds} seconds.",
            },
            status_code=429,
            headers={"Retry-After": str(seconds), "Cache-Control": "no-store"},
        )
        await response(scope, receive, send)

    async def _fault(self, scope: Any, receive: Any, send: Any, fired: Fired) -> None:
        rule = fired.rule.rule
        note: dict[str, Any] = {"rule": fired.rule.id}
        scope[FAULT_KEY] = note
        if fired.latency_ms is not None:
            note["kind"] = "latency"
            note["latencyMs"] = fired.latency_ms
            await asyncio.sleep(fired.latency_ms / 1000)
        if rule.status is None and not rule.drop:
            await self.app(scope, receive, send)
            return
        note["kind"] = "drop" if rule.drop else "status"
        if rule.after:
            note["after"] = True
            answered: dict[str, int] = {}

            async def swallow(message: Any) -> None:
                if message["type"] == "http.response.start":
                    answered["status"] = message["status"]

            await self.app(scope, receive, swallow)
            note["suppressedStatus"] = answered.get("status")
        if rule.drop:
            await drop_connection(receive)
            return
        status = rule.status or 500
        note["status"] = status
        wait = rule.retryAfter if rule.retryAfter is not None else (1 if status == 429 else None)
        title = TITLES.get(status) or _phrase(status)
        message = "Injected by the mockst fault schedule."
        await _error(status, title, message, {"fault": fired.rule.id}, wait)(scope, receive, send)
