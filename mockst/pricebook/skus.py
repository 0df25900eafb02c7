"""The price book's one catalogue: services, materials, equipment and discounts/fees are SKUs.

Each kind has its own table, but ids come from the world's one sequence, so an id names one SKU
of one kind (estimates and rate sheets name a SKU by id alone). A row is stored in the shape of the
kind's fullest response; a create fills what the request leaves out with the zero of each required
field (0, false, [], a warranty of 0 months) and null for the rest.

Rules shared by the four kinds (single writes and bulk writes alike):

* ``categories`` must be the tenant's categories; services take Services categories, materials
  Materials ones, equipment and discounts/fees either (U16). Responses of services show each as
  ``{id, name, active}``, the other kinds as ids, as the document says.
* links (``serviceMaterials``, ``serviceEquipment``, ``equipmentMaterials``, ``recommendations``,
  ``upgrades``, variations) must name an existing SKU of the right kind; in a bulk create they may
  name an item of the same batch by its ``customId``.
* a service's ``cost`` is read-only: the summed cost of its materials and equipment, on write.
* ``code`` uniqueness is not enforced unless ``pricebook_unique_codes`` (U14).
* vendors are not simulated (Inventory): a vendor shows as "Vendor {vendorId}".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from inspect import isclass
from typing import Any, get_origin

from pydantic import BaseModel

from mockst.api.operation import TenantContext
from mockst.api.resource import Resource
from mockst.crm.customer_records import Problems, external_data_created, external_data_updated
from mockst.store.table import Row

SKU_TABLES = ("services", "materials", "equipment", "discounts_and_fees")
SKU_TYPES = {
    "services": "Service",
    "materials": "Material",
    "equipment": "Equipment",
    "discounts_and_fees": "PriceModifier",
}
# SkuType names as equipment recommendations write them
RECOMMENDATION_TABLES = {"Service": "services", "Material": "materials"}
# request field -> the kind (table) its links must name; None: any SKU
LINKS: dict[str, str | None] = {
    "serviceMaterials": "materials",
    "serviceEquipment": "equipment",
    "equipmentMaterials": "materials",
}
ID_LISTS: dict[str, tuple[str | None, str | None]] = {
    # request field -> (kind it names, stored field when it differs)
    "recommendations": (None, None),
    "upgrades": (None, None),
    "variationMaterials": ("materials", "variationsOrConfigurableMaterials"),
    "variationEquipment": ("equipment", "variationsOrConfigurableEquipment"),
}
CONFIGURABLE = {
    "variationsOrConfigurableMaterials": "isConfigurableMaterial",
    "variationsOrConfigurableEquipment": "isConfigurableEquipment",
}


@dataclass(frozen=True)
class Kind:
    """One kind of SKU: its resource, stored shape and which categories it may sit in."""

    resource: Resource
    model: type[BaseModel]  # the fullest response: the stored shape
    category_type: str | None  # "Services" / "Materials", or None for either

    @property
    def table(self) -> str:
        return self.resource.table


@dataclass
class Batch:
    """Ids handed out to a bulk create's items before any is written, by ``customId``."""

    custom_ids: dict[str, int] = field(default_factory=dict)
    pending: dict[int, str] = field(default_factory=dict)  # new id -> its table


def blank(model: type[BaseModel]) -> dict[str, Any]:
    """Every field of ``model``: the zero of a required one, null for an optional one."""
    record: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        kind = info.annotation
        if not info.is_required():
            record[key] = None
        elif get_origin(kind) is list:
            record[key] = []
        elif kind is bool:
            record[key] = False
        elif kind in (int, float):
            record[key] = 0
        elif kind is str:
            record[key] = ""
        elif isclass(kind) and issubclass(kind, BaseModel):
            record[key] = blank(kind)
        else:
            record[key] = None
    return record


def find_sku(ctx: TenantContext, ident: int) -> tuple[str, Row] | None:
    """The SKU of any kind with this id, and its table."""
    for table in SKU_TABLES:
        row = ctx.table(table).get(ident)
        if row is not None:
            return table, row
    return None


def _sku_kind(ctx: TenantContext, ident: int, batch: Batch | None) -> str | None:
    if batch is not None and ident in batch.pending:
        return batch.pending[ident]
    found = find_sku(ctx, ident)
    return found[0] if found else None


def _resolve(
    ctx: TenantContext, problems: Problems, at: str, item: Any, want: str | None,
    batch: Batch | None,
) -> int | None:
    """A link's SKU id (a plain id, or ``{skuId|customId}``), checked against the kind wanted."""
    if isinstance(item, dict):
        custom, ident = item.get("customId"), item.get("skuId")
        if custom is not None:
            ident = (batch.custom_ids if batch else {}).get(custom)
            if ident is None:
                problems.add(at, f"No item of this batch has the customId '{custom}'.")
                return None
        elif ident is None:
            problems.add(at, "A link needs a skuId or a customId.")
            return None
    else:
        ident = item
    kind = _sku_kind(ctx, ident, batch)
    if kind is None:
        problems.add(at, f"SKU {ident} does not exist.")
    elif want is not None and kind != want:
        problems.add(at, f"SKU {ident} is not a {SKU_TYPES[want].lower()}.")
    else:
        return int(ident)
    return None


