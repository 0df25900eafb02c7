"""The journal: every request and response the simulator saw, in a bounded ring, queryable.

The contract kit judges a connector by what it sent (which token, which app key, did it wait for
``Retry-After``, did it read every page), so the journal keeps what was on the wire, not what a
handler thought. It is plain ASGI middleware, outermost, so it sees the response the client got,
including injected faults and rate limits (the fault stage leaves a note in the ASGI scope).

Recording must cost next to nothing: a request keeps references to the header list and body chunks
uvicorn and Starlette already built, and everything else (JSON decoding, token fingerprints,
redaction, operationId, tenant) is derived only when someone reads the entry, then memoized.
Secrets never leave through a read: bearer tokens become fingerprints, client secrets and issued
tokens are redacted; the app key is kept in full (it identifies the app, it does not authenticate).
"""

from __future__ import annotations

import base64
import binascii
import fnmatch
import hashlib
import re
import threading
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from typing import Any
from urllib.parse import parse_qsl

import orjson

from mockst.clock import Clock
from mockst.encoding import format_datetime

DEFAULT_SIZE = 10_000
DEFAULT_BODY_BYTES = 65_536  # per body; longer bodies keep their head only
DEFAULT_TOTAL_BYTES = 64 * 1_048_576  # all retained bodies together; oldest entries go first

TENANT_PATH = re.compile(r"^/(?:crm|settings)/v2/tenant/([^/]+)")
# Not journaled: reading the journal would fill it, and health probes would flush it.
UNJOURNALED = ("/_mock/journal", "/_mock/health", "/_mock/ready")
SECRET_KEYS = frozenset({"clientSecret", "client_secret", "access_token", "signingKey"})
SECRET_IN_TEXT = re.compile(
    rb'"(clientSecret|client_secret|access_token|signingKey)"\s*:\s*"[^"]*"'
)
REDACTED = "[redacted]"
FAULT_KEY = "mockst.fault"  # the fault stage's note in the ASGI scope
MAX_HEADERS = 100  # a header flood is journaled as its head
MAX_HEADER_BYTES = 32_768
HEADER_BYTES_KEY = "mockst.header_bytes"  # measured once, by the journal, for the fault stage


def fingerprint(token: str) -> str:
    """Stable, short, one-way: enough to tell tokens apart and never enough to reuse one."""
    return "sha256:" + hashlib.sha256(token.encode()).hexdigest()[:16]


def tenant_of(path: str) -> str | None:
    match = TENANT_PATH.match(path)
    return match.group(1) if match else None


