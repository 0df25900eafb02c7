"""CRM booking contacts: the phone numbers and emails a booking provider attaches to a booking.

Read through the tenant (``/bookings/{id}/contacts``) or the provider that owns the booking; written
only through that provider. A contact's ``type`` is a ``ContactType`` named in any case (400
otherwise) and its ``value`` must not be blank (a PATCH may not blank it either). PATCH answers
the official echo shape, ``UpdateBookingContactRequest``, filled with the contact as it now stands.

Choices where the documents are silent: PATCH on a Dismissed or Converted booking is 409 (the
operation declares 409), while create and delete, which declare no 409, stay allowed; an absent
memo is stored and answered as "" because ``BookingContactResponse.memo`` is a required string.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import PAGE_PARAMS, page_of, project
from mockst.api.operation import Call, One, Page
from mockst.api.params import path
from mockst.api.resource import ID
from mockst.crm.bookings import (
    BOOKING_PROVIDER,
    BOOKINGS,
    CLOSED,
    CONTACTS,
    PROVIDER_BOOKINGS,
    contacts_of,
    enum_value,
    insert_contact,
    provider_booking,
    require_text,
)
from mockst.crm.models.bookings import (
    BookingContactResponse,
    ContactCreateRequest,
    UpdateBookingContactRequest,
)
from mockst.crm.models.common import ContactType
from mockst.errors import ApiError, not_found, validation_error
from mockst.store.table import Row

CONTACT_ID = path("contactId")


def _contact(call: Call, booking: Row) -> Row:
    ident = call.path["contactId"]
    row = call.table(CONTACTS.table).get(ident)
    if row is None or row.get("bookingId") != booking.id:
        raise not_found(CONTACTS.noun, ident)
    return row


def _tenant_list(call: Call) -> dict[str, Any]:
    booking = BOOKINGS.find(call, call.path["id"])
    return page_of(call, contacts_of(call, int(booking.id)), BookingContactResponse)


def _provider_list(call: Call) -> dict[str, Any]:
    booking = provider_booking(call)
    return page_of(call, contacts_of(call, int(booking.id)), BookingContactResponse)


def _create(call: Call) -> dict[str, Any]:
    body: ContactCreateRequest = call.body
    booking = provider_booking(call)
    errors: dict[str, list[str]] = {}
    require_text(errors, {"type": body.type, "value": body.value})
    kind = ""
    if not errors:
        try:
            kind = enum_value(ContactType, body.type, "type")
        except ApiError as exc:
            errors.update(exc.errors)
    if errors:
        raise validation_error(errors)
    row = insert_contact(call, int(booking.id), kind, body.value, body.memo)
    return project(row.data, BookingContactResponse)


def _update(call: Call) -> dict[str, Any]:
    body: UpdateBookingContactRequest = call.body
    booking = provider_booking(call)
    row = _contact(call, booking)
    errors: dict[str, list[str]] = {}
    require_text(errors, {"value": body.value})
    if errors:
        raise validation_error(errors)
    status = booking.get("status")
    if status in CLOSED:
        raise ApiError(
            409,
            f"The booking is {status}; its contacts can no longer be changed.",
            {"status": [f"Booking {booking.id} is {status}."]},
        )
    changes = body.model_dump(include=body.model_fields_set, mode="json")
    if changes:
        row = CONTACTS.change(call, row, changes)
    return project(row.data, UpdateBookingContactRequest)


def _delete(call: Call) -> None:
    booking = provider_booking(call)
    CONTACTS.remove(call, _contact(call, booking))


OPERATIONS = [
    BOOKINGS.operation(
        "Bookings_GetContactList",
        "GET",
        _tenant_list,
        suffix="/{id}/contacts",
        summary="List a booking's contacts (tenant)",
        path_params=(ID,),
        query=PAGE_PARAMS,
        response=Page(BookingContactResponse),
        errors=(400, 404),
        booking="tenant",
    ),
    PROVIDER_BOOKINGS.operation(
        "Bookings_CreateContact",
        "POST",
        _create,
        suffix="/{id}/contacts",
        summary="Add a contact to a booking of this provider",
        path_params=(BOOKING_PROVIDER, ID),
        body=ContactCreateRequest,
        response=One(BookingContactResponse),
        errors=(400, 404),
        booking="provider",
    ),
    PROVIDER_BOOKINGS.operation(
        "Bookings_GetContactList2",
        "GET",
        _provider_list,
        suffix="/{id}/contacts",
        summary="List the contacts of a booking of this provider",
        path_params=(BOOKING_PROVIDER, ID),
        query=PAGE_PARAMS,
        response=Page(BookingContactResponse),
        errors=(400, 404),
        booking="provider",
    ),
    PROVIDER_BOOKINGS.operation(
        "Bookings_UpdateBookingContact",
        "PATCH",
        _update,
        suffix="/{id}/contacts/{contactId}",
        summary="Update a contact of a booking of this provider",
        path_params=(BOOKING_PROVIDER, ID, CONTACT_ID),
        body=UpdateBookingContactRequest,
        response=One(UpdateBookingContactRequest),
        errors=(400, 404, 409),
        booking="provider",
    ),
    PROVIDER_BOOKINGS.operation(
        "Bookings_DeleteContact",
        "DELETE",
        _delete,
        suffix="/{id}/contacts/{contactId}",
        summary="Delete a contact of a booking of this provider",
        path_params=(BOOKING_PROVIDER, ID, CONTACT_ID),
        errors=(400, 404),
        booking="provider",
    ),
]
