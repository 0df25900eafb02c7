"""CRM leads: opportunities to book a job, with follow-ups, notes and a public lead form.

A lead is created Open (priority Normal unless given) with ``campaignId`` and ``summary``, and a
``callReasonId`` or a ``followUpDate`` (at least one; 400 otherwise). A ``customerId`` or
``locationId`` must name a row of this tenant's customers/locations (400: the operation declares
only 400); a location alone brings its customer, and a location of another customer is 400. A
``bookingId`` must name an open booking of this tenant (any provider): that booking is dismissed
(``dismissingReasonId`` = the lead's ``callReasonId``) and the lead keeps its id in ``bookingId``.

Choices where the documents are silent (see the README's defaults table):

* ``createdById`` of leads and notes is 0, as for customers (a token is no ServiceTitan user);
* required strings (``summary``, note ``text``, form ``name``) must not be blank; tag type ids
  must be positive and, once the tenant has Settings tag types, name one of them (400);
* a lead made from a booking takes the booking's name, address and first phone/email for the
  ``lead*`` fields the request leaves out; ``captureSource`` is null for API leads and "Form" for
  ``/leads/form``, whose leads have ``campaignId`` 0 and whose query ``id`` is accepted and unused;
* a follow-up needs an Open lead (400 otherwise); its ``text``, when given, becomes a lead note
  pinned when ``pinToTop``;
* dismissing a Dismissed lead is idempotent (200, the first reason stands); a Converted one is 400;
* PATCH works on a lead of any status; a missing lead is 404 wherever the path names one;
* ``genPermUrl=true`` renders ``leadUrl`` as ``LEAD_URL`` (not stored); ``isProspect=true`` keeps
  every lead and ``false`` none, as the simulator holds no jobs; ``leadPhone`` matches digits;
  the customer filters look leads' customers up in ``customers`` and drop leads without one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from mockst.api.listing import (
    PAGE_PARAMS,
    SORT_PARAM,
    STANDARD_SORT,
    Filter,
    contains,
    date_filters,
    ids_filter,
    page_of,
    project,
)
from mockst.api.operation import Call, One, Page, TenantContext
from mockst.api.params import Param
from mockst.api.resource import ID, Resource
from mockst.crm.bookings import BOOKINGS, CLOSED, contacts_of, dismiss, require_text
from mockst.crm.models.common import ContactType, LeadStatus, NoteResponse, Priority
from mockst.crm.models.exports import ExportLeadsResponse
from mockst.crm.models.leads import (
    CreateFollowUpRequest,
    DismissLeadRequest,
    FollowUpResponse,
    LeadCreateRequest,
    LeadNoteCreateRequest,
    LeadResponse,
    LeadUpdateRequest,
    SubmitLeadFormRequest,
    SubmitLeadFormResponse,
)
from mockst.encoding import format_datetime
from mockst.errors import field_error, validation_error
from mockst.store.table import Row

LEADS = Resource(
    module="crm",
    path="/leads",
    table="leads",
    scope="tn.crm.leads",
    tag="Leads",
    noun="Lead",
)
NOTES = Resource(
    module="crm",
    path="/leads",
    table="lead_notes",
    scope="tn.crm.leads",
    tag="Leads",
    noun="Lead note",
)
# As for customers: a token belongs to an app connection, not to a ServiceTitan user.
API_USER_ID = 0
CUSTOMERS = "customers"
TAG_TYPES = "tag_types"
LOCATIONS = "locations"
LEAD_URL = "https://go.servicetitan.com/#/Lead/{id}"
FORM_SOURCE = "Form"
LEAD_FIELDS = (
    "leadCustomerName", "leadPhone", "leadEmail", "leadStreet", "leadUnit", "leadCity",
    "leadState", "leadZip", "leadCountry",
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


def _add_note(call: Call, lead_id: int, text: str, pinned: bool) -> Row:
    return NOTES.insert(
        call,
        {"leadId": lead_id, "text": text, "isPinned": pinned, "createdById": API_USER_ID},
    )


# -- create ------------------------------------------------------------------------------------


def _check_tag_types(call: Call, errors: dict[str, list[str]], ids: list[int]) -> None:
    """Positive ids, naming rows of Settings' tag types once the tenant has any (as customers)."""
    table = call.table(TAG_TYPES)
    known = len(table) > 0
    for i, ident in enumerate(ids):
        if ident <= 0 or (known and table.get(ident) is None):
            errors.setdefault(f"tagTypeIds[{i}]", []).append(f"Tag type {ident} was not found.")


