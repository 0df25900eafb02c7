"""The fault stage's ASGI middleware: header limits, the token throttle, then the fault schedule.

Plain ASGI, inside the journal (which records what this stage answered) and outside the router:
a throttled or faulted call never reaches a handler, so a faulted write changes nothing. An
``after=true`` rule is the exception: the handler runs and its answer is replaced or dropped.
Every answer given here leaves a note under ``FAULT_KEY`` in the scope for the journal.
"""

from __future__ import annotations

import asyncio
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

from mockst.encoding import JSONResponse
from mockst.errors import DESCRIPTION_HEADER, ApiError
from mockst.faults.schedule import FaultSchedule, Fired
from mockst.ratelimit import RateLimiter, retry_after
from mockst.wire import (
    FAULT_KEY,
    HEADER_BYTES_KEY,
    SERVER_RECEIVE_KEY,
    basic_client_id,
    header,
    header_bytes,
)

MAX_TOKEN_FORM = 16_384  # the token endpoint's own limit; bigger bodies pass through unread
EXEMPT = ("/_mock/", "/openapi.json", "/docs")  # the control plane is never throttled or faulted
TITLES = {
    429: "Too Many Requests",
    500: "An unexpected error occurred.",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class ConnectionDropped(Exception):
    """Raised where no socket can be closed (an in-process ASGI client): the call has no answer."""


async def drop_connection(scope: dict[str, Any], receive: Any) -> None:
    """Close the client's socket without a response.

    ASGI has no message for this, so we reach uvicorn's transport through its ``receive`` (a bound
    method of the request cycle, which the journal leaves in the scope under its own wrapper),
    close it, and wait for uvicorn to report ``http.disconnect``: after that it will not answer
    500 for an app that sent nothing. Elsewhere (httpx's ASGITransport, Starlette's TestClient)
    ``ConnectionDropped`` is raised.
    """
    raw = scope.get(SERVER_RECEIVE_KEY, receive)
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


def _error(
    status: int, title: str, message: str, data: dict[str, Any], wait: int | None
) -> JSONResponse:
    """An ``ApiErrorResponse``, with ``Retry-After`` when ``wait`` is given."""
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
    """Plain ASGI: header limits and the token throttle first (a throttled call reaches nothing
    else), then the schedule. The API's rate limit is not here: it counts only calls the guard
    accepted, so it runs after the guard (``mockst.api.routing``)."""

    def __init__(
        self,
        app: Any,
        schedule: FaultSchedule,
        token_limiter: RateLimiter,
        max_header_count: int = 100,
        max_header_bytes: int = 32_768,
    ) -> None:
        self.app = app
        self.max_header_count = max_header_count
        self.max_header_bytes = max_header_bytes
        self.schedule = schedule
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

    async def _token_throttled(self, scope: Any, receive: Any, send: Any, wait: float) -> None:
        # OAuth-style, like every other answer of the token endpoint; "slow_down" is RFC 8628's
        # word for "you are polling too fast", the nearest standard code.
        seconds = retry_after(wait)
        scope[FAULT_KEY] = {"kind": "token_rate_limit", "retryAfter": seconds}
        detail = (
            "Too many token requests for this client. Cache the access token until it expires. "
            f"Try again in {seconds} seconds."
        )
        response = JSONResponse(
            {"error": "slow_down"},
            status_code=429,
            headers={
                "Retry-After": str(seconds),
                "Cache-Control": "no-store",
                DESCRIPTION_HEADER: detail,
            },
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
            await drop_connection(scope, receive)
            return
        status = rule.status or 500
        note["status"] = status
        wait = rule.retryAfter if rule.retryAfter is not None else (1 if status == 429 else None)
        title = TITLES.get(status) or _phrase(status)
        message = "Injected by the mockst fault schedule."
        await _error(status, title, message, {"fault": fired.rule.id}, wait)(scope, receive, send)
