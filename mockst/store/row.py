"""One stored row, packed.

A row is stored packed, because a tenant with 100,000 customers holds about half a million rows:
one tuple ``(id, seq, changed_at, deleted, shape, *values)``, where the shape (shared by every row
with the same field names in the same order) maps each field name to its place, and nested objects
and lists are packed the same way. A row of dicts cost about 1.3 KB; packed, about 0.4 KB
(``docs/benchmarks.md``). ``row.get(name)`` reads one field; ``row.data`` rebuilds the whole
record as a new dict, so changing that dict never changes the row.
"""

from __future__ import annotations

import weakref
from itertools import islice
from operator import itemgetter
from typing import Any

RowId = int | str


class Shape:
    """The field names of a packed object, in order, with each name's place."""

    __slots__ = ("__weakref__", "index", "keys")

    def __init__(self, keys: tuple[str, ...]) -> None:
        self.keys = keys
        self.index = {key: place for place, key in enumerate(keys)}


# One Shape per distinct key order, alive while some packed value uses it.
_SHAPES: weakref.WeakValueDictionary[tuple[str, ...], Shape] = weakref.WeakValueDictionary()


def shape_of(keys: tuple[str, ...]) -> Shape:
    shape = _SHAPES.get(keys)
    if shape is None:
        shape = _SHAPES[keys] = Shape(keys)
    return shape


def pack(value: Any) -> Any:
    """JSON-like ``value`` as tuples: an object becomes ``(shape, *values)``, a list a tuple."""
    kind = type(value)
    if kind is dict:
        if not value:
            return _EMPTY_OBJECT
        return (shape_of(tuple(value)), *map(pack, value.values()))
    if kind is list or kind is tuple:
        return tuple(map(pack, value))
    return value


_EMPTY_OBJECT = (shape_of(()),)  # shared: most rows carry an empty externalDataByApp


def unpack(value: Any) -> Any:
    """The inverse of ``pack``: fresh dicts and lists."""
    if type(value) is not tuple:
        return value
    if value and type(value[0]) is Shape:
        return dict(zip(value[0].keys, map(unpack, islice(value, 1, None)), strict=True))
    return list(map(unpack, value))


_HEADER = 5  # id, seq, changed_at, deleted, shape


class Row(tuple[Any, ...]):
    """One packed row (see the module's docstring). Immutable; a change makes a new Row."""

    __slots__ = ()

    id: RowId = property(itemgetter(0))  # type: ignore[assignment]
    # the tenant's change counter when this row last changed: export order
    seq: int = property(itemgetter(1))  # type: ignore[assignment]
    changed_at: Any = property(itemgetter(2))  # a datetime  # type: ignore[assignment]
    deleted: bool = property(itemgetter(3))  # type: ignore[assignment]

    @classmethod
    def make(
        cls, ident: RowId, data: dict[str, Any], seq: int, changed_at: Any, deleted: bool = False
    ) -> Row:
        shape = shape_of(tuple(data))
        return cls((ident, seq, changed_at, deleted, shape, *map(pack, data.values())))

    def changed(self, seq: int, changed_at: Any, *, deleted: bool | None = None) -> Row:
        """The same record under a new change stamp (and, if given, deletion mark)."""
        flag = self[3] if deleted is None else deleted
        return Row((self[0], seq, changed_at, flag, *islice(self, 4, None)))

    def get(self, key: str, default: Any = None) -> Any:
        """One field of the record, unpacked; ``default`` when the record has no such field."""
        place = self[4].index.get(key)
        if place is None:
            return default
        value = self[_HEADER + place]
        return unpack(value) if type(value) is tuple else value

    @property
    def data(self) -> dict[str, Any]:
        """The whole record as a new dict."""
        return dict(zip(self[4].keys, map(unpack, islice(self, _HEADER, None)), strict=True))

    @property
    def active(self) -> bool:
        """Visible as active: not deleted and not flagged inactive by the resource itself."""
        return not self[3] and self.get("active", True) is not False

    def __repr__(self) -> str:
        return f"Row(id={self[0]!r}, seq={self[1]!r}, deleted={self[3]!r}, data={self.data!r})"
