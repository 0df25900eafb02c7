"""What the outer ASGI stages read off a raw request, before any routing happens.

The journal and the fault stage (rate limits, scheduled faults) both sit outside Starlette's router,
so neither has a ``Request`` or a bound operation: they see the ASGI scope and the header list. Both
need the same facts from it (the tenant in the path, a header's value, who is calling, which
operationId the call is) and leave each other notes in the scope; this module is that common
ground, so the two stages agree and neither depends on the other's internals.
"""

from __future__ import annotations

import base64
import binascii
import fnmatch
import hashlib
import re
import threading
from collections.abc import Iterable
from typing import Any

import orjson

# Notes the stages leave in the ASGI scope.
FAULT_KEY = "mockst.fault"  # the fault stage's note, recorded with the journal entry
HEADER_BYTES_KEY = "mockst.header_bytes"  # measured once, by the journal, for the fault stage
SERVER_RECEIVE_KEY = "mockst.server_receive"  # the server's own receive, under any wrappers


_api_path: re.Pattern[str] | None = None


def api_path() -> re.Pattern[str]:
    """Matches the path of any family's API operation, capturing the tenant segment. Built from
    the registry on first use (it reads every family: not at import), then kept."""
    global _api_path
    if _api_path is None:
        from mockst.api.registry import tenant_path

        _api_path = tenant_path()
    return _api_path


def tenant_of(path: str) -> str | None:
    """The tenant segment of an API path, as written (not necessarily a number)."""
    match = api_path().match(path)
    return match.group(1) if match else None


def header(headers: Iterable[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    """The first value of header ``name`` (lower-case bytes), or None."""
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def header_bytes(headers: Iterable[tuple[bytes, bytes]]) -> int:
    return sum(len(k) + len(v) for k, v in headers)


def glob(pattern: str) -> re.Pattern[str]:
    """A shell-style pattern (``/crm/v2/tenant/*/customers*``, ``Customers_*``) as a regex."""
    return re.compile(fnmatch.translate(pattern))


# -- credentials -----------------------------------------------------------------------------


def fingerprint(token: str) -> str:
    """Stable, short, one-way: enough to tell tokens apart and never enough to reuse one."""
    return "sha256:" + hashlib.sha256(token.encode()).hexdigest()[:16]


def bearer(value: str) -> str | None:
    """The access token of an ``Authorization`` value: ``Bearer T``, or a bare token."""
    value = value.strip()
    scheme, _, rest = value.partition(" ")
    if scheme.lower() == "bearer":
        return rest.strip() or None
    if scheme.lower() == "basic" or not value or " " in value:
        return None
    return value  # the guard accepts a raw token too (Config.accept_raw_token)


def basic_client_id(value: str) -> str | None:
    """The client id of an ``Authorization: Basic`` value (the token endpoint's other form)."""
    scheme, _, rest = value.strip().partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(rest.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    return decoded.partition(":")[0] or None


def token_claims(token: str) -> dict[str, Any] | None:
    """The JWT's payload, read without verifying: the journal reports, the guard decides."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        payload = orjson.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (binascii.Error, ValueError):
        return None
    return payload if isinstance(payload, dict) else None


# -- operations ------------------------------------------------------------------------------


class OperationIndex:
    """(method, path) → operationId, from the registry's declarations; regexes compiled once."""

    def __init__(self) -> None:
        self._routes: list[tuple[str, re.Pattern[str], str]] | None = None
        self._lock = threading.Lock()

    def _build(self) -> list[tuple[str, re.Pattern[str], str]]:
        from mockst.api import registry

        def order(path: str) -> tuple[tuple[int, str], ...]:
            return tuple((1 if s.startswith("{") else 0, s) for s in path.split("/"))

        ops = sorted(registry.operations(), key=lambda op: order(op.full_path))
        routes = []
        for op in ops:
            pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(op.full_path))
            routes.append((op.method, re.compile(f"^{pattern}$"), op.operation_id))
        return routes

    def find(self, method: str, path: str) -> str | None:
        if self._routes is None:
            with self._lock:
                if self._routes is None:
                    self._routes = self._build()
        method = "GET" if method == "HEAD" else method
        for op_method, pattern, operation_id in self._routes:
            if op_method == method and pattern.match(path):
                return operation_id
        return None


OPERATIONS = OperationIndex()
