"""CRM bookings: inbound inquiries written by booking providers, read by the tenant.

Every write lives under ``/booking-provider/{booking_provider}/bookings…``: the path's provider must
be one of the tenant's booking provider tags (404 otherwise), a booking remembers it as
``bookingProviderId``, and a booking of another provider is invisible (404, absent from lists)
under that path. The tenant-scoped ``/bookings``, ``/bookings/{id}`` and ``/bookings/{id}/contacts``
are read-only and see every provider's bookings. The guard applies the connection's restriction
(``Operation.booking``); this module applies the path's provider.

Choices where the documents are silent (see the README's defaults table):

* create also needs an address or a Phone/MobilePhone/Email contact (DOC-CRM), else 400 naming
  ``address`` and ``contacts``; required strings must not be blank (ASP.NET ``[Required]``)
  and a PATCH may not blank ``source``, ``name`` or ``externalId``; ``start`` defaults to now;
  ``customerType`` must name a ``CustomerType`` (any case); ``externalId`` is not unique;
* the tenant-scoped reads and the export feed are ``booking="tenant"``: a restricted connection
  is refused there unless ``Config.restricted_tenant_bookings`` is "allow";
* PATCH changes only the fields sent; a Dismissed or Converted booking answers 409;
* dismissing a Dismissed booking is idempotent (200, nothing changes); a Converted one is 400,
  the only status the operation declares; the body may be empty;
* an unknown path provider is 404 on every provider-scoped operation, and so is a path id that is
  missing or belongs to another provider, even where the document declares only 400.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mockst.api.listing import (
    PAGE_PARAMS,
    SORT_PARAM,
    STANDARD_SORT,
    date_filters,
    equals,
    ids_filter,
    page_of,
    project,
)
from mockst.api.operation import Call, One, Page, TenantContext
from mockst.api.params import path
from mockst.api.resource import ID, Resource
from mockst.crm import FAMILY
from mockst.crm.models.bookings import (
    BookingResponse,
    CreateBookingRequest,
    DismissBookingModel,
    UpdateBookingRequest,
)
from mockst.crm.models.common import BookingStatus, ContactType, CustomerType
from mockst.crm.models.exports import ExportBookingResponse
from mockst.encoding import format_datetime
from mockst.errors import ApiError, field_error, not_found, validation_error
from mockst.identity.service import BOOKING_PROVIDER_TAGS
from mockst.store.table import Row

BOOKINGS = Resource(
    family=FAMILY,
    path="/bookings",
    table="bookings",
    scope="tn.crm.bookings",
    tag="Bookings",
    noun="Booking",
)
# The same rows, reached through one booking provider.
PROVIDER_BOOKINGS = replace(BOOKINGS, path="/booking-provider/{booking_provider}/bookings")
# Rows only: the contact operations hang off the booking paths (see booking_contacts.py).
CONTACTS = replace(BOOKINGS, table="booking_contacts", noun="Booking contact")

BOOKING_PROVIDER = path("booking_provider")
# Bookings_DismissBooking types its booking_provider as a string; every other operation, int64.
BOOKING_PROVIDER_TEXT = path("booking_provider", "string")

NEW = BookingStatus.NEW.value
CLOSED = (BookingStatus.DISMISSED.value, BookingStatus.CONVERTED.value)
REACHABLE_TYPES = (ContactType.PHONE.value, ContactType.MOBILE_PHONE.value, ContactType.EMAIL.value)

LIST_FILTERS = (ids_filter(), *date_filters(), equals("externalId"))
# Official order: ids, page, pageSize, includeTotal, the four dates, externalId, sort.
LIST_QUERY = (LIST_FILTERS[0].param, *PAGE_PARAMS, *(f.param for f in LIST_FILTERS[1:]), SORT_PARAM)


# -- shared rules (also used by booking contacts and leads) -------------------------------------


def provider_id(call: Call) -> int:
    """The path's booking provider: an active tag of this tenant, else 404."""
    raw = call.path["booking_provider"]
    ident: int | None
    if type(raw) is int:  # bound from the path already, the usual case
        ident = raw
    else:
        try:
            ident = int(str(raw).strip())
        except ValueError:
            ident = None
    tag = call.table(BOOKING_PROVIDER_TAGS).get(ident) if ident is not None else None
    if tag is None or not tag.active:
        raise ApiError(
            404,
            "Booking provider not found.",
            {"booking_provider": [f"This tenant has no booking provider tag {raw}."]},
        )
    return int(ident)  # type: ignore[arg-type]


