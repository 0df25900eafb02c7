"""One stored row, packed.

A tenant with 100,000 customers holds about half a million rows, so a row is kept small: one
tuple ``(id, seq, changed_ticks, deleted, shape, values)`` where the shape (by its number; shared by
every row with the same field names in the same order) maps each field name to its place, and
``values`` is the
record's field values in that order, marshalled to bytes (nested objects as ``(shape number,
*values)``, so no field name is stored twice). A record held as a dict cost about 1.3 KB; packed,
about 0.3 KB (``docs/benchmarks.md``). The price is decoding on read: a microsecond or two to read
one field, about five to rebuild a whole customer.

``row.get(name)`` reads one field; ``row.data`` rebuilds the whole record as a new dict, so
changing that dict never changes the row.

A table stores each row as a plain tuple (``Row.stored``) holding only numbers, text and
bytes, the shape by its number: CPython's collector untracks such tuples, so its full passes do
not walk every stored row (they did, and a create's p99 grew with the rows stored). What a table
hands out is a ``Row``, the same six values with the methods above.
"""

from __future__ import annotations

import marshal
from operator import itemgetter
from typing import Any

from mockst.encoding import to_keep

RowId = int | str


class Shape:
    """The field names of an object, in order, with each name's place; which fields hold nested
    objects (reading a record unpacks only those); and whether the record says ``active:
    false`` (so filtering by activity never decodes). One per distinct combination."""

    __slots__ = ("inactive", "index", "keys", "nested", "number")

    def __init__(
        self, keys: tuple[str, ...], nested: tuple[str, ...], inactive: bool, number: int
    ) -> None:
        self.keys = keys
        self.nested = nested
        self.inactive = inactive
        self.number = number
        self.index = {key: place for place, key in enumerate(keys)}


# Every shape ever packed, by key order and by number; as many as there are distinct key orders
# among stored objects (a few dozen), so they are kept for the life of the process.
_BY_KEYS: dict[tuple[tuple[str, ...], tuple[str, ...], bool], Shape] = {}
_BY_NUMBER: list[Shape] = []


def _holds_object(packed: Any) -> bool:
    kind = type(packed)
    return kind is tuple or (kind is list and any(map(_holds_object, packed)))


_CONTAINERS = frozenset((dict, list, tuple))


def _pack_object(value: dict[str, Any], inactive: bool = False) -> tuple[Shape, list[Any]]:
    """The object's shape and its values in the shape's order, containers packed."""
    keys = tuple(value)
    packed = list(value.values())
    nested: tuple[str, ...] = ()
    # Most values are plain: find the few containers with C-level passes, not a Python loop.
    if not _CONTAINERS.isdisjoint(map(type, packed)):
        for place, kind in enumerate(map(type, packed)):
            if kind in _CONTAINERS:
                item = packed[place] = _pack(packed[place])
                if _holds_object(item):
                    nested += (keys[place],)
    shape = _BY_KEYS.get((keys, nested, inactive))
    if shape is None:
        shape = _BY_KEYS[keys, nested, inactive] = Shape(keys, nested, inactive, len(_BY_NUMBER))
        _BY_NUMBER.append(shape)
    return shape, packed


def _pack(value: Any) -> Any:
    """A JSON-like value made of what marshal writes: an object becomes ``(shape number,
    *values)``, a list stays a list."""
    kind = type(value)
    if kind is dict:
        shape, packed = _pack_object(value)
        return (shape.number, *packed)
    if kind is list or kind is tuple:
        return list(map(_pack, value))
    return value


def _record(shape: Shape, values: Any) -> dict[str, Any]:
    record = dict(zip(shape.keys, values))  # noqa: B905 - same length by construction; hot
    for key in shape.nested:
        record[key] = _unpack(record[key])
    return record


def _unpack(value: Any) -> Any:
    if type(value) is tuple:
        return _record(_BY_NUMBER[value[0]], value[1:])
    if type(value) is list:
        return [_unpack(item) for item in value]
    return value


class Row(tuple[Any, ...]):
    """One packed row (see the module's docstring). Immutable; a change makes a new Row."""

    __slots__ = ()

    id: RowId = property(itemgetter(0))  # type: ignore[assignment]
    # the tenant's change counter when this row last changed: export order
    seq: int = property(itemgetter(1))  # type: ignore[assignment]
    # when it last changed, in 100-ns ticks since the epoch (an int: the collector ignores it)
    changed_ticks: int = property(itemgetter(2))  # type: ignore[assignment]
    deleted: bool = property(itemgetter(3))  # type: ignore[assignment]

    @classmethod
    def make(
        cls, ident: RowId, data: dict[str, Any], seq: int, changed_ticks: int, deleted: bool = False
    ) -> Row:
        shape, packed = _pack_object(data, data.get("active", True) is False)
        try:
            values = marshal.dumps(packed)
        except ValueError:  # e.g. an enum member or a datetime where its wire text belongs
            raise TypeError(f"row {ident!r} holds a value that is not plain JSON data") from None
        return cls((ident, seq, changed_ticks, deleted, shape.number, to_keep(values)))

    @property
    def stored(self) -> tuple[Any, ...]:
        """The same six values as a plain tuple: what a table keeps (the collector untracks it)."""
        return tuple(self)

    def changed(self, seq: int, changed_ticks: int, *, deleted: bool | None = None) -> Row:
        """The same record under a new change stamp (and, if given, deletion mark)."""
        flag = self[3] if deleted is None else deleted
        return Row((self[0], seq, changed_ticks, flag, self[4], self[5]))

    def get(self, key: str, default: Any = None) -> Any:
        """One field of the record, unpacked; ``default`` when the record has no such field."""
        shape = _BY_NUMBER[self[4]]
        place = shape.index.get(key)
        if place is None:
            return default
        value = marshal.loads(self[5])[place]
        return _unpack(value) if key in shape.nested else value

    @property
    def data(self) -> dict[str, Any]:
        """The whole record as a new dict."""
        return _record(_BY_NUMBER[self[4]], marshal.loads(self[5]))

    @property
    def active(self) -> bool:
        """Visible as active: not deleted and not flagged inactive by the resource itself."""
        return not self[3] and not _BY_NUMBER[self[4]].inactive

    def __repr__(self) -> str:
        return f"Row(id={self[0]!r}, seq={self[1]!r}, deleted={self[3]!r}, data={self.data!r})"
