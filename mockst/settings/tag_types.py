"""Settings tag types: list, create, update and the export feed (there is no GET by id).

Tag type names are unique within a tenant, ignoring case; the official operations declare no 409,
so a duplicate is a 400 naming ``name``. A create that omits ``code`` stores ``""`` (the response
requires a string), omits ``importance`` stores ``null``, and omits a flag stores ``false``. The
list sorts by ``Id`` (default), ``Name``, ``CreatedOn`` or ``ModifiedOn``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mockst.api.listing import STANDARD_SORT, active_filter, date_filters
from mockst.api.operation import Call, One, TenantContext
from mockst.api.resource import ID, Resource
from mockst.errors import field_error
from mockst.settings import FAMILY
from mockst.settings.models.common import ModificationResponse
from mockst.settings.models.tag_types import (
    CreateTagTypeRequest,
    ExportTagTypeResponse,
    TagTypeResponse,
    UpdateTagTypeRequest,
)
from mockst.store.table import Row

TAG_TYPES = Resource(
    family=FAMILY,
    path="/tag-types",
    table="tag_types",
    scope="tn.stt.tagtypes",
    tag="TagTypes",
    noun="Tag type",
)

FLAGS = ("isConversionOpportunity", "allowToUseOnTimesheetActivity", "isVisibleOnDispatchBoard")
SORT = {"Id": "id", "Name": "name", "CreatedOn": "createdOn", "ModifiedOn": "modifiedOn"}
assert set(STANDARD_SORT) <= set(SORT)


def _check_name(ctx: TenantContext, name: str, except_id: int | None = None) -> str:
    name = name.strip()
    if not name:
        raise field_error("name", "The name must not be empty.")
    for row in ctx.table(TAG_TYPES.table).rows():
        if row.id != except_id and row.get("name").lower() == name.lower():
            raise field_error("name", f"A tag type named '{name}' already exists.")
    return name


def create_tag_type(ctx: TenantContext, request: CreateTagTypeRequest) -> Row:
    """Also used by seeds."""
    name = _check_name(ctx, request.name)
    data: dict[str, Any] = {
        "name": name,
        "color": request.color,
        "code": request.code or "",
        "importance": request.importance.value if request.importance else None,
        **{flag: bool(getattr(request, flag)) for flag in FLAGS},
        "active": True,
    }
    return TAG_TYPES.insert(ctx, data)


def _create(call: Call) -> dict[str, Any]:
    return {"id": create_tag_type(call, call.body).id}


def _update(call: Call) -> dict[str, Any]:
    body: UpdateTagTypeRequest = call.body
    row = TAG_TYPES.find(call, call.path["id"])
    changes = body.model_dump(include=body.model_fields_set, mode="json")
    for key in ("name", "color", "code", *FLAGS):
        if key in changes and changes[key] is None:
            raise field_error(key, f"The {key} field must not be null.")
    if "name" in changes:
        changes["name"] = _check_name(call, changes["name"], except_id=row.id)
    if changes:
        TAG_TYPES.change(call, row, changes)
    return {"id": row.id}


OPERATIONS = [
    replace(
        TAG_TYPES.export_op(
            "Export_TagTypes", ExportTagTypeResponse, "/export/tag-types",
            summary="Export tag types",
        ),
        tag="Export",
    ),
    TAG_TYPES.list_op(
        "TagTypes_GetList", TagTypeResponse,
        summary="List tag types",
        filters=(active_filter("ActiveRequestArg"), *date_filters()),
        sort=SORT,
        order=(
            "page", "pageSize", "includeTotal", "active", "createdBefore", "createdOnOrAfter",
            "modifiedBefore", "modifiedOnOrAfter", "sort",
        ),
    ),
    TAG_TYPES.operation(
        "TagTypes_Create", "POST", _create,
        summary="Create a tag type",
        body=CreateTagTypeRequest, response=One(ModificationResponse), errors=(400,),
    ),
    TAG_TYPES.operation(
        "TagTypes_Update", "PATCH", _update, suffix="/{id}",
        summary="Update a tag type", path_params=(ID,),
        body=UpdateTagTypeRequest, response=One(ModificationResponse), errors=(400, 404),
    ),
]
