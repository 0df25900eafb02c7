"""The booking flow, done carefully: open slots from capacity, one job per lead, found again.

A connector that books jobs meets four traps, and these helpers step around each:

* **Local times with a Z.** Capacity's ``start``/``end`` are the tenant's wall clock labelled UTC;
  a :class:`Slot` keeps only ``startUtc``/``endUtc`` (and the wall-clock text for display), so
  the appointment is booked at the true instant.
* **Slots that are not open.** :meth:`Scheduler.open_slots` keeps frames that are ``isAvailable``
  and have an ``Available`` technician, from the answer just read; book one of them straight away.
* **A create whose answer was lost.** A POST that timed out or answered 5xx may have been applied:
  :meth:`Scheduler.book_job_once` marks the job with the caller's external data, looks it up
  (:meth:`Scheduler.find_job`) after an uncertain failure and creates it again only when absent.
* **Ids that differ per tenant.** Business unit, job type and campaign are read from the
  tenant's own lists (:meth:`Scheduler.job_type`, :meth:`Scheduler.campaign`), never configured.

Synchronous only: the flow is a handful of calls and its decisions, written once; the async
client has every underlying call (``capacity.check``, ``jobs.book``…) to do the same.

    with ServiceTitanClient.from_env() as st:
        plan = Scheduler(st)
        job_type = plan.job_type("Drain Cleaning")
        slot = plan.open_slots(job_type, start, start + timedelta(days=7))[0]
        job = plan.book_job_once(JobRequest(customer_id, location_id, job_type,
                                            plan.campaign()["id"], slot),
                                 ExternalKey(MY_APP_GUID, "leadId", lead_id))
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from .client import ServiceTitanClient
from .errors import ServerError, ServiceTitanError

Json = dict[str, Any]

#: Days a single capacity request asks for: a week, as the clients seen in the wild do (13 days at
#: most); longer windows are asked for in steps so one answer stays small.
CAPACITY_STEP_DAYS = 7


class BookingError(ServiceTitanError):
    """The flow cannot go on: no such job type, no open slot, a create that never succeeded."""


def parse_utc(text: str) -> datetime:
    """An API date-time (``Z`` or an offset, 0 to 7 fractional digits) as an aware UTC datetime.

    ``fromisoformat`` takes at most six fractional digits; .NET writes up to seven, so the seventh
    (100 ns) is dropped rather than refused.
    """
    value = text.strip().replace("Z", "+00:00").replace("z", "+00:00")
    head, dot, rest = value.partition(".")
    if dot:
        digits = "".join(c for c in rest if c.isdigit())
        value = f"{head}.{digits[:6]}{rest[len(digits) :]}"
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_utc(moment: datetime) -> str:
    """``2027-03-02T16:00:00Z``: how the API writes an instant without a fraction."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Slot:
    """An open frame of capacity, in true UTC, with the technicians free in it."""

    start: datetime  # startUtc
    end: datetime  # endUtc
    business_unit_ids: tuple[int, ...]
    technician_ids: tuple[int, ...]  # Available technicians (with the skills, when known)
    open_hours: float
    wall_clock: str = ""  # capacity's own "start": the tenant's local time with a Z; never book it

    def appointment(self, duration: timedelta | None = None, technician_ids: list[int] | None = None
                    ) -> Json:  # fmt: skip
        """One ``AppointmentInformation``: the visit starts when the frame does and lasts
        ``duration`` (the job type's, when known; else the whole frame), the frame is its arrival
        window, and the first free technician goes unless ``technician_ids`` says."""
        end = min(self.start + duration, self.end) if duration else self.end
        technicians = list(self.technician_ids[:1]) if technician_ids is None else technician_ids
        return {
            "start": format_utc(self.start),
            "end": format_utc(end),
            "arrivalWindowStart": format_utc(self.start),
            "arrivalWindowEnd": format_utc(self.end),
            "technicianIds": technicians,
        }


def open_slots(answer: Json, business_unit_id: int | None = None) -> list[Slot]:
    """The frames of a capacity answer that can take a job now, earliest first.

    Open means ``isAvailable`` and at least one technician ``Available`` (without a
    ``hasRequiredSkills: false``); ``openAvailability`` must be above zero too (one public client
    logs frames that say available with nothing open, and skips them).
    """
    slots = []
    for row in answer.get("availabilities") or []:
        units = tuple(int(u) for u in row.get("businessUnitIds") or [])
        if business_unit_id is not None and business_unit_id not in units:
            continue
        free = tuple(
            int(t["id"])
            for t in row.get("technicians") or []
            if t.get("status") == "Available" and t.get("hasRequiredSkills") is not False
        )
        open_hours = float(row.get("openAvailability") or 0.0)
        if row.get("isAvailable") and free and open_hours > 0:
            slots.append(Slot(parse_utc(row["startUtc"]), parse_utc(row["endUtc"]), units, free,
                              open_hours, str(row.get("start") or "")))  # fmt: skip
    slots.sort(key=lambda s: (s.start, s.business_unit_ids))
    return slots


