"""A careful ``book-job`` connector on the reference client, with switches that each break one
booking rule; the ``booking_*.py`` files beside it are the example connectors, one flaw each.

Careful: the lead's customer found or created, the job type, its business units and a campaign
read from the tenant's lists, capacity asked for the window, the earliest open frame booked at its
``startUtc``, the job marked with the lead's externalId and looked up after an uncertain create.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

from mockst_client import ExternalKey, JobRequest, Scheduler, ServiceTitanClient
from mockst_client.booking import open_slots, parse_utc

GUID = "2d7f6a0e-5c1b-4e8a-9f3d-6b2a1c0e9d84"

FLAWS = {
    "local-times": "books capacity's start/end (local wall clock with a Z) as if they were UTC",
    "first-frame": "books the window's first frame without reading isAvailable",
    "looks-for-nothing": "after a lost create, looks the job up by external data it never sent "
    "(finds nothing) and books again",
    "campaign-from-a-job": "takes the campaign id from one of the tenant's jobs, not its "
    "campaigns list",
}


def _first_frame(answer: dict[str, Any], local: bool) -> Any:
    """The first row of the answer as a slot, whatever it says (the flaws' shortcut)."""
    row = answer["availabilities"][0]
    patched = {**row, "isAvailable": True, "openAvailability": 1.0,
               "technicians": [{**t, "status": "Available"} for t in row["technicians"]]}
    if local:
        patched["startUtc"], patched["endUtc"] = row["start"], row["end"]
    return open_slots({"availabilities": [patched]})[0]


def _slot(plan: Scheduler, job_type: dict[str, Any], start: datetime, end: datetime,
          flaw: str | None) -> Any:  # fmt: skip
    if flaw not in ("local-times", "first-frame"):
        return plan.open_slots(job_type, start, end)[0]
    units = plan.business_units(job_type)
    answer = next(plan.capacity(start, end, business_unit_ids=units, job_type_id=job_type["id"]))
    if flaw == "first-frame":
        return _first_frame(answer, local=False)
    # local-times reads the offered frames correctly, then books their local clock as UTC
    slot = open_slots(answer)[0]
    row = next(r for r in answer["availabilities"] if parse_utc(r["startUtc"]) == slot.start)
    return type(slot)(parse_utc(row["start"]), parse_utc(row["end"]), slot.business_unit_ids,
                      slot.technician_ids, slot.open_hours, row["start"])  # fmt: skip


def _campaign(st: ServiceTitanClient, plan: Scheduler, flaw: str | None) -> int:
    if flaw == "campaign-from-a-job":
        return int(next(iter(st.jobs.iter_all()))["campaignId"])
    return int(plan.campaign()["id"])


def _book(plan: Scheduler, request: JobRequest, key: ExternalKey, flaw: str | None) -> Any:
    if flaw != "looks-for-nothing":
        return plan.book_job_once(request, key)
    for _ in range(3):
        try:
            return plan.book_job(request)  # the external data is left off the job
        except Exception:  # the flaw: any failure, look, find nothing, book again
            if plan.find_job(external=key) is not None:
                return None
    raise RuntimeError("could not book")


def main(flaw: str | None = None) -> int:
    with open(os.environ["MOCKST_TASK"]) as handle:
        task = json.load(handle)
    lead = task["lead"]
    with ServiceTitanClient.from_env() as st:
        plan = Scheduler(st, sleep=lambda _: None)
        customer, location = plan.customer_for(lead["name"], lead["phone"], lead["address"])
        job_type = plan.job_type(task["service"])
        start = datetime.fromisoformat(task["window"]["from"]).replace(tzinfo=UTC)
        slot = _slot(plan, job_type, start, start + timedelta(days=task["window"]["days"]), flaw)
        request = JobRequest(customer, location, job_type, _campaign(st, plan, flaw), slot)
        _book(plan, request, ExternalKey(GUID, "leadId", lead["externalId"]), flaw)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
