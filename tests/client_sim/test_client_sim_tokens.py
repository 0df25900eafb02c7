"""Token reuse under the simulator's clock: one token per lifetime, counted on the wire.

The simulator's clock is frozen and moved forward with ``POST /_mock/clock/advance``; the client
gets a ``clock`` that is moved in step, so both sides agree on "now" (simulated seconds since the
test began). Token requests are counted in the simulator's journal, not only by the client.

The client reuses a token until ``margin`` seconds before the 900 s lifetime ends (never for less
than half the lifetime), so with the default margin of 60 s a token serves 840 simulated seconds.
"""

from __future__ import annotations

import asyncio
import math
from datetime import datetime
from typing import Any

from mockst_client import AsyncServiceTitanClient

SIMULATOR_CONFIG = {"journal_size": 50_000}

LIFETIME = 900  # Config.token_lifetime, the expires_in the simulator answers
MARGIN = 60.0  # the client's default token_margin
REUSE = max(LIFETIME - MARGIN, LIFETIME / 2)  # 840 s per token
CALLS = 1000
SPAN = 40 * 60  # 1,000 calls across 40 simulated minutes


class SharedClock:
    """The client's clock, moved in step with the simulator's (simulated seconds)."""

    def __init__(self, sim: Any) -> None:
        self.sim = sim
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float, *, client_too: bool = True) -> None:
        self.sim.advance_clock(seconds)
        if client_too:
            self.now += seconds


def windows(times: list[float]) -> int:
    """Tokens needed for calls at ``times``: a new one when the last has served ``REUSE`` s."""
    fetched, refresh_at = 0, -math.inf
    for t in times:
        if t >= refresh_at:
            fetched, refresh_at = fetched + 1, t + REUSE
    return fetched


def parse(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def check_wire(sim: Any, creds: dict[str, Any], api_calls: int, tokens: int) -> None:
    """The journal: ``tokens`` token requests; every API call 200 with a token still valid then."""
    requested = sim.token_requests(creds)
    assert len(requested) == tokens
    assert all(r["status"] == 200 for r in requested)
    issued = {r["issuedToken"]["fingerprint"]: r["issuedToken"] for r in requested}
    calls = sim.api_calls(creds)
    assert len(calls) == api_calls
    assert all(c["status"] == 200 for c in calls)
    used = {c["token"]["fingerprint"] for c in calls}
    assert used == set(issued)  # every token fetched was used, none came from elsewhere
    for call in calls:
        token = issued[call["token"]["fingerprint"]]
        assert token["issuedAt"] <= parse(call["time"]) < token["expiresAt"]


def test_thousand_calls_over_forty_minutes_take_three_tokens(sim: Any, tenant: Any) -> None:
    sim.freeze_clock()
    clock = SharedClock(sim)
    step = SPAN / CALLS  # 2.4 s
    times = []
    with sim.client(tenant, clock=clock) as client:
        for _ in range(CALLS):
            clock.advance(step)
            times.append(clock())
            client.booking_provider_tags.list(page_size=1)
        assert client.auth.tokens_fetched == 3
    # Tokens fetched at 2.4 s, 842.4 s and 1682.4 s; the one due at 2522.4 s is past the span.
    assert windows(times) == math.ceil(SPAN / REUSE) == 3
    check_wire(sim, tenant, api_calls=CALLS, tokens=3)


def test_twenty_concurrent_tasks_share_three_tokens(sim: Any, tenant: Any) -> None:
    sim.freeze_clock()
    clock = SharedClock(sim)
    tasks = 20
    rounds = CALLS // tasks  # 50 rounds of 20 concurrent calls, 48 simulated seconds apart
    step = SPAN / rounds

    async def run() -> int:
        async with sim.async_client(tenant, clock=clock) as client:
            assert isinstance(client, AsyncServiceTitanClient)
            for _ in range(rounds):
                clock.advance(step)
                pages = await asyncio.gather(
                    *(client.booking_provider_tags.list(page_size=1) for _ in range(tasks))
                )
                assert all(page["data"] for page in pages)
            return client.auth.tokens_fetched

    assert asyncio.run(run()) == 3
    # Rounds at 48 s, 96 s, ... 2400 s: tokens at 48 s, 912 s and 1776 s, one fetch each time
    # even though 20 tasks found the token due at once.
    assert windows([step * (r + 1) for r in range(rounds)]) == 3
    check_wire(sim, tenant, api_calls=CALLS, tokens=3)


def test_server_clock_ahead_of_client_clock_one_401_one_refresh(sim: Any, tenant: Any) -> None:
    sim.freeze_clock()
    clock = SharedClock(sim)
    with sim.client(tenant, clock=clock) as client:
        client.booking_provider_tags.list(page_size=1)
        # The simulator moves past the token's 900 s; the client's clock stays (its token looks
        # fresh), so it sends the expired token, gets 401, fetches one new token and succeeds.
        clock.advance(LIFETIME + 1, client_too=False)
        assert client.booking_provider_tags.list(page_size=1)["data"]
        assert client.auth.tokens_fetched == 2
        client.booking_provider_tags.list(page_size=1)  # the new token is reused
        assert client.auth.tokens_fetched == 2

    requested = sim.token_requests(tenant)
    assert len(requested) == 2
    first, second = (r["issuedToken"]["fingerprint"] for r in requested)
    calls = sim.api_calls(tenant)
    assert [(c["status"], c["token"]["fingerprint"]) for c in calls] == [
        (200, first),
        (401, first),
        (200, second),
        (200, second),
    ]
    # The token was fetched between the 401 and the retry.
    assert calls[1]["id"] < requested[1]["id"] < calls[2]["id"]


def test_twenty_tasks_on_a_server_expired_token_refresh_once(sim: Any, tenant: Any) -> None:
    sim.freeze_clock()
    clock = SharedClock(sim)

    async def run() -> int:
        async with sim.async_client(tenant, clock=clock) as client:
            await client.booking_provider_tags.list(page_size=1)
            clock.advance(LIFETIME + 1, client_too=False)
            pages = await asyncio.gather(
                *(client.booking_provider_tags.list(page_size=1) for _ in range(20))
            )
            assert all(page["data"] for page in pages)
            return client.auth.tokens_fetched

    assert asyncio.run(run()) == 2
    requested = sim.token_requests(tenant)
    assert len(requested) == 2  # twenty 401s (at most), one new token
    first, second = (r["issuedToken"]["fingerprint"] for r in requested)
    calls = sim.api_calls(tenant)
    refused = [c for c in calls if c["status"] == 401]
    assert 1 <= len(refused) <= 20 and all(c["token"]["fingerprint"] == first for c in refused)
    served = [c["token"]["fingerprint"] for c in calls if c["status"] == 200]
    assert served == [first] + [second] * 20  # every task got through, on the new token
