"""Export feeds: ``{hasMore, continueFrom, data}`` over a table's change history.

Every change gives a row the tenant's next sequence number, so a feed is the table's rows in
sequence order. A continuation token names the last sequence delivered; a changed row moves past
it and is delivered again, a deleted one comes back with ``active: false``. Rows changed less than
``export_recent_seconds`` ago (simulator clock) wait unless ``includeRecentChanges=true``; the feed
stops at the first such row so that nothing behind the token is ever skipped. Tokens are stable
across restarts with ``--state`` because sequence numbers are stored with the rows.
"""

from __future__ import annotations

import base64
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from pydantic import BaseModel

from mockst.api.listing import project
from mockst.api.operation import Call
from mockst.api.params import Param
from mockst.encoding import TICKS_PER_SECOND, parse_datetime, ticks_of
from mockst.errors import validation_error
from mockst.store.table import Row, Table

EXPORT_PARAMS = (
    Param("from", "string"),
    Param("includeRecentChanges", "bool"),
)

_PREFIX = "mockst:v1:"


def encode_token(seq: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{seq}".encode()).decode().rstrip("=")


def decode_token(text: str) -> int | None:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    digits = raw[len(_PREFIX) :]
    # ASCII digits only ("²".isdigit() is true, int("²") fails) and no more than an int64 has:
    # a crafted token is a bad ``from``, never a 500.
    if not raw.startswith(_PREFIX) or not (digits.isascii() and digits.isdigit()):
        return None
    return int(digits) if len(digits) <= 18 else None


def export_rows(
    call: Call,
    rows: Table | Iterable[Row],
    model: type[BaseModel],
    render: Callable[[Row], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One page of the feed over ``rows`` (a whole table, or any rows a resource chooses)."""
    start = call.query.get("from")
    after_seq, since = 0, None
    if start:
        token = decode_token(start.strip())
        if token is not None:
            after_seq = token
        else:
            try:
                # to the tick: a row's own stamp includes it; parse_datetime refuses an instant
                # past the last one a date-time holds (9999-12-31T23:00-05:00)
                since = ticks_of(parse_datetime(start))
            except (ValueError, OverflowError):
                raise validation_error(
                    {"from": ["Expected a continuation token or a date such as 2020-01-01."]}
                ) from None
    horizon = None
    if not call.query.get("includeRecentChanges"):
        recent = round(call.config.export_recent_seconds * TICKS_PER_SECOND)
        horizon = ticks_of(call.now) - recent
    if isinstance(rows, Table):  # kept in change order: find the resume point by bisection
        ordered = rows.in_change_order()
        start_at = bisect_right(ordered, after_seq, key=_seq)
    else:
        ordered = sorted((r for r in rows if r.seq > after_seq), key=_seq)
        start_at = 0
    batch: list[Row] = []
    has_more = False
    for row in map(Row, islice(ordered, start_at, None)):
        if since is not None and row.changed_ticks < since:
            continue
        if horizon is not None and row.changed_ticks > horizon:
            break  # too recent: it and everything after it waits
        if len(batch) == call.config.export_batch_size:
            has_more = True
            break
        batch.append(row)
    last = batch[-1].seq if batch else after_seq
    shown = render or (lambda row: {**project(row.data, model), "active": row.active})
    return {
        "hasMore": has_more,
        "continueFrom": encode_token(last),
        "data": [shown(row) for row in batch],
    }


def _seq(row: tuple[Any, ...]) -> int:
    return row[1]  # Row.seq, and a stored row's (bisection runs over stored rows)
