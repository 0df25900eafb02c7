"""Token handling: reuse, refresh before expiry, no stampede, one refresh and retry on 401."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest
from fakes import (
    APP_KEY,
    TOKEN_PREFIX,
    FakeClock,
    FakeServiceTitan,
    api_error,
    async_client,
    sync_client,
)
from mockst_client import AuthenticationError, TokenError


def bearer(fake: FakeServiceTitan, index: int) -> str:
    return fake.seen[index].headers["Authorization"]


def test_token_is_reused_within_its_lifetime() -> None:
    fake = FakeServiceTitan()
    client, _ = sync_client(fake)
    for _ in range(14):  # 14 calls, one a minute: 780 s < 900 - 60
        client.customers.list()
        fake.clock.advance(60)
    assert fake.token_requests == 1
    assert {s.headers["Authorization"] for s in fake.seen} == {f"Bearer {TOKEN_PREFIX}1"}


def test_refresh_happens_exactly_at_lifetime_minus_margin() -> None:
    fake = FakeServiceTitan(FakeClock(start=0))
    client, _ = sync_client(fake)
    client.customers.list()  # token 1 at t=0, reused until t=840
    fake.clock.advance(839.999)
    client.customers.list()
    assert fake.token_requests == 1
    fake.clock.advance(0.001)
    client.customers.list()
    assert fake.token_requests == 2


def test_margin_is_configurable() -> None:
    fake = FakeServiceTitan(FakeClock(start=0))
    client, _ = sync_client(fake, token_margin=0)
    client.customers.list()
    fake.clock.advance(899.999)
    client.customers.list()
    assert fake.token_requests == 1


@pytest.mark.parametrize(
    ("minutes", "expected_tokens"),
    [
        # Steps of 2.4 s: tokens fetched at t=0, 840, 1680 (next due 2520 > 2397.6).
        (40, 3),
        # Steps of 3.6 s: refresh lands after the due time, and the next lifetime counts from the
        # fetch, so tokens at t=0, 842.4, 1684.8, 2527.2, 3369.6.
        (60, 5),
    ],
)
def test_one_token_per_window_over_a_thousand_calls(minutes: int, expected_tokens: int) -> None:
    fake = FakeServiceTitan(FakeClock(start=0))
    client, _ = sync_client(fake)
    step = minutes * 60 / 1000
    for _ in range(1000):
        client.customers.list()
        fake.clock.advance(step)
    assert fake.token_requests == expected_tokens
    assert len(fake.seen) == 1000  # no call was refused and retried: refresh was ahead of expiry
    if minutes == 40:
        assert bearer(fake, 349) == f"Bearer {TOKEN_PREFIX}1"
        assert bearer(fake, 350) == f"Bearer {TOKEN_PREFIX}2"
        assert bearer(fake, 699) == f"Bearer {TOKEN_PREFIX}2"
        assert bearer(fake, 700) == f"Bearer {TOKEN_PREFIX}3"


def test_async_client_shares_the_token_window_too() -> None:
    fake = FakeServiceTitan(FakeClock(start=0))

    async def run() -> None:
        client, _ = async_client(fake)
        async with client:
            for _ in range(1000):
                await client.customers.list()
                fake.clock.advance(2.4)

    asyncio.run(run())
    assert fake.token_requests == 3
    assert len(fake.seen) == 1000


def test_no_stampede_with_twenty_concurrent_tasks() -> None:
    fake = FakeServiceTitan(token_delay=0.05)
    fake.add_customers(1)

    async def run() -> list[dict]:
        client, _ = async_client(fake)
        async with client:
            return await asyncio.gather(*(client.customers.get(1) for _ in range(20)))

    results = asyncio.run(run())
    assert fake.token_requests == 1
    assert len(fake.seen) == 20
    assert all(r["id"] == 1 for r in results)


def test_no_stampede_with_twenty_threads() -> None:
    fake = FakeServiceTitan(token_delay=0.05)
    fake.add_customers(1)
    client, _ = sync_client(fake)
    start = threading.Barrier(20)
    errors: list[BaseException] = []

    def call() -> None:
        start.wait()
        try:
            client.customers.get(1)
        except BaseException as exc:  # surfaced below; a thread must not swallow it
            errors.append(exc)

    threads = [threading.Thread(target=call) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert fake.token_requests == 1
    assert len(fake.seen) == 20


def test_401_refreshes_once_and_retries_once() -> None:
    fake = FakeServiceTitan()
    fake.add_customers(1)
    client, _ = sync_client(fake)
    client.customers.get(1)
    fake.revoke_tokens()  # e.g. the server expired it early
    assert client.customers.get(1)["id"] == 1
    assert fake.token_requests == 2
    assert fake.count("GET", "customers/1") == 3  # ok, 401, retried ok
    assert bearer(fake, 2) == f"Bearer {TOKEN_PREFIX}2"


def test_second_401_raises_authentication_error() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "customers/1", 401, 401, 401)
    client, sleeps = sync_client(fake)
    with pytest.raises(AuthenticationError) as caught:
        client.customers.get(1)
    assert caught.value.status == 401
    assert fake.token_requests == 2  # the first token and exactly one refresh
    assert fake.count("GET", "customers/1") == 2  # the call and exactly one retry
    assert sleeps == []


def test_401_on_post_is_retried_once_because_nothing_was_done() -> None:
    fake = FakeServiceTitan()
    fake.script("POST", "customers", 401)
    client, _ = sync_client(fake)
    client.customers.create({"name": "x"})
    assert fake.count("POST", "customers") == 2


def test_concurrent_401s_share_one_refresh() -> None:
    fake = FakeServiceTitan(token_delay=0.02)
    fake.add_customers(1)

    async def run() -> None:
        client, _ = async_client(fake)
        async with client:
            await client.customers.get(1)
            fake.revoke_tokens()
            await asyncio.gather(*(client.customers.get(1) for _ in range(20)))

    asyncio.run(run())
    assert fake.token_requests == 2  # the 20 refused calls refreshed once, together
    assert len(fake.seen) == 1 + 20 + 20


def test_app_key_and_bearer_on_every_call() -> None:
    fake = FakeServiceTitan()
    client, _ = sync_client(fake)
    client.customers.list()
    client.customers.create({"name": "x"})
    client.employees.list()
    # The loop below holds only if calls were recorded: name them, so a client that sent nothing
    # (or skipped one) fails here instead of passing an empty loop.
    assert [(s.method, s.module, s.resource) for s in fake.seen] == [
        ("GET", "crm", "customers"),
        ("POST", "crm", "customers"),
        ("GET", "settings", "employees"),
    ]
    for seen in fake.seen:
        assert seen.headers["ST-App-Key"] == APP_KEY
        assert seen.headers["Authorization"].startswith(f"Bearer {TOKEN_PREFIX}")


def test_invalid_client_raises_token_error_without_retrying() -> None:
    fake = FakeServiceTitan()
    client, sleeps = sync_client(fake, client_secret="cs1.wrong")
    with pytest.raises(TokenError) as caught:
        client.customers.list()
    assert caught.value.status_code == 400
    assert caught.value.error == "invalid_client"
    assert fake.token_requests == 1
    assert fake.seen == [] and sleeps == []


def test_token_endpoint_outage_is_retried_even_for_post() -> None:
    fake = FakeServiceTitan()
    fake.script("POST", "token", 503, httpx.ConnectError("auth down"))
    client, sleeps = sync_client(fake)
    client.customers.create({"name": "x"})  # the POST itself was never sent before
    assert fake.token_requests == 3
    assert len(sleeps) == 2
    assert fake.count("POST", "customers") == 1


def test_token_endpoint_429_honours_retry_after() -> None:
    fake = FakeServiceTitan()
    fake.script("POST", "token", httpx.Response(429, headers={"Retry-After": "3"}))
    client, sleeps = sync_client(fake)
    client.customers.list()
    assert sleeps == [3.0]


def test_token_200_without_access_token_is_a_token_error() -> None:
    fake = FakeServiceTitan()
    fake.script("POST", "token", httpx.Response(200, json={"expires_in": 900}))
    client, _ = sync_client(fake)
    with pytest.raises(TokenError, match="access_token"):
        client.customers.list()


def test_api_401_body_is_parsed_after_refresh_fails() -> None:
    fake = FakeServiceTitan()
    fake.script("GET", "customers", api_error(401, "Token expired"), api_error(401, "Nope"))
    client, _ = sync_client(fake)
    with pytest.raises(AuthenticationError, match="Nope"):
        client.customers.list()


def test_invalidate_forces_a_new_token() -> None:
    fake = FakeServiceTitan()
    client, _ = sync_client(fake)
    client.customers.list()
    client.auth.invalidate()
    client.customers.list()
    assert fake.token_requests == 2
    assert client.auth.tokens_fetched == 2