def provider_booking(call: Call) -> Row:
    """The path's booking, seen through the path's provider (404 when it is another's)."""
    provider = provider_id(call)
    ident = call.path["id"]
    row = call.table(BOOKINGS.table).get(ident)
    if row is None or row.get("bookingProviderId") != provider:
        raise not_found(BOOKINGS.noun, ident)
    return row


def require_text(errors: dict[str, list[str]], values: dict[str, Any]) -> None:
    """Required strings must not be blank, as ASP.NET's ``[Required]`` rejects them."""
    for field, value in values.items():
        if value is not None and not value.strip():
            errors.setdefault(field, []).append(f"The {field.split('.')[-1]} field is required.")


def enum_value(enum: Any, text: str, field: str) -> str:
    """An enum member's value named in any case, as ASP.NET binds enums; 400 otherwise."""
    wanted = text.strip().lower()
    for member in enum:
        if member.value.lower() == wanted:
            return str(member.value)
    allowed = ", ".join(m.value for m in enum)
    raise field_error(field, f"The value '{text}' is not valid for {field}. Use: {allowed}.")


def dismiss(call: TenantContext, row: Row, reason_id: int | None) -> Row:
    """Status Dismissed with the reason given; used by the dismiss operation and by leads."""
    return BOOKINGS.change(
        call, row, {"status": BookingStatus.DISMISSED.value, "dismissingReasonId": reason_id}
    )


def contacts_of(call: TenantContext, booking_id: int) -> list[Row]:
    return [r for r in call.table(CONTACTS.table).rows() if r.get("bookingId") == booking_id]


def insert_contact(
    call: TenantContext, booking_id: int, kind: str, value: str, memo: str | None
) -> Row:
    # BookingContactResponse.memo is a required string: an absent memo is stored as "".
    return CONTACTS.insert(
        call, {"bookingId": booking_id, "type": kind, "value": value, "memo": memo or ""}
    )


# -- handlers ----------------------------------------------------------------------------------


def _tenant_list(call: Call) -> dict[str, Any]:
    return page_of(call, call.table(BOOKINGS.table), BookingResponse, LIST_FILTERS, STANDARD_SORT)


def _provider_list(call: Call) -> dict[str, Any]:
    provider = provider_id(call)
    rows = (r for r in call.table(BOOKINGS.table).rows() if r.get("bookingProviderId") == provider)
    return page_of(call, rows, BookingResponse, LIST_FILTERS, STANDARD_SORT)


def _provider_get(call: Call) -> dict[str, Any]:
    return project(provider_booking(call).data, BookingResponse)


def _create(call: Call) -> dict[str, Any]:
    body: CreateBookingRequest = call.body
    provider = provider_id(call)
    errors: dict[str, list[str]] = {}
    contacts = [(c.type.value, c.value, c.memo) for c in body.contacts or ()]
    texts = (body.source, body.name, body.summary, body.externalId, *(c[1] for c in contacts))
    if any(text is not None and not text.strip() for text in texts):  # named only when needed
        require_text(
            errors,
            {
                "source": body.source,
                "name": body.name,
                "summary": body.summary,
                "externalId": body.externalId,
                **{f"contacts[{i}].value": c[1] for i, c in enumerate(contacts)},
            },
        )
    if body.address is None and not any(kind in REACHABLE_TYPES for kind, _, _ in contacts):
        message = "A booking needs an address or a phone or email contact."
        errors["address"] = [message]
        errors["contacts"] = [message]
    customer_type = None
    if body.customerType is not None:
        try:
            customer_type = enum_value(CustomerType, body.customerType, "customerType")
        except ApiError as exc:
            errors.update(exc.errors)
    if errors:
        raise validation_error(errors)
    _, record = BOOKINGS.insert_record(
        call,
        {
            "source": body.source,
            "name": body.name,
            "address": body.address.model_dump(mode="json") if body.address else None,
            "customerType": customer_type,
            "start": format_datetime(body.start or call.now),
            "campaignId": body.campaignId,
            "businessUnitId": body.businessUnitId,
            "isFirstTimeClient": body.isFirstTimeClient,
            "uploadedImages": body.uploadedImages,
            "isSendConfirmationEmail": body.isSendConfirmationEmail,
            "status": NEW,
            "dismissingReasonId": None,
            "jobId": None,
            "externalId": body.externalId,
            "priority": body.priority.value if body.priority else None,
            "jobTypeId": body.jobTypeId,
            "bookingProviderId": provider,
            "summary": body.summary,
        },
    )
    for kind, value, memo in contacts:
        insert_contact(call, record["id"], kind, value, memo)
    return project(record, BookingResponse)


