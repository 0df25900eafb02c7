"""Estimates: what a technician proposed on a job, its items, and whether the customer bought it.

Rows and how they read: ``estimate_records``; ownership and items: ``estimate_writes``; status
moves: ``estimate_status``. A create is always Open (catalogue U4); ``PUT /estimates/{id}`` writes
the header fields it sends and upserts the items it sends by ``id`` (U7), ignoring ``status`` and
``soldBy``, which only the actions change. The list filters as documented; ``status`` takes a
name or its number (U3; anything else matches nothing), ``totalGreater``/``totalLess`` compare
subtotal plus tax, ``soldById`` and ``soldByEmployeeId`` both match the seller, and the
deprecated ``orderBy``/``orderByDirection`` sort when ``sort`` is absent.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mockst.api.listing import (
    ACTIVE,
    PAGE_PARAMS,
    STANDARD_SORT,
    Filter,
    active_filter,
    date_filters,
    equals,
    ids_filter,
    page_of,
    stamp_order,
    wire_instant,
)
from mockst.api.operation import Call, Empty, One, Page, TenantContext
from mockst.api.params import Param, path
from mockst.crm.customer_records import Problems
from mockst.errors import not_found
from mockst.sales.estimate_records import (
    ESTIMATES,
    ITEMS,
    OPEN,
    STATUS_VALUES,
    render,
    render_item,
    status_change,
    total_of,
)
from mockst.sales.estimate_writes import (
    list_on_job,
    owner,
    plan_items,
    refuse_closed,
    touch,
    write_items,
)
from mockst.sales.models.common import EstimateItemResponse
from mockst.sales.models.estimates import (
    CreateEstimateRequest,
    EstimateItemCreateUpdateRequest,
    EstimateItemUpdateResponse,
    EstimateResponse,
    UpdateEstimateRequest,
)
from mockst.store.table import Row

HEADER = ("name", "summary", "tax", "reviewStatus", "isRecommended", "budgetCodeId",
          "externalLinks", "depositAmount", "depositPercent", "requireDepositOnSignature")
REQUIRED = ("tax", "reviewStatus", "isRecommended")
SORT = {**STANDARD_SORT, "SoldOn": "soldOn"}
VIEW = "estimate"  # rendered rows kept per table: an estimate changes whenever its items do


def _header(sent: dict[str, Any]) -> dict[str, Any]:
    # null clears a field, but not one the response requires: it is left as it was
    record = {k: sent[k] for k in HEADER if k in sent
              and (sent[k] is not None or k not in REQUIRED)}
    if "externalLinks" in record:  # the response requires both; the request lets either go
        record["externalLinks"] = [{"name": link.get("name") or "", "url": link.get("url") or ""}
                                   for link in record["externalLinks"] or [] if link]
    return record


def create_estimate(ctx: TenantContext, body: CreateEstimateRequest) -> Row:
    """An Open estimate (the API, seeds)."""
    problems = Problems()
    record = owner(ctx, problems, body)
    ident = ctx.world.new_id()
    planned = plan_items(ctx, problems, "items", None, ident, body.items or [])
    problems.check()
    sent = body.model_dump(include=body.model_fields_set, mode="json")
    record |= {
        "name": None, "status": OPEN, "reviewStatus": "None", "summary": None, "soldOn": None,
        "soldBy": None, "active": True, "externalLinks": [], "tax": 0, "isRecommended": False,
        "budgetCodeId": None, "isChangeOrder": False, "proposalTagName": None,
        "depositAmount": None, "depositPercent": None, "requireDepositOnSignature": None,
        **{k: v for k, v in _header(sent).items() if v is not None},
        "statusChanges": [status_change(ctx, None, OPEN)],
    }  # fmt: skip
    ids: list[int] = []
    write_items(ctx, planned, ids)
    row = ESTIMATES.insert(ctx, {**record, "itemIds": ids}, ident)
    list_on_job(ctx, record["jobId"], ident)
    return row


def _create(call: Call) -> dict[str, Any]:
    return render(call, create_estimate(call, call.body))


def _get(call: Call) -> dict[str, Any]:
    return render(call, ESTIMATES.find(call, call.path["id"]))


def _update(call: Call) -> dict[str, Any]:
    body: UpdateEstimateRequest = call.body
    row = ESTIMATES.find(call, call.path["id"])
    problems = Problems()
    planned = plan_items(call, problems, "items", row, int(row.id), body.items or [])
    problems.check()
    ids = list(row.get("itemIds") or [])
    write_items(call, planned, ids)
    sent = body.model_dump(include=body.model_fields_set, mode="json")
    return render(call, touch(call, row, ids, **_header(sent)))


def _put_item(call: Call) -> dict[str, Any]:
    row = ESTIMATES.find(call, call.path["id"])
    problems = Problems()
    planned = plan_items(call, problems, "", row, int(row.id), [call.body])
    problems.check()
    ids = list(row.get("itemIds") or [])
    item = write_items(call, planned, ids)[0]
    touch(call, row, ids)
    return render_item(item.data, EstimateItemUpdateResponse)


def _delete_item(call: Call) -> None:
    row = ESTIMATES.find(call, call.path["id"])
    item = call.table(ITEMS.table).get(call.path["itemId"])
    if item is None or not item.active or item.get("estimateId") != row.id:
        raise not_found(ITEMS.noun, call.path["itemId"])
    problems = Problems()
    refuse_closed(problems, "itemId", row)
    problems.check()
    # flagged, not deleted: the items list shows it with ``active=False``
    ITEMS.change(call, item, {"active": False})
    touch(call, row, [i for i in row.get("itemIds") or [] if i != item.id])


# -- the list ----------------------------------------------------------------------------------


def _status(value: str, _call: Call) -> str:
    text = value.strip()
    for name, number in STATUS_VALUES.items():
        if text.lower() == name.lower() or text == str(number):
            return name
    return f"?{text}"  # no estimate has it


def _total(value: float, call: Call) -> tuple[float, Call]:
    return value, call


def _seller(name: str) -> Filter:
    return Filter(Param(name, "int64"), lambda row, value: row.get("soldBy") == value)


FILTERS = (
    equals("jobId", kind="int64"), equals("projectId", kind="int64"), equals("jobNumber"),
    Filter(Param("totalGreater", "decimal"),
           lambda row, v: total_of(v[1], row) > v[0], _total),
    Filter(Param("totalLess", "decimal"), lambda row, v: total_of(v[1], row) < v[0], _total),
    _seller("soldById"), _seller("soldByEmployeeId"), ids_filter(),
    Filter(Param("soldAfter", "datetime"),
           lambda row, v: bool(row.get("soldOn")) and stamp_order(row.get("soldOn")) > v,
           wire_instant),
    Filter(Param("soldBefore", "datetime"),
           lambda row, v: bool(row.get("soldOn")) and stamp_order(row.get("soldOn")) < v,
           wire_instant),
    Filter(Param("status", "string"), lambda row, v: row.get("status") == v, _status),
    active_filter("ActiveRequestArg"), *date_filters(), equals("locationId", kind="int64"),
)  # fmt: skip


def _list(call: Call) -> dict[str, Any]:
    order_by = call.query.get("orderBy")
    if not call.query.get("sort") and order_by and order_by.strip():
        down = (call.query.get("orderByDirection") or "").strip().lower() == "desc"
        call = replace(call, query={**call.query, "sort": ("-" if down else "+") + order_by})
    return page_of(call, call.table(ESTIMATES.table), EstimateResponse, FILTERS, SORT,
                   lambda row: render(call, row), view=VIEW)


ITEM_FILTERS = (equals("estimateId", kind="int64"), ids_filter(),
                active_filter("ActiveRequestArg"), *date_filters())


def _items(call: Call) -> dict[str, Any]:
    return page_of(call, call.table(ITEMS.table), EstimateItemResponse, ITEM_FILTERS,
                   STANDARD_SORT, lambda row: render_item(row.data), view="estimate-item")


OPERATIONS = [
    ESTIMATES.operation(
        "Estimates_Get", "GET", _get, suffix="/{id}", path_params=(path("id"),),
        response=One(EstimateResponse),
    ),
    ESTIMATES.operation(
        "Estimates_Update", "PUT", _update, suffix="/{id}", path_params=(path("id"),),
        body=UpdateEstimateRequest, response=One(EstimateResponse),
    ),
    ESTIMATES.operation(
        "Estimates_GetList", "GET", _list, response=Page(EstimateResponse),
        query=(
            *(f.param for f in FILTERS[:8]), *PAGE_PARAMS, *(f.param for f in FILTERS[8:11]),
            ACTIVE, Param("sort", "string"), Param("orderBy", "string"),
            Param("orderByDirection", "string"), *(f.param for f in FILTERS[12:]),
        ),
    ),
    ESTIMATES.operation(
        "Estimates_Create", "POST", _create, body=CreateEstimateRequest,
        response=One(EstimateResponse),
    ),
    ITEMS.operation(  # lists the items' own table
        "Estimates_GetItems", "GET", _items, suffix="/items", response=Page(EstimateItemResponse),
        query=(*(f.param for f in ITEM_FILTERS[:2]), ACTIVE,
               *(f.param for f in ITEM_FILTERS[3:]), Param("sort", "string"), *PAGE_PARAMS),
    ),
    ESTIMATES.operation(
        "Estimates_PutItem", "PUT", _put_item, suffix="/{id}/items", path_params=(path("id"),),
        body=EstimateItemCreateUpdateRequest, response=One(EstimateItemUpdateResponse),
    ),
    ESTIMATES.operation(
        "Estimates_DeleteItem", "DELETE", _delete_item, suffix="/{id}/items/{itemId}",
        path_params=(path("id"), path("itemId")), response=Empty(),
    ),
]
