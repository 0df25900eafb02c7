"""CRM booking provider tags: how a tenant names each source of bookings.

A vendor's customer creates one tag per booking source (Settings → Integrations → Booking Provider
Tags); the tag's id is the ``booking_provider`` of the provider-scoped booking paths and what a
connection may be restricted to. Tag names are unique within a tenant (409 on create, 400 on a
rename, which declares no 409).

A connection restricted to one provider acts for that provider only: it lists its own tag, and
reading or changing another tag, or adding one, is refused as the guard refuses another
provider's booking paths (``mockst.crm.provider_restriction``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mockst.api.listing import STANDARD_SORT, contains, date_filters, ids_filter, project
from mockst.api.operation import Call, One, TenantContext
from mockst.api.resource import ID, Resource
from mockst.crm import FAMILY
from mockst.crm.models.bookings import (
    BookingProviderTagResponse,
    CreateBookingProviderTagRequest,
    CreateBookingProviderTagResponse,
    GetBookingProviderTagResponse,
    UpdateBookingProviderTagRequest,
)
from mockst.crm.provider_restriction import require_provider, restriction
from mockst.errors import conflict, field_error
from mockst.identity.service import BOOKING_PROVIDER_TAGS
from mockst.store.table import Row

TAGS = Resource(
    family=FAMILY,
    path="/booking-provider-tags",
    table=BOOKING_PROVIDER_TAGS,
    scope="tn.crm.bookingprovidertags",
    tag="BookingProviderTags",
    noun="Booking provider tag",
)


def _check_unique_name(ctx: TenantContext, name: str, except_id: int | None = None) -> None:
    """409 on create, which declares it; 400 with the field error on a rename, which does not
    (a conflict is 409 where declared, else 400)."""
    for row in ctx.table(TAGS.table).rows():
        if row.id != except_id and row.get("tagName").lower() == name.lower():
            message = f"A booking provider tag named '{name}' already exists."
            if except_id is None:
                raise conflict(message, "tagName")
            raise field_error("tagName", message)


def create_tag(ctx: TenantContext, tag_name: str, description: str) -> Row:
    """Also used by the control plane's quickstart and by seeds."""
    _check_unique_name(ctx, tag_name)
    return TAGS.insert(
        ctx, {"tagName": tag_name, "description": description, "type": "V2Api", "active": True}
    )


def _create(call: Call) -> dict[str, Any]:
    body: CreateBookingProviderTagRequest = call.body
    require_provider(call, None)  # a new provider is another provider
    row = create_tag(call, body.tagName, body.description)
    return project(row.data, CreateBookingProviderTagResponse)


def _tag(call: Call) -> Row:
    row = TAGS.find(call, call.path["id"])
    require_provider(call, int(row.id))
    return row


def _get(call: Call) -> dict[str, Any]:
    return project(_tag(call).data, GetBookingProviderTagResponse)


def _visible(call: Call) -> Iterable[Row]:
    allowed = restriction(call)
    rows = call.table(TAGS.table).rows()
    return rows if allowed is None else (r for r in rows if r.id == allowed)


def _update(call: Call) -> dict[str, Any]:
    body: UpdateBookingProviderTagRequest = call.body
    row = _tag(call)
    changes = body.model_dump(include=body.model_fields_set, exclude_none=True)
    if "tagName" in changes:
        _check_unique_name(call, changes["tagName"], except_id=row.id)
    row = TAGS.change(call, row, changes)
    return project(row.data, BookingProviderTagResponse)


OPERATIONS = [
    TAGS.operation(
        "BookingProviderTags_Create", "POST", _create,
        summary="Add a booking provider tag",
        body=CreateBookingProviderTagRequest, response=One(CreateBookingProviderTagResponse),
        errors=(400, 409),
    ),
    TAGS.list_op(
        "BookingProviderTags_GetList", GetBookingProviderTagResponse,
        summary="List booking provider tags",
        rows=_visible,
        filters=(contains("name", "tagName"), ids_filter(), *date_filters()),
        sort=STANDARD_SORT,
        order=("name", "ids", "page", "pageSize", "includeTotal"),
    ),
    TAGS.operation(
        "BookingProviderTags_Get", "GET", _get, suffix="/{id}",
        summary="Get a booking provider tag", path_params=(ID,),
        response=One(GetBookingProviderTagResponse), errors=(400, 404),
    ),
    TAGS.operation(
        "BookingProviderTags_Update", "PATCH", _update, suffix="/{id}",
        summary="Rename or redescribe a booking provider tag", path_params=(ID,),
        body=UpdateBookingProviderTagRequest, response=One(BookingProviderTagResponse),
        errors=(400, 404),
    ),
]
