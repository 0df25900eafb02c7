"""Writing estimates: who owns one, and its items priced from the price book.

Ownership (catalogue U8): a create names at least one of ``jobId``, ``projectId``, ``locationId``;
each must exist (400 naming the field). A job brings its location, customer, number, project and
business unit, and lists the estimate in its ``estimateIds``; a project brings its location and
customer; a location its customer. A location or project that is not the job's is refused.

Items are written as ``skuId``/``skuName``, ``quantity``, ``unitPrice`` and stored as they read
(``sku{…}``, ``qty``, ``unitRate``). A SKU is named by id in any of the four price-book kinds (one
id sequence) or by name, which matches a code in any case (U2). What the caller leaves out comes
from the SKU: description, price (a fixed discount as a negative amount, a percentage one 0: the
price book cannot say what it is a percentage of), cost and account; a new item's quantity is 1.
An item with ``id`` updates that item of the estimate (only what it sends); without, it is added.
"""

from __future__ import annotations

from typing import Any

from mockst.api.operation import TenantContext
from mockst.crm.customer_records import LOCATIONS, Problems, at
from mockst.jpm.job_records import JOBS
from mockst.jpm.project_records import PROJECTS
from mockst.pricebook.skus import SKU_TABLES, SKU_TYPES, find_sku
from mockst.sales.estimate_records import ESTIMATES, ITEMS, OPEN
from mockst.sales.models.estimates import EstimateItemCreateUpdateRequest
from mockst.settings.business_units import BUSINESS_UNITS
from mockst.store.table import Row

# request field -> stored (response) field
ITEM_FIELDS = {
    "quantity": "qty",
    "unitPrice": "unitRate",
    "unitCost": "unitCost",
    "description": "description",
    "itemGroupName": "itemGroupName",
    "itemGroupRootId": "itemGroupRootId",
    "chargeable": "chargeable",
    "budgetCodeId": "budgetCodeId",
}
Planned = tuple[Row | None, dict[str, Any]]  # the item row it changes (None: a new one), record


def owner(ctx: TenantContext, problems: Problems, body: Any) -> dict[str, Any]:
    """The estimate's job, project, location, customer and business unit from a create body."""
    found: dict[str, Row | None] = {}
    for field, table, noun in (("jobId", JOBS.table, "Job"), ("projectId", PROJECTS.table,
                               "Project"), ("locationId", LOCATIONS.table, "Location")):
        ident = getattr(body, field)
        if ident is not None:
            found[field] = ctx.table(table).get(ident)
            if found[field] is None:
                problems.add(field, f"{noun} {ident} does not exist.")
    if not found:
        problems.add("jobId", "An estimate needs a jobId, a projectId or a locationId.")
    job, project, location = (found.get(f) for f in ("jobId", "projectId", "locationId"))
    record: dict[str, Any] = {"jobId": None, "jobNumber": None, "businessUnitId": None,
                              "projectId": project.id if project else None,
                              "locationId": location.id if location else None,
                              "customerId": location.get("customerId") if location else None}
    if project is not None:
        record["locationId"] = _same(problems, "locationId", record["locationId"],
                                     project.get("locationId"), "project")
        record["customerId"] = project.get("customerId")
    if job is not None:
        record["locationId"] = _same(problems, "locationId", record["locationId"],
                                     job.get("locationId"), "job")
        record["projectId"] = _same(problems, "projectId", record["projectId"],
                                    job.get("projectId"), "job")
        record |= {"jobId": job.id, "jobNumber": job.get("jobNumber"),
                   "customerId": job.get("customerId"),
                   "businessUnitId": job.get("businessUnitId")}
    unit = record["businessUnitId"]
    row = ctx.table(BUSINESS_UNITS.table).get(unit) if unit is not None else None
    record["businessUnitName"] = row.get("name") if row is not None else None
    return record


def _same(problems: Problems, field: str, sent: Any, theirs: Any, noun: str) -> Any:
    if sent is not None and theirs is not None and sent != theirs:
        problems.add(field, f"{field[:-2].capitalize()} {sent} is not the {noun}'s.")
    return theirs if theirs is not None else sent


def list_on_job(ctx: TenantContext, job_id: int | None, estimate_id: int) -> None:
    """The job lists its estimates, so the jobs feed delivers it again."""
    job = ctx.table(JOBS.table).get(job_id) if job_id is not None else None
    if job is not None:
        JOBS.change(ctx, job, {"estimateIds": [*(job.get("estimateIds") or []), estimate_id]})


