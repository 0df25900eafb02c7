"""A call arrives, as the phone system records one (the control plane's ``POST …/calls``).

What the phone system knows it fills in itself: an inbound call is credited to the campaign whose
tracking number was dialled and put on the customer whose phone contact called (an outbound one:
the customer called); a call naming a job takes the job's customer, location and campaign and
becomes its lead call. Everything named must be the tenant's (400 naming the field); a location
must be the customer's. A call that lasted is recorded unless ``recording`` says otherwise.
"""

from __future__ import annotations

import uuid
from typing import Any

from mockst.api.operation import TenantContext
from mockst.crm.lead_records import LEADS
from mockst.encoding import format_datetime, parse_datetime, parse_timespan
from mockst.errors import field_error
from mockst.store.table import Row
from mockst.telecom.call_records import BOOKED, create_call, digits, require

PHONES = ("Phone", "MobilePhone")
REFERENCES = (
    ("customerId", "customers", "Customer"),
    ("locationId", "locations", "Location"),
    ("campaignId", "campaigns", "Campaign"),
    ("bookingId", "bookings", "Booking"),
    ("jobId", "jobs", "Job"),
    ("leadId", "leads", "Lead"),
    ("agentId", "employees", "Employee"),
    ("reasonId", "call_reasons", "Call reason"),
)


def seconds_of(value: int | str) -> int:
    """A duration in seconds, or a TimeSpan (``hh:mm`` or ``hh:mm:ss``, §15 U19)."""
    seconds = value if isinstance(value, int) else parse_timespan(value)
    if seconds is None or seconds < 0:
        raise field_error("duration", "Expected seconds or a TimeSpan such as 00:04:30.")
    return seconds


def _customer_calling(ctx: TenantContext, number: str) -> int | None:
    wanted = digits(number)
    if not wanted:
        return None
    phones = (c for c in ctx.table("customer_contacts").rows() if c.get("type") in PHONES)
    found = [c.get("customerId") for c in phones if digits(c.get("value")) == wanted]
    return min(found) if found else None


def _campaign_dialled(ctx: TenantContext, number: str) -> int | None:
    wanted = digits(number)
    for row in sorted(ctx.table("campaigns").rows(), key=lambda r: r.id):
        if any(digits(n) == wanted for n in row.get("campaignPhoneNumbers") or ()):
            return row.id
    return None


def _stamp(received: Any) -> str | None:
    if received is None:
        return None
    try:
        return format_datetime(parse_datetime(str(received)))
    except ValueError:
        raise field_error("receivedOn", "Expected a date-time.") from None


def arrive(ctx: TenantContext, sent: dict[str, Any]) -> Row:
    """Record a call from ``sent`` (the control body, wire names) and link what it names."""
    fields = {k: v for k, v in sent.items() if v is not None}
    for field, table, noun in REFERENCES:
        require(ctx, table, field, fields.get(field), noun)
    inbound = fields.get("direction", "Inbound") == "Inbound"
    job = ctx.table("jobs").get(fields["jobId"]) if "jobId" in fields else None
    if job is not None:
        for key in ("customerId", "locationId", "campaignId"):
            fields.setdefault(key, job.get(key))
        fields.setdefault("callType", BOOKED)
    location = ctx.table("locations").get(fields.get("locationId") or 0)
    if location is not None:
        fields.setdefault("customerId", location.get("customerId"))
        if location.get("customerId") != fields["customerId"]:
            raise field_error("locationId", f"Location {location.id} is not a location of "
                              f"customer {fields['customerId']}.")  # fmt: skip
    if "customerId" not in fields:
        customer = _customer_calling(ctx, fields["from"] if inbound else fields["to"])
        fields["customerId"] = customer
    if "campaignId" not in fields and inbound:
        fields["campaignId"] = _campaign_dialled(ctx, fields["to"])
    seconds = seconds_of(fields.pop("duration", 0))
    recording = fields.pop("recording", seconds > 0)
    voicemail = fields.pop("voicemail", False)
    stamp = _stamp(fields.pop("receivedOn", None))
    row = create_call(ctx, {
        **fields, "seconds": seconds, "hasRecording": recording, "hasVoicemail": voicemail,
        "sid": fields.get("sid") or f"CA{uuid.uuid4().hex}",
        **({"receivedOn": stamp, "createdOn": stamp} if stamp else {}),
    })  # fmt: skip
    lead = ctx.table(LEADS.table).get(row.get("leadId") or 0)
    if lead is not None and lead.get("callId") != row.id:
        LEADS.change(ctx, lead, {"callId": row.id})
    return row
