"""Rows of estimates and their items, and how an estimate reads.

An estimate row keeps its header fields, its status by name, the ids of its live items in the
order they were added (``itemIds``) and its status history (``statusChanges``, never shown in an
estimate's answer). Items live in their own table (``estimate_items``, rows in the shape of
``EstimateItemUpdateResponse``) because ``GET /estimates/items`` lists them across estimates.
What follows from other values is computed when a row is read, never stored: an item's
``total`` (qty times unitRate) and ``totalCost``, an estimate's ``items`` and ``subtotal`` (the
totals of its chargeable items added up; catalogue U9) and its ``status`` as ``{value, name}``.
Every change to an item also changes its estimate's row, so the estimate feeds deliver it again.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from mockst.api.listing import project
from mockst.api.operation import TenantContext
from mockst.api.resource import Resource
from mockst.crm.customer_records import API_USER_ID
from mockst.encoding import format_datetime
from mockst.sales import FAMILY
from mockst.sales.models.common import EstimateItemResponse
from mockst.sales.models.estimates import EstimateResponse, EstimateStatus
from mockst.store.table import Row

ESTIMATES = Resource(
    family=FAMILY,
    path="/estimates",
    table="estimates",
    scope="tn.sal.estimates",
    tag="Estimates",
    noun="Estimate",
)
ITEMS = Resource(
    family=FAMILY,
    path="/estimates",
    table="estimate_items",
    scope="tn.sal.estimates",
    tag="Estimates",
    noun="Estimate item",
)

OPEN = EstimateStatus.OPEN.value
SOLD = EstimateStatus.SOLD.value
DISMISSED = EstimateStatus.DISMISSED.value
# .NET numbers an enum's members in declaration order (catalogue U3).
STATUS_VALUES = {OPEN: 0, SOLD: 1, DISMISSED: 2}


def money(value: float) -> float:
    return round(value + 0.0, 2)


def render_item(
    data: dict[str, Any], model: type[BaseModel] = EstimateItemResponse
) -> dict[str, Any]:
    shown = project(data, model)
    qty = data.get("qty") or 0
    shown["total"] = money(qty * (data.get("unitRate") or 0))
    shown["totalCost"] = money(qty * (data.get("unitCost") or 0))
    return shown


def items_of(ctx: TenantContext, estimate: Row | dict[str, Any]) -> list[dict[str, Any]]:
    """The estimate's live items as they read."""
    table = ctx.table(ITEMS.table)
    rows = (table.get(i) for i in estimate.get("itemIds") or [])
    return [render_item(r.data) for r in rows if r is not None]


def subtotal(items: list[dict[str, Any]]) -> float:
    # an item says whether it is charged; one that does not say is (null: the default)
    return money(sum(i["total"] for i in items if i.get("chargeable") is not False))


def render(
    ctx: TenantContext, row: Row, model: type[BaseModel] = EstimateResponse
) -> dict[str, Any]:
    """An estimate row as ``EstimateResponse`` (or the feed's row), with items and subtotal."""
    data = row.data
    items = items_of(ctx, data)
    shown = project(data, model)
    shown["items"] = items
    shown["subtotal"] = subtotal(items)
    status = data.get("status")
    shown["status"] = {"value": STATUS_VALUES[status], "name": status} if status else None
    shown["active"] = row.active
    return shown


def total_of(ctx: TenantContext, row: Row) -> float:
    """What ``totalGreater``/``totalLess`` compare: subtotal plus tax (catalogue U9)."""
    return subtotal(items_of(ctx, row)) + (row.get("tax") or 0)


def status_change(ctx: TenantContext, old: str | None, new: str) -> dict[str, Any]:
    """One entry of an estimate's status history, by the integration user (catalogue U5)."""
    return {
        "id": ctx.world.new_id(),
        "oldStatus": old,
        "newStatus": new,
        "createdOn": format_datetime(ctx.now),
        "createdById": API_USER_ID,
    }


def move(ctx: TenantContext, row: Row, status: str, **changes: Any) -> Row:
    """Put the estimate in ``status``, writing the move into its history."""
    history = [*(row.get("statusChanges") or []), status_change(ctx, row.get("status"), status)]
    return ESTIMATES.change(ctx, row, {**changes, "status": status, "statusChanges": history})
