"""The Sales family's part of a seeded story: estimates on recent jobs, open, sold and dismissed.

Once the jobs exist (JPM books them in its own after-events step, which runs before this one:
hooks run in dependency order), about two in three of the jobs that were not canceled get one or two
estimates, written a little after the job's last change (its visit, or the office following up),
each with one to four price-book items. Within four days most are decided: about two in five
sold (credited to a technician of the job's business unit), one in five dismissed, the rest
open. Everything goes through the operations' handlers, so seeded estimates obey the API's
rules. Numbers come from a source of the family's own, derived from the story's seed, so other
families' draws are unchanged.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from mockst.encoding import instant, parse_datetime, ticks_of
from mockst.seed.story import Story
from mockst.store.table import Row

KINDS = (("services", 3), ("materials", 2), ("equipment", 1))  # table, weight
NAMES = ("Repair option", "Good", "Better", "Best", "Replacement", "Maintenance plan")


def populate(story: Story) -> None:
    story.after_events(lambda: _run(story))


def _rows(tenant: Any, table: str) -> list[Row]:
    return sorted((r for r in tenant.table(table).rows() if r.active), key=lambda r: r.id)


def _run(story: Story) -> None:
    builder = story.builder
    rng = random.Random(f"sales:{builder.seed}")
    tenant = builder.tenant
    skus = {table: _rows(tenant, table) for table, _ in KINDS}
    kinds = [(t, w) for t, w in KINDS if skus[t]]
    technicians = _rows(tenant, "technicians")
    if not kinds or not technicians:
        return
    events: list[tuple[datetime, int, Any]] = []
    for job in _rows(tenant, "jobs"):
        if job.get("jobStatus") == "Canceled" or rng.random() < 0.35:
            continue
        # after the job's last change: listing the estimate changes the job, whose modifiedOn
        # must not go back in time
        since = parse_datetime(job.get("modifiedOn"))
        crew = [t for t in technicians if t.get("businessUnitId") == job.get("businessUnitId")]
        for _ in range(rng.choice((1, 1, 2))):
            written = _moment(rng, since, story.now, timedelta(hours=48))
            items = []
            for _ in range(rng.randint(1, 4)):
                table = rng.choices([t for t, _ in kinds], [w for _, w in kinds])[0]
                items.append({"skuId": rng.choice(skus[table]).id,
                              "quantity": rng.choice((1, 1, 1, 2, 3))})
            body = {"jobId": job.id, "name": rng.choice(NAMES), "items": items,
                    "summary": "Options discussed on site."}
            fate = rng.choices(("sold", "dismissed", "open"), (40, 20, 40))[0]
            decided = _moment(rng, written, story.now, timedelta(days=4))
            seller = rng.choice(crew or technicians).id
            events.append((written, len(events), (body, fate, decided, seller)))
    made: list[tuple[datetime, int, Any]] = []
    for when, order, (body, fate, decided, seller) in sorted(events, key=lambda e: e[:2]):
        builder.clock = when
        estimate = builder.call("Estimates_Create", body)
        if fate != "open":
            made.append((decided, order, (estimate["id"], fate, seller)))
    for when, _, (ident, fate, seller) in sorted(made, key=lambda e: e[:2]):
        builder.clock = when
        if fate == "sold":
            builder.call("Estimates_Sell", {"soldBy": seller}, id=ident)
        else:
            builder.call("Estimates_Dismiss", None, id=ident)
    builder.count("estimates", len(events))


def _moment(rng: random.Random, start: datetime, end: datetime, most: timedelta) -> datetime:
    """A tick between ``start`` and ``end``, at most ``most`` after ``start``: a job booked an
    hour ago still gets its estimate, and decided, before the story ends."""
    span = min(ticks_of(end) - ticks_of(start), round(most.total_seconds() * 10**7))
    return instant(ticks_of(start) + rng.randrange(max(span // 20, 1), max(span // 2, 2)))
