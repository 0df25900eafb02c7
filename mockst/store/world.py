"""The World: the identity records, every tenant's resource tables, the clock, and the counters.

All state lives here and changes only inside ``world.transaction()``: one writer at a time (a
re-entrant lock, so the in-process control plane and uvicorn's loop can share a world), every
change undone if the transaction fails, and every change handed to the persistence backend (SQLite
with ``--state``) before the transaction returns, so an acknowledged write is a durable write.
"""

from __future__ import annotations

import secrets
import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from mockst.clock import Clock
from mockst.store.table import Row, RowId, Table

FIRST_ENTITY_ID = 10_000_001
FIRST_TENANT_ID = 1_000_001


class Persistence(Protocol):
    def save(self, world: World, txn: Transaction) -> None: ...
    def close(self) -> None: ...


@dataclass
class TenantData:
    """One tenant's resource tables; each tenant counts its own changes for export order."""

    tenant_id: int
    world: World
    tables: dict[str, Table] = field(default_factory=dict)
    seq: int = 0
    seq_key: str = field(init=False, repr=False)  # the counter's name in a transaction's meta

    def __post_init__(self) -> None:
        self.seq_key = f"seq:{self.tenant_id}"

    def table(self, name: str) -> Table:
        table = self.tables.get(name)
        if table is None:
            table = Table(self.tenant_id, name, self._next_seq, self.world._touch_row)
            self.tables[name] = table
        return table

    def _next_seq(self) -> int:
        self.seq += 1
        self.world._touch_meta(self.seq_key)
        return self.seq



@dataclass(slots=True)
class Transaction:
    # (tenant, table) → row id → the row as it was before the transaction (None: it is new).
    # Nested rather than keyed by triples: a seeded tenant touches half a million rows at once.
    rows: dict[tuple[int, str], dict[RowId, Row | None]] = field(default_factory=dict)
    identity: dict[tuple[str, str], Any] = field(default_factory=dict)
    meta: set[str] = field(default_factory=set)
    tenants_dropped: set[int] = field(default_factory=set)
    reset_all: bool = False


class _TransactionScope:
    """What ``world.transaction()`` returns. A class rather than a generator-based context manager:
    every API call, read or write, runs inside one, and the generator's machinery cost more than
    the rest of a read's bookkeeping."""

    __slots__ = ("_nested", "_txn", "_world")

    def __init__(self, world: World) -> None:
        self._world = world

    def __enter__(self) -> Transaction:
        world = self._world
        world._lock.acquire()
        txn = world._txn
        self._nested = txn is not None  # nested: part of the outer transaction
        if txn is None:
            txn = world._txn = Transaction()
        self._txn = txn
        return txn

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        world = self._world
        try:
            if self._nested:
                return
            txn = self._txn
            try:
                if kind is not None:  # the body failed: none of its changes stay
                    world._undo(txn)
                elif world.persistence is not None:
                    try:
                        world.persistence.save(world, txn)
                    except BaseException:  # not durable, so not done
                        world._undo(txn)
                        raise
            finally:
                world._txn = None
        finally:
            world._lock.release()


