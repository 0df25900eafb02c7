"""The table's ordered views stay equal to a fresh sort through any sequence of changes."""

from __future__ import annotations

import gc
import random
from datetime import UTC, datetime

import orjson
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from mockst.api.listing import active_filter, page_of
from mockst.api.operation import Call
from mockst.config import Config
from mockst.store import snapshot
from mockst.store.row import Row
from mockst.store.world import World

NOW = datetime(2026, 1, 1, tzinfo=UTC)
changes = st.lists(
    st.tuples(st.sampled_from(["insert", "update", "delete", "read"]), st.integers(0, 30)),
    max_size=60,
)


@given(changes)
def test_views_match_a_fresh_sort(steps: list[tuple[str, int]]) -> None:
    world = World()
    with world.transaction():
        table = world.tenant_data(1).table("things")
        for action, key in steps:
            ident = 100 + key
            row = table.raw(ident)
            if action == "insert" and row is None:
                table.insert(ident, {"id": ident}, NOW)
            elif action == "update" and row is not None and not row.deleted:
                table.update(ident, {"n": key}, NOW)
            elif action == "delete" and row is not None and not row.deleted:
                table.delete(ident, NOW)
            else:  # build the views now, so later changes must keep them current
                table.in_change_order()
                table.in_id_order()
            everything = list(table.rows(include_deleted=True))
            assert table.in_change_order() == sorted(everything, key=lambda r: r.seq)
            assert table.in_id_order() == sorted(table.rows(), key=lambda r: r.id)


def test_undo_rebuilds_the_views() -> None:
    world = World()
    with world.transaction():
        table = world.tenant_data(1).table("things")
        table.insert(1, {"id": 1}, NOW)
    table.in_change_order()
    try:
        with world.transaction():
            table.update(1, {"n": 1}, NOW)
            table.insert(2, {"id": 2}, NOW)
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    assert [Row(r).id for r in table.in_change_order()] == [1]
    assert Row(table.in_id_order()[0]).data == {"id": 1}


def test_rendered_rows_follow_changes_and_views() -> None:
    world = World()
    with world.transaction():
        table = world.tenant_data(1).table("things")
        first = table.insert(1, {"id": 1, "name": "old"}, NOW)
    calls = []

    def render(row):
        calls.append(row.id)
        return {"name": row.data["name"]}

    assert orjson.dumps(table.rendered(first, "v", render)) == b'{"name":"old"}'
    table.rendered(first, "v", render)
    assert calls == [1]  # made once for an unchanged row
    table.rendered(first, "other view", render)
    assert calls == [1, 1]
    with world.transaction():
        changed = table.update(1, {"name": "new"}, NOW)
    assert orjson.dumps(table.rendered(changed, "v", render)) == b'{"name":"new"}'


def test_lists_show_a_change_at_once(client, onboard) -> None:
    creds = onboard()
    tags = f"{creds['crm']}/booking-provider-tags"
    before = client.get(tags, headers=creds["headers"]).json()["data"]
    tag_id = before[0]["id"]
    patched = client.patch(f"{tags}/{tag_id}", headers=creds["headers"], json={"tagName": "New"})
    assert patched.status_code == 200
    after = client.get(tags, headers=creds["headers"]).json()["data"]
    assert [t["tagName"] for t in after] == ["New"]


class _Thing(BaseModel):
    id: int
    n: int | None = None


_pages = st.lists(
    st.tuples(
        st.sampled_from(["insert", "update", "deactivate", "delete", "fail", "list"]),
        st.integers(0, 12),
        st.sampled_from(["True", "False", "Any"]),
        st.integers(1, 3),
        st.booleans(),
    ),
    max_size=40,
)


@given(_pages)
def test_kept_pages_equal_pages_made_afresh(steps: list[tuple[str, int, str, int, bool]]) -> None:
    world = World()
    config = Config()
    tenant = world.tenant_data(1)
    table = tenant.table("things")
    for action, key, active, page, total in steps:
        ident = 100 + key
        row = table.get(ident)
        try:
            with world.transaction():
                if action == "insert" and table.raw(ident) is None:
                    table.insert(ident, {"id": ident, "n": key}, NOW)
                elif action in ("update", "fail") and row is not None:
                    table.update(ident, {"n": (row.get("n") or 0) + 1}, NOW)
                    if action == "fail":
                        raise RuntimeError("undone")
                elif action == "deactivate" and row is not None:
                    table.update(ident, {"active": False}, NOW)
                elif action == "delete" and row is not None:
                    table.delete(ident, NOW)
        except RuntimeError:
            pass
        query = {"active": active, "page": page, "pageSize": 2, "includeTotal": total}
        call = Call(world, tenant, NOW, config, None, {}, query, None)  # type: ignore[arg-type]
        kept = page_of(call, table, _Thing, (active_filter(),))
        again = page_of(call, table, _Thing, (active_filter(),))
        table._forget_pages()
        fresh = page_of(call, table, _Thing, (active_filter(),))
        assert orjson.dumps(kept) == orjson.dumps(again) == orjson.dumps(fresh)


def test_large_changes_are_undone_and_loaded_whatever_the_order() -> None:
    order = list(range(0, 400, 2))
    random.Random(7).shuffle(order)
    world = World()
    with world.transaction():
        table = world.tenant_data(1).table("things")
        for key in order:
            table.insert(1000 + key, {"id": 1000 + key, "n": key}, NOW)
    before = [(r.id, r.data, r.deleted) for r in table.rows(include_deleted=True)]
    try:
        with world.transaction():
            for key in order[:100]:
                table.update(1000 + key, {"n": -key}, NOW)
                table.insert(1001 + key, {"id": 1001 + key}, NOW)  # between existing ids
            for key in order[100:150]:
                table.delete(1000 + key, NOW)
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    assert [(r.id, r.data, r.deleted) for r in table.rows(include_deleted=True)] == before
    doc = snapshot.export_world(world)
    rows = doc["tenants"]["1"]["tables"]["things"]
    rows.reverse()  # a saved file need not list rows in id order
    loaded = World()
    snapshot.import_world(loaded, doc)
    again = loaded.tenant_data(1).table("things")
    assert [(r.id, r.data, r.deleted) for r in again.rows(include_deleted=True)] == before
    assert again.get(1000 + order[0]).get("n") == order[0]


def test_the_collector_leaves_stored_rows_alone() -> None:
    """What a table keeps holds no container, so CPython untracks it: the collector's full passes
    do not walk every stored row (they did, and create latency grew with the rows stored)."""
    world = World()
    with world.transaction():
        table = world.tenant_data(1).table("things")
        for ident in range(1, 50):
            record = {"id": ident, "address": {"city": "Austin"}, "tags": [1, {"a": None}]}
            table.insert(ident, record, NOW)
        table.update(7, {"name": "changed"}, NOW)
        table.delete(8, NOW)
    gc.collect()
    stored = table.in_change_order()
    assert len(stored) == 49 and not any(gc.is_tracked(row) for row in stored)
    assert table.get(7).get("tags") == [1, {"a": None}]  # what a table hands out reads as before
