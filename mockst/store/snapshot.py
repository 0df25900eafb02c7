"""The whole world as one JSON document: seed files, snapshots, the SQLite backend's rows."""

from __future__ import annotations

from typing import Any

from mockst.encoding import format_ticks, parse_ticks
from mockst.identity.model import IDENTITY_KEYS, IDENTITY_KINDS, from_json, to_json
from mockst.store.table import Row
from mockst.store.world import World

FORMAT = "mockst-world"
VERSION = 1


def row_to_json(row: Row) -> dict[str, Any]:
    return {
        "id": row.id,
        "seq": row.seq,
        "changedAt": format_ticks(row.changed_ticks),
        "deleted": row.deleted,
        "data": row.data,
    }


def row_from_json(item: dict[str, Any]) -> Row:
    return Row.make(
        item["id"],
        item["data"],
        int(item["seq"]),
        parse_ticks(item["changedAt"]),
        bool(item.get("deleted", False)),
    )


def export_world(world: World) -> dict[str, Any]:
    with world.reading():
        return {
            "format": FORMAT,
            "version": VERSION,
            "clock": world.clock.snapshot(),
            "signingKey": world.signing_key,
            "nextId": world.next_id,
            "nextTenantId": world.next_tenant_id,
            "identity": {
                kind: [to_json(r) for r in records.values()]
                for kind, records in world.identity.items()
            },
            "tenants": {
                str(tid): {
                    "seq": data.seq,
                    "tables": {
                        name: [row_to_json(r) for r in table.rows(include_deleted=True)]
                        for name, table in data.tables.items()
                    },
                }
                for tid, data in world.tenants.items()
            },
        }


def identity_key(kind: str, record: Any) -> str:
    return str(getattr(record, IDENTITY_KEYS[kind]))


def import_world(world: World, doc: dict[str, Any], *, keep_clock: bool = False) -> None:
    """Replace the world's contents with ``doc`` (as written by ``export_world``).

    Raises ValueError on a document that is not a mockst world, before anything changes.
    """
    if doc.get("format") != FORMAT or doc.get("version") != VERSION:
        raise ValueError(f"not a {FORMAT} document of version {VERSION}")
    identity = {
        kind: [
            from_json(IDENTITY_KINDS[kind], item) for item in doc.get("identity", {}).get(kind, [])
        ]
        for kind in IDENTITY_KINDS
    }
    tenants = {
        int(tid): (
            int(t.get("seq", 0)),
            {name: [row_from_json(item) for item in rows] for name, rows in t["tables"].items()},
        )
        for tid, t in doc.get("tenants", {}).items()
    }
    with world.transaction():
        world.reset()
        if not keep_clock and doc.get("clock"):
            world.clock.restore(doc["clock"])
        world.signing_key = doc.get("signingKey") or world.signing_key
        world.next_id = int(doc.get("nextId", world.next_id))
        world.next_tenant_id = int(doc.get("nextTenantId", world.next_tenant_id))
        for kind, records in identity.items():
            for record in records:
                world.put_identity(kind, identity_key(kind, record), record)
        for tid, (seq, tables) in tenants.items():
            data = world.tenant_data(tid)
            data.seq = seq
            for name, rows in tables.items():
                table = data.table(name)
                for row in rows:
                    world._touch_row(table, row.id, None)
                table.restore({row.id: row for row in rows})
