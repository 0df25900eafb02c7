"""Rows of one resource in one tenant.

A row is replaced, never edited in place: that keeps undo trivial (put the old object back) and
lets a reader hold a row while a writer moves on. Deleting is soft: the row stays, marked deleted,
because export feeds must report deletions too. Rows are stored packed, as plain tuples the
garbage collector leaves alone, and handed out as ``Row`` (``store/row.py``).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from datetime import datetime
from operator import itemgetter
from typing import Any

import orjson

from mockst.encoding import dumps_to_keep, ticks_of
from mockst.store.row import Row, RowId

MAX_RENDERED = 20_000  # rendered rows kept per table


Stored = tuple[Any, ...]  # a row as a table keeps it: ``Row.stored``

# (table, row id, the row as it was before, or None when the change created it)
Touch = Callable[["Table", RowId, "Stored | None"], None]


class Table:
    def __init__(
        self, tenant_id: int, name: str, next_seq: Callable[[], int], touch: Touch
    ) -> None:
        self.tenant_id = tenant_id
        self.name = name
        # Every row, deleted ones too, in id order: the table itself. A sorted list rather than a
        # dict by id: found by bisection just as fast for a table's size, and 40 bytes a row
        # smaller (ids only grow, so a new row is appended).
        self._all: list[Stored] = []
        self._next_seq = next_seq
        self._touch = touch
        # Ordered views, built on first use and then kept up to date by each change, so a list
        # or an export page over a large table never sorts it again.
        self._by_seq: list[Stored] | None = None  # every row, deleted too, in change order
        self._by_id: list[Stored] | None = None  # live rows in id order
        # Rendered JSON of rows as lists show them, per view; a changed row is a new tuple of new
        # values, so a hit is valid exactly when it was made from a row equal to this one.
        self._rendered: dict[tuple[RowId, Hashable], tuple[Stored, orjson.Fragment]] = {}
        # Whole list pages (see api.listing.page_of), valid until the table next changes.
        self._pages: dict[Hashable, Any] = {}
        self._page_rows = 0

    def __len__(self) -> int:
        return sum(1 for row in self._all if not row[3])

    def _place(self, ident: RowId) -> int:
        """Where ``ident``'s row is in ``_all``, or -1."""
        rows = self._all
        try:
            place = bisect_left(rows, ident, key=_id)
        except TypeError:  # an id of another kind (text for numbers): no such row
            return -1
        return place if place < len(rows) and rows[place][0] == ident else -1

    def get(self, ident: RowId, *, include_deleted: bool = False) -> Row | None:
        place = self._place(ident)
        if place < 0:
            return None
        row = self._all[place]
        return None if row[3] and not include_deleted else Row(row)

    def rows(self, *, include_deleted: bool = False) -> Iterator[Row]:
        return (Row(r) for r in self._all if include_deleted or not r[3])

    def in_change_order(self) -> list[Stored]:
        """Every row, deleted ones too, by sequence number (export order), as stored: ``Row(r)``
        reads one. Do not modify."""
        if self._by_seq is None:
            self._by_seq = sorted(self._all, key=_seq)
        return self._by_seq

    def in_id_order(self) -> list[Stored]:
        """Live rows by id (the default list order), as stored: ``Row(r)`` reads one. Do not
        modify."""
        if self._by_id is None:
            self._by_id = [r for r in self._all if not r[3]]
        return self._by_id

    def rendered(self, row: Row, view: Hashable, render: Callable[[Row], Any]) -> orjson.Fragment:
        """``render(row)`` as JSON, made once per row and view while the row stays unchanged."""
        key = (row[0], view)
        hit = self._rendered.get(key)
        if hit is not None and hit[0] == row:  # equal values are the very same objects: fast
            return hit[1]
        if len(self._rendered) >= MAX_RENDERED:
            self._rendered.clear()  # bounded memory; the next pages fill it again
        fragment = orjson.Fragment(dumps_to_keep(render(row)))
        self._rendered[key] = (row.stored, fragment)
        return fragment

    def page(self, key: Hashable) -> Any:
        """A page kept by ``keep_page`` since the table last changed, or None."""
        return self._pages.get(key)

    def keep_page(self, key: Hashable, page: Any, rows: int) -> None:
        """Keep ``page`` (of ``rows`` rows) under ``key``; at most MAX_RENDERED rows in all."""
        if self._page_rows + rows > MAX_RENDERED:
            self._forget_pages()
        self._pages[key] = page
        self._page_rows += rows

    def _forget_pages(self) -> None:
        if self._pages:
            self._pages.clear()
            self._page_rows = 0

    def rendered_rows(
        self, rows: Iterable[Row], view: Hashable, render: Callable[[Row], Any]
    ) -> list[orjson.Fragment]:
        """``rendered`` for each of ``rows``, in one loop (a page runs this for every row)."""
        cache = self._rendered
        shown: list[orjson.Fragment] = []
        for row in rows:
            hit = cache.get((row[0], view))  # row[0]: the id, read straight off the tuple
            if hit is not None and hit[0] == row:
                shown.append(hit[1])
            else:
                shown.append(self.rendered(row, view, render))
        return shown

    def insert(self, ident: RowId, data: dict[str, Any], now: datetime) -> Row:
        rows = self._all
        if rows and not rows[-1][0] < ident and self._place(ident) >= 0:  # new ids come last
            raise KeyError(f"{self.name} {ident} exists")
        row = Row.make(ident, data, self._next_seq(), ticks_of(now))
        self._put(ident, None, row)
        return row

    def update(self, ident: RowId, changes: dict[str, Any], now: datetime) -> Row:
        old = self._existing(ident)
        row = Row.make(ident, {**Row(old).data, **changes}, self._next_seq(), ticks_of(now))
        self._put(ident, old, row)
        return row

    def delete(self, ident: RowId, now: datetime) -> Row:
        old = self._existing(ident)
        row = Row(old).changed(self._next_seq(), ticks_of(now), deleted=True)
        self._put(ident, old, row)
        return row

    def _existing(self, ident: RowId) -> Stored:
        place = self._place(ident)
        if place < 0:
            raise KeyError(f"{self.name} {ident} does not exist")
        return self._all[place]

    def _put(self, ident: RowId, old: Stored | None, new: Row) -> None:
        row = new.stored
        self._touch(self, ident, old)
        self._store(ident, row)
        self._forget_pages()
        if self._by_seq is not None:  # the new row has the tenant's newest sequence number
            if old is not None:
                del self._by_seq[bisect_left(self._by_seq, old[1], key=_seq)]
            self._by_seq.append(row)
        if self._by_id is not None:
            if old is not None and not old[3]:
                del self._by_id[bisect_left(self._by_id, ident, key=_id)]
            if not row[3]:
                if not self._by_id or _id(self._by_id[-1]) < ident:
                    self._by_id.append(row)
                else:
                    insort(self._by_id, row, key=_id)

    # Used by undo and by loading saved state; bypass the change counter on purpose.
    def restore(self, rows: Mapping[RowId, Stored | None]) -> None:
        """Put back each id's row as given (None: the id had no row); ``Row`` or as stored."""
        if len(rows) <= 16:
            for ident, row in rows.items():
                if row is not None:
                    self._store(ident, tuple(row))
                elif (place := self._place(ident)) >= 0:
                    del self._all[place]
        else:  # one pass, not one list shift per row: undoing or loading 100,000 rows
            kept = [row for row in self._all if row[0] not in rows]
            kept.extend(tuple(row) for row in rows.values() if row is not None)
            kept.sort(key=_id)  # mostly in order already: a merge, close to linear
            self._all = kept
        self._by_seq = self._by_id = None
        self._forget_pages()

    def _store(self, ident: RowId, row: Stored) -> None:
        rows = self._all
        if not rows or rows[-1][0] < ident:
            rows.append(row)
        elif (place := self._place(ident)) >= 0:
            rows[place] = row
        else:
            insort(rows, row, key=_id)

    def raw(self, ident: RowId) -> Row | None:
        return self.get(ident, include_deleted=True)


_seq = itemgetter(1)  # Row.seq, read straight off the tuple: these run inside bisect and sort
_id = itemgetter(0)  # Row.id
