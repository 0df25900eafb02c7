"""CRM Contacts v2: GUID-keyed contacts, independent of customers and locations.

A contact (name, title, external ``referenceId``, archived flag) owns contact methods
(``contact_methods.py``, with per-method preferences in ``contact_preferences.py``) and is linked
to customers, locations and bookings by relationships (``contact_relationships.py``).

Rules where the official document is silent:

- ids are random GUIDs (uuid4), lower-case and hyphenated; a malformed GUID in the path is a 400
  naming the parameter, an unknown one a 404 — also on ``PUT /contacts/{id}``, whose official
  declaration lists no 404 (a replace never creates a contact);
- ``createdBy``/``modifiedBy`` are always ``API_USER_ID``, the integration user every API write is
  attributed to (below the first world id, so it is never the id of any row);
- deleting a contact that still has relationships is a 409 (remove them first); otherwise the
  contact and its contact methods are deleted together;
- list filters: ``name`` and ``title`` match substrings, ``referenceId`` matches exactly, all
  case-insensitively; ``isArchived`` takes ``true``/``false``; a blank value is no filter, as
  ASP.NET binds an empty string to null; ``sort`` takes Id, CreatedOn and ModifiedOn.
"""

from __future__ import annotations

import uuid
from typing import Any

from mockst.api.listing import STANDARD_SORT, Filter, contains, date_filters, project
from mockst.api.operation import Call, One, TenantContext
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.crm import FAMILY
from mockst.crm.models.contacts import (
    ContactResponse,
    CreateContactRequest,
    ReplaceContactRequest,
    UpdateContactRequest,
)
from mockst.errors import ApiError, conflict, field_error
from mockst.store.table import Row

# Every API write is attributed to this user id (the world's entity ids start at 10_000_001).
API_USER_ID = 10_000_000

CONTACTS_TABLE = "contacts"
METHODS_TABLE = "contact_methods"
RELATIONSHIPS_TABLE = "contact_relationships"

CONTACTS = Resource(
    family=FAMILY,
    path="/contacts",
    table=CONTACTS_TABLE,
    scope="tn.crm.contacts",
    tag="Contacts",
    noun="Contact",
)

CONTACT_ID = path("id", "guid")
CONTACT_ID_IN_PATH = path("contactId", "guid")

# Contacts v2 operations declare 403 alongside their own codes.
READ_ERRORS = (403, 400, 404)


def new_guid() -> str:
    return str(uuid.uuid4())


def find_contact(call: TenantContext, ident: str) -> Row:
    """The contact or a 404 naming it."""
    return CONTACTS.find(call, ident)


def contact_or_conflict(call: TenantContext, ident: str) -> Row:
    """The relationship operations answer an unknown contact with 409 "Contact not found"."""
    row = call.table(CONTACTS_TABLE).get(ident)
    if row is None:
        message = f"Contact {ident} was not found."
        raise ApiError(409, "Contact not found.", {"contactId": [message]})
    return row


# -- filters shared with the relationship lists ----------------------------------------------


def blank_is_none(value: Any, _call: Call) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def exact(name: str, field: str | None = None) -> Filter:
    """Case-insensitive equality on a string field; a blank value is no filter."""
    key = field or name
    return Filter(
        Param(name, "string"),
        lambda row, value: str(row.get(key) or "").lower() == value.lower(),
        blank_is_none,
    )


def substring(name: str, field: str | None = None) -> Filter:
    base = contains(name, field)
    return Filter(Param(name, "string"), base.test, blank_is_none)


def _archived(value: Any, _call: Call) -> bool | None:
    text = value.strip().lower()
    if not text:
        return None
    if text not in ("true", "false"):
        raise field_error("isArchived", f"The value '{value}' is not valid for isArchived.")
    return text == "true"


CONTACT_FILTERS: tuple[Filter, ...] = (
    substring("name"),
    substring("title"),
    exact("referenceId"),
    Filter(
        Param("isArchived", "string"),
        lambda row, value: bool(row.get("isArchived")) == value,
        _archived,
    ),
    *date_filters(),
)
CONTACT_SORT = STANDARD_SORT


