"""Materials: the parts a service uses (a capacitor, a foot of copper pipe), with vendors, a unit
of measure and inventory accounts; and cost types, which classify "other direct cost" materials.

Shared SKU rules: ``skus.py``, ``sku_operations.py``. A material's own: its categories are
Materials categories, ``costTypeId`` must be one of the tenant's cost types, and the list also
filters by ``isOtherDirectCost`` and ``costTypeIds``. Cost types are read-only in the API, as in
ServiceTitan, where a tenant sets them up in its settings: seeds add them with
``create_cost_type``.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import Filter, ids_filter, page_of
from mockst.api.operation import Call, Page, TenantContext
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.errors import field_error
from mockst.pricebook import FAMILY
from mockst.pricebook.models.materials import (
    CostTypeResponse,
    MaterialCreateRequest,
    MaterialResponse,
    MaterialUpdateRequest,
)
from mockst.pricebook.sku_operations import GUID, SKU_QUERY, sku_operations
from mockst.pricebook.skus import Kind
from mockst.store.table import Row

MATERIALS = Resource(
    family=FAMILY,
    path="/materials",
    table="materials",
    scope="tn.pb.materials",
    tag="Materials",
    noun="Material",
)
MATERIAL = Kind(MATERIALS, MaterialResponse, "Materials")
COST_TYPES = Resource(
    family=FAMILY,
    path="/materials/costtypes",
    table="costtypes",
    scope="tn.pb.materials",
    tag="Materials",
    noun="Cost type",
)

FILTERS = (
    Filter(Param("isOtherDirectCost", "bool"),
           lambda row, value: bool(row.get("isOtherDirectCost")) == value),
    ids_filter("costTypeIds", field="costTypeId"),
)


def create_cost_type(ctx: TenantContext, name: str) -> Row:
    """A cost type of the tenant (seeds, control plane)."""
    if not name or not name.strip():
        raise field_error("name", "A cost type needs a name.")
    return COST_TYPES.insert(ctx, {"name": name.strip(), "active": True})


def _cost_types(call: Call) -> dict[str, Any]:
    return page_of(call, call.table(COST_TYPES.table), CostTypeResponse)


OPERATIONS = [
    *sku_operations(
        MATERIAL,
        "Materials",
        list_model=MaterialResponse,
        one_model=MaterialResponse,
        create_body=MaterialCreateRequest,
        update_body=MaterialUpdateRequest,
        list_query=(*(f.param for f in FILTERS), *SKU_QUERY),
        get_query=(GUID,),
        filters=FILTERS,
    ),
    COST_TYPES.operation(
        "Materials_GetCostTypes", "GET", _cost_types, response=Page(CostTypeResponse),
        summary="List cost types",
    ),
]