@dataclass(frozen=True)
class ExternalKey:
    """The caller's own id for a job, kept in the job's ``externalData`` under its app's GUID:
    how the job is found again when a create's answer was lost."""

    application_guid: str
    key: str
    value: str

    def external_data(self) -> Json:
        return {"applicationGuid": self.application_guid,
                "externalData": [{"key": self.key, "value": self.value}]}  # fmt: skip

    def filters(self) -> Json:
        return {"externalDataApplicationGuid": self.application_guid,
                "externalDataKey": self.key, "externalDataValues": self.value}  # fmt: skip


@dataclass(frozen=True)
class JobRequest:
    """What a job is booked with: the customer's location, the tenant's own references, a slot."""

    customer_id: int
    location_id: int
    job_type: Json  # a row of the tenant's job types (its id, duration, business units)
    campaign_id: int
    slot: Slot
    business_unit_id: int | None = None  # default: the slot's unit
    technician_ids: list[int] | None = None  # default: the slot's first free technician
    summary: str | None = None
    priority: str = "Normal"
    booking_id: int | None = None  # the CRM booking this job comes from (it becomes Converted)
    extra: Json = field(default_factory=dict)

    def body(self, external: ExternalKey | None = None) -> Json:
        """The ``JobCreateRequest``."""
        seconds = self.job_type.get("duration") or 0
        unit = self.business_unit_id or self.slot.business_unit_ids[0]
        body: Json = {
            "customerId": self.customer_id,
            "locationId": self.location_id,
            "businessUnitId": unit,
            "jobTypeId": self.job_type["id"],
            "priority": self.priority,
            "campaignId": self.campaign_id,
            "appointments": [self.slot.appointment(
                timedelta(seconds=seconds) if seconds else None, self.technician_ids)],
            **self.extra,
        }  # fmt: skip
        if self.summary:
            body["summary"] = self.summary
        if self.booking_id is not None:
            body["bookingId"] = self.booking_id
        if external is not None:
            body["externalData"] = external.external_data()
        return body


