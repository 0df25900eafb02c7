"""Rows of customers, locations and their contacts: how they are checked, built and shown.

Shared by the customer, location, contact, note and tag modules, so each rule lives once.

Choices where the official documents are silent (the README's defaults table lists them):

* ``createdById`` of everything created through the API is ``API_USER_ID`` (0): a token belongs
  to an app connection, not to a ServiceTitan user, and no document names the user the real API
  records.
* Required strings (names, address parts, contact values, note text, external data keys) must not
  be empty or blank, as ASP.NET's ``[Required]`` rejects them: 400 "The street field is required."
* Tag type ids must be positive; when the tenant's Settings ``tag_types`` table has rows, they
  must also name one of them (400 otherwise). An empty table accepts any positive id, so CRM works
  before any tag type exists. Custom field type ids follow the same rule against
  ``custom_field_types`` rows whose ``appliesTo`` is ``customer`` or ``location``; a field of a
  type with ``dataTypeOptions`` must take one of the options.
* External data is kept per ``applicationGuid`` and shown only to a request that names the same
  GUID (the create or update body's ``externalData.applicationGuid``, the lists'
  ``externalDataApplicationGuid``); anything else, including the single-record GET and the export
  feeds, shows ``externalData: []``.
* Contacts carry ``phoneSettings`` (required by the schema) with ``phoneNumber`` = the value for
  Phone, MobilePhone and Fax contacts and ``""`` for Email, ``doNotText: false``; ``preferences``
  is ``null`` until a PATCH sets it. An Email contact's value must contain ``@``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from mockst.api.listing import project
from mockst.api.operation import TenantContext
from mockst.api.resource import Resource
from mockst.crm import FAMILY
from mockst.crm.models.common import (
    CustomFieldUpdateModel,
    ExternalDataCreateRequest,
    ExternalDataUpdateRequest,
    NewCustomerContact,
)
from mockst.encoding import format_datetime
from mockst.errors import ApiError, conflict, validation_error
from mockst.store.table import Row

API_USER_ID = 0

CUSTOMER_CONTACTS = "customer_contacts"
LOCATION_CONTACTS = "location_contacts"
TAG_TYPES = "tag_types"
CUSTOM_FIELD_TYPES = "custom_field_types"
TECHNICIANS = "technicians"

CUSTOMERS = Resource(
    family=FAMILY,
    path="/customers",
    table="customers",
    scope="tn.crm.customers",
    tag="Customers",
    noun="Customer",
)
LOCATIONS = Resource(
    family=FAMILY,
    path="/locations",
    table="locations",
    scope="tn.crm.locations",
    tag="Locations",
    noun="Location",
)

PHONE_TYPES = ("Phone", "MobilePhone")


class Problems:
    """Field errors of one request, gathered so that a 400 names every bad field at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def required_text(self, field: str, value: str | None) -> None:
        if value is None or not value.strip():
            self.add(field, f"The {field.rsplit('.', 1)[-1]} field is required.")

    def check(self) -> None:
        if self.errors:
            raise validation_error(self.errors)


