"""CRM Contacts v2: a contact's methods (phone, email, fax, mobile), and the search across them.

Rules where the official document is silent:

- ``value`` must not be blank; it is stored as sent (no phone or e-mail normalisation);
- ``PUT …/contact-methods/{contactMethodId}`` creates the method with that id when the tenant has
  none, and otherwise replaces all four fields (an omitted ``referenceId`` or ``memo`` becomes
  null); an id that belongs to another contact's method, or to a deleted method, is a 400 naming
  ``contactMethodId`` (the operation declares no 409); a replace that changes the type resets
  the method's preferences to their defaults;
- a method of another contact is "not found" under this contact (404);
- list filters: ``referenceId`` and ``value`` match exactly, case-insensitively; ``type`` must be a
  ContactType (any case) or the request is a 400; ``contactId`` on the search matches exactly; a
  blank value is no filter; ``sort`` takes Id, CreatedOn and ModifiedOn;
- changing a method (and any of its preferences) stamps its ``modifiedOn``/``modifiedBy``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mockst.api.listing import Filter, date_filters, project
from mockst.api.operation import Call, One, TenantContext
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.crm import FAMILY
from mockst.crm.contacts import (
    API_USER_ID,
    CONTACT_ID_IN_PATH,
    CONTACT_SORT,
    METHODS_TABLE,
    READ_ERRORS,
    blank_is_none,
    exact,
    find_contact,
    new_guid,
)
from mockst.crm.models.common import ContactType
from mockst.crm.models.contacts import (
    ContactMethodResponse,
    CreateContactMethodRequest,
    UpdateContactMethodRequest,
    UpsertContactMethodRequest,
)
from mockst.errors import field_error, not_found
from mockst.store.table import Row

METHODS = Resource(
    family=FAMILY,
    path="/contacts/{contactId}/contact-methods",
    table=METHODS_TABLE,
    scope="tn.crm.contacts",
    tag="ContactMethods",
    noun="Contact method",
)
# The search lives under /contacts and carries the Contacts tag.
SEARCH = Resource(
    family=FAMILY,
    path="/contacts/contact-methods",
    table=METHODS_TABLE,
    scope="tn.crm.contacts",
    tag="Contacts",
    noun="Contact method",
)

METHOD_ID = path("contactMethodId", "guid")
METHOD_PATH = (CONTACT_ID_IN_PATH, METHOD_ID)


def find_method(call: TenantContext, contact_id: str, method_id: str) -> Row:
    """The contact (404 "Contact not found") and then its method (404), in that order."""
    find_contact(call, contact_id)
    row = call.table(METHODS_TABLE).get(method_id)
    if row is None or row.get("contactId") != contact_id:
        raise not_found(METHODS.noun, method_id)
    return row


def _check_value(value: str | None) -> None:
    if value is None or not value.strip():
        raise field_error("value", "The value field is required.")


def _fields(body: CreateContactMethodRequest | UpsertContactMethodRequest) -> dict[str, Any]:
    _check_value(body.value)
    return body.model_dump(mode="json", include={"referenceId", "type", "value", "memo"})


def create_method(ctx: TenantContext, contact_id: str, fields: dict[str, Any], ident: str) -> Row:
    data = {
        "contactId": contact_id,
        **fields,
        "createdBy": API_USER_ID,
        "modifiedBy": API_USER_ID,
        "preferences": {},
    }
    return METHODS.insert(ctx, data, ident=ident)


def _create(call: Call) -> dict[str, Any]:
    contact = find_contact(call, call.path["contactId"])
    row = create_method(call, str(contact.id), _fields(call.body), new_guid())
    return project(row.data, ContactMethodResponse)


def _get(call: Call) -> dict[str, Any]:
    row = find_method(call, call.path["contactId"], call.path["contactMethodId"])
    return project(row.data, ContactMethodResponse)


def _upsert(call: Call) -> dict[str, Any]:
    contact_id, method_id = call.path["contactId"], call.path["contactMethodId"]
    find_contact(call, contact_id)
    fields = _fields(call.body)
    existing = call.table(METHODS_TABLE).get(method_id, include_deleted=True)
    if existing is None:
        row = create_method(call, contact_id, fields, method_id)
    elif existing.deleted:
        raise field_error(
            "contactMethodId", f"The contact method {method_id} was deleted; use a new id."
        )
    elif existing.get("contactId") != contact_id:
        raise field_error(
            "contactMethodId", f"The contact method {method_id} belongs to another contact."
        )
    else:
        changes = {**fields, "modifiedBy": API_USER_ID}
        if fields["type"] != existing.get("type"):
            changes["preferences"] = {}  # another type has other preferences
        row = METHODS.change(call, existing, changes)
    return project(row.data, ContactMethodResponse)


def _update(call: Call) -> dict[str, Any]:
    body: UpdateContactMethodRequest = call.body
    row = find_method(call, call.path["contactId"], call.path["contactMethodId"])
    changes = body.model_dump(include=body.model_fields_set, mode="json")
    if "value" in changes:
        _check_value(changes["value"])
    row = METHODS.change(call, row, {**changes, "modifiedBy": API_USER_ID})
    return project(row.data, ContactMethodResponse)


def _delete(call: Call) -> None:
    row = find_method(call, call.path["contactId"], call.path["contactMethodId"])
    METHODS.remove(call, row)


def _contact_type(value: Any, call: Call) -> str | None:
    value = blank_is_none(value, call)
    if value is None:
        return None
    wanted = value.strip().lower()
    for member in ContactType:
        if member.value.lower() == wanted:
            return member.value
    allowed = ", ".join(m.value for m in ContactType)
    raise field_error("type", f"The value '{value}' is not valid for type. Use: {allowed}.")


METHOD_FILTERS: tuple[Filter, ...] = (
    exact("referenceId"),
    Filter(
        Param("type", "string"), lambda row, value: row.get("type") == value, _contact_type
    ),
    exact("value"),
    *date_filters(),
)


def _of_contact(call: Call) -> Iterable[Row]:
    contact = find_contact(call, call.path["contactId"])
    return (r for r in call.table(METHODS_TABLE).rows() if r.get("contactId") == contact.id)


OPERATIONS = [
    METHODS.list_op(
        "ContactMethods_GetContactMethods",
        ContactMethodResponse,
        summary="List one contact's methods",
        path_params=(CONTACT_ID_IN_PATH,),
        rows=_of_contact,
        filters=METHOD_FILTERS,
        sort=CONTACT_SORT,
        errors=READ_ERRORS,
    ),
    METHODS.operation(
        "ContactMethods_CreateContactMethod",
        "POST",
        _create,
        summary="Add a method to a contact",
        path_params=(CONTACT_ID_IN_PATH,),
        body=CreateContactMethodRequest,
        response=One(ContactMethodResponse),
        errors=READ_ERRORS,
    ),
    METHODS.operation(
        "ContactMethods_GetContactMethod",
        "GET",
        _get,
        suffix="/{contactMethodId}",
        summary="Read one contact method",
        path_params=METHOD_PATH,
        response=One(ContactMethodResponse),
        errors=READ_ERRORS,
    ),
    METHODS.operation(
        "ContactMethods_UpsertContactMethod",
        "PUT",
        _upsert,
        suffix="/{contactMethodId}",
        summary="Put a contact method (create or replace)",
        path_params=METHOD_PATH,
        body=UpsertContactMethodRequest,
        response=One(ContactMethodResponse),
        errors=READ_ERRORS,
    ),
    METHODS.operation(
        "ContactMethods_UpdateContactMethod",
        "PATCH",
        _update,
        suffix="/{contactMethodId}",
        summary="Change some fields of a contact method",
        path_params=METHOD_PATH,
        body=UpdateContactMethodRequest,
        response=One(ContactMethodResponse),
        errors=READ_ERRORS,
    ),
    METHODS.operation(
        "ContactMethods_DeleteContactMethod",
        "DELETE",
        _delete,
        suffix="/{contactMethodId}",
        summary="Remove a contact method",
        path_params=METHOD_PATH,
        errors=READ_ERRORS,
    ),
    SEARCH.list_op(
        "Contacts_SearchContactMethods",
        ContactMethodResponse,
        summary="Find contact methods across contacts",
        filters=(
            Filter(
                Param("contactId", "guid"),
                lambda row, value: row.get("contactId") == value,
            ),
            *METHOD_FILTERS,
        ),
        sort=CONTACT_SORT,
        errors=(403, 400),
    ),
]
