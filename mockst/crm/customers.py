"""CRM customers: the bill-to records, created together with their locations and contacts.

Every customer has at least one location (DOC-CRM), so ``POST /customers`` takes ``locations[]``
(one or more) and creates the customer, its contacts, each location and each location's contacts
in one transaction: every part is checked before anything is written, and a bad third location
leaves no trace. Contacts of a new location are also copied to the customer.

New customers are active, with balance 0, ``type`` Residential and the three flags false unless
the body says otherwise. ``PATCH`` changes only the fields present; ``active`` can be set (the
schema's field wins over DOC-CRM's remark that the API cannot deactivate), ``customFields`` and
``tagTypeIds`` replace the whole list, as the location schema documents for locations.

Lists: ``name`` matches case-insensitively as a substring; ``phone`` matches the digits of any
Phone or MobilePhone contact of the customer (the text itself when it has no digits); address and
external data filters are in ``record_lists``. ``excludeAccountingChangesFromModifiedDateRange`` is
accepted and changes nothing: the simulator makes no accounting changes.

Tags: adding a tag the customer already has is a 409; removing one it does not have is a 404; an
unknown tag type in the path is a 404 (see ``customer_records`` for when a tag type is known).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mockst.api.listing import (
    Filter,
    active_filter,
    contains,
    date_filters,
    ids_filter,
)
from mockst.api.operation import Call, One, Page
from mockst.api.params import Param, path
from mockst.api.resource import ID
from mockst.crm.customer_records import (
    API_USER_ID,
    CUSTOMER_CONTACTS,
    CUSTOMERS,
    PHONE_TYPES,
    Problems,
    add_tag,
    brief_contact,
    check_address,
    check_contacts,
    check_custom_fields,
    check_new_location,
    check_tag_types,
    external_data_created,
    external_data_updated,
    insert_contact,
    insert_location,
    remove_tag,
    render,
    request_guid,
)
from mockst.crm.models.customers import (
    CreateCustomerRequest,
    CreateCustomerTagResponse,
    CreatedCustomerResponse,
    CustomerResponse,
    UpdateCustomerRequest,
)
from mockst.crm.models.exports import ExportCustomerResponse
from mockst.crm.models.locations import CreateLocationResponse
from mockst.crm.record_lists import (
    EXTERNAL_DATA_FILTER,
    EXTERNAL_DATA_PARAMS,
    address_filters,
    list_query,
    record_page,
)
from mockst.store.table import Row

TAG_TYPE_ID = path("tagTypeId")


# -- create ----------------------------------------------------------------------------------


def _check_create(call: Call, body: CreateCustomerRequest) -> None:
    problems = Problems()
    problems.required_text("name", body.name)
    check_address(problems, "address", body.address.model_dump(mode="json"))
    check_contacts(problems, "contacts", body.contacts)
    check_tag_types(call, problems, "tagTypeIds", body.tagTypeIds)
    check_custom_fields(call, problems, "customFields", body.customFields, "customer")
    external_data_created(problems, "", body.externalData)
    if not body.locations:
        problems.add("locations", "At least one location is required.")
    for index, location in enumerate(body.locations):
        check_new_location(call, problems, f"locations[{index}]", location)
    problems.check()


def _create(call: Call) -> dict[str, Any]:
    body: CreateCustomerRequest = call.body
    _check_create(call, body)
    ignored = Problems()  # everything was checked above
    customer = CUSTOMERS.insert(
        call,
        {
            "active": True,
            "name": body.name,
            "type": body.type.value if body.type else "Residential",
            "address": body.address.model_dump(mode="json"),
            "customFields": check_custom_fields(call, ignored, "", body.customFields, "customer"),
            "balance": 0.0,
            "taxExempt": bool(body.taxExempt),
            "tagTypeIds": check_tag_types(call, ignored, "", body.tagTypeIds),
            "doNotMail": bool(body.doNotMail),
            "doNotService": bool(body.doNotService),
            "nationalAccount": bool(body.nationalAccount),
            "createdById": API_USER_ID,
            "mergedToId": None,
            "paymentTermId": body.paymentTermId,
            "creditLimit": body.creditLimit,
            "creditLimitBalance": body.creditLimitBalance,
            "externalDataByApp": external_data_created(ignored, "", body.externalData),
        },
    )
    customer_id = int(customer.id)
    contacts = [
        insert_contact(
            call, CUSTOMER_CONTACTS, "customerId", customer_id, c.type.value, c.value, c.memo
        )
        for c in body.contacts or ()
    ]
    guid = request_guid(body)
    locations = []
    for location in body.locations:
        row, location_contacts, copies = insert_location(call, customer_id, location)
        contacts.extend(copies)
        shown = render(row.data, CreateLocationResponse, request_guid(location, guid))
        shown["contacts"] = [brief_contact(c) for c in location_contacts]
        locations.append(shown)
    result = render(customer.data, CreatedCustomerResponse, guid)
    result["locations"] = locations
    result["contacts"] = [brief_contact(c) for c in contacts]
    return result


# -- get and update --------------------------------------------------------------------------


def _get(call: Call) -> dict[str, Any]:
    return render(CUSTOMERS.find(call, call.path["id"]).data, CustomerResponse)


def _update(call: Call) -> dict[str, Any]:
    body: UpdateCustomerRequest = call.body
    row = CUSTOMERS.find(call, call.path["id"])
    given = body.model_fields_set
    problems = Problems()
    changes: dict[str, Any] = {}
    for name in ("doNotMail", "doNotService", "nationalAccount", "active", "taxExempt"):
        if name in given:
            changes[name] = getattr(body, name)
    for name in ("paymentTermId", "creditLimit", "creditLimitBalance"):
        if name in given:
            changes[name] = getattr(body, name)
    if "name" in given:
        problems.required_text("name", body.name)
        changes["name"] = body.name
    if "type" in given:
        changes["type"] = body.type.value
    if "address" in given:
        address = body.address.model_dump(mode="json")
        check_address(problems, "address", address)
        changes["address"] = address
    if "customFields" in given:
        changes["customFields"] = check_custom_fields(
            call, problems, "customFields", body.customFields, "customer"
        )
    if "tagTypeIds" in given:
        changes["tagTypeIds"] = check_tag_types(call, problems, "tagTypeIds", body.tagTypeIds)
    guid = None
    if "externalData" in given:
        guid = str(body.externalData.applicationGuid)
        changes["externalDataByApp"] = external_data_updated(
            problems, "externalData", row.get("externalDataByApp") or {}, body.externalData
        )
    problems.check()
    row = CUSTOMERS.change(call, row, changes)
    return render(row.data, CustomerResponse, guid)


# -- list ------------------------------------------------------------------------------------


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _phone_prepare(value: str, call: Call) -> set[int] | None:
    """The ids of customers with a matching phone contact: one pass over the contacts."""
    wanted = _digits(value)
    if not value.strip():
        return None
    found: set[int] = set()
    for contact in call.table(CUSTOMER_CONTACTS).rows():
        data = contact.data
        if data.get("type") not in PHONE_TYPES:
            continue
        text = str(data.get("value") or "")
        if (_digits(text) == wanted) if wanted else (text.strip().lower() == value.strip().lower()):
            found.add(data["customerId"])
    return found


LIST_ORDER = (
    "page", "pageSize", "includeTotal", "sort", "ids", "createdBefore", "createdOnOrAfter",
    "modifiedBefore", "modifiedOnOrAfter", "excludeAccountingChangesFromModifiedDateRange",
    "name", "street", "unit", "city", "state", "zip", "country", "latitude", "longitude", "phone",
    "active", "externalDataApplicationGuid", "externalDataKey", "externalDataValues",
)  # fmt: skip

LIST_FILTERS = (
    ids_filter(),
    *date_filters(),
    contains("name"),
    *address_filters().values(),
    Filter(Param("phone", "string"), lambda row, ids: row.id in ids, _phone_prepare),
    active_filter("ActiveRequestArg"),
    EXTERNAL_DATA_FILTER,
)
LIST_QUERY = list_query(
    LIST_ORDER,
    *LIST_FILTERS,
    *EXTERNAL_DATA_PARAMS,
    Param("excludeAccountingChangesFromModifiedDateRange", "bool"),
)


def _list(call: Call) -> dict[str, Any]:
    return record_page(call, CUSTOMERS, CustomerResponse, LIST_FILTERS)


# -- tags ------------------------------------------------------------------------------------


def _add_tag(call: Call) -> dict[str, Any]:
    row = add_tag(call, CUSTOMERS)
    return {"customerId": row.id, "tagTypeIds": list(row.get("tagTypeIds"))}


def _remove_tag(call: Call) -> None:
    remove_tag(call, CUSTOMERS)


def _export_render(row: Row) -> dict[str, Any]:
    return {**render(row.data, ExportCustomerResponse), "active": row.active}


OPERATIONS = [
    CUSTOMERS.operation(
        "Customers_Get", "GET", _get, suffix="/{id}",
        summary="Get a customer", path_params=(ID,), response=One(CustomerResponse),
        errors=(400, 404),
    ),
    CUSTOMERS.operation(
        "Customers_Update", "PATCH", _update, suffix="/{id}",
        summary="Change some fields of a customer", path_params=(ID,), body=UpdateCustomerRequest,
        response=One(CustomerResponse), errors=(400, 404),
    ),
    CUSTOMERS.operation(
        "Customers_GetList", "GET", _list,
        summary="List customers", query=LIST_QUERY,
        response=Page(CustomerResponse), errors=(400,),
    ),
    CUSTOMERS.operation(
        "Customers_Create", "POST", _create,
        summary="Create a customer with its locations and contacts",
        body=CreateCustomerRequest, response=One(CreatedCustomerResponse), errors=(400,),
    ),
    CUSTOMERS.operation(
        "Customers_CreateTag", "POST", _add_tag, suffix="/{id}/tags/{tagTypeId}",
        summary="Add a tag to a customer", path_params=(ID, TAG_TYPE_ID),
        response=One(CreateCustomerTagResponse), errors=(400, 404, 409),
    ),
    CUSTOMERS.operation(
        "Customers_DeleteTag", "DELETE", _remove_tag, suffix="/{id}/tags/{tagTypeId}",
        summary="Remove a tag from a customer", path_params=(ID, TAG_TYPE_ID),
        errors=(400, 404),
    ),
    replace(
        CUSTOMERS.export_op(
            "ExportCustomers_GetCustomers", ExportCustomerResponse, "/export/customers",
            render=_export_render, summary="Export feed of customers",
        ),
        tag="Export",
    ),
]  # fmt: skip
