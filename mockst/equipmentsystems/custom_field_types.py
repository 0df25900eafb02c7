"""Custom-field types of installed equipment (Efficiency rating, Filter size): read-only in the
API, as a tenant sets them up in its settings, so seeds add them with
``create_custom_field_type``. A field's value must suit its type: one of a Dropdown's options,
a number for Numeric.

The list takes ``page``, ``pageSize`` and ``descending`` (all required, as the document says),
the date filters and ``sortBy`` (Id, Name, CreatedOn or ModifiedOn; Id by default).
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import date_filters, page_of
from mockst.api.operation import Call, One, TenantContext
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.crm.customer_records import Problems
from mockst.equipmentsystems import FAMILY
from mockst.equipmentsystems.models.installed_equipment import (
    CustomFieldRequestModel,
    LocationEquipmentCustomFieldTypeModel,
    RepositoryPageResultOfLocationEquipmentCustomFieldTypeModel,
)
from mockst.errors import field_error, validation_error
from mockst.store.table import Row

TYPES_TABLE = "installed_equipment_custom_field_types"
CUSTOM_FIELD_TYPES = Resource(
    family=FAMILY,
    path="/installed-equipment/custom-field-types",
    table=TYPES_TABLE,
    scope="tn.eqs.installedequipment",
    tag="InstalledEquipment",
    noun="Custom field type",
)
SORT = {"Id": "id", "Name": "name", "CreatedOn": "createdOn", "ModifiedOn": "modifiedOn"}
DATES = date_filters()


def create_custom_field_type(
    ctx: TenantContext, name: str, data_type: str = "Text", options: list[str] | None = None
) -> Row:
    """A custom-field type for installed equipment (seeds, control plane)."""
    if not name.strip():
        raise field_error("name", "A custom field type needs a name.")
    if data_type not in ("Text", "Dropdown", "Numeric"):
        raise field_error("dataType", "The data type is Text, Dropdown or Numeric.")
    return CUSTOM_FIELD_TYPES.insert(ctx, {
        "name": name.strip(), "dataType": data_type, "dataTypeOptions": list(options or []),
        "active": True,
    })


def custom_field(
    ctx: TenantContext, problems: Problems, at: str, item: CustomFieldRequestModel
) -> dict[str, Any]:
    """One custom field of a piece of equipment, checked against its type."""
    kind = ctx.table(TYPES_TABLE).get(item.typeId) if item.typeId is not None else None
    value = item.value
    if kind is None:
        problems.add(f"{at}.typeId", f"Custom field type {item.typeId} does not exist.")
        return {}
    if value is not None and kind.get("dataType") == "Dropdown":
        if value not in kind.get("dataTypeOptions"):
            problems.add(f"{at}.value", f"'{value}' is not an option of {kind.get('name')}.")
    elif value is not None and kind.get("dataType") == "Numeric":
        try:
            float(value)
        except ValueError:
            problems.add(f"{at}.value", f"'{value}' is not a number.")
    return {"id": item.id or ctx.world.new_id(), "typeId": item.typeId,
            "name": kind.get("name"), "value": value}


def _list(call: Call) -> dict[str, Any]:
    field = call.query.get("sortBy") or "Id"
    by_lower = {k.lower(): k for k in SORT}
    if field.strip().lower() not in by_lower:
        raise validation_error({"sortBy": [f"Sorting by '{field}' is not supported."]})
    sign = "-" if call.query.get("descending") else "+"
    call.query["sort"] = sign + by_lower[field.strip().lower()]
    page = page_of(call, call.table(TYPES_TABLE), LocationEquipmentCustomFieldTypeModel, DATES,
                   SORT)
    return {**page, "totalCount": page["totalCount"]}


OPERATIONS = [
    CUSTOM_FIELD_TYPES.operation(
        "InstalledEquipment_GetCustomFieldTypes", "GET", _list,
        query=(
            Param("page", "int32", required=True),
            Param("pageSize", "int32", required=True),
            Param("descending", "bool", required=True),
            *(f.param for f in DATES),
            Param("sortBy", "string"),
        ),
        response=One(RepositoryPageResultOfLocationEquipmentCustomFieldTypeModel),
    ),
]
