"""Booking a job: ``POST /jobs`` checks what the job names and writes the job with everything
ServiceTitan writes beside it.

References (each bad one is a 400 naming its field; all are reported at once): the customer, a
location of that customer, the business unit, an active job type, an active campaign, the
project (at the job's location; the project's feed then delivers it again), tag types, custom
field types of jobs, and technicians of the tenant. ``priority`` is one
of Low, Normal, High, Urgent in any case. At least one appointment, each ending after it starts
(an arrival window, when given, must not end before it starts).

Beside the job: its appointments (numbered ``<jobNumber>-1``, ``-2``…), one assignment per
technician named, the booked log (the first appointment), a "Job Booked" history entry, and an
invoice id (a job always has one). Job-type defaults apply: its tag types are added to the
request's, its summary is used when the request has none, and its ``noCharge`` when the request
does not say.

``bookingId`` converts that CRM booking (status ``Converted``, ``jobId`` set); a booking already
converted or dismissed is a 400, and a connection restricted to a booking provider may convert only
its own provider's bookings (refused as the guard refuses). ``leadId`` converts an Open lead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mockst.api.operation import Call, TenantContext
from mockst.crm.bookings import BOOKINGS
from mockst.crm.customer_records import (
    API_USER_ID,
    CUSTOMERS,
    LOCATIONS,
    Problems,
    check_tag_types,
    external_data_created,
)
from mockst.crm.lead_records import LEADS
from mockst.crm.models.common import BookingStatus, LeadStatus
from mockst.crm.provider_restriction import require_booking
from mockst.encoding import format_datetime
from mockst.jpm.job_records import (
    BOOKED,
    JOB_BOOKED_LOGS,
    JOB_CUSTOM_FIELD_TYPES,
    JOBS,
    PRIORITIES,
    new_appointment,
    settle,
    write_history,
)
from mockst.jpm.job_types import JOB_TYPES
from mockst.jpm.models.jobs import AppointmentInformation, CustomFieldModel, JobCreateRequest
from mockst.jpm.project_records import PROJECTS
from mockst.marketing.campaigns import CAMPAIGNS
from mockst.settings.business_units import BUSINESS_UNITS
from mockst.settings.technicians import TECHNICIANS
from mockst.store.table import Row


@dataclass(frozen=True)
class Slot:
    """An appointment's times and technicians, as a request gives them (reschedule builds one)."""

    start: datetime
    end: datetime
    arrivalWindowStart: datetime | None = None
    arrivalWindowEnd: datetime | None = None
    technicianIds: list[int] | None = None
    specialInstructions: str | None = None


def _exists(ctx: TenantContext, table: str, ident: int | None, active: bool = False) -> bool:
    row = ctx.table(table).get(ident) if ident is not None else None
    return row is not None and (row.active or not active)


def check_priority(problems: Problems, text: str | None) -> str:
    for name in PRIORITIES:
        if (text or "").strip().lower() == name.lower():
            return name
    problems.add("priority", f"The priority must be one of {', '.join(PRIORITIES)}.")
    return text or ""


def check_technicians(
    ctx: TenantContext, problems: Problems, field: str, ids: Sequence[int] | None
) -> list[int]:
    result: list[int] = []
    for index, ident in enumerate(ids or []):
        if not _exists(ctx, TECHNICIANS.table, ident, active=True):
            problems.add(f"{field}[{index}]", f"Technician {ident} was not found.")
        elif ident not in result:
            result.append(ident)
    return result


def check_slot(
    ctx: TenantContext, problems: Problems, field: str, slot: Slot | AppointmentInformation
) -> dict[str, Any]:
    """An appointment's times and technicians, as stored (times as the wire writes them)."""
    prefix = f"{field}." if field else ""
    if slot.end <= slot.start:
        problems.add(f"{prefix}end", "The end must be after the start.")
    window = (slot.arrivalWindowStart, slot.arrivalWindowEnd)
    if None not in window and window[1] < window[0]:
        problems.add(f"{prefix}arrivalWindowEnd", "The arrival window must not end before "
                     "it starts.")
    stamp = lambda value: format_datetime(value) if value is not None else None  # noqa: E731
    return {
        "start": stamp(slot.start),
        "end": stamp(slot.end),
        "arrivalWindowStart": stamp(slot.arrivalWindowStart),
        "arrivalWindowEnd": stamp(slot.arrivalWindowEnd),
        "technicianIds": check_technicians(
            ctx, problems, f"{prefix}technicianIds", slot.technicianIds
        ),
        "specialInstructions": getattr(slot, "specialInstructions", None),
    }


