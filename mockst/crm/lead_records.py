"""Rows of leads and lead notes: how a new lead is checked, linked to its records, and built.

Shared by the lead operations (``Leads_Create``, ``Leads_SubmitLeadForm``, follow-ups and notes)
so the rules of a lead's links live once: a customer or location must be the tenant's, a location
alone brings its customer, and a booking named by the lead is dismissed and lends the lead its
name, address and first phone and email. See ``mockst.crm.leads`` for the full list of choices.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mockst.api.operation import Call, TenantContext
from mockst.api.resource import Resource
from mockst.crm import FAMILY
from mockst.crm.bookings import BOOKINGS, CLOSED, contacts_of, dismiss, require_text
from mockst.crm.customer_records import API_USER_ID
from mockst.crm.models.common import ContactType, LeadStatus, Priority
from mockst.crm.models.leads import LeadCreateRequest, SubmitLeadFormRequest
from mockst.crm.provider_restriction import require_booking
from mockst.encoding import format_date
from mockst.errors import validation_error
from mockst.store.table import Row

LEADS = Resource(
    family=FAMILY,
    path="/leads",
    table="leads",
    scope="tn.crm.leads",
    tag="Leads",
    noun="Lead",
)
NOTES = Resource(
    family=FAMILY,
    path="/leads",
    table="lead_notes",
    scope="tn.crm.leads",
    tag="Leads",
    noun="Lead note",
)
CUSTOMERS = "customers"
TAG_TYPES = "tag_types"
LOCATIONS = "locations"
FORM_SOURCE = "Form"  # captureSource of leads from the public lead form
LEAD_FIELDS = (
    "leadCustomerName", "leadPhone", "leadEmail", "leadStreet", "leadUnit", "leadCity",
    "leadState", "leadZip", "leadCountry",
)  # fmt: skip
# (lead field, address part): how an address becomes a lead's lead* address fields
LEAD_ADDRESS = (
    ("leadStreet", "street"), ("leadUnit", "unit"), ("leadCity", "city"),
    ("leadState", "state"), ("leadZip", "zip"), ("leadCountry", "country"),
)  # fmt: skip


def new_lead(call: Call, fields: dict[str, Any]) -> Row:
    """A lead row with every LeadResponse field, Open and Normal unless ``fields`` say otherwise."""
    data: dict[str, Any] = {
        "status": LeadStatus.OPEN.value,
        "priority": Priority.NORMAL.value,
        "customerId": None,
        "locationId": None,
        "businessUnitId": None,
        "jobTypeId": None,
        "campaignId": 0,
        "followUpDate": None,
        "createdById": API_USER_ID,
        "tagTypeIds": [],
        "dismissingReasonId": None,
        "summary": None,
        "callReasonId": None,
        "callId": None,
        "bookingId": None,
        "manualCallId": None,
        "leadUrl": None,
        **dict.fromkeys(LEAD_FIELDS),
        "captureSource": None,
    }
    data.update(fields)
    return LEADS.insert(call, data)


def add_note(call: Call, lead_id: int, text: str, pinned: bool) -> Row:
    return NOTES.insert(
        call,
        {"leadId": lead_id, "text": text, "isPinned": pinned, "createdById": API_USER_ID},
    )


def require_texts(values: dict[str, str | None]) -> None:
    """400 naming every blank required string of ``values``."""
    errors: dict[str, list[str]] = {}
    require_text(errors, values)
    if errors:
        raise validation_error(errors)


def lead_address(address: Mapping[str, Any]) -> dict[str, Any]:
    """The lead* address fields of an address (a booking's, the lead form's); missing: None."""
    return {field: address.get(part) for field, part in LEAD_ADDRESS}


# -- Leads_Create ------------------------------------------------------------------------------


def _check_tag_types(call: Call, errors: dict[str, list[str]], ids: list[int]) -> None:
    """Positive ids, naming rows of Settings' tag types once the tenant has any (as customers)."""
    table = call.table(TAG_TYPES)
    known = len(table) > 0
    for i, ident in enumerate(ids):
        if ident <= 0 or (known and table.get(ident) is None):
            errors.setdefault(f"tagTypeIds[{i}]", []).append(f"Tag type {ident} was not found.")


