"""Notes on customers and locations.

``pinToTop`` becomes ``isPinned``. A customer note with ``addToLocations`` is also written, as a
separate note, on each of the customer's active locations; a location note with ``addToCustomer``
on the location's customer. The answer is the note written on the record in the path. Notes are
listed in the order they were written (pinned ones are not moved first: the list has no sort and
no document says so). Deleting answers 200 with no body; an unknown note, or a note of another
record, is a 404.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import PAGE_PARAMS, date_filters, page_of, project
from mockst.api.operation import Call, Empty, One, Operation, Page, TenantContext
from mockst.api.params import path
from mockst.api.resource import ID, Resource
from mockst.crm.customer_records import API_USER_ID, CUSTOMERS, LOCATIONS, Problems
from mockst.crm.models.common import NoteResponse
from mockst.crm.models.customers import CustomerNoteCreateRequest
from mockst.crm.models.locations import LocationNoteCreateRequest
from mockst.errors import not_found

NOTE_ID = path("noteId")
DATES = date_filters()


def _notes_of(parent: Resource, table: str) -> Resource:
    return Resource(
        family=parent.family,
        path=parent.path,
        table=table,
        scope=parent.scope,
        tag=parent.tag,
        noun="Note",
    )


CUSTOMER_NOTES = _notes_of(CUSTOMERS, "customer_notes")
LOCATION_NOTES = _notes_of(LOCATIONS, "location_notes")


def write_note(
    ctx: TenantContext, notes: Resource, field: str, parent_id: int, text: str, pinned: bool
) -> dict[str, Any]:
    row = notes.insert(
        ctx, {"text": text, "isPinned": pinned, "createdById": API_USER_ID, field: parent_id}
    )
    return row.data


def _check_text(text: str) -> None:
    problems = Problems()
    problems.required_text("text", text)
    problems.check()


def _create_customer_note(call: Call) -> dict[str, Any]:
    body: CustomerNoteCreateRequest = call.body
    customer = CUSTOMERS.find(call, call.path["id"])
    _check_text(body.text)
    pinned = bool(body.pinToTop)
    note = write_note(call, CUSTOMER_NOTES, "customerId", int(customer.id), body.text, pinned)
    if body.addToLocations:
        for location in call.table(LOCATIONS.table).rows():
            if location.get("customerId") == customer.id and location.active:
                write_note(call, LOCATION_NOTES, "locationId", int(location.id), body.text, pinned)
    return project(note, NoteResponse)


def _create_location_note(call: Call) -> dict[str, Any]:
    body: LocationNoteCreateRequest = call.body
    location = LOCATIONS.find(call, call.path["id"])
    _check_text(body.text)
    pinned = bool(body.pinToTop)
    note = write_note(call, LOCATION_NOTES, "locationId", int(location.id), body.text, pinned)
    if body.addToCustomer:
        customer_id = int(location.get("customerId"))
        write_note(call, CUSTOMER_NOTES, "customerId", customer_id, body.text, pinned)
    return project(note, NoteResponse)


def _operations(
    parent: Resource, notes: Resource, field: str, prefix: str, body: type, create: Any
) -> list[Operation]:
    noun = parent.noun.lower()

    def list_notes(call: Call) -> dict[str, Any]:
        owner = parent.find(call, call.path["id"])
        rows = (r for r in call.table(notes.table).rows() if r.get(field) == owner.id)
        return page_of(call, rows, NoteResponse, DATES)

    def delete(call: Call) -> None:
        owner = parent.find(call, call.path["id"])
        note = notes.find(call, call.path["noteId"])
        if note.get(field) != owner.id:
            raise not_found("Note", call.path["noteId"])
        notes.remove(call, note)

    return [
        notes.operation(
            f"{prefix}_GetNotes", "GET", list_notes, suffix="/{id}/notes",
            summary=f"List a {noun}'s notes", path_params=(ID,),
            query=(*PAGE_PARAMS, *(f.param for f in DATES)), response=Page(NoteResponse),
            errors=(400, 404),
        ),
        notes.operation(
            f"{prefix}_CreateNote", "POST", create, suffix="/{id}/notes",
            summary=f"Write a note on a {noun}", path_params=(ID,), body=body,
            response=One(NoteResponse), errors=(400, 404),
        ),
        notes.operation(
            f"{prefix}_DeleteNote", "DELETE", delete, suffix="/{id}/notes/{noteId}",
            summary=f"Delete a {noun}'s note", path_params=(ID, NOTE_ID), response=Empty(),
            errors=(400, 404),
        ),
    ]  # fmt: skip


OPERATIONS = [
    *_operations(
        CUSTOMERS, CUSTOMER_NOTES, "customerId", "Customers", CustomerNoteCreateRequest,
        _create_customer_note,
    ),
    *_operations(
        LOCATIONS, LOCATION_NOTES, "locationId", "Locations", LocationNoteCreateRequest,
        _create_location_note,
    ),
]  # fmt: skip
