"""The world ``mockst seed`` writes: one quickstart-onboarded demo tenant, populated."""

from __future__ import annotations

import random
import string
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from mockst.clock import Clock
from mockst.config import Config
from mockst.store.world import World

if TYPE_CHECKING:
    from mockst.demo import DemoOptions

_LOWER_ALNUM = string.ascii_lowercase + string.digits


def _draw(rng: random.Random, alphabet: str, length: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def demo_world(
    *,
    seed: int = 1,
    customers: int = 300,
    now: datetime | None = None,
    base_url: str = "http://127.0.0.1:8080",
    config: Config | None = None,
    options: DemoOptions | None = None,
) -> tuple[World, dict[str, Any]]:
    """A fresh world holding the demo tenant (as ``serve --demo`` onboards it), filled by
    ``populate_tenant(seed=seed, customers=customers)`` with a story that ends at ``now``.

    The clock stands still at ``now`` while the world is built, so every stamp is reproducible,
    and runs with the wall clock afterwards. Returns the world and the demo credentials (the
    client secret appears here only: the world keeps its hash).

    The credentials come from the seed too (``options`` overrides any of them), so the same seed
    gives the same app key, client id and secret.
    """
    from mockst.demo import DemoOptions, demo_credentials  # demo imports this package

    now = (now or datetime.now(UTC)).astimezone(UTC)
    world = World(clock=Clock(frozen_at=now))
    given = options or DemoOptions()
    rng = random.Random(f"mockst demo credentials {seed}")
    derived = DemoOptions(
        app_key=given.app_key or "ak1." + _draw(rng, _LOWER_ALNUM, 22),
        client_id=given.client_id or "cid." + _draw(rng, _LOWER_ALNUM, 25),
        secret=given.secret or "cs1." + _draw(rng, string.ascii_letters + string.digits, 40),
    )
    creds = demo_credentials(
        world, config or Config(), base_url, seed=seed, customers=customers, options=derived
    )
    world.clock = Clock()
    return world, creds
