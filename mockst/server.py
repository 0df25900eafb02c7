"""Putting a world together for ``mockst serve``: state file, seed, demo, configuration."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mockst.config import Config
from mockst.demo import DemoOptions, demo_credentials
from mockst.store import snapshot
from mockst.store.sqlite import SqliteStore
from mockst.store.world import World


class SeedFileError(Exception):
    """Why ``--world`` cannot be loaded, as one line."""


@dataclass
class Prepared:
    world: World
    config: Config
    demo: dict[str, Any] | None


def prepare(
    config: Config,
    state: str | Path | None = None,
    seed: str | Path | None = None,
    demo: bool = False,
    base_url: str = "http://127.0.0.1:8080",
    demo_options: DemoOptions | None = None,
) -> Prepared:
    """A world loaded from ``state`` (if it has one), else from ``seed``, plus the demo tenant.

    With ``--state`` the file wins over ``--world``: a restart must never overwrite saved work.
    """
    world = World()
    store = SqliteStore(state) if state else None
    fresh_file = store is not None and store.is_empty()
    if store is not None and not fresh_file:
        store.load(world)
    elif seed:
        try:
            doc = json.loads(Path(seed).read_text())
            if not isinstance(doc, dict):
                raise ValueError("not a JSON object")
            snapshot.import_world(world, doc)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise SeedFileError(
                f"{seed} cannot be loaded as a mockst world ({exc}): write one with "
                "`mockst seed` or GET /_mock/world"
            ) from None
    if store is not None:
        world.persistence = store
        if fresh_file:
            with world.transaction() as txn:
                txn.reset_all = True  # write the whole (seeded) world once
    credentials = None
    if demo:
        credentials = demo_credentials(world, config, base_url, options=demo_options)
    return Prepared(world, config, credentials)