def _update(call: Call) -> dict[str, Any]:
    body: UpdateBookingRequest = call.body
    row = provider_booking(call)
    errors: dict[str, list[str]] = {}
    require_text(errors, {k: getattr(body, k) for k in ("source", "name", "externalId")})
    if errors:
        raise validation_error(errors)
    status = row.get("status")
    if status in CLOSED:
        raise ApiError(
            409,
            f"The booking is {status} and can no longer be changed.",
            {"status": [f"Booking {row.id} is {status}."]},
        )
    changes = body.model_dump(include=body.model_fields_set, mode="json")
    if "start" in changes:
        changes["start"] = format_datetime(body.start)
    if changes:
        row = BOOKINGS.change(call, row, changes)
    return project(row.data, BookingResponse)


def _dismiss(call: Call) -> None:
    body: DismissBookingModel | None = call.body
    row = provider_booking(call)
    status = row.get("status")
    if status == BookingStatus.DISMISSED.value:
        return None  # idempotent: the first dismissal stands
    if status == BookingStatus.CONVERTED.value:
        raise field_error("status", f"Booking {row.id} is Converted and cannot be dismissed.")
    dismiss(call, row, body.callReasonId if body else None)
    return None


OPERATIONS = [
    BOOKINGS.get_op(
        "Bookings_Get", BookingResponse, summary="Get a booking (tenant)", booking="tenant"
    ),
    BOOKINGS.operation(
        "Bookings_GetList",
        "GET",
        _tenant_list,
        summary="List bookings of every provider (tenant)",
        response=Page(BookingResponse),
        query=LIST_QUERY,
        booking="tenant",
    ),
    PROVIDER_BOOKINGS.operation(
        "Bookings_GetForProvider",
        "GET",
        _provider_get,
        suffix="/{id}",
        summary="Get a booking of this provider",
        path_params=(BOOKING_PROVIDER, ID),
        response=One(BookingResponse),
        errors=(400, 404),
        booking="provider",
    ),
    PROVIDER_BOOKINGS.operation(
        "Bookings_Update",
        "PATCH",
        _update,
        suffix="/{id}",
        summary="Update a booking of this provider",
        path_params=(BOOKING_PROVIDER, ID),
        body=UpdateBookingRequest,
        response=One(BookingResponse),
        errors=(400, 404, 409),
        booking="provider",
    ),
    PROVIDER_BOOKINGS.operation(
        "Bookings_GetList2",
        "GET",
        _provider_list,
        summary="List this provider's bookings",
        path_params=(BOOKING_PROVIDER,),
        response=Page(BookingResponse),
        query=LIST_QUERY,
        booking="provider",
    ),
    PROVIDER_BOOKINGS.operation(
        "Bookings_Create",
        "POST",
        _create,
        summary="Create a booking as this provider",
        path_params=(BOOKING_PROVIDER,),
        body=CreateBookingRequest,
        response=One(BookingResponse),
        booking="provider",
    ),
    PROVIDER_BOOKINGS.operation(
        "Bookings_DismissBooking",
        "POST",
        _dismiss,
        suffix="/{id}/dismiss",
        summary="Dismiss a booking of this provider",
        path_params=(ID, BOOKING_PROVIDER_TEXT),
        body=DismissBookingModel,
        body_required=False,
        booking="provider",
    ),
    replace(  # every official export operation is tagged "Export"
        BOOKINGS.export_op(
            "ExportBookings_Get", ExportBookingResponse, "/export/bookings",
            summary="Export bookings", booking="tenant",
        ),
        tag="Export",
    ),
]