def _from_booking(call: TenantContext, booking: Row) -> dict[str, Any]:
    """The lead* fields a booking can supply."""
    address = booking.data.get("address") or {}
    found: dict[str, Any] = {
        "leadCustomerName": booking.data.get("name"),
        "leadStreet": address.get("street"),
        "leadUnit": address.get("unit"),
        "leadCity": address.get("city"),
        "leadState": address.get("state"),
        "leadZip": address.get("zip"),
        "leadCountry": address.get("country"),
    }
    for contact in sorted(contacts_of(call, int(booking.id)), key=lambda r: r.id):
        kind = contact.data["type"]
        if kind in (ContactType.PHONE.value, ContactType.MOBILE_PHONE.value):
            found.setdefault("leadPhone", contact.data["value"])
        elif kind == ContactType.EMAIL.value:
            found.setdefault("leadEmail", contact.data["value"])
    return found


def _create(call: Call) -> dict[str, Any]:
    body: LeadCreateRequest = call.body
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
            customer_id = location.data.get("customerId")
        elif location.data.get("customerId") != customer_id:
            errors["locationId"] = [
                f"Location {body.locationId} does not belong to customer {customer_id}."
            ]
    booking = None
    if body.bookingId is not None:
        booking = call.table(BOOKINGS.table).get(body.bookingId)
        if booking is None:
            errors["bookingId"] = [f"Booking with id {body.bookingId} was not found."]
        elif booking.data["status"] in CLOSED:
            status = booking.data["status"]
            errors["bookingId"] = [f"Booking {body.bookingId} is {status} already."]
    if errors:
        raise validation_error(errors)
    given = body.model_dump(include=set(LEAD_FIELDS), mode="json")
    lead_fields = {k: v for k, v in given.items() if v is not None}
    if booking is not None:
        supplied = _from_booking(call, booking)
        lead_fields = {**{k: v for k, v in supplied.items() if v is not None}, **lead_fields}
        dismiss(call, booking, body.callReasonId)
    row = new_lead(
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
            "followUpDate": format_datetime(body.followUpDate) if body.followUpDate else None,
            "bookingId": body.bookingId,
            **lead_fields,
        },
    )
    return project(row.data, LeadResponse)


def _submit_form(call: Call) -> dict[str, Any]:
    body: SubmitLeadFormRequest = call.body
    errors: dict[str, list[str]] = {}
    require_text(errors, {"name": body.name})
    if errors:
        raise validation_error(errors)
    address = body.address
    row = new_lead(
        call,
        {
            "summary": body.summary,
            "leadCustomerName": body.name,
            "leadEmail": body.email,
            "leadPhone": body.phoneNumber,
            "leadStreet": address.street if address else None,
            "leadUnit": address.unit if address else None,
            "leadCity": address.city if address else None,
            "leadState": address.state if address else None,
            "leadZip": address.zip if address else None,
            "leadCountry": address.country if address else None,
            "captureSource": FORM_SOURCE,
        },
    )
    return {"leadId": row.id}


# -- changes -----------------------------------------------------------------------------------


def _update(call: Call) -> dict[str, Any]:
    body: LeadUpdateRequest = call.body
    row = LEADS.find(call, call.path["id"])
    changes = body.model_dump(include=body.model_fields_set, mode="json")
    if changes:
        row = LEADS.change(call, row, changes)
    return project(row.data, LeadResponse)


def _follow_up(call: Call) -> dict[str, Any]:
    body: CreateFollowUpRequest = call.body
    row = LEADS.find(call, call.path["id"])
    status = row.data["status"]
    if status != LeadStatus.OPEN.value:
        raise field_error("id", f"Lead {row.id} is {status}; only an Open lead takes follow-ups.")
    when = format_datetime(body.followUpDate)
    pinned = bool(body.pinToTop)
    LEADS.change(call, row, {"followUpDate": when})
    if body.text is not None and body.text.strip():
        _add_note(call, int(row.id), body.text, pinned)
    return {"leadId": row.id, "followUpDate": when, "text": body.text, "pinToTop": pinned}


