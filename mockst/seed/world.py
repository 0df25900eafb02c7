"""The world ``mockst seed`` writes: one quickstart-onboarded demo tenant, populated."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from mockst.clock import Clock
from mockst.config import Config
from mockst.store.world import World


def demo_world(
    *,
    seed: int = 1,
    customers: int = 300,
    now: datetime | None = None,
    base_url: str = "http://127.0.0.1:8080",
    config: Config | None = None,
) -> tuple[World, dict[str, Any]]:
    """A fresh world holding the demo tenant (as ``serve --demo`` onboards it), filled by
    ``populate_tenant(seed=seed, customers=customers)`` with a story that ends at ``now``.

    The clock stands still at ``now`` while the world is built, so every stamp is reproducible,
    and runs with the wall clock afterwards. Returns the world and the demo credentials (the
    client secret appears here only: the world keeps its hash).
    """
    from mockst.demo import demo_credentials  # demo imports this package

    now = (now or datetime.now(UTC)).astimezone(UTC)
    world = World(clock=Clock(frozen_at=now))
    creds = demo_credentials(world, config or Config(), base_url, seed=seed, customers=customers)
    world.clock = Clock()
    return world, creds
