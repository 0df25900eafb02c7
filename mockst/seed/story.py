"""What a family's seed hook is handed: the story of one tenant, and the builder it runs on.

``populate_tenant`` calls every family's hook (``Family.seed``) in dependency order, so a hook may
use what the families it ``uses`` seeded before it (business units, customers…). A hook plans rows
with ``story.builder`` (``builder.call``/``builder.later`` run any operation's handler by
operationId, so a new family needs no seed machinery of its own); the events then run in time
order, and last the steps hooks left with ``after_events``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mockst.seed.populate import StoryBuilder


@dataclass
class Story:
    builder: StoryBuilder
    now: datetime  # when the story ends
    history_days: int
    customers: int  # how many of each the caller asked for
    bookings: int
    leads: int
    finish: list[Callable[[], None]] = field(default_factory=list)

    @property
    def history_start(self) -> datetime:
        return self.now - timedelta(days=self.history_days)

    @property
    def setup(self) -> datetime:
        """The day the business opened: a month before its history starts."""
        return self.history_start - timedelta(days=30)

    def after_events(self, step: Callable[[], None]) -> None:
        """Run ``step`` once every planned event has run (e.g. someone leaves the company)."""
        self.finish.append(step)