def at(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


# -- addresses -----------------------------------------------------------------------------------

ADDRESS_PARTS = ("street", "city", "state", "zip", "country")


def check_address(problems: Problems, field: str, address: dict[str, Any]) -> None:
    for part in ADDRESS_PARTS:
        if part in address:
            problems.required_text(f"{field}.{part}", address[part])
    for name, limit in (("latitude", 90.0), ("longitude", 180.0)):
        value = address.get(name)
        if value is not None and (not math.isfinite(value) or abs(value) > limit):
            problems.add(f"{field}.{name}", f"The {name} must be between -{limit:g} and {limit:g}.")


# -- tag types, custom fields, technicians ----------------------------------------------------


def _known_ids(ctx: TenantContext, table: str) -> set[int] | None:
    """Ids of the table's live rows, or None when it has none (then any positive id is taken)."""
    ids = {int(r.id) for r in ctx.table(table).rows()}
    return ids or None


def check_tag_types(
    ctx: TenantContext, problems: Problems, field: str, ids: Sequence[int] | None
) -> list[int]:
    """The tag type ids, de-duplicated in order; each bad one is a field error."""
    if not ids:
        return []
    known = _known_ids(ctx, TAG_TYPES)
    result: list[int] = []
    for index, ident in enumerate(ids):
        if ident <= 0 or (known is not None and ident not in known):
            problems.add(f"{field}[{index}]", f"Tag type {ident} was not found.")
        elif ident not in result:
            result.append(ident)
    return result


def tag_type_exists(ctx: TenantContext, ident: int) -> bool:
    known = _known_ids(ctx, TAG_TYPES)
    return ident > 0 and (known is None or ident in known)


def technician_exists(ctx: TenantContext, ident: int) -> bool:
    known = _known_ids(ctx, TECHNICIANS)
    return ident > 0 and (known is None or ident in known)


def check_custom_fields(
    ctx: TenantContext,
    problems: Problems,
    field: str,
    items: Sequence[CustomFieldUpdateModel] | None,
    applies_to: str,
) -> list[dict[str, Any]]:
    """``[{typeId, name, value}]`` for the stored record; unknown or repeated types are errors."""
    if not items:
        return []
    table = ctx.table(CUSTOM_FIELD_TYPES)
    any_types = next(iter(table.rows()), None) is not None
    result: list[dict[str, Any]] = []
    seen: set[int] = set()
    for index, item in enumerate(items):
        where = f"{field}[{index}]"
        kind = table.get(item.typeId) if any_types else None
        if item.typeId <= 0 or (
            any_types and (kind is None or kind.get("appliesTo") != applies_to)
        ):
            problems.add(f"{where}.typeId", f"Custom field type {item.typeId} was not found.")
            continue
        if item.typeId in seen:
            problems.add(f"{where}.typeId", f"Custom field type {item.typeId} is given twice.")
            continue
        seen.add(item.typeId)
        options = (kind.get("dataTypeOptions") or []) if kind else []
        if options and item.value not in options:
            problems.add(f"{where}.value", f"The value must be one of: {', '.join(options)}.")
        name = kind.get("name") if kind else None
        result.append({"typeId": item.typeId, "name": name, "value": item.value})
    return result


# -- external data ---------------------------------------------------------------------------


def external_data_created(
    problems: Problems, field: str, request: ExternalDataCreateRequest | None
) -> dict[str, list[dict[str, str]]]:
    """``{applicationGuid: [{key, value}]}`` from a create request."""
    if request is None:
        return {}
    items: list[dict[str, str]] = []
    seen: set[str] = set()
    for index, item in enumerate(request.externalData):
        problems.required_text(f"{at(field, 'externalData')}[{index}].key", item.key)
        if item.key in seen:
            problems.add(
                f"{at(field, 'externalData')}[{index}].key", f"The key '{item.key}' is repeated."
            )
        seen.add(item.key)
        items.append({"key": item.key, "value": item.value})
    return {str(request.applicationGuid): items}


def external_data_updated(
    problems: Problems,
    field: str,
    current: dict[str, list[dict[str, str]]],
    request: ExternalDataUpdateRequest,
) -> dict[str, list[dict[str, str]]]:
    """Replace (default): the GUID's items become the request's. Merge: the request's keys are
    set, a null value deletes its key. Other GUIDs' items are never touched."""
    guid = str(request.applicationGuid)
    merge = request.patchMode is not None and request.patchMode.value == "Merge"
    values: dict[str, str | None] = {}
    for index, item in enumerate(request.externalData):
        problems.required_text(f"{at(field, 'externalData')}[{index}].key", item.key)
        if item.key in values:
            problems.add(
                f"{at(field, 'externalData')}[{index}].key", f"The key '{item.key}' is repeated."
            )
        values[item.key] = item.value
    kept: dict[str, str] = {}
    if merge:
        kept = {i["key"]: i["value"] for i in current.get(guid, [])}
    for key, value in values.items():
        if value is None:
            kept.pop(key, None)
        else:
            kept[key] = value
    result = {**current, guid: [{"key": k, "value": v} for k, v in kept.items()]}
    if not result[guid]:
        del result[guid]
    return result


def external_data_for(data: dict[str, Any], guid: str | None) -> list[dict[str, str]]:
    if guid is None:
        return []
    return [dict(item) for item in (data.get("externalDataByApp") or {}).get(guid, [])]


def render(data: dict[str, Any], model: type[BaseModel], guid: str | None = None) -> dict[str, Any]:
    """A customer or location row as ``model``, showing the external data of ``guid`` only."""
    shown = project(data, model)
    if "externalData" in shown:
        shown["externalData"] = external_data_for(data, guid)
    return shown


# -- contacts --------------------------------------------------------------------------------


def check_contact(problems: Problems, field: str, kind: str, value: str | None) -> None:
    problems.required_text(at(field, "value"), value)
    if kind == "Email" and value and value.strip() and "@" not in value:
        problems.add(at(field, "value"), "The value is not a valid email address.")


def check_contacts(
    problems: Problems, field: str, contacts: Sequence[NewCustomerContact] | None
) -> None:
    for index, contact in enumerate(contacts or ()):
        check_contact(problems, f"{field}[{index}]", contact.type.value, contact.value)


def phone_settings(kind: str, value: str) -> dict[str, Any]:
    return {"phoneNumber": "" if kind == "Email" else value, "doNotText": False}


def insert_contact(
    ctx: TenantContext,
    table: str,
    parent_field: str,
    parent_id: int,
    kind: str,
    value: str,
    memo: str | None,
) -> Row:
    stamp = format_datetime(ctx.now)
    ident = ctx.world.new_id()
    data = {
        "id": ident,
        "type": kind,
        "value": value,
        "memo": memo,
        "modifiedOn": stamp,
        "phoneSettings": phone_settings(kind, value),
        "createdOn": stamp,
        "preferences": None,
        parent_field: parent_id,
    }
    return ctx.table(table).insert(ident, data, ctx.now)


def contacts_of(ctx: TenantContext, table: str, parent_field: str, parent_id: int) -> list[Row]:
    return [r for r in ctx.table(table).rows() if r.get(parent_field) == parent_id]


def brief_contact(row: Row) -> dict[str, Any]:
    """``CustomerContact`` / ``LocationContact``: the contact as a create response lists it."""
    return {key: row.get(key) for key in ("id", "type", "value", "memo")}


# -- locations -------------------------------------------------------------------------------


def check_new_location(ctx: TenantContext, problems: Problems, field: str, location: Any) -> None:
    """A ``NewLocation`` or ``CreateLocationRequest``: everything but its customer."""
    problems.required_text(at(field, "name"), location.name)
    check_address(problems, at(field, "address"), location.address.model_dump(mode="json"))
    check_contacts(problems, at(field, "contacts"), location.contacts)
    check_tag_types(ctx, problems, at(field, "tagTypeIds"), location.tagTypeIds)
    check_custom_fields(ctx, problems, at(field, "customFields"), location.customFields, "location")
    external_data_created(problems, field, location.externalData)


def insert_location(
    ctx: TenantContext, customer_id: int, location: Any
) -> tuple[Row, list[Row], list[Row]]:
    """Create a checked location and its contacts; each contact is also copied to the customer
    (DOC-CRM: a contact added to a new location is copied to the customer record).

    Returns the location, its contacts and their copies on the customer."""
    ignored = Problems()
    source = location.coordinatesSource
    status = location.coordinatesVerificationStatus
    row = LOCATIONS.insert(
        ctx,
        {
            "customerId": customer_id,
            "active": True,
            "name": location.name,
            "address": location.address.model_dump(mode="json"),
            "customFields": check_custom_fields(
                ctx, ignored, "", location.customFields, "location"
            ),
            "createdById": API_USER_ID,
            "mergedToId": None,
            "zoneId": None,
            "taxExempt": False,
            "tagTypeIds": check_tag_types(ctx, ignored, "", location.tagTypeIds),
            "taxZoneId": None,
            "externalDataByApp": external_data_created(ignored, "", location.externalData),
            "coordinatesSource": source.value if source else None,
            "coordinatesVerificationStatus": status.value if status else None,
            "preferredTechnicianId": None,
        },
    )
    contacts, copies = [], []
    for contact in location.contacts or ():
        kind, value, memo = contact.type.value, contact.value, contact.memo
        location_id = int(row.id)
        contacts.append(
            insert_contact(ctx, LOCATION_CONTACTS, "locationId", location_id, kind, value, memo)
        )
        copies.append(
            insert_contact(ctx, CUSTOMER_CONTACTS, "customerId", customer_id, kind, value, memo)
        )
    return row, contacts, copies


def request_guid(location: Any, fallback: str | None = None) -> str | None:
    external = getattr(location, "externalData", None)
    return str(external.applicationGuid) if external is not None else fallback


# -- tags of one record ----------------------------------------------------------------------


def add_tag(call: Any, resource: Resource) -> Row:
    """``POST .../{id}/tags/{tagTypeId}``: 404 unknown record or tag type, 409 already tagged."""
    row = resource.find(call, call.path["id"])
    tag = call.path["tagTypeId"]
    if not tag_type_exists(call, tag):
        raise ApiError(
            404, "Tag type not found.", {"tagTypeId": [f"Tag type {tag} was not found."]}
        )
    tags = list(row.get("tagTypeIds") or [])
    if tag in tags:
        raise conflict(f"The {resource.noun.lower()} already has tag type {tag}.", "tagTypeId")
    return resource.change(call, row, {"tagTypeIds": [*tags, tag]})


def remove_tag(call: Any, resource: Resource) -> None:
    """``DELETE .../{id}/tags/{tagTypeId}``: 404 unknown record or a tag it does not have."""
    row = resource.find(call, call.path["id"])
    tag = call.path["tagTypeId"]
    tags = list(row.get("tagTypeIds") or [])
    if tag not in tags:
        message = f"The {resource.noun.lower()} has no tag type {tag}."
        raise ApiError(404, "Tag not found.", {"tagTypeId": [message]})
    resource.change(call, row, {"tagTypeIds": [t for t in tags if t != tag]})
