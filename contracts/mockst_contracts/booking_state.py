"""What a ``book-job`` run left in the tenant: the jobs it made, with their visits and who for.

Read in-process after the run (the checks judge state and journal together): every job whose id
was not in the tenant before the run, with its live appointments (times as stored, active
technicians), its customer's name and its location's address.
"""

from __future__ import annotations

from typing import Any

from mockst.jpm.job_records import assigned
from mockst.store.world import World


def job_ids(world: World, tenant_id: int) -> set[int]:
    with world.reading():
        return {int(r.id) for r in world.tenant_data(tenant_id).table("jobs").rows()}


def new_jobs(world: World, tenant_id: int, before: set[int]) -> list[dict[str, Any]]:
    """The jobs made since ``before`` (ids), oldest first, each as ``{"job", "appointments",
    "customer", "location"}`` (plain data)."""
    found = []
    with world.reading():
        data = world.tenant_data(tenant_id)
        visits = data.table("appointments")
        for row in sorted(data.table("jobs").rows(), key=lambda r: r.id):
            if int(row.id) in before:
                continue
            job = dict(row.data)
            appointments = []
            for ident in job.get("appointmentIds") or []:
                visit = visits.get(ident)
                if visit is not None and visit.active:
                    appointments.append({**dict(visit.data), "id": int(visit.id),
                                         "technicianIds": [a["technicianId"] for a in
                                                           assigned(visit)]})  # fmt: skip
            customer = data.table("customers").get(job.get("customerId") or 0)
            location = data.table("locations").get(job.get("locationId") or 0)
            job_type = data.table("job_types").get(job.get("jobTypeId") or 0)
            found.append({
                "job": {**job, "id": int(row.id)},
                "appointments": appointments,
                "customer": dict(customer.data) if customer is not None else {},
                "location": dict(location.data) if location is not None else {},
                "jobType": job_type.get("name") if job_type is not None else None,
            })  # fmt: skip
    return found