def check_custom_fields(
    ctx: TenantContext, problems: Problems, items: Sequence[CustomFieldModel] | None
) -> list[dict[str, Any]]:
    """``[{typeId, name, value}]``: each type must be a job custom field type of the tenant."""
    result: list[dict[str, Any]] = []
    seen: set[int] = set()
    for index, item in enumerate(items or []):
        kind = ctx.table(JOB_CUSTOM_FIELD_TYPES.table).get(item.typeId)
        if kind is None:
            problems.add(f"customFields[{index}].typeId", f"Custom field type {item.typeId} "
                         "was not found.")  # fmt: skip
        elif item.typeId in seen:
            problems.add(f"customFields[{index}].typeId", "The custom field type is repeated.")
        else:
            seen.add(item.typeId)
            result.append({"typeId": item.typeId, "name": kind.get("name"), "value": item.value})
    return result


def _references(call: Call, problems: Problems, body: JobCreateRequest) -> Row | None:
    """Checks every id the job names; the job type, when it is good (its defaults apply)."""
    ctx, active = call, call.config.job_refuses_inactive
    location = ctx.table(LOCATIONS.table).get(body.locationId)
    if not _exists(ctx, CUSTOMERS.table, body.customerId):
        problems.add("customerId", f"Customer {body.customerId} was not found.")
    if location is None:
        problems.add("locationId", f"Location {body.locationId} was not found.")
    elif location.get("customerId") != body.customerId:
        problems.add("locationId", f"Location {body.locationId} is not a location of customer "
                     f"{body.customerId}.")  # fmt: skip
    if not _exists(ctx, BUSINESS_UNITS.table, body.businessUnitId):
        problems.add("businessUnitId", f"Business unit {body.businessUnitId} was not found.")
    if not _exists(ctx, CAMPAIGNS.table, body.campaignId, active=active):
        problems.add("campaignId", f"Campaign {body.campaignId} was not found or is not active.")
    project = ctx.table(PROJECTS.table).get(body.projectId) if body.projectId else None
    if body.projectId is not None and project is None:
        problems.add("projectId", f"Project {body.projectId} was not found.")
    elif project is not None and project.get("locationId") != body.locationId:
        problems.add("projectId", f"Project {body.projectId} is at another location than the "
                     "job.")  # fmt: skip
    job_type = ctx.table(JOB_TYPES.table).get(body.jobTypeId)
    if job_type is None or (active and not job_type.active):
        problems.add("jobTypeId", f"Job type {body.jobTypeId} was not found or is not active.")
        return None
    return job_type


def _slots(
    ctx: TenantContext, problems: Problems, items: list[AppointmentInformation]
) -> list[dict[str, Any]]:
    if not items:
        problems.add("appointments", "A job needs at least one appointment.")
    return [check_slot(ctx, problems, f"appointments[{i}]", s) for i, s in enumerate(items)]


def _booking(call: Call, problems: Problems, ident: int | None) -> Row | None:
    if ident is None:
        return None
    booking = call.table(BOOKINGS.table).get(ident)
    if booking is None:
        problems.add("bookingId", f"Booking {ident} was not found.")
        return None
    require_booking(call, booking)  # another provider's booking: refused like the guard refuses
    if booking.get("jobId") is not None or booking.get("status") in (
        BookingStatus.CONVERTED.value, BookingStatus.DISMISSED.value,
    ):  # fmt: skip
        problems.add("bookingId", f"Booking {ident} is {booking.get('status')}; it cannot be "
                     "booked into a job.")  # fmt: skip
    return booking


