"""Dispatch v2 capacity (``POST /dispatch/v2/tenant/{tenant}/capacity``): when work can be booked.

The call is a POST that only reads: ServiceTitan computes the answer from shifts and bookings and
stores nothing. Each availability's ``start``/``end`` are the tenant's local wall clock written
with a ``Z`` (two public clients report it); ``startUtc``/``endUtc`` are the true instants, and
they are what a job's appointment must be booked with. ``mockst_client.booking`` reads the answer
into slots that carry only the true times.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ._base import E, P, R, Resource


class Capacity(Resource[R, P, E]):
    module: ClassVar[str] = "dispatch"

    def check(
        self,
        starts_on_or_after: str,
        ends_on_or_before: str,
        *,
        business_unit_ids: list[int] | None = None,
        job_type_id: int | None = None,
        skill_based_availability: bool = False,
        **extra: Any,
    ) -> R:
        """``CapacityRequestArgs``: the frames between two UTC instants, for the business units
        (the job type's units, as a CSR picks them) and the job type whose duration must fit."""
        body: dict[str, Any] = {
            "startsOnOrAfter": starts_on_or_after,
            "endsOnOrBefore": ends_on_or_before,
            "skillBasedAvailability": skill_based_availability,
            **extra,
        }
        if business_unit_ids is not None:
            body["businessUnitIds"] = business_unit_ids
        if job_type_id is not None:
            body["jobTypeId"] = job_type_id
        return self._post("capacity", body)
