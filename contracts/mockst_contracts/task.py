"""The connector task: what every connector does when ``mockst verify`` runs it.

A connector under test is any program. ``mockst verify`` starts it with these environment
variables and judges what it did:

=========================  =====================================================================
``ST_AUTH_URL``            base URL of the token server (``POST {ST_AUTH_URL}/connect/token``)
``ST_API_URL``             base URL of the API (``{ST_API_URL}/crm/v2/tenant/{ST_TENANT_ID}/…``)
``ST_TENANT_ID``           the tenant the connector was connected to
``ST_APP_KEY``             the app key (``ST-App-Key`` header on every API call)
``ST_CLIENT_ID``           client id of the tenant's connection
``ST_CLIENT_SECRET``       its client secret
``ST_BOOKING_PROVIDER_ID`` the connector's booking provider (Booking Provider Tag id)
``ST_ENVIRONMENT``         ``production`` (informational: the URLs above win)
``MOCKST_SCENARIO``        the scenario's name (informational: behave the same in every one)
``MOCKST_TASK``            path of a JSON file: the task below
=========================  =====================================================================

The task, in order:

1. **Sync customers**: read ``GET /crm/v2/tenant/{tenant}/customers`` page by page, from page 1
   until a page answers ``hasMore: false`` (any ``pageSize``; the simulator may serve fewer rows a
   page than asked).
2. **Read the customers export**: ``GET /crm/v2/tenant/{tenant}/export/customers`` from the start
   (no ``from``), then with ``from`` = the previous answer's ``continueFrom``, until an answer says
   ``hasMore: false``.
3. **Create one booking** for the task's ``lead`` under the connector's own booking provider:
   ``POST /crm/v2/tenant/{tenant}/booking-provider/{ST_BOOKING_PROVIDER_ID}/bookings`` with
   ``source``, ``name``, ``summary`` and ``externalId`` taken from the lead, ``isFirstTimeClient``
   true, ``address`` = the lead's address (if any) and ``contacts`` = its phone (type ``Phone``)
   and email (type ``Email``), when present.
4. Exit with status 0 when all of this succeeded, non-zero otherwise.

The task file::

    {"version": 1, "scenario": "happy-path", "run": 1,
     "lead": {"externalId": "mockst-...", "source": "mockst verify", "name": "Ana Nguyen",
              "summary": "Water heater leaking", "phone": "(512) 555-0142",
              "email": "ana@example.com", "address": {"street": ..., "unit": null,
              "city": ..., "state": ..., "zip": ..., "country": ...} | null}}

How the connector does it (threads, retries, library) is its business; the checks say what
"behaving" means (``mockst_contracts.checks``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

TASK_VERSION = 1


@dataclass(frozen=True)
class Lead:
    externalId: str
    source: str
    name: str
    summary: str
    phone: str | None = None
    email: str | None = None
    address: dict[str, Any] | None = None

    def booking_body(self) -> dict[str, Any]:
        """The ``CreateBookingRequest`` the task asks for (what a correct connector sends)."""
        contacts = []
        if self.phone:
            contacts.append({"type": "Phone", "value": self.phone})
        if self.email:
            contacts.append({"type": "Email", "value": self.email})
        body: dict[str, Any] = {
            "source": self.source,
            "name": self.name,
            "summary": self.summary,
            "externalId": self.externalId,
            "isFirstTimeClient": True,
        }
        if self.address:
            body["address"] = self.address
        if contacts:
            body["contacts"] = contacts
        return body


@dataclass(frozen=True)
class ConnectorTask:
    scenario: str
    run: int
    lead: Lead

    def to_json(self) -> dict[str, Any]:
        return {
            "version": TASK_VERSION,
            "scenario": self.scenario,
            "run": self.run,
            "lead": asdict(self.lead),
        }

    def write(self, path: Path) -> Path:
        path.write_text(json.dumps(self.to_json(), indent=2, ensure_ascii=False))
        return path

    @classmethod
    def read(cls, path: str | Path) -> ConnectorTask:
        data = json.loads(Path(path).read_text())
        return cls(data["scenario"], int(data["run"]), Lead(**data["lead"]))


def make_lead(scenario: str, run: int, seed: int) -> Lead:
    """A deterministic lead for a scenario's run: a new externalId per run."""
    names = ("Ana Nguyen", "Ben Okafor", "Chloé Martin", "Dev Patel", "Eli Kowalski")
    issues = ("Water heater leaking", "No heat upstairs", "AC blowing warm air", "Clogged drain")
    pick = (seed + run) % len(names)
    return Lead(
        externalId=f"mockst-{scenario}-{seed}-{run}",
        source="mockst verify",
        name=names[pick],
        summary=issues[(seed + run) % len(issues)],
        phone=f"(512) 555-01{(seed + run) % 100:02d}",
        email=f"lead{run}@example.com",
        address={
            "street": f"{100 + seed % 900} Main St",
            "unit": None,
            "city": "Austin",
            "state": "TX",
            "zip": "78701",
            "country": "USA",
        }
        if run % 2
        else None,
    )
