"""Packed rows give back exactly the record they were made from, however it is nested."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mockst.store.row import Row
from mockst.store.world import World

NOW = datetime(2026, 1, 1, tzinfo=UTC)
TICKS = 17_672_256_000_000_000  # NOW in 100-ns ticks since the epoch: what a row keeps

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
records = st.dictionaries(st.text(max_size=12), json_values, max_size=12)


@given(records, st.booleans())
def test_a_record_comes_back_whole_and_field_by_field(
    record: dict[str, Any], deleted: bool
) -> None:
    row = Row.make(7, record, 3, TICKS, deleted)
    assert row.data == record
    assert list(row.data) == list(record)  # field order kept: responses follow it
    for key, value in record.items():
        assert row.get(key) == value
    assert row.get("\x00 not a field", "absent") == "absent"
    assert (row.id, row.seq, row.changed_ticks, row.deleted) == (7, 3, TICKS, deleted)
    later = row.changed(4, TICKS, deleted=True)
    assert later.data == record and later.deleted and later.seq == 4


def test_reading_gives_copies_that_cannot_change_the_row() -> None:
    record = {"tags": [1, 2], "address": {"city": "Austin"}, "notes": [{"a": 1}]}
    row = Row.make(1, record, 1, TICKS)
    row.data["tags"].append(3)
    row.get("address")["city"] = "Dallas"
    row.get("notes")[0]["a"] = 2
    assert row.data == {"tags": [1, 2], "address": {"city": "Austin"}, "notes": [{"a": 1}]}


@pytest.mark.parametrize(
    ("record", "deleted", "active"),
    [
        ({"id": 1}, False, True),  # no active field: active
        ({"id": 1, "active": True}, False, True),
        ({"id": 1, "active": False}, False, False),
        ({"id": 1, "active": None}, False, True),  # only an explicit false deactivates
        ({"id": 1, "active": True}, True, False),
    ],
)
def test_active_reads_the_record_and_the_deletion_mark(
    record: dict[str, Any], deleted: bool, active: bool
) -> None:
    assert Row.make(1, record, 1, TICKS, deleted).active is active


def test_a_table_finds_rows_by_id_whatever_order_they_came_in() -> None:
    world = World()
    with world.transaction():
        table = world.tenant_data(1).table("things")
        for ident in (30, 10, 20):
            table.insert(ident, {"id": ident}, NOW)
        with pytest.raises(KeyError):
            table.insert(20, {"id": 20}, NOW)
        with pytest.raises(KeyError):
            table.update(25, {"n": 1}, NOW)
        table.delete(10, NOW)
    assert [r.id for r in table.rows(include_deleted=True)] == [10, 20, 30]
    assert table.get(10) is None and table.get(10, include_deleted=True) is not None
    assert table.get("20") is None  # an id of another kind is simply not there
    assert len(table) == 2


def test_tables_keyed_by_text_ids() -> None:
    world = World()
    with world.transaction():
        table = world.tenant_data(1).table("contacts")
        for ident in ("b-2", "a-1", "c-3"):
            table.insert(ident, {"id": ident}, NOW)
    assert [r.id for r in table.rows()] == ["a-1", "b-2", "c-3"]
    assert table.get("b-2").data == {"id": "b-2"}
    assert table.get(5) is None


def test_a_value_that_is_not_plain_json_is_refused_when_stored() -> None:
    # An enum member or a datetime belongs on the wire as its text; storing the object is a bug.
    with pytest.raises(TypeError, match="not plain JSON"):
        Row.make(1, {"when": datetime(2026, 1, 1, tzinfo=UTC)}, 1, TICKS)
