"""Equipment types: the kinds of installed equipment a tenant tracks (Furnace, Water Heater).

A name is required and unique among the tenant's types in any case: a duplicate is a 409, as the
document declares (U20). A type is created active; PATCH renames it or (de)activates it, also
when installed equipment uses it. No delete, as in the document. The list filters by ``ids``,
``name`` (part of it, in any case), the date filters and ``active`` (only active unless asked),
sorted by ID, Name, CreatedOn or ModifiedOn.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import (
    PAGE_PARAMS,
    SORT_PARAM,
    active_filter,
    contains,
    date_filters,
    ids_filter,
    page_of,
    project,
)
from mockst.api.operation import Call, One, Page, TenantContext
from mockst.api.resource import ID, Resource
from mockst.equipmentsystems import FAMILY
from mockst.equipmentsystems.models.equipment_types import (
    EquipmentTypeCreateRequest,
    EquipmentTypeResponse,
    EquipmentTypeUpdateRequest,
)
from mockst.errors import conflict, field_error
from mockst.store.table import Row

EQUIPMENT_TYPES = Resource(
    family=FAMILY,
    path="/equipment-types",
    table="equipment_types",
    scope="tn.eqs.equipmenttypes",
    tag="EquipmentTypes",
    noun="Equipment type",
)
SORT = {"ID": "id", "Name": "name", "CreatedOn": "createdOn", "ModifiedOn": "modifiedOn"}
FILTERS = (ids_filter(), contains("name"), *date_filters(), active_filter("ActiveRequestArg"))


def _name(ctx: TenantContext, name: str | None, own: int | None = None) -> str:
    if name is None or not name.strip():
        raise field_error("name", "The name field is required.")
    name = name.strip()
    for row in ctx.table(EQUIPMENT_TYPES.table).rows():
        if row.id != own and str(row.get("name")).lower() == name.lower():
            raise conflict(f"An equipment type named '{name}' already exists.", "name")
    return name


def create_equipment_type(ctx: TenantContext, name: str, *, active: bool = True) -> Row:
    """An equipment type of the tenant (the API, seeds)."""
    return EQUIPMENT_TYPES.insert(ctx, {"name": _name(ctx, name), "active": active})


def _create(call: Call) -> dict[str, Any]:
    body: EquipmentTypeCreateRequest = call.body
    return project(create_equipment_type(call, body.name).data, EquipmentTypeResponse)


def _get(call: Call) -> dict[str, Any]:
    return project(EQUIPMENT_TYPES.find(call, call.path["id"]).data, EquipmentTypeResponse)


def _update(call: Call) -> dict[str, Any]:
    body: EquipmentTypeUpdateRequest = call.body
    row = EQUIPMENT_TYPES.find(call, call.path["id"])
    changes = body.model_dump(include=body.model_fields_set)
    if "name" in changes:
        changes["name"] = _name(call, body.name, row.id)
    return project(EQUIPMENT_TYPES.change(call, row, changes).data, EquipmentTypeResponse)


def _list(call: Call) -> dict[str, Any]:
    return page_of(call, call.table(EQUIPMENT_TYPES.table), EquipmentTypeResponse, FILTERS, SORT)


OPERATIONS = [
    EQUIPMENT_TYPES.operation(
        "EquipmentTypes_GetList", "GET", _list, response=Page(EquipmentTypeResponse),
        query=(*(f.param for f in FILTERS[:6]), *PAGE_PARAMS, SORT_PARAM, FILTERS[6].param),
    ),
    EQUIPMENT_TYPES.operation(
        "EquipmentTypes_Create", "POST", _create, body=EquipmentTypeCreateRequest,
        response=One(EquipmentTypeResponse), errors=(400, 409),
    ),
    EQUIPMENT_TYPES.operation(
        "EquipmentTypes_Get", "GET", _get, suffix="/{id}", path_params=(ID,),
        response=One(EquipmentTypeResponse), errors=(400, 404),
    ),
    EQUIPMENT_TYPES.operation(
        "EquipmentTypes_Update", "PATCH", _update, suffix="/{id}", path_params=(ID,),
        body=EquipmentTypeUpdateRequest, response=One(EquipmentTypeResponse),
        errors=(400, 404, 409),
    ),
]