def header(headers: Iterable[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def header_bytes(headers: Iterable[tuple[bytes, bytes]]) -> int:
    return sum(len(k) + len(v) for k, v in headers)


def _header_head(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """A header flood is kept as its head (otherwise the list itself is kept: no copy)."""
    kept = [(k[:256], v[:1024]) for k, v in headers[:MAX_HEADERS]]
    kept.append((b"x-mockst-journal", f"{len(headers)} headers, truncated".encode()))
    return kept


def _bearer(value: str) -> str | None:
    value = value.strip()
    scheme, _, rest = value.partition(" ")
    if scheme.lower() == "bearer":
        return rest.strip() or None
    if scheme.lower() == "basic" or not value or " " in value:
        return None
    return value  # the guard accepts a raw token too (Config.accept_raw_token)


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


def token_view(token: str) -> dict[str, Any]:
    claims = token_claims(token) or {}
    return {
        "fingerprint": fingerprint(token),
        "jti": claims.get("jti"),
        "clientId": claims.get("client_id"),
        "tenant": claims.get("tenant"),
        "issuedAt": claims.get("iat"),
        "expiresAt": claims.get("exp"),
    }


def _basic_client_id(value: str) -> str | None:
    scheme, _, rest = value.strip().partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(rest.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    return decoded.partition(":")[0] or None


def _redact(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: (
                _redact_token(v)
                if k == "access_token" and isinstance(v, str)
                else REDACTED
                if k in SECRET_KEYS
                else _redact(v)
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_redact(v) for v in value]
    return value


def _redact_token(token: str) -> str:
    return f"{REDACTED} {fingerprint(token)}"


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


# -- entries ---------------------------------------------------------------------------------


class _Body:
    """Chunks as they passed, kept by reference up to ``limit`` bytes; the rest only counted."""

    __slots__ = ("chunks", "kept", "limit", "size")

    def __init__(self, limit: int) -> None:
        self.chunks: list[bytes] = []
        self.kept = 0
        self.size = 0
        self.limit = limit

    def add(self, chunk: bytes) -> int:
        """Keep ``chunk`` (or its head); returns the bytes newly retained."""
        self.size += len(chunk)
        room = self.limit - self.kept
        if room <= 0 or not chunk:
            return 0
        if len(chunk) > room:
            chunk = chunk[:room]
        self.chunks.append(chunk)
        self.kept += len(chunk)
        return len(chunk)

    @property
    def truncated(self) -> bool:
        return self.size > self.kept

    def raw(self) -> bytes:
        return b"".join(self.chunks)


NO_BODY = _Body(0)


class Entry:
    """One exchange. Filled in while the request runs; read through ``view``."""

    __slots__ = (
        "_derived",
        "body_limit",
        "duration_ms",
        "error",
        "fault",
        "id",
        "method",
        "path",
        "query",
        "request_body",
        "request_headers",
        "response_body",
        "response_headers",
        "retained",
        "started",
        "status",
    )

    def __init__(
        self,
        ident: int,
        started: datetime,
        method: str,
        path: str,
        query: bytes,
        headers: list[tuple[bytes, bytes]],
        body_limit: int,
    ) -> None:
        self.id = ident
        self.started = started
        self.method = method
        self.path = path
        self.query = query
        self.request_headers = _pack(headers)
        self.request_body = self.response_body = NO_BODY  # most requests have none: no objects
        self.body_limit = body_limit
        self.response_headers = b""
        self.status: int | None = None
        self.duration_ms: float | None = None
        self.fault: dict[str, Any] | None = None
        self.error: str | None = None
        self.retained = 0
        self._derived: dict[str, Any] | None = None

    def add_request(self, chunk: bytes) -> int:
        if not chunk:
            return 0
        if self.request_body is NO_BODY:
            self.request_body = _Body(self.body_limit)
        return self.request_body.add(chunk)

    def add_response(self, chunk: bytes) -> int:
        if not chunk:
            return 0
        if self.response_body is NO_BODY:
            self.response_body = _Body(self.body_limit)
        return self.response_body.add(chunk)

    # Derived fields, computed on first read and kept: filters over 10,000 entries stay cheap.
    def derived(self) -> dict[str, Any]:
        if self._derived is not None:
            return self._derived
        headers = _header_dict(_unpack(self.request_headers))
        kind = _kind(self.path)
        tenant = tenant_of(self.path)
        token = None
        client_id = None
        auth = headers.get("authorization")
        if auth is not None:
            raw = _bearer(auth)
            if raw is not None:
                token = token_view(raw)
                client_id = token["clientId"]
            else:
                client_id = _basic_client_id(auth)
        form = None
        if kind == "token":
            form = _form(self.request_body.raw())
            client_id = client_id or form.get("client_id")
        derived = {
            "kind": kind,
            "tenantId": int(tenant) if tenant and tenant.isdigit() else tenant,
            "clientId": client_id,
            "appKey": headers.get("st-app-key"),
            "token": token,
            "operationId": OPERATIONS.find(self.method, self.path) if kind == "api" else None,
            "form": form,
        }
        if self.status is not None and self.duration_ms is not None:
            self._derived = derived  # complete: never changes again
        return derived

    def view(self, include_bodies: bool = True) -> dict[str, Any]:
        d = self.derived()
        request_headers = _header_dict(_unpack(self.request_headers))
        if "authorization" in request_headers:
            request_headers["authorization"] = _redacted_authorization(
                request_headers["authorization"]
            )
        result: dict[str, Any] = {
            "id": self.id,
            "time": format_datetime(self.started),
            "durationMs": self.duration_ms,
            "kind": d["kind"],
            "method": self.method,
            "path": self.path,
            "query": self.query.decode("latin-1"),
            "status": self.status,
            "tenantId": d["tenantId"],
            "clientId": d["clientId"],
            "appKey": d["appKey"],
            "token": d["token"],
            "operationId": d["operationId"],
            "fault": self.fault,
            "error": self.error,
            "request": {"headers": request_headers, **_body_view(self.request_body, d["form"])},
            "response": {
                "headers": _header_dict(_unpack(self.response_headers)),
                **_body_view(self.response_body, None),
            },
        }
        if d["kind"] == "token" and self.status == 200:
            issued = _issued_token(self.response_body)
            if issued:
                result["issuedToken"] = token_view(issued)
        if not include_bodies:
            result["request"].pop("body")
            result["response"].pop("body")
        return result


def _kind(path: str) -> str:
    if path.startswith("/_mock/"):
        return "control"
    if path == "/connect/token":
        return "token"
    if TENANT_PATH.match(path):
        return "api"
    return "other"


def _pack(headers: Iterable[tuple[bytes, bytes]]) -> bytes:
    """Headers as one bytes object (NUL never occurs in a field): one small object per entry
    instead of keeping the server's list and its tuples alive for 10,000 requests."""
    return b"\0".join(chain.from_iterable(headers))


def _unpack(packed: bytes) -> list[tuple[bytes, bytes]]:
    if not packed:
        return []
    parts = packed.split(b"\0")
    return list(zip(parts[0::2], parts[1::2], strict=False))


def _header_dict(headers: list[tuple[bytes, bytes]]) -> dict[str, str]:
    result: dict[str, str] = {}
    for key, value in headers:
        name = key.decode("latin-1").lower()
        text = value.decode("latin-1")
        result[name] = f"{result[name]}, {text}" if name in result else text
    return result


def _redacted_authorization(value: str) -> str:
    token = _bearer(value)
    if token is not None:
        return f"Bearer {REDACTED} {fingerprint(token)}"
    scheme = value.strip().partition(" ")[0]
    return f"{scheme} {REDACTED}"


def _form(raw: bytes) -> dict[str, str]:
    try:
        return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
    except (UnicodeDecodeError, ValueError):
        return {}


def _body_view(body: _Body, form: dict[str, str] | None) -> dict[str, Any]:
    raw = body.raw()
    value: Any = None
    if form is not None:
        value = {k: (REDACTED if k == "client_secret" else v) for k, v in form.items()}
    elif raw and not body.truncated:
        try:
            value = _redact(orjson.loads(raw))
        except orjson.JSONDecodeError:
            value = raw.decode("utf-8", "replace")
    elif raw:
        value = SECRET_IN_TEXT.sub(rb'"\1":"' + REDACTED.encode() + b'"', raw).decode(
            "utf-8", "replace"
        )
    return {"body": value, "bodySize": body.size, "bodyTruncated": body.truncated}


def _issued_token(body: _Body) -> str | None:
    try:
        value = orjson.loads(body.raw())
    except orjson.JSONDecodeError:
        return None
    token = value.get("access_token") if isinstance(value, dict) else None
    return token if isinstance(token, str) else None


# -- the ring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class JournalQuery:
    tenant: int | None = None
    client_id: str | None = None
    operation: str | None = None
    status: str | None = None  # "429", or a class: "4xx", "5xx"
    method: str | None = None
    kind: str | None = None
    path: str | None = None  # a glob: /crm/v2/tenant/*/customers*
    since: datetime | None = None
    until: datetime | None = None
    after_id: int | None = None
    limit: int | None = None  # the most recent ``limit`` matches, oldest first


class Journal:
    """A bounded ring of entries: at most ``size`` of them and ``total_bytes`` of bodies."""

    def __init__(
        self,
        clock: Clock,
        size: int = DEFAULT_SIZE,
        body_bytes: int = DEFAULT_BODY_BYTES,
        total_bytes: int = DEFAULT_TOTAL_BYTES,
    ) -> None:
        self.clock = clock
        self.size = size
        self.body_bytes = body_bytes
        self.total_bytes = total_bytes
        self.entries: deque[Entry] = deque()
        self.retained = 0
        self.dropped = 0
        self._next_id = 1
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.size > 0

    def start(self, scope: dict[str, Any]) -> Entry:
        headers = scope.get("headers", [])
        size = header_bytes(headers)
        scope[HEADER_BYTES_KEY] = size  # the fault stage's header limit reads it
        if len(headers) > MAX_HEADERS or size > MAX_HEADER_BYTES:
            headers = _header_head(headers)
        entry = Entry(
            0,
            self.clock.now(),
            scope["method"],
            scope["path"],
            scope.get("query_string", b""),
            headers,
            self.body_bytes,
        )
        with self._lock:  # ids in the order of the ring
            entry.id = self._next_id
            self._next_id += 1
            self.entries.append(entry)
            if len(self.entries) > self.size:
                self._trim()
        return entry

    def retain(self, entry: Entry, nbytes: int) -> None:
        if nbytes:
            entry.retained += nbytes
            self.retained += nbytes
            if self.retained > self.total_bytes:
                with self._lock:
                    self._trim()

    def _trim(self) -> None:
        entries = self.entries
        while entries and (len(entries) > self.size or self.retained > self.total_bytes):
            old = entries.popleft()
            self.retained -= old.retained
            self.dropped += 1

    def clear(self) -> int:
        with self._lock:
            count = len(self.entries)
            self.entries.clear()
            self.retained = 0
            return count

    def snapshot(self) -> list[Entry]:
        with self._lock:
            return list(self.entries)

    def select(self, query: JournalQuery | None = None) -> list[Entry]:
        q = query or JournalQuery()
        status_match = _status_matcher(q.status)
        path_match = re.compile(fnmatch.translate(q.path)).match if q.path else None
        method = q.method.upper() if q.method else None
        found = []
        for entry in self.snapshot():
            if q.after_id is not None and entry.id <= q.after_id:
                continue
            if method and entry.method != method:
                continue
            if status_match and not status_match(entry.status):
                continue
            if q.since and entry.started < q.since:
                continue
            if q.until and entry.started > q.until:
                continue
            if path_match and not path_match(entry.path):
                continue
            if q.tenant is not None or q.client_id or q.operation or q.kind:
                d = entry.derived()
                if q.tenant is not None and d["tenantId"] != q.tenant:
                    continue
                if q.client_id and d["clientId"] != q.client_id:
                    continue
                if q.operation and d["operationId"] != q.operation:
                    continue
                if q.kind and d["kind"] != q.kind:
                    continue
            found.append(entry)
        if q.limit is not None:
            found = found[-q.limit :] if q.limit > 0 else []
        return found

    def query(
        self, query: JournalQuery | None = None, bodies: bool = True, **filters: Any
    ) -> list[dict[str, Any]]:
        """Matching entries as JSON-able dicts (secrets redacted), oldest first.

        Filters as a ``JournalQuery`` or as its fields: ``journal.query(tenant=1, status="4xx")``.
        """
        if filters:
            query = JournalQuery(**filters)
        return [entry.view(bodies) for entry in self.select(query)]

    def stats(self) -> dict[str, Any]:
        return {
            "size": len(self.entries),
            "capacity": self.size,
            "retainedBytes": self.retained,
            "capacityBytes": self.total_bytes,
            "dropped": self.dropped,
            "nextId": self._next_id,
        }


def _status_matcher(text: str | None):
    if not text:
        return None
    text = text.strip().lower()
    if len(text) == 3 and text.endswith("xx") and text[0].isdigit():
        low = int(text[0]) * 100
        return lambda s: s is not None and low <= s < low + 100
    code = int(text)
    return lambda s: s == code


# -- the middleware --------------------------------------------------------------------------


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
        entry = journal.start(scope)
        t0 = time.perf_counter()

        async def journal_receive() -> Any:
            message = await receive()
            if message["type"] == "http.request":
                journal.retain(entry, entry.add_request(message.get("body", b"")))
            return message

        journal_receive.__wrapped__ = receive  # type: ignore[attr-defined]  # see faults.drop

        async def journal_send(message: Any) -> None:
            kind = message["type"]
            if kind == "http.response.start":
                entry.status = message["status"]
                entry.response_headers = _pack(message.get("headers", ()))
            elif kind == "http.response.body":
                journal.retain(entry, entry.add_response(message.get("body", b"")))
            await send(message)

        try:
            await self.app(scope, journal_receive, journal_send)
        except BaseException as exc:
            entry.error = type(exc).__name__
            if entry.status is None and scope.get(FAULT_KEY, {}).get("kind") != "drop":
                entry.status = 500  # what Starlette's error middleware, outside us, will send
            raise
        finally:
            entry.duration_ms = round((time.perf_counter() - t0) * 1000, 3)
            entry.fault = scope.get(FAULT_KEY)
