"""Load: 16 clients over 4 tenants, 30 reads and writes each, at once, against a real server.

Nothing may answer 5xx, and afterwards each tenant holds exactly what the acknowledged writes say:
every acknowledged create is there with its last acknowledged name, and nothing else is.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from typing import Any

import httpx
from reliability_helpers import all_customers, new_customer, onboard

CLIENTS = 16
TENANTS = 4
CALLS = 30  # a count, not a duration: a busy machine makes the calls slower, not fewer


async def _client(
    number: int, url: str, creds: dict[str, Any], statuses: Counter[int]
) -> dict[int, str]:
    """One connector: creates customers, renames its own, lists and reads. Returns its writes."""
    rng = random.Random(number)
    acknowledged: dict[int, str] = {}  # customer id -> the name its last acknowledged write set
    crm, headers = creds["crm"], creds["headers"]
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        for _ in range(CALLS):
            roll = rng.random()
            if roll < 0.35 or not acknowledged:
                name = f"c{number}-{len(acknowledged)}-{rng.randrange(10**6)}"
                response = await http.post(
                    f"{crm}/customers", headers=headers, json=new_customer(name)
                )
                if response.status_code == 200:
                    acknowledged[response.json()["id"]] = name
            elif roll < 0.5:
                ident = rng.choice(list(acknowledged))
                name = f"renamed-{number}-{rng.randrange(10**6)}"
                response = await http.patch(
                    f"{crm}/customers/{ident}", headers=headers, json={"name": name}
                )
                if response.status_code == 200:
                    acknowledged[ident] = name
            elif roll < 0.8:
                response = await http.get(
                    f"{crm}/customers", headers=headers, params={"pageSize": 50}
                )
            else:
                ident = rng.choice(list(acknowledged))
                response = await http.get(f"{crm}/customers/{ident}", headers=headers)
                assert response.status_code != 200 or response.json()["id"] == ident
            statuses[response.status_code] += 1
    return acknowledged


async def _load(url: str, tenants: list[dict[str, Any]]) -> tuple[list[dict[int, str]], Counter]:
    statuses: Counter[int] = Counter()
    results = await asyncio.gather(
        *(_client(n, url, tenants[n % TENANTS], statuses) for n in range(CLIENTS))
    )
    return list(results), statuses


def test_mixed_load_then_state_matches_acknowledged_writes(spawn) -> None:
    server = spawn("--rate-limit", "0", "--token-rate-limit", "0")
    with httpx.Client(base_url=server.url, timeout=30) as http:
        tenants = [onboard(http) for _ in range(TENANTS)]
        results, statuses = asyncio.run(_load(server.url, tenants))
        assert not [s for s in statuses if s >= 500], statuses
        assert statuses[200] == sum(statuses.values()), statuses
        assert sum(statuses.values()) == CLIENTS * CALLS  # every call answered
        for index, creds in enumerate(tenants):
            expected: dict[int, str] = {}
            for number, writes in enumerate(results):
                if number % TENANTS == index:
                    expected.update(writes)
            stored = all_customers(http, creds)
            assert set(stored) == set(expected)
            assert {i: row["name"] for i, row in stored.items()} == expected
        assert server.alive()