# -- rows ----------------------------------------------------------------------------------


def create_contact(
    ctx: TenantContext,
    name: str | None = None,
    title: str | None = None,
    reference_id: str | None = None,
) -> Row:
    """Also usable by seeds and the control plane."""
    data = {
        "referenceId": reference_id,
        "name": name,
        "title": title,
        "isArchived": False,
        "createdBy": API_USER_ID,
        "modifiedBy": API_USER_ID,
    }
    return CONTACTS.insert(ctx, data, ident=new_guid())


def _create(call: Call) -> dict[str, Any]:
    body: CreateContactRequest = call.body
    row = create_contact(call, body.name, body.title, body.referenceId)
    return project(row.data, ContactResponse)


def _get(call: Call) -> dict[str, Any]:
    return project(find_contact(call, call.path["id"]).data, ContactResponse)


def _replace(call: Call) -> dict[str, Any]:
    body: ReplaceContactRequest = call.body
    row = find_contact(call, call.path["id"])
    changes = {**body.model_dump(mode="json"), "modifiedBy": API_USER_ID}
    return project(CONTACTS.change(call, row, changes).data, ContactResponse)


def _update(call: Call) -> dict[str, Any]:
    body: UpdateContactRequest = call.body
    row = find_contact(call, call.path["id"])
    changes = body.model_dump(include=body.model_fields_set, mode="json")
    changes["modifiedBy"] = API_USER_ID
    return project(CONTACTS.change(call, row, changes).data, ContactResponse)


def _delete(call: Call) -> None:
    row = find_contact(call, call.path["id"])
    linked = [r for r in call.table(RELATIONSHIPS_TABLE).rows() if r.get("contactId") == row.id]
    if linked:
        kinds = ", ".join(
            sorted(f"{r.get('typeSlug')} {r.get('relatedEntityId')}" for r in linked)
        )
        raise conflict(
            f"The contact still has relationships ({kinds}); remove them before deleting it.",
            "id",
        )
    methods = call.table(METHODS_TABLE)
    for method in list(methods.rows()):
        if method.get("contactId") == row.id:
            methods.delete(method.id, call.now)
    CONTACTS.remove(call, row)


OPERATIONS = [
    CONTACTS.operation(
        "Contacts_Get",
        "GET",
        _get,
        suffix="/{id}",
        summary="Read one contact",
        path_params=(CONTACT_ID,),
        response=One(ContactResponse),
        errors=READ_ERRORS,
    ),
    CONTACTS.operation(
        "Contacts_Replace",
        "PUT",
        _replace,
        suffix="/{id}",
        summary="Replace every field of a contact",
        path_params=(CONTACT_ID,),
        body=ReplaceContactRequest,
        response=One(ContactResponse),
        errors=(403, 400),
    ),
    CONTACTS.operation(
        "Contacts_DeleteContact",
        "DELETE",
        _delete,
        suffix="/{id}",
        summary="Remove a contact",
        path_params=(CONTACT_ID,),
        errors=(403, 400, 404, 409),
    ),
    CONTACTS.operation(
        "Contacts_Update",
        "PATCH",
        _update,
        suffix="/{id}",
        summary="Change some fields of a contact",
        path_params=(CONTACT_ID,),
        body=UpdateContactRequest,
        response=One(ContactResponse),
        errors=READ_ERRORS,
    ),
    CONTACTS.list_op(
        "Contacts_GetList",
        ContactResponse,
        summary="List contacts",
        filters=CONTACT_FILTERS,
        sort=CONTACT_SORT,
        errors=(403, 400),
    ),
    CONTACTS.operation(
        "Contacts_Create",
        "POST",
        _create,
        summary="Add a contact",
        body=CreateContactRequest,
        response=One(ContactResponse),
        errors=(403, 400, 409),
    ),
]
