"""The reference connector: the connector task done with ``mockst_client``, passing every check.

Run it under ``mockst verify``::

    mockst verify -- python -m mockst_contracts.examples.reference_connector

What it does (see ``mockst_contracts.task`` for the task): reads every page of customers, reads
the customers export following ``continueFrom`` to the end, and creates the task's booking under
its booking provider. The client takes care of tokens (one per lifetime, a new one after a 401),
of ``Retry-After`` and of retrying reads; this script adds the one thing a client cannot decide:
a booking create that failed with a 5xx or a lost connection may have happened, so it looks the
booking up by ``externalId`` before trying again.
"""

from __future__ import annotations

import json
import os
import sys
import time

import httpx
from mockst_client import ServerError, ServiceTitanClient

CREATE_ATTEMPTS = 4


def create_booking_once(st: ServiceTitanClient, body: dict) -> dict:
    """Create the booking; after an uncertain failure, look before trying again."""
    external_id = body["externalId"]
    for attempt in range(1, CREATE_ATTEMPTS + 1):
        try:
            return st.bookings.create(body)
        except (ServerError, httpx.TransportError) as exc:
            print(f"create failed ({type(exc).__name__}); checking {external_id}", flush=True)
            time.sleep(0.2 * attempt)
            existing = list(st.bookings.iter_all(externalId=external_id))
            if existing:
                return existing[0]
    raise RuntimeError(f"could not create booking {external_id}")


def main() -> int:
    with open(os.environ["MOCKST_TASK"]) as handle:
        task = json.load(handle)
    lead = task["lead"]
    with ServiceTitanClient.from_env() as st:
        customers = sum(1 for _ in st.customers.iter_all())
        exported = 0
        for batch in st.customers.export():
            exported += len(batch.data)
        body = {
            "source": lead["source"],
            "name": lead["name"],
            "summary": lead["summary"],
            "externalId": lead["externalId"],
            "isFirstTimeClient": True,
        }
        if lead.get("address"):
            body["address"] = lead["address"]
        contacts = []
        if lead.get("phone"):
            contacts.append({"type": "Phone", "value": lead["phone"]})
        if lead.get("email"):
            contacts.append({"type": "Email", "value": lead["email"]})
        if contacts:
            body["contacts"] = contacts
        booking = create_booking_once(st, body)
    print(
        json.dumps({"customers": customers, "exported": exported, "booking": booking["id"]}),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
