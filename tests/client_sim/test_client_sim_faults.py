"""429s and 5xx from the simulator's fault schedule (and its real rate limiter), seen by the client.

The client waits exactly what ``Retry-After`` says (sleeps are recorded, not slept), retries
idempotent calls after a 5xx, and never repeats a POST that got one: the journal shows it went out
once. When the write was applied but its answer lost (``after=true``), the connector finds it by
reading (bookings by ``externalId``), not by posting it again.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from mockst_client import RateLimitedError, RetryPolicy, ServerError, ServiceTitanClient

from mockst.app import create_app
from mockst.config import Config
from mockst.store.world import World
from mockst.testing import serve

TAGS = "/crm/v2/tenant/*/booking-provider-tags"
PINNED = RetryPolicy(random=lambda: 0.5)  # jitter pinned: backoff(1) = 0.375, backoff(2) = 0.75


def booking(external_id: str) -> dict[str, Any]:
    return {
        "source": "LeadTruffle",
        "name": "Sam Ortega",
        "summary": "Water heater leaking.",
        "isFirstTimeClient": True,
        "externalId": external_id,
        "contacts": [{"type": "Phone", "value": "2175550199"}],
    }


def bookings_path(creds: dict[str, Any]) -> str:
    return (
        f"/crm/v2/tenant/{creds['tenantId']}/booking-provider/{creds['bookingProviderId']}/bookings"
    )


def client_for(sim: Any, creds: dict[str, Any], sleeps: list[float]) -> ServiceTitanClient:
    return sim.client(creds, provider=True, sleep=sleeps.append, retry=PINNED)


def statuses(sim: Any, creds: dict[str, Any], **filters: Any) -> list[int]:
    return [c["status"] for c in sim.api_calls(creds, **filters)]


# -- 429 -------------------------------------------------------------------------------------------


def test_429_retry_after_is_waited_exactly(sim: Any, tenant: Any) -> None:
    sim.fault(path=TAGS, method="GET", tenant=tenant["tenantId"], status=429, retryAfter=7, first=2)
    sleeps: list[float] = []
    with client_for(sim, tenant, sleeps) as client:
        assert client.detect_booking_providers()[0]["id"] == tenant["bookingProviderId"]
    assert sleeps == [7.0, 7.0]
    calls = sim.api_calls(tenant)
    assert [c["status"] for c in calls] == [429, 429, 200]
    assert [c["response"]["headers"].get("retry-after") for c in calls] == ["7", "7", None]
    assert len(sim.token_requests(tenant)) == 1  # a 429 is not an auth problem


def test_429_on_a_post_is_retried_it_was_never_applied(sim: Any, tenant: Any) -> None:
    path = bookings_path(tenant)
    sim.fault(path=path, method="POST", status=429, retryAfter=2, first=1)
    sleeps: list[float] = []
    with client_for(sim, tenant, sleeps) as client:
        created = client.bookings.create(booking("lt-429"))
        assert [b["id"] for b in client.bookings.iter_all(externalId="lt-429")] == [created["id"]]
    assert sleeps == [2.0]
    assert statuses(sim, tenant, method="POST") == [429, 200]


def test_429_that_persists_surfaces_with_retry_after(sim: Any, tenant: Any) -> None:
    sim.fault(path=TAGS, tenant=tenant["tenantId"], status=429, retryAfter=3)
    sleeps: list[float] = []
    with client_for(sim, tenant, sleeps) as client, pytest.raises(RateLimitedError) as raised:
        client.booking_provider_tags.list()
    assert raised.value.retry_after == 3.0
    assert sleeps == [3.0] * (PINNED.max_attempts - 1)
    assert statuses(sim, tenant) == [429] * PINNED.max_attempts


# -- 5xx -------------------------------------------------------------------------------------------


def test_injected_5xx_on_reads_are_retried_with_backoff_or_retry_after(
    sim: Any, tenant: Any
) -> None:
    sim.fault(path=TAGS, tenant=tenant["tenantId"], status=503, first=2)
    sleeps: list[float] = []
    with client_for(sim, tenant, sleeps) as client:
        assert client.booking_provider_tags.list()["data"]
        assert sleeps == [0.375, 0.75]  # no Retry-After: jittered exponential backoff
        sim.clean_up()
        sim.fault(path=TAGS, tenant=tenant["tenantId"], status=502, retryAfter=4, first=1)
        sleeps.clear()
        assert client.booking_provider_tags.list()["data"]
        assert sleeps == [4.0]  # a 5xx with Retry-After: the server's word
    assert statuses(sim, tenant) == [503, 503, 200, 502, 200]


def test_post_that_got_503_is_sent_once_and_surfaces(sim: Any, tenant: Any) -> None:
    path = bookings_path(tenant)
    sim.fault(path=path, method="POST", status=503, first=1)
    sleeps: list[float] = []
    with client_for(sim, tenant, sleeps) as client:
        with pytest.raises(ServerError) as raised:
            client.bookings.create(booking("lt-503"))
        assert raised.value.status == 503
        assert sleeps == []  # not retried, not even after a wait
        assert statuses(sim, tenant, method="POST") == [503]
        # The fault came before the handler: nothing was written. The connector checks, then
        # creates it (the one POST it decided to send, knowing the first did not land).
        assert list(client.bookings.iter_all(externalId="lt-503")) == []
        created = client.bookings.create(booking("lt-503"))
        assert [b["id"] for b in client.bookings.iter_all(externalId="lt-503")] == [created["id"]]
    assert statuses(sim, tenant, method="POST") == [503, 200]


def test_write_applied_but_answer_lost_is_reconciled_by_reading(sim: Any, tenant: Any) -> None:
    path = bookings_path(tenant)
    sim.fault(path=path, method="POST", status=503, first=1, after=True)
    sleeps: list[float] = []
    with client_for(sim, tenant, sleeps) as client:
        with pytest.raises(ServerError):
            client.bookings.create(booking("lt-lost"))
        assert sleeps == []
        # Reconcile: read by our own id. The booking exists; adopt it, do not POST again.
        (found,) = client.bookings.iter_all(externalId="lt-lost")
        assert found["externalId"] == "lt-lost"
        assert found["bookingProviderId"] == tenant["bookingProviderId"]
    posts = sim.api_calls(tenant, method="POST")
    assert [p["status"] for p in posts] == [503]
    assert posts[0]["fault"]["after"] is True
    assert posts[0]["fault"]["suppressedStatus"] == 200  # the handler did create it


def test_blind_repost_after_lost_answer_duplicates(sim: Any, tenant: Any) -> None:
    """Why the client refuses to retry a POST: ``externalId`` is not unique, a re-POST doubles."""
    path = bookings_path(tenant)
    sim.fault(path=path, method="POST", status=503, first=1, after=True)
    sleeps: list[float] = []
    with client_for(sim, tenant, sleeps) as client:
        with pytest.raises(ServerError):
            client.bookings.create(booking("lt-naive"))
        client.bookings.create(booking("lt-naive"))  # what a blind retry would have done
        assert len(list(client.bookings.iter_all(externalId="lt-naive"))) == 2


def test_dropped_connection_read_is_retried_write_is_not(sim: Any, tenant: Any) -> None:
    sim.fault(path=TAGS, tenant=tenant["tenantId"], drop=True, first=1)
    path = bookings_path(tenant)
    sim.fault(path=path, method="POST", drop=True, first=1, after=True)
    sleeps: list[float] = []
    with client_for(sim, tenant, sleeps) as client:
        assert client.booking_provider_tags.list()["data"]
        assert sleeps == [0.375]
        with pytest.raises(httpx.TransportError):  # no answer at all: the network error surfaces
            client.bookings.create(booking("lt-dropped"))
        assert sleeps == [0.375]
        (found,) = client.bookings.iter_all(externalId="lt-dropped")  # it was applied
        assert found["bookingProviderId"] == tenant["bookingProviderId"]
    posts = sim.api_calls(tenant, method="POST")
    assert len(posts) == 1 and posts[0]["fault"]["kind"] == "drop"


# -- the real rate limiter -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def limited() -> Iterator[Any]:
    """A second simulator with the API rate limit on: 5 calls a second per app and tenant."""
    world = World()
    config = Config.load(rate_limit=5, token_rate_limit=0)
    with serve(create_app(world, config)) as url:
        yield url


def test_real_rate_limit_429_is_waited_out(sim: Any, limited: str) -> None:
    with httpx.Client(base_url=limited) as control:
        creds = sim.ok(control.post("/_mock/quickstart", json={}))
        sleeps: list[float] = []

        def sleep(seconds: float) -> None:  # recorded, and really waited: the limiter is wall-time
            sleeps.append(seconds)
            time.sleep(seconds)

        with sim.client(creds, sleep=sleep) as client:
            for _ in range(8):
                assert client.booking_provider_tags.list(page_size=1)["data"]
        params = {"kind": "api", "tenant": creds["tenantId"], "bodies": "false"}
        calls = sim.ok(control.get("/_mock/journal", params=params))["entries"]
    throttled = [c for c in calls if c["status"] == 429]
    assert throttled, "8 quick calls at 5/s should meet the limit"
    assert [c["status"] for c in calls].count(200) == 8
    assert all(c["fault"]["kind"] == "rate_limit" for c in throttled)
    # Each wait is the Retry-After the simulator sent with that 429 (whole seconds, at least 1).
    assert sleeps == [float(c["fault"]["retryAfter"]) for c in throttled]
    assert sleeps == [1.0] * len(throttled)
