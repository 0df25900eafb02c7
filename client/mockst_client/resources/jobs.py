"""Job Planning v2 (``/jpm/v2/tenant/{tenant}/...``): jobs, their appointments, job types.

Booking a job needs ids the tenant owns: a customer and one of its locations (CRM), a business
unit (Settings), a job type and a campaign (Marketing). Read them from the tenant's own lists in
each run; they differ per tenant. The created job's ``firstAppointmentId`` is the appointment just
booked. Jobs are never deleted, only canceled (with a reason from ``cancel_reasons``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from ._base import DEFAULT_PAGE_SIZE, E, Json, P, R, Resource


class Jobs(Resource[R, P, E]):
    module: ClassVar[str] = "jpm"

    def book(self, body: Json) -> R:
        """``JobCreateRequest``: customerId, locationId, businessUnitId, jobTypeId, priority,
        campaignId and ``appointments: [{start, end, arrivalWindowStart?, arrivalWindowEnd?,
        technicianIds?}]`` (UTC); ``bookingId`` converts the booking it came from."""
        return self._post("jobs", body)

    def get(self, job_id: int) -> R:
        return self._get(f"jobs/{job_id}")

    def update(self, job_id: int, body: Json) -> R:
        """PATCH; ``customFields`` and ``tagTypeIds`` replace the whole list."""
        return self._patch(f"jobs/{job_id}", body)

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        """One page; filters include ``bookingId``, ``customerId``, ``jobStatus``,
        ``appointmentStartsOnOrAfter``, ``externalDataKey``/``externalDataValues``."""
        return self._page("jobs", page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all("jobs", page_size, filters)

    def cancel(self, job_id: int, reason_id: int, memo: str) -> R:
        return self._put(f"jobs/{job_id}/cancel", {"reasonId": reason_id, "memo": memo})

    def remove_cancellation(self, job_id: int) -> R:
        return self._put(f"jobs/{job_id}/remove-cancellation")

    def history(self, job_id: int) -> R:
        return self._get(f"jobs/{job_id}/history")

    def add_note(self, job_id: int, text: str, *, pin_to_top: bool = False) -> R:
        return self._post(f"jobs/{job_id}/notes", {"text": text, "pinToTop": pin_to_top})

    def cancel_reasons(self, *, page: int = 1, page_size: int = 50, **filters: Any) -> R:
        """The tenant's reasons for canceling (active and inactive unless ``active`` says)."""
        return self._page("job-cancel-reasons", page, page_size, False, filters)

    def export(self, *, from_: str | None = None, include_recent_changes: bool = False) -> E:
        return self._export("jobs", from_, include_recent_changes)


class Appointments(Resource[R, P, E]):
    module: ClassVar[str] = "jpm"

    def get(self, appointment_id: int) -> R:
        return self._get(f"appointments/{appointment_id}")

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        """One page; filters include ``jobId``, ``startsOnOrAfter``, ``technicianId``."""
        return self._page("appointments", page, page_size, include_total, filters)

    def add(self, job_id: int, start: str, end: str, **fields: Any) -> R:
        """Another visit of a job (times in UTC; ``technicianIds``, arrival window optional)."""
        return self._post("appointments", {"jobId": job_id, "start": start, "end": end, **fields})

    def reschedule(self, appointment_id: int, start: str, end: str, **windows: Any) -> R:
        """New times; send the arrival window again if it should stay (it is replaced)."""
        body = {"start": start, "end": end, **windows}
        return self._patch(f"appointments/{appointment_id}/reschedule", body)

    def delete(self, appointment_id: int) -> R:
        """409 for a job's only appointment: cancel the job instead."""
        return self._delete(f"appointments/{appointment_id}")

    def hold(self, appointment_id: int, reason_id: int, memo: str) -> R:
        return self._put(f"appointments/{appointment_id}/hold",
                         {"reasonId": reason_id, "memo": memo})  # fmt: skip

    def remove_hold(self, appointment_id: int) -> R:
        return self._delete(f"appointments/{appointment_id}/hold")

    def export(self, *, from_: str | None = None, include_recent_changes: bool = False) -> E:
        return self._export("appointments", from_, include_recent_changes)


class JobTypes(Resource[R, P, E]):
    """Job types: the work a tenant books, with business units and a duration in seconds."""

    module: ClassVar[str] = "jpm"

    def get(self, job_type_id: int) -> R:
        return self._get(f"job-types/{job_type_id}")

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        """One page; filters include ``name`` (part, any case), ``active``."""
        return self._page("job-types", page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all("job-types", page_size, filters)


class Campaigns(Resource[R, P, E]):
    """Marketing campaigns (``/marketing/v2``): every job names one."""

    module: ClassVar[str] = "marketing"

    def get(self, campaign_id: int) -> R:
        return self._get(f"campaigns/{campaign_id}")

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        """One page; filters include ``name``, ``active``."""
        return self._page("campaigns", page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all("campaigns", page_size, filters)