class World:
    def __init__(self, clock: Clock | None = None, signing_key: str | None = None) -> None:
        self.clock = clock or Clock()
        self.signing_key = signing_key or secrets.token_urlsafe(32)
        self.next_id = FIRST_ENTITY_ID
        self.next_tenant_id = FIRST_TENANT_ID
        self.identity: dict[str, dict[str, Any]] = {
            "app": {},
            "tenant": {},
            "connection": {},
            "secret": {},
        }
        self.tenants: dict[int, TenantData] = {}
        self.app_keys: dict[str, str] = {}  # app key → app record key (identity.service)
        # Who belongs to whom, kept in step with every identity write, its undo and a reset: a
        # token request, a quickstart or a tenant reset then looks up its own few records
        # instead of scanning every connection and secret of a world that serves a CI fleet.
        self.secrets_by_client: dict[str, dict[str, None]] = {}  # client id → secret keys
        self.connections_by_tenant: dict[int, dict[str, None]] = {}  # tenant id → client ids
        self.grants: dict[tuple[Any, ...], Any] = {}  # the guard's past answers: a cache (guard)
        self.persistence: Persistence | None = None
        self._lock = threading.RLock()
        self._txn: Transaction | None = None

    # -- transactions -------------------------------------------------------------------------

    def transaction(self) -> _TransactionScope:
        """``with world.transaction() as txn:`` changes that all land or are all undone."""
        return _TransactionScope(self)

    def reading(self) -> AbstractContextManager[Any]:
        """``with world.reading():`` holds the lock while reading several things that must agree
        with each other (the lock itself: no generator to build on every API call)."""
        return self._lock

    def _undo(self, txn: Transaction) -> None:
        for (tenant_id, name), touched in txn.rows.items():
            data = self.tenants.get(tenant_id)
            if data is not None and name in data.tables:
                data.tables[name].restore(touched)
        for (kind, key), old in txn.identity.items():
            current = self.identity[kind].get(key)
            if old is None:
                self.identity[kind].pop(key, None)
            else:
                self.identity[kind][key] = old
            self._reindex(kind, key, current, old)

    def _require_txn(self) -> Transaction:
        if self._txn is None:
            raise RuntimeError("state changes only inside world.transaction()")
        return self._txn

    def _touch_row(self, table: Table, ident: RowId, old: Row | None) -> None:
        txn = self._require_txn()
        touched = txn.rows.get((table.tenant_id, table.name))
        if touched is None:
            touched = txn.rows[table.tenant_id, table.name] = {}
        touched.setdefault(ident, old)

    def _touch_meta(self, key: str) -> None:
        if self._txn is not None:
            self._txn.meta.add(key)

    # -- identity records ---------------------------------------------------------------------

    def put_identity(self, kind: str, key: str, record: Any) -> None:
        txn = self._require_txn()
        current = self.identity[kind].get(key)
        txn.identity.setdefault((kind, key), current)
        self.identity[kind][key] = record
        self._reindex(kind, key, current, record)

    def _reindex(self, kind: str, key: str, old: Any, new: Any) -> None:
        if kind == "app":
            if old is not None and self.app_keys.get(old.app_key) == key:
                del self.app_keys[old.app_key]
            if new is not None:
                self.app_keys[new.app_key] = key
            return
        if kind == "secret":
            index, field = self.secrets_by_client, "client_id"
        elif kind == "connection":
            index, field = self.connections_by_tenant, "tenant_id"
        else:
            return
        if old is not None:
            members = index.get(getattr(old, field))
            if members is not None:
                members.pop(key, None)
                if not members:
                    del index[getattr(old, field)]
        if new is not None:
            index.setdefault(getattr(new, field), {})[key] = None

    def get_identity(self, kind: str, key: str) -> Any:
        return self.identity[kind].get(key)

    # -- counters and tenants -----------------------------------------------------------------

    def new_id(self) -> int:
        """Ids are unique across the world, so one tenant's id never finds another's row."""
        self._require_txn()
        ident = self.next_id
        self.next_id += 1
        self._touch_meta("next_id")
        return ident

    def new_tenant_id(self) -> int:
        self._require_txn()
        while str(self.next_tenant_id) in self.identity["tenant"]:
            self.next_tenant_id += 1
        ident = self.next_tenant_id
        self.next_tenant_id += 1
        self._touch_meta("next_tenant_id")
        return ident

    def tenant_data(self, tenant_id: int) -> TenantData:
        data = self.tenants.get(tenant_id)
        if data is None:
            data = self.tenants[tenant_id] = TenantData(tenant_id, self)
        return data

    def drop_tenant_data(self, tenant_id: int) -> None:
        """Forget a tenant's resource rows (reset); its identity records stay."""
        txn = self._require_txn()
        self.tenants.pop(tenant_id, None)
        txn.tenants_dropped.add(tenant_id)

    def reset(self) -> None:
        """Forget everything but the signing key and the clock."""
        txn = self._require_txn()
        txn.reset_all = True
        for kind in self.identity:
            self.identity[kind].clear()
        self.app_keys.clear()
        self.secrets_by_client.clear()
        self.connections_by_tenant.clear()
        self.tenants.clear()
        self.next_id = FIRST_ENTITY_ID
        self.next_tenant_id = FIRST_TENANT_ID
