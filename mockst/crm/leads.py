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

This module declares the operations; the rules of a new lead and its links live in
``mockst.crm.lead_records``, the list's filters in ``mockst.crm.lead_lists``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mockst.api.listing import PAGE_PARAMS, date_filters, page_of, project
from mockst.api.operation import Call, One, Page
from mockst.api.params import Param
from mockst.api.resource import ID
from mockst.crm.lead_lists import LIST_QUERY, lead_page
from mockst.crm.lead_records import (
    LEADS,
    NOTES,
    add_note,
    create_lead,
    form_lead,
    require_texts,
)
from mockst.crm.models.common import LeadStatus, NoteResponse
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
from mockst.crm.provider_restriction import require_own_made, restriction, visible
from mockst.encoding import format_date
from mockst.errors import field_error
from mockst.store.table import Row


def _lead(call: Call, *, reading: bool = False) -> Row:
    """The lead the path names (404 when the tenant has none of that id); one made from another
    provider's booking is refused to a restricted connection."""
    row = LEADS.find(call, call.path["id"])
    require_own_made(call, row, reading=reading)
    return row


def _get(call: Call) -> dict[str, Any]:
    return project(_lead(call, reading=True).data, LeadResponse)


def _create(call: Call) -> dict[str, Any]:
    return project(create_lead(call, call.body).data, LeadResponse)


def _submit_form(call: Call) -> dict[str, Any]:
    return {"leadId": form_lead(call, call.body).id}


# -- changes -----------------------------------------------------------------------------------


def _update(call: Call) -> dict[str, Any]:
    body: LeadUpdateRequest = call.body
    row = _lead(call)
    changes = body.model_dump(include=body.model_fields_set, mode="json")
    if changes:
        row = LEADS.change(call, row, changes)
    return project(row.data, LeadResponse)


def _follow_up(call: Call) -> dict[str, Any]:
    body: CreateFollowUpRequest = call.body
    row = _lead(call)
    status = row.get("status")
    if status != LeadStatus.OPEN.value:
        raise field_error("id", f"Lead {row.id} is {status}; only an Open lead takes follow-ups.")
    when = format_date(body.followUpDate)
    pinned = bool(body.pinToTop)
    LEADS.change(call, row, {"followUpDate": when})
    if body.text is not None and body.text.strip():
        add_note(call, int(row.id), body.text, pinned)
    return {"leadId": row.id, "followUpDate": when, "text": body.text, "pinToTop": pinned}


def _dismiss(call: Call) -> None:
    body: DismissLeadRequest = call.body
    row = _lead(call)
    status = row.get("status")
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
    lead = _lead(call, reading=True)
    rows = (r for r in call.table(NOTES.table).rows() if r.get("leadId") == lead.id)
    return page_of(call, rows, NoteResponse, date_filters())


def _create_note(call: Call) -> dict[str, Any]:
    body: LeadNoteCreateRequest = call.body
    lead = _lead(call)
    require_texts({"text": body.text})
    return project(add_note(call, int(lead.id), body.text, bool(body.pinToTop)).data, NoteResponse)


def _exported(call: Call) -> Any:
    table = call.table(LEADS.table)  # whole, so the feed resumes by bisection
    return table if restriction(call) is None else visible(call, table.rows(include_deleted=True))


OPERATIONS = [
    LEADS.operation(
        "Leads_Get", "GET", _get, suffix="/{id}", summary="Get a lead", path_params=(ID,),
        response=One(LeadResponse), errors=(400, 404),
    ),
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
        lead_page,
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
        query=(Param("id", "int64"),),
        body=SubmitLeadFormRequest,
        response=One(SubmitLeadFormResponse),
    ),
    replace(  # every official export operation is tagged "Export"
        LEADS.export_op(
            "ExportLeads_Leads", ExportLeadsResponse, "/export/leads", summary="Export leads",
            rows=_exported,
        ),
        tag="Export",
    ),
]
