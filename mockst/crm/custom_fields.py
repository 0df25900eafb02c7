"""Custom field types of customers and of locations, as the tenant defined them.

Read-only here: rows of the tenant's ``custom_field_types`` table (written by seeds and the
control plane) whose ``appliesTo`` is ``customer`` or ``location``. Sorting accepts the standard
``Id``, ``ModifiedOn`` and ``CreatedOn`` (the official parameter lists no fields) and ``Name``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from mockst.api.listing import PAGE_PARAMS, SORT_PARAM, STANDARD_SORT, date_filters, page_of
from mockst.api.operation import Call, Operation, Page
from mockst.api.resource import Resource
from mockst.crm.customer_records import CUSTOM_FIELD_TYPES, CUSTOMERS, LOCATIONS
from mockst.crm.models.customers import CustomerCustomFieldTypeResponse
from mockst.crm.models.locations import LocationCustomFieldTypeResponse

SORT = {**STANDARD_SORT, "Name": "name"}
DATES = date_filters()


def _operation(
    parent: Resource, applies_to: str, operation_id: str, model: type[BaseModel]
) -> Operation:
    types = Resource(
        family=parent.family,
        path=f"{parent.path}/custom-fields",
        table=CUSTOM_FIELD_TYPES,
        scope=parent.scope,
        tag=parent.tag,
        noun="Custom field type",
    )

    def handler(call: Call) -> dict[str, Any]:
        table = call.table(CUSTOM_FIELD_TYPES)
        rows = (r for r in table.rows() if r.get("appliesTo") == applies_to)
        return page_of(call, rows, model, DATES, SORT)

    return types.operation(
        operation_id, "GET", handler,
        summary=f"List the custom field types of {parent.noun.lower()}s",
        query=(*PAGE_PARAMS, *(f.param for f in DATES), SORT_PARAM), response=Page(model),
        errors=(400, 404),
    )  # fmt: skip


OPERATIONS = [
    _operation(
        CUSTOMERS, "customer", "Customers_GetCustomFieldTypes", CustomerCustomFieldTypeResponse
    ),
    _operation(
        LOCATIONS, "location", "Locations_GetCustomFieldTypes", LocationCustomFieldTypeResponse
    ),
]
