"""CRM locations: where the work is done; each belongs to exactly one customer.

``POST /locations`` needs the ``customerId`` of an existing customer of the tenant (409 "Unknown
customer", the status the official document declares); its contacts are also copied to the
customer, as for locations created with a customer. ``PATCH`` changes only the fields present:
``customFields`` and ``tagTypeIds`` replace the whole list (the schema says so), a new
``customerId`` must name an existing customer (409), ``address`` replaces the whole address (the
coordinates too: omitted ones become null), ``taxZoneId`` is taken as given (the simulator has no
tax zones), ``active`` can be set.

Lists filter on the location's own name and address although the official descriptions say
"customer's" (every location list filter is described so, including ``customerId``); the rules are
the customer list's (see ``record_lists``).

Preferred technician: ``POST .../preferredtechnician/{id}`` stores the id on the location (and so
stamps ``modifiedOn``); ``GET`` answers the bare id or ``null``. The id must name a technician of
the tenant when the Settings ``technicians`` table has rows (404 otherwise), else any positive id.
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
from mockst.api.operation import Call, One, Page, Raw
from mockst.api.params import Param, path
from mockst.api.resource import ID
from mockst.crm.customer_records import (
    CUSTOMERS,
    LOCATIONS,
    Problems,
    add_tag,
    brief_contact,
    check_address,
    check_custom_fields,
    check_new_location,
    check_tag_types,
    external_data_updated,
    insert_location,
    remove_tag,
    render,
    request_guid,
    technician_exists,
)
from mockst.crm.models.exports import ExportLocationsResponse
from mockst.crm.models.locations import (
    CreateLocationRequest,
    CreateLocationResponse,
    CreateLocationTagResponse,
    LocationResponse,
    UpdateLocationRequest,
)
from mockst.crm.record_lists import (
    EXTERNAL_DATA_FILTER,
    EXTERNAL_DATA_PARAMS,
    address_filters,
    list_query,
    record_page,
)
from mockst.errors import ApiError, conflict
from mockst.store.table import Row

TAG_TYPE_ID = path("tagTypeId")
TECHNICIAN_ID = path("preferredTechnicianId")


def _check_customer(call: Call, customer_id: int) -> None:
    if call.table(CUSTOMERS.table).get(customer_id) is None:
        raise conflict("Unknown customer", "customerId")


def _create(call: Call) -> dict[str, Any]:
    body: CreateLocationRequest = call.body
    problems = Problems()
    check_new_location(call, problems, "", body)
    problems.check()
    _check_customer(call, body.customerId)
    row, contacts, _copies = insert_location(call, body.customerId, body)
    result = render(row.data, CreateLocationResponse, request_guid(body))
    result["contacts"] = [brief_contact(c) for c in contacts]
    return result


def _get(call: Call) -> dict[str, Any]:
    return render(LOCATIONS.find(call, call.path["id"]).data, LocationResponse)


def _update(call: Call) -> dict[str, Any]:
    body: UpdateLocationRequest = call.body
    row = LOCATIONS.find(call, call.path["id"])
    given = body.model_fields_set
    problems = Problems()
    changes: dict[str, Any] = {}
    if "name" in given:
        problems.required_text("name", body.name)
        changes["name"] = body.name
    if "address" in given:
        address = body.address.model_dump(mode="json")
        check_address(problems, "address", address)
        changes["address"] = address
    if "active" in given:
        changes["active"] = body.active
    if "taxZoneId" in given:
        changes["taxZoneId"] = body.taxZoneId
    if "customFields" in given:
        changes["customFields"] = check_custom_fields(
            call, problems, "customFields", body.customFields, "location"
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
    if "customerId" in given:
        _check_customer(call, body.customerId)
        changes["customerId"] = body.customerId
    row = LOCATIONS.change(call, row, changes)
    return render(row.data, LocationResponse, guid)


LIST_ORDER = (
    "ids", "name", "customerId", "street", "unit", "city", "state", "zip", "country", "latitude",
    "longitude", "active", "page", "pageSize", "includeTotal", "sort", "createdBefore",
    "createdOnOrAfter", "modifiedBefore", "modifiedOnOrAfter", "externalDataApplicationGuid",
    "externalDataKey", "externalDataValues",
)  # fmt: skip

LIST_FILTERS = (
    ids_filter(),
    contains("name"),
    Filter(
        Param("customerId", "int64"),
        lambda row, value: row.get("customerId") == value,
    ),
    *address_filters().values(),
    active_filter("ActiveRequestArg"),
    *date_filters(),
    EXTERNAL_DATA_FILTER,
)
LIST_QUERY = list_query(LIST_ORDER, *LIST_FILTERS, *EXTERNAL_DATA_PARAMS)


def _list(call: Call) -> dict[str, Any]:
    return record_page(call, LOCATIONS, LocationResponse, LIST_FILTERS)


def _add_tag(call: Call) -> dict[str, Any]:
    row = add_tag(call, LOCATIONS)
    return {"locationId": row.id, "tagTypeIds": list(row.get("tagTypeIds"))}


def _remove_tag(call: Call) -> None:
    remove_tag(call, LOCATIONS)


def _set_technician(call: Call) -> None:
    row = LOCATIONS.find(call, call.path["id"])
    technician = call.path["preferredTechnicianId"]
    if not technician_exists(call, technician):
        raise ApiError(
            404,
            "Technician not found.",
            {"preferredTechnicianId": [f"Technician {technician} was not found."]},
        )
    LOCATIONS.change(call, row, {"preferredTechnicianId": technician})


def _get_technician(call: Call) -> int | None:
    return LOCATIONS.find(call, call.path["id"]).get("preferredTechnicianId")


def _export_render(row: Row) -> dict[str, Any]:
    return {**render(row.data, ExportLocationsResponse), "active": row.active}


OPERATIONS = [
    LOCATIONS.operation(
        "Locations_Get", "GET", _get, suffix="/{id}",
        summary="Get a location", path_params=(ID,), response=One(LocationResponse),
        errors=(400, 404),
    ),
    LOCATIONS.operation(
        "Locations_Update", "PATCH", _update, suffix="/{id}",
        summary="Update a location", path_params=(ID,), body=UpdateLocationRequest,
        response=One(LocationResponse), errors=(400, 404, 409),
    ),
    LOCATIONS.operation(
        "Locations_Create", "POST", _create,
        summary="Create a location for a customer", body=CreateLocationRequest,
        response=One(CreateLocationResponse), errors=(400, 409),
    ),
    LOCATIONS.operation(
        "Locations_GetList", "GET", _list,
        summary="List locations", query=LIST_QUERY, response=Page(LocationResponse),
        errors=(400,),
    ),
    LOCATIONS.operation(
        "Locations_CreateTag", "POST", _add_tag, suffix="/{id}/tags/{tagTypeId}",
        summary="Add a tag to a location", path_params=(ID, TAG_TYPE_ID),
        response=One(CreateLocationTagResponse), errors=(400, 404, 409),
    ),
    LOCATIONS.operation(
        "Locations_DeleteTag", "DELETE", _remove_tag, suffix="/{id}/tags/{tagTypeId}",
        summary="Remove a tag from a location", path_params=(ID, TAG_TYPE_ID),
        errors=(400, 404),
    ),
    LOCATIONS.operation(
        "Locations_UpdatePreferredTechnician", "POST", _set_technician,
        suffix="/{id}/preferredtechnician/{preferredTechnicianId}",
        summary="Set a location's preferred technician", path_params=(ID, TECHNICIAN_ID),
        errors=(400, 404),
    ),
    LOCATIONS.operation(
        "Locations_GetPreferredTechnician", "GET", _get_technician,
        suffix="/{id}/preferredtechnician",
        summary="Get a location's preferred technician", path_params=(ID,),
        response=Raw({"type": ["integer", "null"], "format": "int64"}), errors=(400, 404),
    ),
    replace(
        LOCATIONS.export_op(
            "ExportLocations_Locations", ExportLocationsResponse, "/export/locations",
            render=_export_render, summary="Export feed of locations",
        ),
        tag="Export",
    ),
]  # fmt: skip