class Scheduler:
    """The booking flow over one :class:`ServiceTitanClient`."""

    def __init__(self, client: ServiceTitanClient, *, attempts: int = 4,
                 sleep: Callable[[float], None] = time.sleep) -> None:  # fmt: skip
        self.st = client
        self.attempts = attempts
        self._sleep = sleep

    # -- the tenant's references ---------------------------------------------------------------

    def job_type(self, name: str) -> Json:
        """The tenant's active job type of that name (any case), read from its list."""
        wanted = name.strip().lower()
        for row in self.st.job_types.iter_all(active="True"):
            if str(row.get("name", "")).strip().lower() == wanted:
                return row
        raise BookingError(f"the tenant has no active job type named {name!r}")

    def campaign(self, name: str | None = None) -> Json:
        """An active campaign of the tenant (that name, or the first by id), read from its list."""
        rows = sorted(self.st.campaigns.iter_all(active="True"), key=lambda r: r["id"])
        if name is not None:
            rows = [r for r in rows if str(r.get("name", "")).lower() == name.lower()]
        if not rows:
            named = f" named {name!r}" if name else ""
            raise BookingError(f"the tenant has no active campaign{named}")
        return rows[0]

    def business_units(self, job_type: Json) -> list[int]:
        """The job type's business units that are active in the tenant's list (capacity is asked
        per unit; a job type may name a unit the tenant closed)."""
        active = {int(u["id"]) for u in self.st.business_units.iter_all(active="True")}
        return [int(u) for u in job_type.get("businessUnitIds") or [] if int(u) in active]

    def customer_for(self, name: str, phone: str, address: Json) -> tuple[int, int]:
        """The customer and location for a lead: an existing customer with that phone and a
        location at that street, else a new customer (and its location) made from the lead."""
        street = str(address.get("street", "")).strip().lower()
        for customer in self.st.customers.iter_all(phone=phone):
            for location in self.st.locations.iter_all(customerId=customer["id"]):
                if str((location.get("address") or {}).get("street", "")).strip().lower() == street:
                    return int(customer["id"]), int(location["id"])
        made = self.st.customers.create({
            "name": name, "type": "Residential", "address": address,
            "locations": [{"name": "Service address", "address": address}],
            "contacts": [{"type": "Phone", "value": phone}]})  # fmt: skip
        return int(made["id"]), int(made["locations"][0]["id"])

    # -- slots -------------------------------------------------------------------------------------

    def capacity(self, start: datetime, end: datetime, *, business_unit_ids: list[int] | None,
                 job_type_id: int | None) -> Iterator[Json]:  # fmt: skip
        """Capacity answers from ``start`` to ``end`` (UTC), a step of days at a time.

        Capacity is a POST that writes nothing, so a 5xx or a lost answer is simply asked again
        (the client leaves every POST to its caller)."""
        step = timedelta(days=CAPACITY_STEP_DAYS)
        cursor = start
        while cursor < end:
            until = min(cursor + step, end)
            yield self._retrying(self.st.capacity.check, format_utc(cursor), format_utc(until),
                                 business_unit_ids=business_unit_ids,
                                 job_type_id=job_type_id)  # fmt: skip
            cursor = until

    def open_slots(self, job_type: Json, start: datetime, end: datetime, *,
                   business_unit_id: int | None = None) -> list[Slot]:  # fmt: skip
        """Open slots for ``job_type`` between two UTC instants, earliest first: capacity asked
        for the job type and its business units (or the one given), as a CSR asks it."""
        units = self.business_units(job_type) if business_unit_id is None else [business_unit_id]
        if not units:
            raise BookingError(f"job type {job_type.get('name')!r} has no active business unit")
        slots: list[Slot] = []
        for answer in self.capacity(start, end, business_unit_ids=units,
                                    job_type_id=int(job_type["id"])):  # fmt: skip
            slots.extend(open_slots(answer))
        return slots

    # -- jobs --------------------------------------------------------------------------------------

    def find_job(self, *, booking_id: int | None = None,
                 external: ExternalKey | None = None) -> Json | None:  # fmt: skip
        """The job made from that CRM booking, or marked with that external key; ``None`` if none.

        Looks before a retried create: a job whose create answer was lost is found here."""
        if booking_id is None and external is None:
            raise ValueError("give booking_id or external")
        filters: Json = {"bookingId": booking_id} if booking_id is not None else {}
        if external is not None:
            filters.update(external.filters())
        found = list(self.st.jobs.iter_all(**filters))
        return found[0] if found else None

    def book_job(self, request: JobRequest, external: ExternalKey | None = None) -> Json:
        """One ``POST /jobs``; an uncertain failure is the caller's (see :meth:`book_job_once`)."""
        return self.st.jobs.book(request.body(external))

    def book_job_once(self, request: JobRequest, external: ExternalKey) -> Json:
        """Book the job exactly once: after a 5xx or a lost answer, look it up by ``external``
        (and by the booking it converts, if any) and create it again only when it is not there."""
        for attempt in range(1, self.attempts + 1):
            try:
                return self.book_job(request, external)
            except (ServerError, httpx.TransportError):
                self._sleep(0.2 * attempt)
                found = self.find_job(external=external)
                if found is None and request.booking_id is not None:
                    found = self.find_job(booking_id=request.booking_id)
                if found is not None:
                    return found
        raise BookingError(f"the job for {external.value!r} could not be created")

    def reschedule(self, job: Json, slot: Slot, *, duration: timedelta | None = None) -> Json:
        """Move the job's (first) appointment into another open slot, arrival window included."""
        visit = slot.appointment(duration, technician_ids=[])
        visit.pop("technicianIds")
        return self.st.appointments.reschedule(int(job["firstAppointmentId"]), visit.pop("start"),
                                               visit.pop("end"), **visit)  # fmt: skip

    def cancel(self, job: Json, memo: str, *, reason_id: int | None = None) -> None:
        """Cancel with that reason, or the tenant's first active cancel reason."""
        if reason_id is None:
            reasons = self.st.jobs.cancel_reasons(active="True").get("data") or []
            if not reasons:
                raise BookingError("the tenant has no active cancel reason")
            reason_id = int(reasons[0]["id"])
        self.st.jobs.cancel(int(job["id"]), reason_id, memo)

    def _retrying(self, call: Callable[..., Json], *args: Any, **kwargs: Any) -> Json:
        for attempt in range(1, self.attempts + 1):
            try:
                return call(*args, **kwargs)
            except (ServerError, httpx.TransportError):
                if attempt == self.attempts:
                    raise
                self._sleep(0.2 * attempt)
        raise AssertionError("unreachable")