def _lead(call: Call, problems: Problems, ident: int | None) -> Row | None:
    if ident is None:
        return None
    lead = call.table(LEADS.table).get(ident)
    if lead is None:
        problems.add("leadId", f"Lead {ident} was not found.")
        return None
    made_from = call.table(BOOKINGS.table).get(lead.get("bookingId"))
    if made_from is not None:
        require_booking(call, made_from)
    if lead.get("status") != LeadStatus.OPEN.value:
        problems.add("leadId", f"Lead {ident} is {lead.get('status')}; only an Open lead is "
                     "converted.")  # fmt: skip
    return lead


def book_job(call: Call, body: JobCreateRequest) -> Row:
    """The job, its appointments and logs; the booking or lead it came from converted."""
    problems = Problems()
    job_type = _references(call, problems, body)
    priority = check_priority(problems, body.priority)
    slots = _slots(call, problems, body.appointments)
    booking = _booking(call, problems, body.bookingId)
    lead = _lead(call, problems, body.leadId)
    data: dict[str, Any] = {
        "projectId": body.projectId,
        "customerId": body.customerId,
        "locationId": body.locationId,
        "jobStatus": "Scheduled",
        "completedOn": None,
        "businessUnitId": body.businessUnitId,
        "jobTypeId": body.jobTypeId,
        "priority": priority,
        "campaignId": body.campaignId,
        "appointmentIds": [],
        "appointmentsMade": 0,  # how many were ever added: numbers the next one
        "recallForId": None,
        "warrantyId": None,
        "jobGeneratedLeadSource": body.jobGeneratedLeadSource.model_dump()
        if body.jobGeneratedLeadSource else None,
        "noCharge": body.noCharge if body.noCharge is not None
        else bool(job_type and job_type.get("noCharge")),
        "notificationsEnabled": True,
        "createdById": API_USER_ID,
        "tagTypeIds": check_tag_types(call, problems, "tagTypeIds", [
            *(body.tagTypeIds or []), *(job_type.get("tagTypeIds") if job_type else [])]),
        "leadCallId": None,
        "partnerLeadCallId": body.partnerLeadCallId,
        "bookingId": body.bookingId,
        "leadId": body.leadId,
        "soldById": body.soldById,
        "customerPo": body.customerPo or "",
        "invoiceId": 0,
        "membershipId": None,
        "total": 0.0,
        "createdFromEstimateId": None,
        "estimateIds": [],
        "equipmentIds": [],
        "isAutoDispatched": False,
        "summary": body.summary if body.summary is not None
        else (job_type.get("summary") if job_type else None),
        "customFields": check_custom_fields(call, problems, body.customFields),
        "externalDataByApp": external_data_created(problems, "externalData", body.externalData),
        "summaryOfWork": None,
        "invoiceSignatureIsRequired": body.invoiceSignatureIsRequired,
    }  # fmt: skip
    problems.check()
    ident = call.world.new_id()
    data.update(jobNumber=str(ident), invoiceId=call.world.new_id())
    job = JOBS.insert(call, data, ident)
    made = [
        new_appointment(call, {**data, "id": ident}, number, slot).id
        for number, slot in enumerate(slots, start=1)
    ]
    job = settle(call, job, made, appointmentsMade=len(made))
    first = call.table("appointments").get(job.get("appointmentIds")[0])
    JOB_BOOKED_LOGS.insert(call, {
        "jobId": ident, "jobAppointmentId": first.id, "start": first.get("start"),
        "arrivalWindowStart": first.get("arrivalWindowStart"),
        "arrivalWindowEnd": first.get("arrivalWindowEnd"),
        "createdById": API_USER_ID, "active": True,
    })  # fmt: skip
    write_history(call, ident, BOOKED)
    if body.projectId is not None:  # its jobIds changed: the projects feed delivers it again
        PROJECTS.change(call, PROJECTS.find(call, body.projectId), {})
    if booking is not None and call.config.job_converts_booking:
        BOOKINGS.change(call, booking, {"status": BookingStatus.CONVERTED.value, "jobId": ident})
    if lead is not None:
        LEADS.change(call, lead, {"status": LeadStatus.CONVERTED.value})
    return job

