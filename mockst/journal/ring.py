"""The journal itself: a bounded ring of entries, oldest dropped first.

Two bounds hold: at most ``size`` entries, and at most ``total_bytes`` of whole entries: request
line, query, headers both ways and bodies, plus a fixed charge for the entry itself (each body keeps
at most ``body_bytes``; a header flood keeps only its head). Counting bodies alone let 10,000 calls
with 60 KB URLs and 30 KB of headers hold most of a gigabyte under a 64 MiB budget. A long soak
therefore runs in constant memory, and ``stats`` says how many entries were dropped to keep it so.
"""

from __future__ import annotations

import threading
from collections import deque
from itertools import islice
from typing import Any

from mockst.clock import Clock
from mockst.encoding import to_keep
from mockst.journal.entry import Entry, pack_headers
from mockst.journal.query import JournalQuery, select
from mockst.wire import HEADER_BYTES_KEY

DEFAULT_SIZE = 10_000
DEFAULT_BODY_BYTES = 65_536  # per body; longer bodies keep their head only
DEFAULT_TOTAL_BYTES = 64 * 1_048_576  # all retained bodies together; oldest entries go first
MAX_HEADERS = 100  # a header flood is journaled as its head
MAX_HEADER_BYTES = 32_768
ENTRY_OVERHEAD = 512  # the entry object, its small fields and the bytes objects' own headers


def _header_head(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """A header flood is kept as its head (otherwise the list itself is kept: no copy)."""
    kept = [(k[:256], v[:1024]) for k, v in headers[:MAX_HEADERS]]
    kept.append((b"x-mockst-journal", f"{len(headers)} headers, truncated".encode()))
    return kept


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
        """A new entry for the request of ``scope``, already in the ring."""
        headers = scope["headers"]
        packed = pack_headers(headers)
        # Its length less the separators: the header bytes, measured without another pass.
        size = len(packed) - 2 * len(headers) + 1 if headers else 0
        scope[HEADER_BYTES_KEY] = size  # the fault stage's header limit reads it
        if len(headers) > MAX_HEADERS or size > MAX_HEADER_BYTES:
            packed = pack_headers(_header_head(headers))
        entry = Entry(
            0,
            self.clock.micros(),
            scope["method"],
            scope["path"],
            scope.get("query_string", b""),
            packed,
            self.body_bytes,
        )
        base = ENTRY_OVERHEAD + len(entry.path) + len(entry.query) + len(packed)
        entry.retained = base
        with self._lock:  # ids in the order of the ring
            entry.id = self._next_id
            self._next_id += 1
            self.entries.append(entry)
            self.retained += base
            if len(self.entries) > self.size or self.retained > self.total_bytes:
                self._trim()
        return entry

    def record_response_start(self, entry: Entry, status: int, headers: Any) -> None:
        entry.status = status
        entry.response_headers = pack_headers(headers)
        self._retain(entry, len(entry.response_headers))

    # Each call's body chunks pass through here: one method a chunk, the usual single chunk that
    # fits taking the shortest path.
    def record_request(self, entry: Entry, chunk: bytes) -> None:
        """Keep the head of a request body chunk. A first chunk that fits is kept by reference:
        the server made it at its own size (slices and joins are new exact objects too)."""
        entry.request_size += len(chunk)
        room = entry.body_limit - len(entry.request_body)
        if room > 0 and chunk:
            if len(chunk) > room:
                chunk = chunk[:room]
            entry.request_body += chunk  # b"" + chunk is chunk itself
            self._retain(entry, len(chunk))

    def record_response(self, entry: Entry, chunk: bytes) -> None:
        """Keep the head of a response body chunk, copied to its own size: orjson's results sit
        in an 8 KB block whatever their length, so a ring of 10,000 answers of 600 bytes held
        80 MB, and cycling through it cost an API call more CPU than the rest of the journal."""
        entry.response_size += len(chunk)
        room = entry.body_limit - len(entry.response_body)
        if room > 0 and chunk:
            if len(chunk) > room:
                chunk = chunk[:room]
            elif not entry.response_body:
                chunk = to_keep(chunk)
            entry.response_body += chunk
            self._retain(entry, len(chunk))

    def _retain(self, entry: Entry, nbytes: int) -> None:
        """Count ``nbytes`` more of ``entry``, dropping old entries past the budget."""
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

    def get(self, ident: int) -> Entry | None:
        """The entry with id ``ident`` while the ring still holds it (ids are consecutive)."""
        with self._lock:
            if not self.entries:
                return None
            place = ident - self.entries[0].id
            if 0 <= place < len(self.entries):
                return self.entries[place]
            return None

    def select(self, query: JournalQuery | None = None) -> list[Entry]:
        with self._lock:
            entries = self.entries
            start = 0
            if query is not None and query.after_id is not None and entries:
                # Ids are consecutive in the ring: a poll (afterId) skips straight to the new ones
                # rather than testing 10,000 old entries each second.
                start = min(max(query.after_id - entries[0].id + 1, 0), len(entries))
            kept = list(islice(entries, start, None))
        return select(kept, query)

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
