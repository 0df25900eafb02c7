"""Custom field types of projects, and the custom fields a project carries.

Types live in the tenant's shared ``custom_field_types`` table with ``appliesTo: "project"``
(CRM's rows there say ``customer`` or ``location``). The API only lists them; seeds and the
control plane add them with ``create_project_custom_field_type``. Unlike CRM, which accepts any
positive type id before the tenant has defined any, a project's custom field must name a project
type that exists: the answer has to show the type's ``name``, which only a real type has. A
Dropdown type takes one of its options only. The list sorts by Id or Name (the document's
fields), and also by the standard ModifiedOn and CreatedOn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mockst.api.listing import PAGE_PARAMS, SORT_PARAM, STANDARD_SORT, date_filters, page_of
from mockst.api.operation import Call, Page, TenantContext
from mockst.api.resource import Resource
from mockst.crm.customer_records import CUSTOM_FIELD_TYPES, Problems
from mockst.errors import field_error
from mockst.jpm.models.common import CustomFieldDataType, CustomFieldTypeResponse
from mockst.jpm.models.projects import CustomFieldCreateOrUpdateModel
from mockst.jpm.project_records import PROJECTS
from mockst.store.table import Row

APPLIES_TO = "project"
SORT = {**STANDARD_SORT, "Name": "name"}
DATES = date_filters()

TYPES = Resource(
    family=PROJECTS.family,
    path=f"{PROJECTS.path}/custom-fields",
    table=CUSTOM_FIELD_TYPES,
    scope=PROJECTS.scope,
    tag=PROJECTS.tag,
    noun="Custom field type",
)


def create_project_custom_field_type(
    ctx: TenantContext, name: str, data_type: CustomFieldDataType = CustomFieldDataType.TEXT,
    options: Sequence[str] = (),
) -> Row:  # fmt: skip
    """A custom field type for the tenant's projects (seeds, control plane)."""
    if not name or not name.strip():
        raise field_error("name", "A custom field type needs a name.")
    if data_type is CustomFieldDataType.DROPDOWN and not options:
        raise field_error("dataTypeOptions", "A Dropdown custom field type needs options.")
    data = {
        "name": name.strip(), "dataType": data_type.value,
        "dataTypeOptions": list(options) if options else None, "appliesTo": APPLIES_TO,
        "active": True,
    }  # fmt: skip
    return TYPES.insert(ctx, data)


def check_project_custom_fields(
    ctx: TenantContext, problems: Problems, items: Sequence[CustomFieldCreateOrUpdateModel] | None
) -> list[dict[str, Any]]:
    """``[{typeId, name, value}]`` as stored on the project; each bad item is a field error."""
    table = ctx.table(CUSTOM_FIELD_TYPES)
    result: list[dict[str, Any]] = []
    for index, item in enumerate(items or ()):
        where = f"customFields[{index}]"
        kind = table.get(item.typeId)
        if kind is None or kind.get("appliesTo") != APPLIES_TO:
            problems.add(f"{where}.typeId", f"Custom field type {item.typeId} was not found.")
        elif any(done["typeId"] == item.typeId for done in result):
            problems.add(f"{where}.typeId", f"Custom field type {item.typeId} is given twice.")
        elif kind.get("dataTypeOptions") and item.value not in kind.get("dataTypeOptions"):
            options = ", ".join(kind.get("dataTypeOptions"))
            problems.add(f"{where}.value", f"The value must be one of: {options}.")
        else:
            result.append({"typeId": item.typeId, "name": kind.get("name"), "value": item.value})
    return result


def _list(call: Call) -> dict[str, Any]:
    rows = (r for r in call.table(CUSTOM_FIELD_TYPES).rows() if r.get("appliesTo") == APPLIES_TO)
    return page_of(call, rows, CustomFieldTypeResponse, DATES, SORT)


OPERATIONS = [
    TYPES.operation(
        "Projects_GetCustomFieldTypes", "GET", _list,
        summary="List the custom field types of projects",
        query=(*PAGE_PARAMS, *(f.param for f in DATES), SORT_PARAM),
        response=Page(CustomFieldTypeResponse),
    ),
]  # fmt: skip