def _dismiss(call: Call) -> None:
    body: DismissLeadRequest = call.body
    row = LEADS.find(call, call.path["id"])
    status = row.data["status"]
    if status == LeadStatus.DISMISSED.value:
        return None  # idempotent: the first dismissal stands
    if status == LeadStatus.CONVERTED.value:
        raise field_error("id", f"Lead {row.id} is Converted and cannot be dismissed.")
    LEADS.change(
        call,
        row,
        {"status": LeadStatus.DISMISSED.value, "dismissingReasonId": body.dismissingReasonId},
    )
    return None


# -- notes -------------------------------------------------------------------------------------


def _notes(call: Call) -> dict[str, Any]:
    lead = LEADS.find(call, call.path["id"])
    rows = (r for r in call.table(NOTES.table).rows() if r.data.get("leadId") == lead.id)
    return page_of(call, rows, NoteResponse, date_filters())


def _create_note(call: Call) -> dict[str, Any]:
    body: LeadNoteCreateRequest = call.body
    lead = LEADS.find(call, call.path["id"])
    errors: dict[str, list[str]] = {}
    require_text(errors, {"text": body.text})
    if errors:
        raise validation_error(errors)
    return project(_add_note(call, int(lead.id), body.text, bool(body.pinToTop)).data, NoteResponse)


# -- the list ----------------------------------------------------------------------------------


def _customer_filter(name: str, kind: Any, keep: Callable[[dict[str, Any], Any], bool]) -> Filter:
    """Leads whose customer (a row of ``customers``) passes ``keep(customer_data, value)``."""

    def prepare(value: Any, call: Call) -> set[Any]:
        if kind == "datetime":
            value = format_datetime(value)
        return {r.id for r in call.table(CUSTOMERS).rows() if keep(r.data, value)}

    return Filter(
        Param(name, kind, nullable=True),
        lambda row, ids: row.data.get("customerId") in ids,
        prepare,
    )


def _address_is(part: str) -> Callable[[dict[str, Any], Any], bool]:
    def keep(customer: dict[str, Any], value: str) -> bool:
        address = customer.get("address") or {}
        return str(address.get(part) or "").strip().lower() == value.strip().lower()

    return keep


def _digits(text: Any) -> str:
    return re.sub(r"\D", "", str(text or ""))


def _phone_matches(row: Row, value: str) -> bool:
    wanted = _digits(value)
    stored = row.data.get("leadPhone") or ""
    if wanted:
        return wanted in _digits(stored)
    return value.strip().lower() in stored.lower()


def _without_customer(row: Row, value: bool) -> bool:
    has_none = row.data.get("customerId") is None and row.data.get("locationId") is None
    has_both = row.data.get("customerId") is not None and row.data.get("locationId") is not None
    return has_none if value else has_both


