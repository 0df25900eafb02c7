"""Estimate templates: a named set of price-book items a technician starts an estimate from.

A template stores its items inline (``EstimateTemplateItemResponse``). Each item names a SKU by
``skuId`` and ``skuType``: the SKU must exist in the price book as that kind (400 naming the
item's field otherwise). What an item leaves out comes from the SKU: ``skuName`` (its code),
description, unit price and unit cost; a Static template's items must say their ``unitPrice``
(catalogue: "Static needs unitPrice per item"). ``order`` is the item's place in the list, an item
without ``id`` gets a new one, and ``totalPrice``/``totalCost`` add up quantity times price/cost.
``businessUnitId`` must name a business unit. PATCH changes what it sends (null: unchanged) and
replaces ``items`` wholesale when present (an item keeps its ``id`` when it sends it); DELETE only
deactivates (``active: false``), and PATCH ``active: true`` restores. The list takes ``active``
(only active templates when absent) and the two modified-date filters the document declares.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import PAGE_PARAMS, active_filter, date_filters, page_of, project
from mockst.api.operation import Call, Empty, One, Page, TenantContext
from mockst.api.params import path
from mockst.api.resource import Resource
from mockst.crm.customer_records import Problems
from mockst.pricebook.skus import SKU_TYPES, find_sku
from mockst.sales import FAMILY
from mockst.sales.estimate_records import money
from mockst.sales.estimate_writes import sku_defaults
from mockst.sales.models.estimate_templates import (
    CreateEstimateTemplateRequest,
    EstimateTemplateItemRequest,
    EstimateTemplateResponse,
    UpdateEstimateTemplateRequest,
)
from mockst.settings.business_units import BUSINESS_UNITS
from mockst.store.table import Row

ESTIMATE_TEMPLATES = Resource(
    family=FAMILY,
    path="/estimate-templates",
    table="estimate_templates",
    scope="tn.sal.estimatetemplates",
    tag="EstimateTemplates",
    noun="Estimate template",
)

HEADER = ("name", "internalName", "summary", "mode", "active", "businessUnitId")
FILTERS = (active_filter("ActiveRequestArg"), *date_filters(created=""))


def _items(
    ctx: TenantContext, problems: Problems, mode: str, sent: list[EstimateTemplateItemRequest],
    old: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    known = {item["id"] for item in old}
    items = []
    for i, item in enumerate(sent):
        at = f"items[{i}]"
        found = find_sku(ctx, item.skuId)
        if found is None:
            problems.add(f"{at}.skuId", f"SKU {item.skuId} does not exist.")
            continue
        table, sku = found
        if SKU_TYPES[table] != item.skuType.value:
            problems.add(f"{at}.skuType",
                         f"SKU {item.skuId} is a {SKU_TYPES[table]}, not a {item.skuType.value}.")
            continue
        if mode == "Static" and item.unitPrice is None:
            problems.add(f"{at}.unitPrice", "An item of a Static template needs a unitPrice.")
            continue
        defaults = sku_defaults(table, sku)
        price = defaults["unitRate"] if item.unitPrice is None else item.unitPrice
        cost = defaults["unitCost"] if item.unitCost is None else item.unitCost
        sent_fields = item.model_dump(mode="json")
        items.append({
            **sent_fields,
            "id": item.id if item.id in known else ctx.world.new_id(),
            "skuType": SKU_TYPES[table], "skuName": sku.get("code") or None,
            "description": (item.description if item.description is not None
                            else defaults["description"] or None),
            "unitPrice": price, "unitCost": cost, "totalPrice": money(item.quantity * price),
            "order": i,
        })  # fmt: skip
    return items


def _unit(ctx: TenantContext, problems: Problems, unit: int | None) -> None:
    if unit is not None and ctx.table(BUSINESS_UNITS.table).get(unit) is None:
        problems.add("businessUnitId", f"Business unit {unit} does not exist.")


def _totals(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"totalPrice": money(sum(i["totalPrice"] for i in items)),
            "totalCost": money(sum(i["quantity"] * i["unitCost"] for i in items))}


def render(row: Row) -> dict[str, Any]:
    shown = project(row.data, EstimateTemplateResponse)
    shown["active"] = row.active
    return shown


def create_estimate_template(ctx: TenantContext, body: CreateEstimateTemplateRequest) -> Row:
    """A new template (the API, seeds)."""
    problems = Problems()
    _unit(ctx, problems, body.businessUnitId)
    items = _items(ctx, problems, body.mode.value, body.items, [])
    problems.check()
    sent = body.model_dump(mode="json")
    record = {k: sent[k] for k in HEADER} | {"items": items, **_totals(items)}
    record["active"] = record["active"] is not False
    return ESTIMATE_TEMPLATES.insert(ctx, record)


def _create(call: Call) -> dict[str, Any]:
    return render(create_estimate_template(call, call.body))


def _get(call: Call) -> dict[str, Any]:
    return render(ESTIMATE_TEMPLATES.find(call, call.path["id"]))


def _update(call: Call) -> dict[str, Any]:
    body: UpdateEstimateTemplateRequest = call.body
    row = ESTIMATE_TEMPLATES.find(call, call.path["id"])
    sent = {k: v for k, v in body.model_dump(mode="json").items() if v is not None}
    mode = sent.get("mode", row.get("mode"))
    problems = Problems()
    _unit(call, problems, body.businessUnitId)
    old = row.get("items") or []
    items = _items(call, problems, mode, body.items, old) if body.items is not None else old
    problems.check()
    changes = {k: sent[k] for k in HEADER if k in sent}
    if body.items is not None:
        changes |= {"items": items, **_totals(items)}
    return render(ESTIMATE_TEMPLATES.change(call, row, changes))


def _delete(call: Call) -> None:
    row = ESTIMATE_TEMPLATES.find(call, call.path["id"])
    ESTIMATE_TEMPLATES.change(call, row, {"active": False})


def _list(call: Call) -> dict[str, Any]:
    return page_of(call, call.table(ESTIMATE_TEMPLATES.table), EstimateTemplateResponse, FILTERS,
                   None, render, view="estimate-template")


ID = (path("id"),)
OPERATIONS = [
    ESTIMATE_TEMPLATES.operation(
        "EstimateTemplates_Get", "GET", _list, response=Page(EstimateTemplateResponse),
        query=(*(f.param for f in FILTERS), *PAGE_PARAMS),
    ),
    ESTIMATE_TEMPLATES.operation(
        "EstimateTemplates_Create", "POST", _create, body=CreateEstimateTemplateRequest,
        response=One(EstimateTemplateResponse),
    ),
    ESTIMATE_TEMPLATES.operation(
        "EstimateTemplates_GetById", "GET", _get, suffix="/{id}", path_params=ID,
        response=One(EstimateTemplateResponse),
    ),
    ESTIMATE_TEMPLATES.operation(
        "EstimateTemplates_Update", "PATCH", _update, suffix="/{id}", path_params=ID,
        body=UpdateEstimateTemplateRequest, response=One(EstimateTemplateResponse),
    ),
    ESTIMATE_TEMPLATES.operation(
        "EstimateTemplates_Delete", "DELETE", _delete, suffix="/{id}", path_params=ID,
        response=Empty(),
    ),
]