def _categories(
    ctx: TenantContext, kind: Kind, problems: Problems, at: str, ids: list[int]
) -> list[int]:
    kept: list[int] = []
    for index, ident in enumerate(ids):
        row = ctx.table("categories").get(ident)
        if row is None:
            problems.add(f"{at}categories[{index}]", f"Category {ident} does not exist.")
        elif kind.category_type and row.get("categoryType") != kind.category_type:
            problems.add(
                f"{at}categories[{index}]",
                f"Category {ident} is a {row.get('categoryType')} category.",
            )
        elif ident not in kept:
            kept.append(ident)
    return kept


def _asset(item: dict[str, Any]) -> dict[str, Any]:
    url = item["url"]
    return {
        "alias": item.get("alias"),
        "fileName": url.rstrip("/").rsplit("/", 1)[-1] or None,
        "isDefault": bool(item.get("isDefault")),
        "type": item["type"],
        "url": url,
    }


def _vendor(ctx: TenantContext, item: dict[str, Any]) -> dict[str, Any]:
    def sub(account: dict[str, Any] | None) -> dict[str, Any] | None:
        return None if account is None else {"id": ctx.world.new_id(), **account}

    return {
        "id": ctx.world.new_id(),
        "vendorName": f"Vendor {item['vendorId']}",
        "vendorId": item["vendorId"],
        "memo": item.get("memo"),
        "vendorPart": item.get("vendorPart"),
        "cost": item["cost"],
        "active": item["active"],
        "primarySubAccount": sub(item.get("primarySubAccount")),
        "otherSubAccounts": [sub(a) for a in item.get("otherSubAccounts") or []],
    }


def apply(
    ctx: TenantContext,
    kind: Kind,
    record: dict[str, Any],
    sent: dict[str, Any],
    problems: Problems,
    at: str = "",
    batch: Batch | None = None,
) -> dict[str, Any]:
    """``record`` with the request fields ``sent`` (JSON form) written into it, checked; field
    errors are keyed ``{at}{field}`` (``services[2].categories[0]`` in a bulk write)."""
    record = dict(record)
    for key, value in sent.items():
        where = f"{at}{key}"
        if key in ("externalData", "customId", "id", "intacctGlGroupAccount") or value is None:
            continue  # external data below; the others are not part of the row
        if key == "categories":
            record[key] = _categories(ctx, kind, problems, at, value)
        elif key == "assets":
            record[key] = [_asset(a) for a in value]
            default = [a["url"] for a in record[key] if a["isDefault"]]
            record["defaultAssetUrl"] = default[0] if default else None
        elif key == "primaryVendor":
            record[key] = _vendor(ctx, value)
        elif key == "otherVendors":
            record[key] = [_vendor(ctx, v) for v in value]
        elif key in LINKS:
            links = []
            for i, item in enumerate(value):
                ident = _resolve(ctx, problems, f"{where}[{i}]", item, LINKS[key], batch)
                links.append({"skuId": ident, "quantity": item["quantity"]})
            record[key] = links
        elif key == "recommendations" and kind.table == "equipment":
            record[key] = [
                {"skuId": _resolve(ctx, problems, f"{where}[{i}]", item,
                                   RECOMMENDATION_TABLES[item["type"]], batch),
                 "type": item["type"]}
                for i, item in enumerate(value)
            ]
        elif key in ID_LISTS:
            want, stored = ID_LISTS[key]
            ids = [_resolve(ctx, problems, f"{where}[{i}]", item, want, batch)
                   for i, item in enumerate(value)]
            record[stored or key] = [i for i in dict.fromkeys(ids) if i is not None]
            if stored in CONFIGURABLE:
                record[CONFIGURABLE[stored]] = bool(record[stored])
        elif key == "costTypeId":
            if ctx.table("costtypes").get(value) is None:
                problems.add(where, f"Cost type {value} does not exist.")
            record[key] = value
        elif key in record:
            record[key] = value
    if kind.table == "services":
        record["cost"] = service_cost(ctx, record)
    return record


def service_cost(ctx: TenantContext, record: dict[str, Any]) -> float:
    total = 0.0
    for link in [*record.get("serviceMaterials", []), *record.get("serviceEquipment", [])]:
        found = find_sku(ctx, link["skuId"]) if link["skuId"] is not None else None
        if found is not None:
            total += float(found[1].get("cost") or 0) * float(link["quantity"])
    return round(total, 2)


def external_data(
    problems: Problems, record: dict[str, Any], sent: Any, at: str = ""
) -> dict[str, Any]:
    """``externalDataByApp`` from a create (``ExternalDataCreateRequest``) or an update."""
    current = record.get("externalDataByApp") or {}
    if sent is None:
        return current
    if hasattr(sent, "patchMode"):
        return external_data_updated(problems, f"{at}externalData", current, sent)
    return external_data_created(problems, f"{at}externalData", sent)


def check_code(
    ctx: TenantContext, kind: Kind, problems: Problems, at: str, code: str | None,
    unique: bool, skip: int | None = None, taken: set[str] | None = None,
) -> None:
    """A code is required; unique within its kind when the setting says so."""
    if code is None:
        return
    problems.required_text(f"{at}code", code)
    if not unique:
        return
    lowered = code.strip().lower()
    clash = any(
        r.id != skip and str(r.get("code") or "").lower() == lowered
        for r in _rows(ctx, kind.table)
    )
    if clash or (taken is not None and lowered in taken):
        problems.add(f"{at}code", f"The code '{code}' is already used.")
    if taken is not None:
        taken.add(lowered)


def _rows(ctx: TenantContext, table: str) -> Iterator[Row]:
    return iter(ctx.table(table).rows())

