"""One journaled exchange: what was on the wire, kept cheaply, read through a redacted view.

Recording must cost next to nothing: an entry keeps the request's headers packed into one bytes
object and the bodies up to a limit (the journal's ``record_request`` and ``record_response``).
Everything else (JSON decoding, token fingerprints, redaction, operationId, tenant) is derived only
when someone reads the entry, and memoized once the exchange is complete.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from itertools import chain
from typing import Any
from urllib.parse import parse_qsl

import orjson

from mockst.clock import EPOCH
from mockst.encoding import format_datetime
from mockst.journal.redaction import (
    redact,
    redact_form,
    redact_headers,
    redact_query,
    redact_text,
    token_view,
)
from mockst.wire import OPERATIONS, api_path, basic_client_id, bearer, tenant_of


class Entry:
    """One exchange. Filled in while the request runs; read through ``view``."""

    __slots__ = (
        "_derived",
        "body_limit",
        "duration_ns",
        "error",
        "fault",
        "id",
        "method",
        "path",
        "query",
        "request_body",
        "request_headers",
        "request_size",
        "response_body",
        "response_headers",
        "response_size",
        "retained",
        "started",
        "status",
    )

    def __init__(
        self,
        ident: int,
        started: int,  # microseconds since the epoch on the simulator clock (Clock.micros)
        method: str,
        path: str,
        query: bytes,
        request_headers: bytes,  # packed by ``pack_headers``
        body_limit: int,
    ) -> None:
        self.id = ident
        self.started = started
        self.method = method
        self.path = path
        self.query = query
        self.request_headers = request_headers
        # Bodies: the kept head (at most ``body_limit`` bytes) and the size that passed.
        self.request_body = self.response_body = b""
        self.request_size = self.response_size = 0
        self.body_limit = body_limit
        self.response_headers = b""
        self.status: int | None = None
        self.duration_ns: int | None = None
        self.fault: dict[str, Any] | None = None
        self.error: str | None = None
        self.retained = 0
        self._derived: dict[str, Any] | None = None

    @property
    def time(self) -> datetime:
        """When the request arrived, on the simulator clock."""
        return EPOCH + timedelta(microseconds=self.started)

    @property
    def duration_ms(self) -> float | None:
        return None if self.duration_ns is None else round(self.duration_ns / 1e6, 3)

    def _request_header_dict(self) -> dict[str, str]:
        return _header_dict(_unpack(self.request_headers))

    # Derived fields, computed on first read and kept: filters over 10,000 entries stay cheap.
    def derived(self) -> dict[str, Any]:
        if self._derived is not None:
            return self._derived
        headers = self._request_header_dict()
        kind = _kind(self.path)
        tenant = tenant_of(self.path)
        token = None
        client_id = None
        auth = headers.get("authorization")
        if auth is not None:
            raw = bearer(auth)
            if raw is not None:
                token = token_view(raw)
                client_id = token["clientId"]
            else:
                client_id = basic_client_id(auth)
        form = None
        # A token form is shown field by field; anything else (JSON, text) goes the body's way,
        # where secret fields are redacted wherever they are.
        if kind == "token" and _is_form(headers.get("content-type", "")):
            form = _form(self.request_body)
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
        if self.status is not None and self.duration_ns is not None:
            self._derived = derived  # complete: never changes again
        return derived

    def view(self, include_bodies: bool = True) -> dict[str, Any]:
        """The entry as JSON-able data, secrets redacted."""
        d = self.derived()
        request_headers = redact_headers(self._request_header_dict())
        result: dict[str, Any] = {
            "id": self.id,
            "time": format_datetime(self.time),
            "durationMs": self.duration_ms,
            "kind": d["kind"],
            "method": self.method,
            "path": self.path,
            "query": redact_query(self.query.decode("latin-1")),
            "status": self.status,
            "tenantId": d["tenantId"],
            "clientId": d["clientId"],
            "appKey": d["appKey"],
            "token": d["token"],
            "operationId": d["operationId"],
            "fault": self.fault,
            "error": self.error,
            "request": {
                "headers": request_headers,
                **_body_view(self.request_body, self.request_size, d["form"], include_bodies),
            },
            "response": {
                "headers": _header_dict(_unpack(self.response_headers)),
                **_body_view(self.response_body, self.response_size, None, include_bodies),
            },
        }
        result["refusal"] = _refusal(d["kind"], self.status, self.response_body)
        if d["kind"] == "token" and self.status == 200:
            issued = _issued_token(self.response_body)
            if issued:
                result["issuedToken"] = token_view(issued)
        return result


def _refusal(kind: str, status: int | None, raw: bytes) -> str | None:
    """Why the guard or the token endpoint said no, as a short name (``expired_token``,
    ``invalid_client``): the inspector marks a row with it without reading every body. Only a
    refusal's small body is decoded, so a listing without bodies stays cheap."""
    if status not in (400, 401, 403) or kind not in ("api", "token") or not raw:
        return None
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(body, dict):
        return None
    if kind == "token":
        error = body.get("error")
        return error if isinstance(error, str) else None
    data = body.get("data")
    reason = data.get("reason") if isinstance(data, dict) else None
    return reason if kind == "api" and isinstance(reason, str) else None


def _kind(path: str) -> str:
    if path.startswith("/_mock/"):
        return "control"
    if path == "/connect/token":
        return "token"
    if api_path().match(path):
        return "api"
    return "other"


def pack_headers(headers: Iterable[tuple[bytes, bytes]]) -> bytes:
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


def _is_form(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() == "application/x-www-form-urlencoded"


def _form(raw: bytes) -> dict[str, str]:
    try:
        return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
    except (UnicodeDecodeError, ValueError):
        return {}


def _body_view(
    raw: bytes, size: int, form: dict[str, str] | None, include: bool = True
) -> dict[str, Any]:
    truncated = size > len(raw)
    if not include:  # no decoding and redacting of a body nobody asked for
        return {"bodySize": size, "bodyTruncated": truncated}
    value: Any = None
    if form is not None:
        value = redact_form(form)
    elif raw and not truncated:
        try:
            value = redact(orjson.loads(raw))
        except orjson.JSONDecodeError:
            value = redact_text(raw)
    elif raw:
        value = redact_text(raw)
    return {"body": value, "bodySize": size, "bodyTruncated": truncated}


def _issued_token(body: bytes) -> str | None:
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    token = value.get("access_token") if isinstance(value, dict) else None
    return token if isinstance(token, str) else None