LIST_FILTERS: dict[str, Filter] = {
    f.param.name: f
    for f in (
        ids_filter(),
        *date_filters(),
        Filter(
            Param("customerId", "int64", nullable=True),
            lambda row, value: row.data.get("customerId") == value,
        ),
        # The simulator holds no jobs: every lead is a prospect.
        Filter(Param("isProspect", "bool", nullable=True), lambda row, value: bool(value)),
        Filter(Param("withoutCustomer", "bool", nullable=True), _without_customer),
        Filter(
            Param(
                "status",
                "enum",
                enum=tuple(s.value for s in LeadStatus),
                enum_name="Crm.V2.LeadStatus",
                nullable=True,
            ),
            lambda row, value: row.data.get("status") == value,
        ),
        _customer_filter("customerCity", "string", _address_is("city")),
        _customer_filter("customerState", "string", _address_is("state")),
        _customer_filter("customerZip", "string", _address_is("zip")),
        _customer_filter(
            "customerCreatedOnOrAfter", "datetime", lambda c, v: (c.get("createdOn") or "") >= v
        ),
        _customer_filter(
            "customerCreatedBefore", "datetime", lambda c, v: (c.get("createdOn") or "") < v
        ),
        _customer_filter(
            "customerModifiedOnOrAfter", "datetime", lambda c, v: (c.get("modifiedOn") or "") >= v
        ),
        contains("leadCustomerName"),
        Filter(Param("leadPhone", "string", nullable=True), _phone_matches),
        Filter(
            Param("isCaptureSourceForm", "bool", nullable=True),
            lambda row, value: (row.data.get("captureSource") == FORM_SOURCE) == value,
        ),
    )
}
GEN_PERM_URL = Param("genPermUrl", "bool", nullable=True)
# The official order of Leads_GetList's query.
LIST_QUERY = (
    *PAGE_PARAMS,
    *(
        LIST_FILTERS[name].param
        for name in (
            "ids", "createdBefore", "createdOnOrAfter", "modifiedBefore", "modifiedOnOrAfter",
            "customerId", "isProspect", "withoutCustomer", "status", "customerCity",
            "customerState", "customerZip", "customerCreatedOnOrAfter", "customerCreatedBefore",
            "customerModifiedOnOrAfter",
        )
    ),
    SORT_PARAM,
    GEN_PERM_URL,
    *(LIST_FILTERS[n].param for n in ("leadCustomerName", "leadPhone", "isCaptureSourceForm")),
)  # fmt: skip


def _list(call: Call) -> dict[str, Any]:
    render = None
    if call.query.get("genPermUrl"):

        def render(row: Row) -> dict[str, Any]:
            return {**project(row.data, LeadResponse), "leadUrl": LEAD_URL.format(id=row.id)}

    rows = call.table(LEADS.table).rows()
    return page_of(
        call, rows, LeadResponse, tuple(LIST_FILTERS.values()), STANDARD_SORT, render=render
    )


OPERATIONS = [
    LEADS.get_op("Leads_Get", LeadResponse, summary="Get a lead"),
    LEADS.operation(
        "Leads_Update",
        "PATCH",
        _update,
        suffix="/{id}",
        summary="Update a lead",
        path_params=(ID,),
        body=LeadUpdateRequest,
        response=One(LeadResponse),
    ),
    LEADS.operation(
        "Leads_GetList",
        "GET",
        _list,
        summary="List leads",
        query=LIST_QUERY,
        response=Page(LeadResponse),
    ),
    LEADS.operation(
        "Leads_Create",
        "POST",
        _create,
        summary="Create a lead",
        body=LeadCreateRequest,
        response=One(LeadResponse),
    ),
    LEADS.operation(
        "Leads_CreateFollowUp",
        "POST",
        _follow_up,
        suffix="/{id}/follow-up",
        summary="Set a lead's follow-up",
        path_params=(ID,),
        body=CreateFollowUpRequest,
        response=One(FollowUpResponse),
    ),
    LEADS.operation(
        "Leads_GetNotes",
        "GET",
        _notes,
        suffix="/{id}/notes",
        summary="List a lead's notes",
        path_params=(ID,),
        query=(*PAGE_PARAMS, *(f.param for f in date_filters())),
        response=Page(NoteResponse),
        errors=(400, 404),
    ),
    LEADS.operation(
        "Leads_CreateNote",
        "POST",
        _create_note,
        suffix="/{id}/notes",
        summary="Add a note to a lead",
        path_params=(ID,),
        body=LeadNoteCreateRequest,
        response=One(NoteResponse),
        errors=(400, 404),
    ),
    LEADS.operation(
        "Leads_Dismiss",
        "POST",
        _dismiss,
        suffix="/{id}/dismiss",
        summary="Dismiss a lead",
        path_params=(ID,),
        body=DismissLeadRequest,
        errors=(400, 404),
    ),
    LEADS.operation(
        "Leads_SubmitLeadForm",
        "POST",
        _submit_form,
        suffix="/form",
        summary="Submit the lead form",
        query=(Param("id", "int64", nullable=True),),
        body=SubmitLeadFormRequest,
        response=One(SubmitLeadFormResponse),
    ),
    replace(  # every official export operation is tagged "Export"
        LEADS.export_op(
            "ExportLeads_Leads", ExportLeadsResponse, "/export/leads", summary="Export leads"
        ),
        tag="Export",
    ),
]
