"""The ``book-job`` task: a lead wants a service; book it into an open slot, once.

``mockst verify --task book-job`` starts the connector with the same environment variables as the
``sync-and-book`` task (``mockst_contracts.task``); the file at ``MOCKST_TASK`` holds::

    {"version": 1, "kind": "book-job", "scenario": "booking-happy-path", "run": 1,
     "lead": {"externalId": "mockst-booking-happy-path-1000-1", "name": "Ana Nguyen",
              "phone": "5125550142", "summary": "Water heater leaking",
              "address": {"street": ..., "unit": null, "city": ..., "state": ..., "zip": ...,
                          "country": ...}},
     "service": "Drain Cleaning",
     "window": {"from": "2026-12-08", "days": 5}}

The connector, in order:

1. **Finds or creates the customer and location** for the lead (CRM: a customer with the lead's
   phone and a location at its street, else a new customer with that location).
2. **Reads the references from the tenant's own lists**: the job type named ``service``
   (``GET /jpm/v2/tenant/{t}/job-types``), its business units (``/settings/v2/…/business-units``),
   a campaign (``/marketing/v2/…/campaigns``). Ids differ per tenant: never configure them.
3. **Asks capacity** (``POST /dispatch/v2/tenant/{t}/capacity``) for that job type and its business
   units, from ``window.from`` 00:00 UTC for ``window.days`` days.
4. **Books one job** (``POST /jpm/v2/tenant/{t}/jobs``) with one appointment in a frame the last
   capacity answer offered (``isAvailable``, an ``Available`` technician), at its true
   ``startUtc``/``endUtc`` (or inside it), with a technician free in it.
5. **Exits 0**, non-zero when it could not.

Keep the lead's ``externalId`` on the job (``externalData`` under your application's GUID): it is
how you find the job again when a create's answer is lost.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from mockst_contracts.task import TASK_VERSION

KIND = "book-job"
SERVICE = "Drain Cleaning"  # the job type every booking world has


@dataclass(frozen=True)
class BookingLead:
    externalId: str
    name: str
    phone: str
    summary: str
    address: dict[str, Any]


@dataclass(frozen=True)
class Window:
    start: date  # "from" in the file: a UTC date
    days: int

    def to_json(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "days": self.days}


@dataclass(frozen=True)
class BookJobTask:
    scenario: str
    run: int
    lead: BookingLead
    service: str
    window: Window
    kind: str = KIND

    def to_json(self) -> dict[str, Any]:
        return {
            "version": TASK_VERSION,
            "kind": KIND,
            "scenario": self.scenario,
            "run": self.run,
            "lead": asdict(self.lead),
            "service": self.service,
            "window": self.window.to_json(),
        }

    def write(self, path: Path) -> Path:
        path.write_text(json.dumps(self.to_json(), indent=2, ensure_ascii=False))
        return path


def make_booking_task(scenario: str, run: int, seed: int, first: date, days: int) -> BookJobTask:
    """A deterministic lead for a scenario's run, wanting the world's service in the window."""
    names = ("Ana Nguyen", "Ben Okafor", "Chloé Martin", "Dev Patel", "Eli Kowalski")
    issues = ("Kitchen sink draining slowly", "Basement floor drain backed up", "Shower clogged")
    pick = seed + run
    lead = BookingLead(
        externalId=f"mockst-{scenario}-{seed}-{run}",
        name=names[pick % len(names)],
        phone=f"512555{(seed * 7 + run) % 10_000:04d}",
        summary=issues[pick % len(issues)],
        address={
            "street": f"{200 + seed % 700} Oak Ave",
            "unit": None,
            "city": "Austin",
            "state": "TX",
            "zip": "78702",
            "country": "USA",
        },
    )
    return BookJobTask(scenario, run, lead, SERVICE, Window(first, days))


def window_bounds(window: Window) -> tuple[str, str]:
    """The capacity request's ``startsOnOrAfter``/``endsOnOrBefore`` for the window."""
    end = window.start + timedelta(days=window.days)
    return f"{window.start.isoformat()}T00:00:00Z", f"{end.isoformat()}T00:00:00Z"
