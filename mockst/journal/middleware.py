"""The journal's ASGI stage: outermost, so it records the answer the client actually got.

Injected faults and rate limits happen inside it, and the fault stage leaves a note in the scope
that is recorded with the entry. The stage wraps ``receive`` and ``send`` and keeps references to
what passes; the ring decides how much of it stays.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable
from typing import Any

from mockst.journal.ring import Journal
from mockst.wire import FAULT_KEY, SERVER_RECEIVE_KEY

# Not journaled: reading the journal would fill it, and health probes would flush it. The
# inspector's own files are not what a connector did either.
UNJOURNALED = ("/_mock/journal", "/_mock/health", "/_mock/ready", "/_mock/ui")
# The inspector marks its background reads (clock, faults, identity, every few seconds) with this
# header: journaled, they would push the connector's calls out of the ring and flood its view.
# Its actions (POST, PUT, DELETE) are journaled like any other control call.
INSPECTOR_READ = b"x-mockst-inspector"


def _inspector_read(scope: dict[str, Any]) -> bool:
    if scope["method"] != "GET":
        return False
    return any(name == INSPECTOR_READ for name, _ in scope["headers"])


class JournalMiddleware:
    """Plain ASGI (never BaseHTTPMiddleware: it halves throughput, see DESIGN.md)."""

    def __init__(self, app: Any, journal: Journal) -> None:
        self.app = app
        self.journal = journal

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        journal = self.journal
        if scope["type"] != "http" or not journal.enabled or scope["path"].startswith(UNJOURNALED):
            await self.app(scope, receive, send)
            return
        if scope["path"].startswith("/_mock/") and _inspector_read(scope):  # never an API call
            await self.app(scope, receive, send)
            return
        entry = journal.start(scope)
        t0 = time.perf_counter_ns()

        async def journal_receive() -> Any:
            message = await receive()
            if message["type"] == "http.request":
                journal.record_request(entry, message.get("body", b""))
            return message

        def journal_send(message: Any) -> Awaitable[None]:
            # Not a coroutine: it records, then hands back the server's own awaitable, which
            # spares a coroutine per message on every call.
            kind = message["type"]
            if kind == "http.response.body":
                journal.record_response(entry, message.get("body", b""))
            elif kind == "http.response.start":
                journal.record_response_start(entry, message["status"], message.get("headers", ()))
            return send(message)

        # faults.drop_connection reaches uvicorn through it. Removed when the call ends: uvicorn's
        # receive is a method of its request cycle, which holds the scope, so the key would make
        # every request a reference cycle, freed only by the collector (10 objects a request, and
        # memory that cools before it is reused: about a tenth of a booking create's CPU cycles).
        scope[SERVER_RECEIVE_KEY] = receive

        try:
            await self.app(scope, journal_receive, journal_send)
        except BaseException as exc:
            entry.error = type(exc).__name__
            if entry.status is None and scope.get(FAULT_KEY, {}).get("kind") != "drop":
                entry.status = 500  # what the server or Starlette's error stage will send
            raise
        finally:
            entry.duration_ns = time.perf_counter_ns() - t0
            entry.fault = scope.get(FAULT_KEY)
            scope.pop(SERVER_RECEIVE_KEY, None)
