"""Retries: Retry-After on 429 for any method; backoff on 5xx and network errors if idempotent."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from fakes import FakeServiceTitan, async_client, rate_limited, sync_client
from mockst_client import RateLimitedError, RetryPolicy, ServerError, parse_retry_after

PINNED_LOW = RetryPolicy(random=lambda: 0.0)  # backoff = ceiling / 2
PINNED_HIGH = RetryPolicy(random=lambda: 1.0)  # backoff = ceiling


# -- 429 ---------------------------------------------------------------------------------------


def test_429_waits_exactly_retry_after_then_succeeds() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "customers", rate_limited("7"))
    client, sleeps = sync_client(fake)
    page = client.customers.list()
    assert page["data"] == []
    assert sleeps == [7.0]
    assert fake.count("GET", "customers") == 2


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_429_is_retried_for_writes_too(method: str) -> None:
    fake = FakeServiceTitan()
    resource = "customers" if method == "POST" else "customers/5"
    fake.script(method, resource, rate_limited("2"), rate_limited("1"))
    client, sleeps = sync_client(fake)
    if method == "POST":
        client.customers.create({"name": "x"})
    else:
        client.customers.update(5, {"name": "y"})
    assert sleeps == [2.0, 1.0]
    assert fake.count(method, resource) == 3


def test_429_retry_after_as_http_date() -> None:
    fake = FakeServiceTitan()
    when = datetime.now(UTC) + timedelta(seconds=30)
    fake.script("GET", "customers", rate_limited(format_datetime(when, usegmt=True)))
    client, sleeps = sync_client(fake)
    client.customers.list()
    assert len(sleeps) == 1
    assert 28.0 <= sleeps[0] <= 30.0  # HTTP dates have whole seconds


def test_429_retry_after_is_capped() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "customers", rate_limited("3600"), rate_limited("3600"))
    client, sleeps = sync_client(fake, retry=RetryPolicy(max_retry_after=5))
    client.customers.list()
    assert sleeps == [5.0, 5.0]


def test_429_retry_after_default_cap_is_60_seconds() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "customers", rate_limited("3600"))
    client, sleeps = sync_client(fake)
    client.customers.list()
    assert sleeps == [60.0]


def test_429_without_retry_after_falls_back_to_backoff() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "customers", rate_limited(None), rate_limited("soon"))
    client, sleeps = sync_client(fake, retry=PINNED_LOW)
    client.customers.list()
    assert sleeps == [0.25, 0.5]  # base 0.5 s: ceilings 0.5, 1.0, halved by the pinned jitter


def test_persistent_429_raises_after_bounded_attempts() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "customers", *[rate_limited("4")] * 10)
    client, sleeps = sync_client(fake)
    with pytest.raises(RateLimitedError) as caught:
        client.customers.list()
    assert caught.value.status == 429
    assert caught.value.retry_after == 4.0
    assert fake.count("GET", "customers") == 5  # RetryPolicy.max_attempts
    assert sleeps == [4.0] * 4


# -- 5xx ---------------------------------------------------------------------------------------


def test_get_5xx_is_retried_with_exponential_backoff() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "customers", 503, 502, 500)
    client, sleeps = sync_client(fake, retry=PINNED_HIGH)
    client.customers.list()
    assert sleeps == [0.5, 1.0, 2.0]
    assert fake.count("GET", "customers") == 4


def test_backoff_is_jittered_within_half_to_full_ceiling() -> None:
    policy = RetryPolicy(backoff_base=1.0, backoff_max=8.0)
    for attempt, ceiling in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)]:
        for _ in range(50):
            assert ceiling / 2 <= policy.backoff(attempt) <= ceiling


def test_persistent_5xx_on_get_gives_up_after_max_attempts() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "customers", *[503] * 10)
    client, sleeps = sync_client(fake, retry=RetryPolicy(max_attempts=3))
    with pytest.raises(ServerError) as caught:
        client.customers.list()
    assert caught.value.status == 503
    assert fake.count("GET", "customers") == 3
    assert len(sleeps) == 2


@pytest.mark.parametrize(("method", "status"), [("POST", 503), ("POST", 500), ("PATCH", 502)])
def test_writes_are_not_retried_after_5xx(method: str, status: int) -> None:
    fake = FakeServiceTitan()
    resource = "customers" if method == "POST" else "customers/5"
    fake.script(method, resource, status)
    client, sleeps = sync_client(fake)
    with pytest.raises(ServerError) as caught:
        if method == "POST":
            client.customers.create({"name": "x"})
        else:
            client.customers.update(5, {"name": "y"})
    assert caught.value.status == status
    assert fake.count(method, resource) == 1  # the server saw exactly one write
    assert sleeps == []


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
def test_idempotent_writes_are_retried_after_5xx(method: str) -> None:
    fake = FakeServiceTitan()
    fake.script(method, "tags", 503)
    client, sleeps = sync_client(fake)
    client.request(method, "crm", "tags", json={"customerIds": [1], "tagTypeIds": [2]})
    assert fake.count(method, "tags") == 2
    assert len(sleeps) == 1


# -- network errors ----------------------------------------------------------------------------


def test_get_network_error_is_retried() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "customers", httpx.ConnectError("reset"), httpx.ReadTimeout("slow"))
    client, sleeps = sync_client(fake)
    client.customers.list()
    assert fake.count("GET", "customers") == 3
    assert len(sleeps) == 2


@pytest.mark.parametrize("error", [httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("cut")])
def test_post_network_error_is_not_retried(error: httpx.TransportError) -> None:
    fake = FakeServiceTitan()
    fake.script("POST", "booking-provider/9/bookings", error)
    client, sleeps = sync_client(fake, booking_provider_id=9)
    with pytest.raises(type(error)):
        client.bookings.create({"name": "x"})
    assert fake.count("POST", "booking-provider/9/bookings") == 1
    assert sleeps == []


def test_patch_network_error_is_not_retried() -> None:
    fake = FakeServiceTitan()
    fake.script("PATCH", "leads/3", httpx.ReadError("gone"))
    client, sleeps = sync_client(fake)
    with pytest.raises(httpx.ReadError):
        client.leads.update(3, {"summary": "x"})
    assert fake.count("PATCH", "leads/3") == 1
    assert sleeps == []


# -- async twin --------------------------------------------------------------------------------


def test_async_client_follows_the_same_rules() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "customers", rate_limited("7"), 503)
    fake.script("POST", "customers", 503)

    async def run() -> None:
        client, sleeps = async_client(fake, retry=PINNED_HIGH)
        async with client:
            await client.customers.list()
            with pytest.raises(ServerError):
                await client.customers.create({"name": "x"})
        assert sleeps == [7.0, 1.0]  # Retry-After, then backoff for attempt 2

    asyncio.run(run())
    assert fake.count("GET", "customers") == 3
    assert fake.count("POST", "customers") == 1


# -- Retry-After parsing -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("7", 7.0),
        (" 0 ", 0.0),
        ("1.5", 1.5),
        ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),  # in the past: go now
        ("-3", None),
        ("soon", None),
        ("", None),
        (None, None),
        ("nan", None),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    now = datetime(2015, 10, 21, 7, 28, tzinfo=UTC).timestamp()
    assert parse_retry_after(header, now=now) == expected
