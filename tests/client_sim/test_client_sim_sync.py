"""A full sync of 3,000 customers: by pages, and by the export feed resumed from a saved token.

The customers are seeded straight into the simulator's world (``mockst.seed.populate_tenant``, the
same handlers the API runs, with createdOn/modifiedOn spread over two years), so the test spends
its time reading, not creating. The export is read halfway by one client, its ``continueFrom``
token saved; customers on both sides of that point are edited; a *new* client resumes from the
token. Nothing is missed, nothing is doubled, and each edit arrives exactly once after the resume
point: held back while it is younger than 15 minutes, delivered with ``includeRecentChanges`` or
once the simulator's clock has moved past the 15 minutes.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from mockst_client import ExportBatch

from mockst.seed import populate_tenant

CUSTOMERS = 3000
BATCH = 500  # Config.export_batch_size: the simulator's export batch
PAGE = 500
EDITS_PER_HALF = 10


@pytest.fixture
def seeded(sim: Any, tenant: dict[str, Any]) -> dict[str, Any]:
    counts = populate_tenant(
        sim.world, tenant["tenantId"], seed=11, customers=CUSTOMERS, bookings=0, leads=0
    )
    assert counts["customers"] == CUSTOMERS
    return tenant


def test_full_sync_by_pages(sim: Any, seeded: dict[str, Any]) -> None:
    with sim.client(seeded) as client:
        rows = list(client.customers.iter_all(page_size=PAGE))
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)) == CUSTOMERS
    pages = sim.api_calls(seeded, operation="Customers_GetList")
    assert len(pages) == CUSTOMERS // PAGE == 6
    assert [p["query"] for p in pages][-1].startswith("page=6&pageSize=500")

    async def read_async() -> list[int]:
        async with sim.async_client(seeded) as client:
            return [row["id"] async for row in client.customers.iter_all(page_size=1000)]

    assert asyncio.run(read_async()) == ids  # same order, same rows, 3 more pages
    assert len(sim.api_calls(seeded, operation="Customers_GetList")) == 6 + 3


def read(feed: Any, batches: int | None = None) -> tuple[list[ExportBatch], str]:
    """Up to ``batches`` batches (all while hasMore when None) and the token to resume from.

    Like a connector: store a batch's rows, then its token, so a crash can never skip rows.
    """
    got: list[ExportBatch] = []
    for batch in feed:
        got.append(batch)
        if batches is not None and len(got) == batches:
            break
    return got, feed.continue_from


def rows_of(batches: list[ExportBatch]) -> list[dict[str, Any]]:
    return [row for batch in batches for row in batch.data]


def test_export_resumed_halfway_in_a_new_client(sim: Any, seeded: dict[str, Any]) -> None:
    store: dict[int, dict[str, Any]] = {}

    # Client one reads half the feed (3 batches of 500) and saves its token, then goes away.
    with sim.client(seeded) as first:
        before, saved = read(first.customers.export(), batches=3)
    assert [len(b.data) for b in before] == [BATCH] * 3 and all(b.has_more for b in before)
    delivered_before = [row["id"] for row in rows_of(before)]
    assert len(set(delivered_before)) == CUSTOMERS // 2
    store.update({row["id"]: row for row in rows_of(before)})

    # Meanwhile the office edits 10 customers already synced and 10 not yet reached.
    with sim.client(seeded) as office:
        everyone = sorted(row["id"] for row in office.customers.iter_all(page_size=5000))
        synced = sorted(store)
        pending = sorted(set(everyone) - set(store))
        edited = synced[:: len(synced) // EDITS_PER_HALF][:EDITS_PER_HALF]
        edited += pending[:: len(pending) // EDITS_PER_HALF][:EDITS_PER_HALF]
        for customer_id in edited:
            office.customers.update(customer_id, {"name": f"Edited {customer_id}"})
    assert len(set(edited)) == 2 * EDITS_PER_HALF

    # A new client resumes from the saved token. The edits are minutes old: held back.
    after: list[dict[str, Any]] = []
    with sim.client(seeded) as second:
        resumed, token = read(second.customers.export(from_=saved))
        assert [len(b.data) for b in resumed] == [500, 500, 490]
        assert not resumed[-1].has_more
        after += rows_of(resumed)
        assert not {row["id"] for row in after} & set(edited)

        # Asked for, the recent changes come at once: the 20 edits, in the order made.
        recent, _ = read(second.customers.export(from_=token, include_recent_changes=True))
        assert [row["id"] for row in rows_of(recent)] == edited

        # The connector's regular poll, after the simulator's clock passes the 15 minutes.
        sim.advance_clock(15 * 60 + 1)
        polled, token = read(second.customers.export(from_=token))
        assert [row["id"] for row in rows_of(polled)] == edited
        after += rows_of(polled)

        # Caught up: the next poll is empty and keeps the token.
        (idle,), final = read(second.customers.export(from_=token))
        assert (idle.data, idle.has_more, final) == ([], False, token)

    # Nothing doubled after the resume point: every row once, each edit exactly once.
    after_ids = [row["id"] for row in after]
    assert len(after_ids) == len(set(after_ids)) == CUSTOMERS // 2 + EDITS_PER_HALF
    # Only the customers edited after being synced come again; nothing missed overall.
    assert set(delivered_before) & set(after_ids) == set(edited[:EDITS_PER_HALF])
    assert set(delivered_before) | set(after_ids) == set(everyone)
    store.update({row["id"]: row for row in after})
    assert len(store) == CUSTOMERS
    for customer_id in edited:
        assert store[customer_id]["name"] == f"Edited {customer_id}"

    # The store now equals the API's current state, field for field that both show.
    with sim.client(seeded) as check:
        current = {row["id"]: row for row in check.customers.iter_all(page_size=5000)}
    assert {i: (r["name"], r["modifiedOn"]) for i, r in store.items()} == {
        i: (r["name"], r["modifiedOn"]) for i, r in current.items()
    }
    # Export calls on the wire: 3 + 3 resumed + 1 recent + 1 poll + 1 idle, all answered 200, plus
    # one 401: jumping the simulator's clock 15 minutes expired the second client's token behind
    # its back (its own clock did not move); it fetched a new one once and repeated the call.
    exports = sim.api_calls(seeded, path="/crm/v2/tenant/*/export/customers")
    assert [e["status"] for e in exports] == [200] * 7 + [401] + [200] * 2
    assert len(sim.token_requests(seeded)) == 1 + 1 + 2 + 1  # first, office, second (x2), check
