"""The reference connector: the connector task done with ``mockst_client``, passing every check.

Run it under ``mockst verify``::

    mockst verify -- python -m mockst_contracts.examples.reference_connector

What it does (see ``mockst_contracts.task`` for the task): reads every page of customers, reads
the customers export following ``continueFrom`` to the end, and creates the task's booking under
its booking provider. The client takes care of tokens (one per lifetime, a new one after a 401),
of ``Retry-After`` and of retrying reads; this script adds the one thing a client cannot decide:
a booking create that failed with a 5xx or a lost connection may have happened, so it looks the
booking up by ``externalId`` before trying again.

Given a ``book-job`` task (``mockst verify --task book-job``; ``mockst_contracts.booking_task``)
it books the lead's job instead, with ``mockst_client.Scheduler``: references from the tenant's
lists, the earliest open slot at its true UTC time, one job, found again by its external data
when a create's answer is lost.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import UTC, datetime, timedelta

import httpx
from mockst_client import ExternalKey, JobRequest, Scheduler, ServerError, ServiceTitanClient

CREATE_ATTEMPTS = 4
# This connector's application GUID: the key its external data is kept under on the jobs it books.
APP_GUID = "0b8e4a52-6c0d-4f57-9a51-3d3f0c1e2a77"


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


def book_job(st: ServiceTitanClient, task: dict) -> dict:
    """The ``book-job`` task: the lead's customer, the tenant's own references, an open slot in
    true UTC, one job (looked up by its external data after an uncertain failure)."""
    lead = task["lead"]
    plan = Scheduler(st)
    customer, location = plan.customer_for(lead["name"], lead["phone"], lead["address"])
    job_type = plan.job_type(task["service"])
    campaign = plan.campaign()
    start = datetime.fromisoformat(task["window"]["from"]).replace(tzinfo=UTC)
    slots = plan.open_slots(job_type, start, start + timedelta(days=task["window"]["days"]))
    if not slots:
        raise RuntimeError(f"no open slot for {task['service']!r} in the window")
    request = JobRequest(customer, location, job_type, campaign["id"], slots[0],
                         summary=lead["summary"])  # fmt: skip
    return plan.book_job_once(request, ExternalKey(APP_GUID, "leadId", lead["externalId"]))


def main() -> int:
    with open(os.environ["MOCKST_TASK"]) as handle:
        task = json.load(handle)
    if task.get("kind") == "book-job":
        with ServiceTitanClient.from_env() as st:
            job = book_job(st, task)
        print(json.dumps({"job": job["id"]}), flush=True)
        return 0
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
