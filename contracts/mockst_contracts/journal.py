"""What the checks read: the simulator's journal as small, typed entries.

The simulator's journal (``mockst.journal``; ``GET /_mock/journal``) records every request and
response as it was on the wire. Checks do not read that format directly: they read
``JournalEntry``, built by ``from_view`` from one entry of ``Journal.query()`` or of the HTTP
endpoint (the same JSON), so a change of the journal's format is absorbed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl

from mockst.encoding import parse_datetime

# Refusals of the guard that are about the token (the connector should take a new one).
TOKEN_REFUSALS = frozenset({"expired_token", "invalid_token"})


@dataclass(frozen=True)
class JournalEntry:
    id: int
    time: datetime  # simulator clock, when the request arrived
    duration_ms: float
    kind: str  # "api", "token", "control", "other"
    method: str
    path: str
    query: dict[str, str]
    status: int | None  # None: no answer (the connection was dropped)
    tenant_id: int | str | None
    client_id: str | None
    app_key: str | None
    token: str | None  # fingerprint of the bearer token sent
    token_expires_at: float | None  # its exp claim (simulator epoch seconds)
    operation_id: str | None
    fault: dict[str, Any] | None
    request_body: Any
    request_truncated: bool
    response_body: Any
    response_headers: dict[str, str] = field(default_factory=dict)
    issued_token: str | None = None  # fingerprint of the token a token call handed out
    issued_expires_at: float | None = None

    @property
    def finished(self) -> float:
        """When the answer was sent, in simulator epoch seconds."""
        return self.time.timestamp() + self.duration_ms / 1000

    @property
    def started(self) -> float:
        return self.time.timestamp()

    @property
    def dropped(self) -> bool:
        return self.status is None or (self.fault or {}).get("kind") == "drop"

    @property
    def retry_after(self) -> float | None:
        value = self.response_headers.get("retry-after")
        try:
            return float(value) if value is not None else None
        except ValueError:
            return None

    @property
    def refusal(self) -> str | None:
        """The guard's reason for a 401/403 (``expired_token``, ``missing_app_key``…)."""
        body = self.response_body
        if isinstance(body, dict) and isinstance(body.get("data"), dict):
            reason = body["data"].get("reason")
            return str(reason) if reason else None
        return None

    def line(self) -> str:
        """``GET /crm/v2/tenant/1/customers?page=2 -> 200`` for evidence."""
        query = "&".join(f"{k}={v}" for k, v in self.query.items())
        target = f"{self.path}?{query}" if query else self.path
        status = "no answer (dropped)" if self.status is None else str(self.status)
        return f"#{self.id} {self.method} {target} -> {status}"


def from_view(view: dict[str, Any]) -> JournalEntry:
    """One entry of ``Journal.query()`` / ``GET /_mock/journal`` as a ``JournalEntry``."""
    token = view.get("token") or {}
    issued = view.get("issuedToken") or {}
    request = view.get("request") or {}
    response = view.get("response") or {}
    return JournalEntry(
        id=int(view["id"]),
        time=parse_datetime(view["time"]),
        duration_ms=float(view.get("durationMs") or 0.0),
        kind=str(view.get("kind")),
        method=str(view.get("method")),
        path=str(view.get("path")),
        query=dict(parse_qsl(view.get("query") or "", keep_blank_values=True)),
        status=view.get("status"),
        tenant_id=view.get("tenantId"),
        client_id=view.get("clientId"),
        app_key=view.get("appKey"),
        token=token.get("fingerprint"),
        token_expires_at=token.get("expiresAt"),
        operation_id=view.get("operationId"),
        fault=view.get("fault"),
        request_body=request.get("body"),
        request_truncated=bool(request.get("bodyTruncated")),
        response_body=response.get("body"),
        response_headers={k.lower(): v for k, v in (response.get("headers") or {}).items()},
        issued_token=issued.get("fingerprint"),
        issued_expires_at=issued.get("expiresAt"),
    )


def last_id(journal: Any) -> int:
    """The id of the newest entry of an in-process ``mockst.journal.Journal`` (0 when empty)."""
    return int(journal.stats()["nextId"]) - 1


def entries_after(journal: Any, after_id: int) -> list[JournalEntry]:
    """Entries of an in-process journal newer than ``after_id``, oldest first."""
    from mockst.journal import JournalQuery

    views = journal.query(JournalQuery(after_id=after_id, limit=None), bodies=True)
    return [from_view(v) for v in views]


def fetch(base_url: str, after_id: int = 0, **filters: Any) -> list[JournalEntry]:
    """Entries of a simulator over HTTP (``GET /_mock/journal``), for a remote simulator."""
    import httpx

    params = {"afterId": after_id, "limit": 10_000, **filters}
    response = httpx.get(f"{base_url.rstrip('/')}/_mock/journal", params=params, timeout=30)
    response.raise_for_status()
    return [from_view(v) for v in response.json()["entries"]]
