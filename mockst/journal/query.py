"""Which entries a reader asked for: ``JournalQuery`` and the filter that applies it.

Cheap fields (id, method, status, time, path) are tested first; the derived ones (tenant, client,
operationId, kind) only when the query names one, so filtering a full ring stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from mockst.clock import micros
from mockst.journal.entry import Entry
from mockst.wire import glob, tenant_of


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


def select(entries: Iterable[Entry], query: JournalQuery | None = None) -> list[Entry]:
    """The entries ``query`` matches, in the order given (oldest first for the ring)."""
    q = query or JournalQuery()
    status_match = _status_matcher(q.status)
    path_match = glob(q.path).match if q.path else None
    method = q.method.upper() if q.method else None
    since = micros(q.since) if q.since else None
    until = micros(q.until) if q.until else None
    found = []
    for entry in entries:
        if q.after_id is not None and entry.id <= q.after_id:
            continue
        if method and entry.method != method:
            continue
        if status_match and not status_match(entry.status):
            continue
        if since is not None and entry.started < since:
            continue
        if until is not None and entry.started > until:
            continue
        if path_match and not path_match(entry.path):
            continue
        # The tenant straight from the path: deriving the whole entry (headers, token, operation)
        # for it made a tenant-filtered poll cost as much as viewing every new call.
        if q.tenant is not None and _tenant(entry.path) != q.tenant:
            continue
        if q.client_id or q.operation or q.kind:
            d = entry.derived()
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


def _tenant(path: str) -> int | str | None:
    """The tenant as ``Entry.derived`` gives it: a number when the segment is one."""
    text = tenant_of(path)
    return int(text) if text and text.isdigit() else text


def _status_matcher(text: str | None) -> Callable[[int | None], bool] | None:
    if not text:
        return None
    text = text.strip().lower()
    if len(text) == 3 and text.endswith("xx") and text[0].isdigit():
        low = int(text[0]) * 100
        return lambda s: s is not None and low <= s < low + 100
    code = int(text)
    return lambda s: s == code
