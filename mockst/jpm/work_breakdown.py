"""The work breakdown structure budget codes are built from: segments (a cost code, a cost type,
a custom one), each with items (``01 Site Work``, ``L Labor``), flat or in a tree.

Read-only in the API; seeds and the control plane add segments with ``create_segment`` and items
with ``create_segment_item`` (a child names its ``parentId``, which must be an item of the same
segment). An item's ``path`` is the codes from its root down, joined by ``.`` (``01.100``).

A project uses its company's structure: the project-level operations answer what the company-level
ones do, once the project is found (404 otherwise). Segments are listed in the order they were
added (the order of a budget code's parts); ``page`` and ``pageSize`` cut that list although its
answer is not a page. A segment's items are its top-level items, or all of them with
``includeChildren=true``; an item's children are its direct children, or all its descendants with
``includeChildren=true``; both in id order, 404 for an unknown segment or item.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mockst.api.listing import PAGE_PARAMS, page_of, page_window, project
from mockst.api.operation import Call, One, Page, TenantContext
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.errors import field_error, not_found
from mockst.jpm import FAMILY
from mockst.jpm.models.budget_codes import (
    ListSegmentsResponse,
    SegmentItemCostCategory,
    SegmentItemModel,
    SegmentModel,
    SegmentStructure,
    SegmentType,
)
from mockst.jpm.project_records import PROJECTS
from mockst.store.table import Row

WBS = "/work-breakdown-structure"


def wbs_resource(table: str, noun: str, scope: str = "tn.jpm.segments") -> Resource:
    return Resource(family=FAMILY, path=WBS, table=table, scope=scope, tag="BudgetCodes",
                    noun=noun)  # fmt: skip


SEGMENTS = wbs_resource("wbs_segments", "Segment")
SEGMENT_ITEMS = wbs_resource("wbs_segment_items", "Segment item")
PROJECT = path("projectId")
SEGMENT, ITEM = path("segmentId"), path("segmentItemId")
INCLUDE_CHILDREN = Param("includeChildren", "bool")


def create_segment(
    ctx: TenantContext, name: str, kind: SegmentType = SegmentType.COST_CODE,
    structure: SegmentStructure = SegmentStructure.FLAT, *, required: bool = True,
    active: bool = True,
) -> Row:  # fmt: skip
    """A segment of the tenant's work breakdown structure (seeds, control plane)."""
    if not name or not name.strip():
        raise field_error("name", "A segment needs a name.")
    data = {"name": name.strip(), "type": kind.value, "structure": structure.value,
            "isActive": active, "isRequired": required, "active": True}  # fmt: skip
    return SEGMENTS.insert(ctx, data)


def create_segment_item(
    ctx: TenantContext, segment_id: int, code: str, description: str, *,
    parent_id: int | None = None, category: SegmentItemCostCategory | None = None,
    active: bool = True,
) -> Row:  # fmt: skip
    """An item of one segment, under ``parent_id`` when its segment is a tree."""
    segment = ctx.table(SEGMENTS.table).get(segment_id)
    if segment is None:
        raise field_error("segmentId", f"Segment {segment_id} does not exist.")
    if not code or not code.strip():
        raise field_error("code", "A segment item needs a code.")
    where = code.strip()
    if parent_id is not None:
        parent = ctx.table(SEGMENT_ITEMS.table).get(parent_id)
        if parent is None or parent.get("segmentId") != segment_id:
            raise field_error("parentId", f"Segment item {parent_id} is not an item of segment "
                                          f"{segment_id}.")  # fmt: skip
        where = f"{parent.get('path')}.{where}"
    data = {"segmentId": segment_id, "parentId": parent_id, "code": code.strip(),
            "description": description, "path": where,
            "costCategory": category.value if category else None, "isActive": active,
            "active": True}  # fmt: skip
    return SEGMENT_ITEMS.insert(ctx, data)


def check_project(call: Call) -> None:
    """Project-level operations: the project must be the tenant's (404)."""
    if "projectId" in call.path:
        PROJECTS.find(call, call.path["projectId"])


def segments_in_order(ctx: TenantContext) -> list[Row]:
    return sorted(ctx.table(SEGMENTS.table).rows(), key=lambda r: r.id)


def _segments(call: Call) -> dict[str, Any]:
    check_project(call)
    page, size = page_window(call)
    rows = segments_in_order(call)[(page - 1) * size : page * size]
    return {"data": [project(r.data, SegmentModel) for r in rows]}


def _descendants(items: list[Row], parent: int) -> Iterable[Row]:
    for item in items:
        if item.get("parentId") == parent:
            yield item
            yield from _descendants(items, int(item.id))


def _items(call: Call) -> dict[str, Any]:
    check_project(call)
    segment = SEGMENTS.find(call, call.path["segmentId"])
    items = [r for r in call.table(SEGMENT_ITEMS.table).rows() if r.get("segmentId") == segment.id]
    if "segmentItemId" in call.path:
        parent = SEGMENT_ITEMS.find(call, call.path["segmentItemId"])
        if parent.get("segmentId") != segment.id:
            raise not_found(SEGMENT_ITEMS.noun, parent.id)
        below = list(_descendants(items, int(parent.id)))
        if not call.query.get("includeChildren"):
            below = [r for r in below if r.get("parentId") == parent.id]
    else:
        below = items if call.query.get("includeChildren") else [
            r for r in items if r.get("parentId") is None]
    return page_of(call, sorted(below, key=lambda r: r.id), SegmentItemModel)


def _operations(level: str, prefix: str, params: tuple[Param, ...]) -> list[Any]:
    return [
        SEGMENTS.operation(
            f"BudgetCodes_List{level}Segments", "GET", _segments, suffix=f"{prefix}/segments",
            summary=f"List the {level.lower()}'s segments", path_params=params,
            query=PAGE_PARAMS, response=One(ListSegmentsResponse),
        ),
        SEGMENTS.operation(
            f"BudgetCodes_List{level}SegmentItems", "GET", _items,
            suffix=f"{prefix}/segments/{{segmentId}}/items",
            summary="List a segment's items", path_params=(*params, SEGMENT),
            query=(*PAGE_PARAMS, INCLUDE_CHILDREN), response=Page(SegmentItemModel),
        ),
        SEGMENTS.operation(
            f"BudgetCodes_List{level}SegmentItemChildren", "GET", _items,
            suffix=f"{prefix}/segments/{{segmentId}}/items/{{segmentItemId}}/children",
            summary="List a segment item's children", path_params=(*params, SEGMENT, ITEM),
            query=(*PAGE_PARAMS, INCLUDE_CHILDREN), response=Page(SegmentItemModel),
        ),
    ]  # fmt: skip


OPERATIONS = [
    *_operations("Company", "", ()),
    *_operations("Project", "/projects/{projectId}", (PROJECT,)),
]