def find_by_name(ctx: TenantContext, name: str) -> tuple[str, Row] | None:
    wanted = name.strip().lower()
    for table in SKU_TABLES:
        for row in ctx.table(table).rows():
            if str(row.get("code") or "").lower() == wanted:
                return table, row
    return None


def sku_defaults(table: str, sku: Row) -> dict[str, Any]:
    """What an item takes from its SKU unless the caller sets it."""
    if table == "discounts_and_fees":
        fixed = sku.get("amountType") == "Fixed"
        sign = -1 if sku.get("type") == "Discount" else 1
        rate, cost = (sign * (sku.get("amount") or 0) if fixed else 0), 0
    else:
        rate, cost = sku.get("price") or 0, sku.get("cost") or 0
    return {
        "sku": {
            "id": sku.id, "name": sku.get("code") or "",
            "displayName": sku.get("displayName") or sku.get("code") or "",
            "type": SKU_TYPES[table], "soldHours": sku.get("hours") or 0,
            "generalLedgerAccountId": sku.get("generalLedgerAccountId") or 0,
            "generalLedgerAccountName": sku.get("account") or "",
            "modifiedOn": sku.get("modifiedOn"),
        },
        "skuAccount": sku.get("account") or "", "description": sku.get("description") or "",
        "unitRate": rate, "unitCost": cost,
    }  # fmt: skip


def plan_item(ctx: TenantContext, problems: Problems, where: str, estimate_id: int,
              item: EstimateItemCreateUpdateRequest) -> Planned | None:
    """The record one item request makes (checked; nothing written)."""
    sent = {k: v for k, v in item.model_dump(include=item.model_fields_set, mode="json").items()
            if v is not None}
    existing = ctx.table(ITEMS.table).get(sent["id"]) if "id" in sent else None
    if "id" in sent and (existing is None or not existing.active
                        or existing.get("estimateId") != estimate_id):
        problems.add(at(where, "id"), f"Item {sent['id']} is not an item of estimate "
                                      f"{estimate_id}.")
        return None
    record = existing.data if existing is not None else {
        "estimateId": estimate_id, "membershipTypeId": None, "qty": 1, "itemGroupName": "",
        "itemGroupRootId": None, "chargeable": None, "invoiceItemId": None, "budgetCodeId": None,
    }  # fmt: skip
    found = None
    if "skuId" in sent:
        found = find_sku(ctx, sent["skuId"])
        if found is None:
            problems.add(at(where, "skuId"), f"SKU {sent['skuId']} does not exist.")
    elif "skuName" in sent:
        found = find_by_name(ctx, sent["skuName"])
        if found is None:
            problems.add(at(where, "skuName"), f"No SKU has the code '{sent['skuName']}'.")
    elif existing is None:
        problems.add(at(where, "skuId"), "An item needs a skuId or a skuName.")
    if found is not None:
        record |= sku_defaults(*found)
    for field, stored in ITEM_FIELDS.items():
        if field in sent:
            record[stored] = sent[field]
    return (existing, record) if found is not None or existing is not None else None


def plan_items(ctx: TenantContext, problems: Problems, prefix: str, estimate: Row | None,
               estimate_id: int, items: list[EstimateItemCreateUpdateRequest]) -> list[Planned]:
    if estimate is not None and items and not refuse_closed(problems, prefix or "items",
                                                           estimate):
        return []
    planned = [plan_item(ctx, problems, f"{prefix}[{i}]" if prefix else "", estimate_id, item)
               for i, item in enumerate(items) if item is not None]
    return [p for p in planned if p is not None]


def refuse_closed(problems: Problems, field: str, estimate: Row) -> bool:
    """Only an Open estimate's items change (catalogue U7): a sold one was bought as it is."""
    status = estimate.get("status")
    if status != OPEN:
        problems.add(field, f"The items of a {status} estimate cannot change.")
    return status == OPEN


def write_items(ctx: TenantContext, planned: list[Planned], ids: list[int]) -> list[Row]:
    """Write checked items; ``ids`` (the estimate's item list) gains the new ones."""
    written = []
    for existing, record in planned:
        if existing is None:
            row = ITEMS.insert(ctx, record)
            ids.append(int(row.id))
        else:
            changes = {k: v for k, v in record.items() if k not in ("id", "createdOn")}
            row = ITEMS.change(ctx, existing, changes)
        written.append(row)
    return written


def touch(ctx: TenantContext, estimate: Row, ids: list[int], **changes: Any) -> Row:
    """Change the estimate with its items: its modifiedOn moves and the feeds deliver it."""
    return ESTIMATES.change(ctx, estimate, {**changes, "itemIds": ids})
