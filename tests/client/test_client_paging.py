"""Paging reads every page; export feeds follow continueFrom and resume from a saved token."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fakes import FakeServiceTitan, async_client, rate_limited, sync_client
from mockst_client import MAX_PAGE_SIZE, ExportBatch, ServiceTitanError


def test_iter_all_reads_every_page() -> None:
    fake = FakeServiceTitan()
    fake.add_customers(1234)
    client, _ = sync_client(fake)
    rows = list(client.customers.iter_all())
    assert [r["id"] for r in rows] == list(range(1, 1235))
    pages = [(s.params["page"], s.params["pageSize"]) for s in fake.seen]
    assert pages == [("1", "500"), ("2", "500"), ("3", "500")]  # default pageSize is 500


def test_iter_all_stops_when_has_more_is_false_on_a_full_page() -> None:
    fake = FakeServiceTitan()
    fake.add_customers(1000)
    client, _ = sync_client(fake)
    assert len(list(client.customers.iter_all())) == 1000
    assert fake.count("GET", "customers") == 2


def test_iter_all_passes_filters_to_every_page() -> None:
    fake = FakeServiceTitan()
    fake.add_customers(12)
    client, _ = sync_client(fake)
    rows = list(client.customers.iter_all(page_size=5, phone="5551234567", active="Any"))
    assert len(rows) == 12
    assert fake.count("GET", "customers") == 3
    assert all(s.params["phone"] == "5551234567" for s in fake.seen)


def test_iter_pages_yields_envelopes() -> None:
    fake = FakeServiceTitan()
    fake.add_customers(7)
    client, _ = sync_client(fake)
    pages = list(client.iter_pages("crm", "customers", page_size=3))
    assert [p["page"] for p in pages] == [1, 2, 3]
    assert [len(p["data"]) for p in pages] == [3, 3, 1]
    assert [p["hasMore"] for p in pages] == [True, True, False]


def test_paging_survives_a_429_mid_way() -> None:
    fake = FakeServiceTitan()
    fake.add_customers(30)
    client, sleeps = sync_client(fake)
    pages = client.iter_pages("crm", "customers", page_size=10)
    next(pages)
    fake.script("GET", "customers", rate_limited("2"))
    assert sum(len(p["data"]) for p in pages) == 20
    assert sleeps == [2.0]


def test_list_returns_one_page_with_total() -> None:
    fake = FakeServiceTitan()
    fake.add_customers(120)
    client, _ = sync_client(fake)
    page = client.customers.list(page=2, include_total=True)
    summary = (page["page"], page["pageSize"], page["totalCount"], page["hasMore"])
    assert summary == (2, 50, 120, True)
    assert page["data"][0]["id"] == 51


@pytest.mark.parametrize("size", [0, MAX_PAGE_SIZE + 1])
def test_page_size_out_of_range_is_refused_before_any_call(size: int) -> None:
    fake = FakeServiceTitan()
    client, _ = sync_client(fake)
    with pytest.raises(ValueError, match="page_size"):
        client.iter_pages("crm", "customers", page_size=size)
    assert fake.seen == []


def test_detect_booking_providers_lists_every_tag() -> None:
    fake = FakeServiceTitan()
    fake.tags = [{"id": n, "tagName": f"Provider {n}"} for n in range(1, 4)]
    client, _ = sync_client(fake)
    assert [t["tagName"] for t in client.detect_booking_providers()] == [
        "Provider 1",
        "Provider 2",
        "Provider 3",
    ]


# -- export feeds ------------------------------------------------------------------------------


def test_export_follows_continue_from_to_the_end() -> None:
    fake = FakeServiceTitan()
    fake.add_customers(25)
    client, _ = sync_client(fake)
    feed = client.customers.export()
    batches = list(feed)
    assert [len(b.data) for b in batches] == [10, 10, 5]
    assert [b.continue_from for b in batches] == ["cursor-10", "cursor-20", "cursor-25"]
    assert [b.has_more for b in batches] == [True, True, False]
    assert feed.continue_from == "cursor-25"
    sent_from = [s.params.get("from") for s in fake.seen]
    assert sent_from == [None, "cursor-10", "cursor-20"]
    assert all(s.params["includeRecentChanges"] == "false" for s in fake.seen)


def test_export_resumes_from_a_saved_token_with_nothing_missed_or_doubled() -> None:
    fake = FakeServiceTitan()
    fake.add_customers(25)
    client, _ = sync_client(fake)
    received: list[int] = []

    # First run: stop after two batches (a crash, a deploy), keeping the token.
    feed = client.customers.export()
    for _ in range(2):
        received += [row["id"] for row in next(feed).data]
    saved = feed.continue_from
    assert saved == "cursor-20"

    # Second run, from the saved token: catches up.
    resumed = client.customers.export(from_=saved)
    assert resumed.continue_from == saved
    received += [row["id"] for row in resumed.rows()]
    caught_up = resumed.continue_from

    # Later, new records appear; a third run from the caught-up token gets only those.
    fake.add_customers(7)
    later = client.customers.export(from_=caught_up)
    received += [row["id"] for row in later.rows()]

    assert received == list(range(1, 33))  # all 32, each exactly once, in order
    assert later.continue_from == "cursor-32"


def test_export_include_recent_changes_and_date_start() -> None:
    fake = FakeServiceTitan()
    fake.add_customers(3)
    client, _ = sync_client(fake)
    rows = list(client.customers.export(from_="2020-01-01", include_recent_changes=True).rows())
    assert len(rows) == 3
    assert fake.seen[0].params == {"from": "2020-01-01", "includeRecentChanges": "true"}


def test_export_without_continue_from_is_an_error_not_a_silent_restart() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "export/customers", httpx.Response(200, json={"hasMore": True, "data": []}))
    client, _ = sync_client(fake)
    with pytest.raises(ServiceTitanError, match="continueFrom"):
        next(client.customers.export())


def test_export_batch_is_a_value() -> None:
    batch = ExportBatch(data=[{"id": 1}], continue_from="t", has_more=False)
    assert batch == ExportBatch(data=[{"id": 1}], continue_from="t", has_more=False)


# -- async twin --------------------------------------------------------------------------------


def test_async_paging_and_export() -> None:
    fake = FakeServiceTitan()
    fake.add_customers(1234)

    async def run() -> tuple[list[dict], list[ExportBatch], str | None]:
        client, _ = async_client(fake)
        async with client:
            rows = [row async for row in client.customers.iter_all()]
            feed = client.customers.export(from_="cursor-1200")
            batches = [batch async for batch in feed]
            return rows, batches, feed.continue_from

    rows, batches, token = asyncio.run(run())
    assert len(rows) == 1234
    assert fake.count("GET", "customers") == 3
    assert sum(len(b.data) for b in batches) == 34
    assert token == "cursor-1234"
