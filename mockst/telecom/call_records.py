"""Rows of calls, and the links a call keeps with the rest of the tenant.

A call comes from the phone system (the control plane and seeds write them: the API has no
create). Its row holds ids, not copies: the customer, location, campaign, reason, agent (a
Settings employee) and job a call names are read as they are now whenever it is shown, so a
renamed campaign shows its new name on old calls, as in ServiceTitan.

A call and a job point at each other: the call's ``jobId`` and the job's ``leadCallId`` ("the call
that resulted in this job"). ``link_job`` keeps the pair true in both directions: a job has one
lead call, so linking it to a second call unlinks the first. A call linked to a booking shows the
job that booking became, once it is booked (the documents have no call → booking link; the job's
``bookingId`` is the path).

``duration`` is stored as ServiceTitan writes a .NET TimeSpan (``hh:mm:ss``, §15 U19) beside its
seconds, which ``minDuration`` compares.
"""

from __future__ import annotations

from typing import Any

from mockst.api.operation import TenantContext
from mockst.api.resource import Resource
from mockst.encoding import format_datetime, format_timespan
from mockst.errors import field_error
from mockst.jpm.job_records import JOBS
from mockst.store.table import Row
from mockst.telecom import FAMILY

CALLS = Resource(
    family=FAMILY,
    path="/calls",
    table="calls",
    scope="tn.tlc.calls",
    tag="Calls",
    noun="Call",
    base="/v2/tenant/{tenant}",
)
V3_BASE = "/v3/tenant/{tenant}"
BOOKED = "Booked"
COMPLETED = "Completed"

def digits(text: str | None) -> str:
    """A phone number's digits, a North American country code dropped: how numbers compare."""
    found = "".join(ch for ch in text or "" if ch.isdigit())
    return found[1:] if len(found) == 11 and found.startswith("1") else found


def create_call(ctx: TenantContext, fields: dict[str, Any]) -> Row:
    """A call as the phone system records it; ``fields`` are checked by the caller."""
    seconds = int(fields.pop("seconds", 0))
    stamp = format_datetime(ctx.now)
    row = CALLS.insert(
        ctx,
        {
            "receivedOn": stamp,
            "duration": format_timespan(seconds),
            "seconds": seconds,
            "direction": "Inbound",
            "status": COMPLETED,
            "callType": None,
            "reasonId": None,
            "customerId": None,
            "locationId": None,
            "campaignId": None,
            "jobId": None,
            "bookingId": None,
            "leadId": None,
            "agentId": None,
            "agentExternalId": None,
            "createdById": None,
            "sid": None,
            "tagTypeIds": [],
            "tag": "",
            "excuseMemo": "",
            "hasRecording": seconds > 0,
            "hasVoicemail": False,
            "active": True,
            **fields,
        },
    )
    if row.get("jobId") is not None:
        job = ctx.table(JOBS.table).get(row.get("jobId"))
        if job is not None:
            row = link_job(ctx, row, job)
    return row


def link_job(ctx: TenantContext, call: Row, job: Row | None) -> Row:
    """Make ``job`` (None: no job) the call's, and the call the job's lead call."""
    jobs = ctx.table(JOBS.table)
    calls = ctx.table(CALLS.table)
    former = jobs.get(call.get("jobId")) if call.get("jobId") is not None else None
    moved = former is not None and (job is None or former.id != job.id)
    if former is not None and moved and former.get("leadCallId") == call.id:
        JOBS.change(ctx, former, {"leadCallId": None})
    if job is None:
        return call if call.get("jobId") is None else CALLS.change(ctx, call, {"jobId": None})
    previous = job.get("leadCallId")
    if previous is not None and previous != call.id:
        other = calls.get(previous)
        if other is not None and other.get("jobId") == job.id:
            CALLS.change(ctx, other, {"jobId": None})
    if previous != call.id:
        JOBS.change(ctx, job, {"leadCallId": call.id})
    if call.get("jobId") != job.id:
        call = CALLS.change(ctx, call, {"jobId": job.id})
    return call


def job_of(ctx: TenantContext, call: Row) -> Row | None:
    """The job booked from the call: its own, or the one its booking became."""
    jobs = ctx.table(JOBS.table)
    if call.get("jobId") is not None:
        return jobs.get(call.get("jobId"))
    booking_id = call.get("bookingId")
    if booking_id is not None:
        booking = ctx.table("bookings").get(booking_id)
        if booking is not None and booking.get("jobId") is not None:
            return jobs.get(booking.get("jobId"))
    return None


def require(ctx: TenantContext, table: str, field: str, ident: int | None, noun: str) -> None:
    """400 naming ``field`` when ``ident`` is not one of the tenant's rows of ``table``."""
    if ident is not None and ctx.table(table).get(ident) is None:
        raise field_error(field, f"{noun} {ident} does not exist.")
