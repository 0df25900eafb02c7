"""``--state FILE``: the world kept in SQLite, written through at the end of every transaction.

Memory stays the working copy (reads never touch the disk); SQLite is the durable copy, loaded once
at start. Each transaction's changed rows are written and committed before the request that made
them is answered, so a killed process loses nothing it acknowledged. WAL mode keeps a commit cheap.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from mockst.identity.model import IDENTITY_KINDS, to_json
from mockst.store import snapshot
from mockst.store.world import Transaction, World

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS identity (
    kind TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, key));
CREATE TABLE IF NOT EXISTS rows (
    tenant INTEGER NOT NULL, tbl TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (tenant, tbl, id));
"""


# The file's schema, in SQLite's own header field (PRAGMA user_version). 0 is a file this mockst
# has not written yet: empty, or made before the field was used (then it has our three tables).
STATE_VERSION = 1
OUR_TABLES = frozenset({"meta", "identity", "rows"})


class StateFileError(Exception):
    """Why ``--state`` cannot be used, as one line naming the file and what to do."""


def _explain(path: Path, exc: sqlite3.Error) -> str:
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        return (
            f"{path} is not a mockst state file (not SQLite, or damaged): restore it from a "
            "backup, or move it away, or pass another --state file"
        )
    if "readonly" in text or "read-only" in text:
        return f"{path} is read-only: make it and its folder writable, or pass another --state file"
    if "unable to open" in text:
        return (
            f"cannot open or create {path}: its folder must exist and be writable by this user, "
            "or pass another --state file"
        )
    return f"{path}: {text}"


class SqliteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._check_schema()
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
            self.db.execute(f"PRAGMA user_version = {STATE_VERSION}")
            self.db.execute("BEGIN IMMEDIATE")  # proves the file takes writes, before any is owed
            self.db.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise StateFileError(_explain(self.path, exc)) from None

    def _check_schema(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > STATE_VERSION:
            raise StateFileError(
                f"{self.path} was written by a newer mockst (state schema {version}; this one "
                f"reads {STATE_VERSION}): run that version, or pass another --state file"
            )
        listed = self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {row[0] for row in listed}
        if tables and not tables >= OUR_TABLES:
            raise StateFileError(
                f"{self.path} is an SQLite database but not a mockst state file: "
                "pass another --state file"
            )

    def is_empty(self) -> bool:
        return self.db.execute("SELECT COUNT(*) FROM meta").fetchone()[0] == 0

    def load(self, world: World) -> None:
        """Fill an empty world from the file; ``StateFileError`` when it cannot be read whole
        (never a partly filled or empty world over saved data)."""
        try:
            self._load(world)
        except (sqlite3.Error, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StateFileError(
                f"{self.path} is damaged ({type(exc).__name__}: {exc}): restore it from a "
                "backup, or pass another --state file"
            ) from None

    def _load(self, world: World) -> None:
        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        doc: dict[str, Any] = {
            "format": snapshot.FORMAT,
            "version": snapshot.VERSION,
            "clock": json.loads(meta.get("clock", "null")),
            "signingKey": meta.get("signing_key"),
            "nextId": int(meta.get("next_id", world.next_id)),
            "nextTenantId": int(meta.get("next_tenant_id", world.next_tenant_id)),
            "identity": {kind: [] for kind in IDENTITY_KINDS},
            "tenants": {},
        }
        for kind, data in self.db.execute("SELECT kind, data FROM identity"):
            doc["identity"][kind].append(json.loads(data))
        for tenant, tbl, data in self.db.execute("SELECT tenant, tbl, data FROM rows"):
            t = doc["tenants"].setdefault(
                str(tenant), {"seq": int(meta.get(f"seq:{tenant}", 0)), "tables": {}}
            )
            t["tables"].setdefault(tbl, []).append(json.loads(data))
        persistence, world.persistence = world.persistence, None
        try:
            snapshot.import_world(world, doc)
        finally:
            world.persistence = persistence

    def save(self, world: World, txn: Transaction) -> None:
        db = self.db
        db.execute("BEGIN")
        try:
            if txn.reset_all:
                db.execute("DELETE FROM identity")
                db.execute("DELETE FROM rows")
                db.execute("DELETE FROM meta")
                self._write_everything(world)
            for tenant in txn.tenants_dropped:
                db.execute("DELETE FROM rows WHERE tenant = ?", (tenant,))
            for kind, key in txn.identity:
                record = world.identity[kind].get(key)
                if record is None:
                    db.execute("DELETE FROM identity WHERE kind = ? AND key = ?", (kind, key))
                else:
                    db.execute(
                        "INSERT OR REPLACE INTO identity VALUES (?, ?, ?)",
                        (kind, key, json.dumps(to_json(record))),
                    )
            for (tenant, name), touched in txn.rows.items():
                data = world.tenants.get(tenant)
                table = data.tables.get(name) if data else None
                for ident in touched:
                    row = table.raw(ident) if table else None
                    if row is None:
                        db.execute(
                            "DELETE FROM rows WHERE tenant = ? AND tbl = ? AND id = ?",
                            (tenant, name, json.dumps(ident)),
                        )
                    else:
                        saved = json.dumps(snapshot.row_to_json(row))
                        db.execute(
                            "INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?)",
                            (tenant, name, json.dumps(ident), saved),
                        )
            self._write_meta(world, txn.meta)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _write_meta(self, world: World, keys: set[str]) -> None:
        values = {
            "clock": json.dumps(world.clock.snapshot()),
            "signing_key": world.signing_key,
            "next_id": str(world.next_id),
            "next_tenant_id": str(world.next_tenant_id),
        }
        for key in keys:
            if key.startswith("seq:"):
                data = world.tenants.get(int(key[4:]))
                values[key] = str(data.seq if data else 0)
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())

    def _write_everything(self, world: World) -> None:
        for kind, records in world.identity.items():
            for key, record in records.items():
                self.db.execute(
                    "INSERT OR REPLACE INTO identity VALUES (?, ?, ?)",
                    (kind, key, json.dumps(to_json(record))),
                )
        for tid, data in world.tenants.items():
            for name, table in data.tables.items():
                for row in table.rows(include_deleted=True):
                    self.db.execute(
                        "INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?)",
                        (tid, name, json.dumps(row.id), json.dumps(snapshot.row_to_json(row))),
                    )
        self._write_meta(world, {f"seq:{tid}" for tid in world.tenants})

    def close(self) -> None:
        self.db.close()
