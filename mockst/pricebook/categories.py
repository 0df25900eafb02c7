"""Categories: the price book's tree (Plumbing, Water Heaters, Tank) that SKUs point into.

A category is typed ``Services`` or ``Materials``; a sub-category names its ``parentId``, which
must exist, share its type and not lie under it (no circles). Every category of a list shows its
whole subtree in ``subcategories``, and sub-categories are listed in their own right too (U16).
``position`` defaults to the end of its siblings. Business units must be the tenant's.
Deleting a category that still has active sub-categories is refused (400); otherwise it follows
``pricebook_delete_mode`` as SKUs do, and SKUs keep pointing at it. The list filters by
``categoryType``, ``active`` (only active unless asked) and the date filters, sorted by Id or Name.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from mockst.api.listing import Filter, active_filter, date_filters, page_of, project
from mockst.api.operation import Call, Empty, One, Page, TenantContext
from mockst.api.params import Param, enum_param
from mockst.api.resource import ID, Resource
from mockst.crm.customer_records import Problems
from mockst.errors import validation_error
from mockst.pricebook import FAMILY
from mockst.pricebook.models.categories import CategoryCreateRequest, CategoryUpdateRequest
from mockst.pricebook.models.common import CategoryResponse, CategoryType
from mockst.settings.business_units import BUSINESS_UNITS
from mockst.store.table import Row

CATEGORIES = Resource(
    family=FAMILY,
    path="/categories",
    table="categories",
    scope="tn.pb.categories",
    tag="Categories",
    noun="Category",
)
SORT = {"Id": "id", "Name": "name"}
FILTERS = (
    Filter(enum_param("categoryType", CategoryType),
           lambda row, value: row.get("categoryType") == str(value)),
    active_filter("ActiveRequestArg"),
    *date_filters(),
)


def _check(ctx: TenantContext, problems: Problems, record: dict[str, Any], own: int | None) -> None:
    parent_id = record.get("parentId")
    if parent_id is not None:
        parent = ctx.table(CATEGORIES.table).get(parent_id)
        if parent is None:
            problems.add("parentId", f"Category {parent_id} does not exist.")
        elif parent.get("categoryType") != record["categoryType"]:
            problems.add("parentId", f"Category {parent_id} is a {parent.get('categoryType')} "
                                     "category.")
        elif own is not None and own in _ancestors(ctx, parent_id):
            problems.add("parentId", "A category cannot sit under itself.")
    for index, unit in enumerate(record.get("businessUnitIds") or []):
        if ctx.table(BUSINESS_UNITS.table).get(unit) is None:
            problems.add(f"businessUnitIds[{index}]", f"Business unit {unit} does not exist.")
    if not (record.get("name") or "").strip():
        problems.add("name", "The name field is required.")


def _ancestors(ctx: TenantContext, ident: int | None) -> list[int]:
    seen: list[int] = []
    while ident is not None and ident not in seen:
        seen.append(ident)
        row = ctx.table(CATEGORIES.table).get(ident)
        ident = row.get("parentId") if row is not None else None
    return seen


def _siblings(ctx: TenantContext, parent_id: int | None) -> int:
    return sum(1 for r in ctx.table(CATEGORIES.table).rows() if r.get("parentId") == parent_id)


def create_category(ctx: TenantContext, body: CategoryCreateRequest) -> Row:
    """A category of the tenant (the API, seeds, the control plane)."""
    sent = body.model_dump(mode="json", exclude_none=True)
    record: dict[str, Any] = {
        "name": sent["name"].strip(), "active": sent.get("active", True),
        "description": sent.get("description"), "image": sent.get("image"),
        "parentId": sent.get("parentId"), "position": sent.get("position"),
        "categoryType": sent["categoryType"],
        "businessUnitIds": list(dict.fromkeys(sent.get("businessUnitIds", []))),
        "skuImages": sent.get("skuImages", []), "skuVideos": sent.get("skuVideos", []),
        "source": None, "externalId": None, "hideInMobile": False,
    }  # fmt: skip
    problems = Problems()
    _check(ctx, problems, record, None)
    if problems.errors:
        raise validation_error(problems.errors)
    if record["position"] is None:
        record["position"] = _siblings(ctx, record["parentId"]) + 1
    return CATEGORIES.insert(ctx, record)


def render_tree(call: Call) -> Any:
    """Rows as CategoryResponse with their subtrees; the children index is built once a call."""
    children: dict[int | None, list[Row]] | None = None

    def shown(row: Row, depth: int = 0) -> dict[str, Any]:
        nonlocal children
        if children is None:
            children = defaultdict(list)
            for r in call.table(CATEGORIES.table).rows():
                children[r.get("parentId")].append(r)
        data = project(row.data, CategoryResponse)
        below = sorted(children.get(row.id, []), key=lambda r: (r.get("position"), r.id))
        data["subcategories"] = [shown(r, depth + 1) for r in below] if depth < 32 else []
        return data

    return shown


def _list(call: Call) -> dict[str, Any]:
    return page_of(call, call.table(CATEGORIES.table), CategoryResponse, FILTERS, SORT,
                   render_tree(call))


def _create(call: Call) -> dict[str, Any]:
    return render_tree(call)(create_category(call, call.body))


def _get(call: Call) -> dict[str, Any]:
    return render_tree(call)(CATEGORIES.find(call, call.path["id"]))


def _update(call: Call) -> dict[str, Any]:
    body: CategoryUpdateRequest = call.body
    row = CATEGORIES.find(call, call.path["id"])
    changes = body.model_dump(mode="json", include=body.model_fields_set)
    if "name" in changes:
        changes["name"] = changes["name"].strip()
    record = {**row.data, **changes}
    problems = Problems()
    _check(call, problems, record, row.id)
    retyped = changes.get("categoryType", row.get("categoryType")) != row.get("categoryType")
    if retyped and any(r.get("parentId") == row.id for r in call.table(CATEGORIES.table).rows()):
        problems.add("categoryType", "A category with sub-categories keeps its type.")
    if problems.errors:
        raise validation_error(problems.errors)
    return render_tree(call)(CATEGORIES.change(call, row, changes))


def _delete(call: Call) -> None:
    row = CATEGORIES.find(call, call.path["id"])
    if any(r.get("parentId") == row.id and r.active for r in call.table(CATEGORIES.table).rows()):
        raise validation_error({"id": [f"Category {row.id} has active sub-categories."]})
    if call.config.pricebook_delete_mode == "hard":
        CATEGORIES.remove(call, row)
    else:
        CATEGORIES.change(call, row, {"active": False})


BY_ID: dict[str, Any] = {"suffix": "/{id}", "path_params": (ID,), "errors": (400, 404)}
OPERATIONS = [
    CATEGORIES.operation(
        "Categories_GetList", "GET", _list, response=Page(CategoryResponse),
        query=(
            Param("page", "int32"), Param("pageSize", "int32"), Param("includeTotal", "bool"),
            Param("sort", "string"), FILTERS[0].param, FILTERS[1].param,
            *(f.param for f in FILTERS[2:]),
        ),
    ),
    CATEGORIES.operation("Categories_Create", "POST", _create, body=CategoryCreateRequest,
                         response=One(CategoryResponse), status=201),
    CATEGORIES.operation("Categories_Get", "GET", _get, response=One(CategoryResponse), **BY_ID),
    CATEGORIES.operation("Categories_Update", "PATCH", _update, body=CategoryUpdateRequest,
                         response=One(CategoryResponse), **BY_ID),
    CATEGORIES.operation("Categories_Delete", "DELETE", _delete, response=Empty(), status=204,
                         **BY_ID),
]