def _from_booking(call: TenantContext, booking: Row) -> dict[str, Any]:
    """The lead* fields a booking can supply."""
    found: dict[str, Any] = {
        "leadCustomerName": booking.get("name"),
        **lead_address(booking.get("address") or {}),
    }
    for contact in sorted(contacts_of(call, int(booking.id)), key=lambda r: r.id):
        kind = contact.get("type")
        if kind in (ContactType.PHONE.value, ContactType.MOBILE_PHONE.value):
            found.setdefault("leadPhone", contact.get("value"))
        elif kind == ContactType.EMAIL.value:
            found.setdefault("leadEmail", contact.get("value"))
    return found


def create_lead(call: Call, body: LeadCreateRequest) -> Row:
    """Check a new lead's fields and links (400 naming each problem), dismiss the booking it
    comes from, and insert it."""
    errors: dict[str, list[str]] = {}
    require_text(errors, {"summary": body.summary})
    _check_tag_types(call, errors, body.tagTypeIds or [])
    if body.callReasonId is None and body.followUpDate is None:
        message = "Either callReasonId or followUpDate is required."
        errors["callReasonId"] = [message]
        errors["followUpDate"] = [message]
    customer_id = body.customerId
    if customer_id is not None and call.table(CUSTOMERS).get(customer_id) is None:
        errors["customerId"] = [f"Customer with id {customer_id} was not found."]
    if body.locationId is not None:
        location = call.table(LOCATIONS).get(body.locationId)
        if location is None:
            errors["locationId"] = [f"Location with id {body.locationId} was not found."]
        elif customer_id is None:
            customer_id = location.get("customerId")
        elif location.get("customerId") != customer_id:
            errors["locationId"] = [
                f"Location {body.locationId} does not belong to customer {customer_id}."
            ]
    booking = None
    if body.bookingId is not None:
        booking = call.table(BOOKINGS.table).get(body.bookingId)
        if booking is None:
            errors["bookingId"] = [f"Booking with id {body.bookingId} was not found."]
        else:
            # Before anything is said about it: its state is the other provider's business.
            require_booking(call, booking)
        if booking is not None and booking.get("status") in CLOSED:
            status = booking.get("status")
            errors["bookingId"] = [f"Booking {body.bookingId} is {status} already."]
    if errors:
        raise validation_error(errors)
    given = body.model_dump(include=set(LEAD_FIELDS), mode="json")
    lead_fields = {k: v for k, v in given.items() if v is not None}
    if booking is not None:
        supplied = _from_booking(call, booking)
        lead_fields = {**{k: v for k, v in supplied.items() if v is not None}, **lead_fields}
        dismiss(call, booking, body.callReasonId)
    return new_lead(
        call,
        {
            "customerId": customer_id,
            "locationId": body.locationId,
            "campaignId": body.campaignId,
            "businessUnitId": body.businessUnitId,
            "jobTypeId": body.jobTypeId,
            "summary": body.summary,
            "tagTypeIds": list(body.tagTypeIds or []),
            "priority": (body.priority or Priority.NORMAL).value,
            "callReasonId": body.callReasonId,
            "followUpDate": format_date(body.followUpDate) if body.followUpDate else None,
            "bookingId": body.bookingId,
            **lead_fields,
        },
    )


# -- Leads_SubmitLeadForm ----------------------------------------------------------------------


def form_lead(call: Call, body: SubmitLeadFormRequest) -> Row:
    """A lead from the public lead form: no campaign, ``captureSource`` "Form"."""
    require_texts({"name": body.name})
    address = body.address
    return new_lead(
        call,
        {
            "summary": body.summary,
            "leadCustomerName": body.name,
            "leadEmail": body.email,
            "leadPhone": body.phoneNumber,
            **lead_address(address.model_dump() if address else {}),
            "captureSource": FORM_SOURCE,
        },
    )
