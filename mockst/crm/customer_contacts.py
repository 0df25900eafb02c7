"""Contacts of customers and of locations: the same rules for both, declared once per family.

A contact belongs to one customer (or location); a contact id of another parent is a 404, as is an
unknown parent. Deleting is soft, so the export feeds report the contact again with
``active: false``. ``PATCH`` changes only the fields present; a new value or type recomputes
``phoneSettings``; ``preferences`` replaces the whole preference set, and its legacy
``invoiceStatementNotification`` is shown as true only when both ``invoiceNotification`` and
``statementNotification`` are (as its description says).

``GET /customers/contacts`` needs ``customerIds``, ``modifiedBefore`` or ``modifiedOnOrAfter``
(its parameters' descriptions; the summary also names a ``modifiedOn`` no parameter carries);
``GET /locations/contacts`` needs ``locationIds`` or any of its four date filters, as its summary
says. Otherwise 400.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from mockst.api.listing import PAGE_PARAMS, date_filters, ids_filter, page_of, project
from mockst.api.operation import Call, Empty, One, Operation, Page
from mockst.api.params import path
from mockst.api.resource import ID, Resource
from mockst.crm.customer_records import (
    CUSTOMER_CONTACTS,
    CUSTOMERS,
    LOCATION_CONTACTS,
    LOCATIONS,
    Problems,
    check_contact,
    contacts_of,
    insert_contact,
    phone_settings,
)
from mockst.crm.models.customers import (
    CreateCustomerContactRequest,
    CustomerContactWithModifiedOnAndCustomerIdResponse,
    CustomerContactWithModifiedOnResponse,
    UpdateCustomerContactRequest,
)
from mockst.crm.models.exports import ExportCustomerContactResponse, ExportLocationContactResponse
from mockst.crm.models.locations import (
    LocationContactCreateRequest,
    LocationContactResponse,
    LocationContactUpdateRequest,
    LocationsContactResponse,
)
from mockst.errors import not_found, validation_error
from mockst.store.table import Row

CONTACT_ID = path("contactId")
DATE_NAMES = ("modifiedBefore", "modifiedOnOrAfter", "createdBefore", "createdOnOrAfter")


@dataclass(frozen=True)
class Family:
    """One kind of parent (customer or location) and everything its contacts differ by."""

    parent: Resource
    contacts: Resource
    parent_field: str  # customerId / locationId
    prefix: str  # operationId prefix: Customers / Locations
    ids_param: str  # customerIds / locationIds
    either: tuple[str, ...]  # one of these must be given to the cross-parent list
    create_body: type[BaseModel]
    update_body: type[BaseModel]
    response: type[BaseModel]
    list_response: type[BaseModel]
    export_response: type[BaseModel]
    export_id: str
    export_path: str


def _contacts_resource(parent: Resource, table: str) -> Resource:
    return Resource(
        family=parent.family,
        path=parent.path,
        table=table,
        scope=parent.scope,
        tag=parent.tag,
        noun="Contact",
    )


CUSTOMER_FAMILY = Family(
    parent=CUSTOMERS,
    contacts=_contacts_resource(CUSTOMERS, CUSTOMER_CONTACTS),
    parent_field="customerId",
    prefix="Customers",
    ids_param="customerIds",
    either=("customerIds", "modifiedBefore", "modifiedOnOrAfter"),
    create_body=CreateCustomerContactRequest,
    update_body=UpdateCustomerContactRequest,
    response=CustomerContactWithModifiedOnResponse,
    list_response=CustomerContactWithModifiedOnAndCustomerIdResponse,
    export_response=ExportCustomerContactResponse,
    export_id="ExportContacts_CustomersContacts",
    export_path="/export/customers/contacts",
)
LOCATION_FAMILY = Family(
    parent=LOCATIONS,
    contacts=_contacts_resource(LOCATIONS, LOCATION_CONTACTS),
    parent_field="locationId",
    prefix="Locations",
    ids_param="locationIds",
    either=("locationIds", *DATE_NAMES),
    create_body=LocationContactCreateRequest,
    update_body=LocationContactUpdateRequest,
    response=LocationContactResponse,
    list_response=LocationsContactResponse,
    export_response=ExportLocationContactResponse,
    export_id="ExportContacts_LocationsContacts",
    export_path="/export/locations/contacts",
)


def _find(family: Family, call: Call) -> Row:
    """The contact of the path's parent; 404 for an unknown parent or another parent's contact."""
    parent = family.parent.find(call, call.path["id"])
    contact = family.contacts.find(call, call.path["contactId"])
    if contact.get(family.parent_field) != parent.id:
        raise not_found("Contact", call.path["contactId"])
    return contact


def _preferences(value: dict[str, Any]) -> dict[str, Any]:
    both = bool(value["invoiceNotification"] and value["statementNotification"])
    return {**value, "invoiceStatementNotification": both}


def _operations(family: Family) -> list[Operation]:
    contacts = family.contacts
    noun = family.parent.noun.lower()
    ordered = {f.param.name: f for f in date_filters()}
    cross_filters = (
        ordered["modifiedBefore"],
        ordered["modifiedOnOrAfter"],
        ids_filter(family.ids_param, family.parent_field),
        ordered["createdBefore"],
        ordered["createdOnOrAfter"],
    )

    def list_of_parent(call: Call) -> dict[str, Any]:
        parent = family.parent.find(call, call.path["id"])
        rows = contacts_of(call, contacts.table, family.parent_field, int(parent.id))
        return page_of(call, rows, family.response)

    def create(call: Call) -> dict[str, Any]:
        body = call.body
        parent = family.parent.find(call, call.path["id"])
        problems = Problems()
        check_contact(problems, "", body.type.value, body.value)
        problems.check()
        row = insert_contact(
            call,
            contacts.table,
            family.parent_field,
            int(parent.id),
            body.type.value,
            body.value,
            body.memo,
        )
        return project(row.data, family.response)

    def update(call: Call) -> dict[str, Any]:
        body = call.body
        row = _find(family, call)
        given = body.model_dump(include=body.model_fields_set, mode="json")
        kind = given.get("type", row.get("type"))
        value = given.get("value", row.get("value"))
        problems = Problems()
        if "type" in given or "value" in given:
            check_contact(problems, "", kind, value)
        problems.check()
        changes: dict[str, Any] = {k: v for k, v in given.items() if k in ("type", "value", "memo")}
        if "type" in given or "value" in given:
            changes["phoneSettings"] = {
                **phone_settings(kind, value),
                "doNotText": bool((row.get("phoneSettings") or {}).get("doNotText")),
            }
        if "preferences" in given:
            changes["preferences"] = _preferences(given["preferences"])
        row = contacts.change(call, row, changes)
        return project(row.data, family.response)

    def delete(call: Call) -> None:
        contacts.remove(call, _find(family, call))

    def list_all(call: Call) -> dict[str, Any]:
        if all(call.query.get(name) in (None, "") for name in family.either):
            names = ", ".join(family.either[:-1]) + f" or {family.either[-1]}"
            raise validation_error({family.ids_param: [f"Either {names} must be specified."]})
        return page_of(call, call.table(contacts.table).rows(), family.list_response, cross_filters)

    one = "/{id}/contacts/{contactId}"
    return [
        contacts.operation(
            f"{family.prefix}_GetContactList", "GET", list_of_parent, suffix="/{id}/contacts",
            summary=f"List a {noun}'s contacts", path_params=(ID,), query=PAGE_PARAMS,
            response=Page(family.response), errors=(400, 404, 409),
        ),
        contacts.operation(
            f"{family.prefix}_CreateContact", "POST", create, suffix="/{id}/contacts",
            summary=f"Add a contact to a {noun}", path_params=(ID,), body=family.create_body,
            response=One(family.response), errors=(400, 404, 409),
        ),
        contacts.operation(
            f"{family.prefix}_UpdateContact", "PATCH", update, suffix=one,
            summary=f"Update a {noun}'s contact", path_params=(ID, CONTACT_ID),
            body=family.update_body, response=One(family.response), errors=(400, 404, 409),
        ),
        contacts.operation(
            f"{family.prefix}_DeleteContact", "DELETE", delete, suffix=one,
            summary=f"Remove a contact from a {noun}", path_params=(ID, CONTACT_ID),
            response=Empty(), errors=(400, 404, 409),
        ),
        contacts.operation(
            f"{family.prefix}_GetModifiedContactsList"
            if family is CUSTOMER_FAMILY
            else "Locations_GetLocationsContactsList",
            "GET", list_all, suffix="/contacts",
            summary=f"List contacts of many {noun}s by {noun} ids or dates",
            query=(*PAGE_PARAMS, *(f.param for f in cross_filters)),
            response=Page(family.list_response),
            errors=(400, 404) if family is CUSTOMER_FAMILY else (400,),
        ),
        replace(
            contacts.export_op(
                family.export_id, family.export_response, family.export_path,
                summary=f"Export feed of {noun} contacts",
            ),
            tag="Export",
        ),
    ]  # fmt: skip


OPERATIONS = [*_operations(CUSTOMER_FAMILY), *_operations(LOCATION_FAMILY)]
