"""Client-specific pricing: rate sheets, each a set of exceptions to the price book's prices for
the customers it is assigned to (a property manager's 10 % off services, a flat price on a
filter).

The API only lists rate sheets and replaces one's exceptions; a tenant creates them in its
settings, so seeds and the control plane add them with ``create_rate_sheet`` (a name, which
``searchTerm`` matches in part and in any case, and ``active``; U18). Each exception names an
existing SKU, whose kind fills ``skuType``; a PATCH replaces the list (without one, it stays).
A missing rate sheet is a 404 (U10). Exceptions are stored, never applied to prices.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import Filter, active_filter, ids_filter, page_of, project
from mockst.api.operation import Call, One, Page, TenantContext
from mockst.api.params import Param, path
from mockst.api.resource import Resource
from mockst.crm.customer_records import Problems
from mockst.errors import validation_error
from mockst.pricebook import FAMILY
from mockst.pricebook.models.client_specific_pricing import (
    ClientSpecificPricingResponse,
    UpdateClientSpecificPricingRequest,
    UpdateClientSpecificPricingResponse,
)
from mockst.pricebook.skus import SKU_TYPES, find_sku
from mockst.store.table import Row

CLIENT_SPECIFIC_PRICING = Resource(
    family=FAMILY,
    path="/clientspecificpricing",
    table="clientspecificpricing",
    scope="tn.pb.csp",
    tag="ClientSpecificPricing",
    noun="Rate sheet",
)
FILTERS = (
    ids_filter(),
    Filter(Param("searchTerm", "string"),
           lambda row, value: value.strip().lower() in str(row.get("name") or "").lower()),
    active_filter("ActiveRequestArg"),
)


def exceptions(ctx: TenantContext, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Exceptions checked against the price book, each with its SKU's type."""
    problems = Problems()
    kept = []
    for index, item in enumerate(items):
        found = find_sku(ctx, item["skuId"])
        if found is None:
            problems.add(f"exceptions[{index}].skuId", f"SKU {item['skuId']} does not exist.")
            continue
        kept.append({"skuId": item["skuId"], "skuType": SKU_TYPES[found[0]],
                     "value": item["value"], "valueType": item["valueType"]})
    if problems.errors:
        raise validation_error(problems.errors)
    return kept


def create_rate_sheet(
    ctx: TenantContext, name: str, items: list[dict[str, Any]], *, active: bool = True
) -> Row:
    """A rate sheet of the tenant (seeds, control plane)."""
    return CLIENT_SPECIFIC_PRICING.insert(
        ctx, {"name": name, "active": active, "exceptions": exceptions(ctx, items)}
    )


def _list(call: Call) -> dict[str, Any]:
    return page_of(call, call.table(CLIENT_SPECIFIC_PRICING.table),
                   ClientSpecificPricingResponse, FILTERS)


def _update(call: Call) -> dict[str, Any]:
    body: UpdateClientSpecificPricingRequest = call.body
    row = CLIENT_SPECIFIC_PRICING.find(call, call.path["rateSheetId"])
    if body.exceptions is not None:  # absent or null: the exceptions stay as they are
        sent = body.model_dump(mode="json")["exceptions"]
        row = CLIENT_SPECIFIC_PRICING.change(call, row, {"exceptions": exceptions(call, sent)})
    return project(row.data, UpdateClientSpecificPricingResponse) | {
        "exceptions": [
            {k: e[k] for k in ("skuId", "value", "valueType")} for e in row.get("exceptions")
        ]
    }


OPERATIONS = [
    CLIENT_SPECIFIC_PRICING.operation(
        "ClientSpecificPricing_GetAllRateSheets", "GET", _list,
        query=(FILTERS[0].param, FILTERS[1].param, FILTERS[2].param,
               Param("page", "int32"), Param("pageSize", "int32"),
               Param("includeTotal", "bool")),
        response=Page(ClientSpecificPricingResponse),
    ),
    CLIENT_SPECIFIC_PRICING.operation(
        "ClientSpecificPricing_UpdateRateSheet", "PATCH", _update, suffix="/{rateSheetId}",
        path_params=(path("rateSheetId"),), body=UpdateClientSpecificPricingRequest,
        response=One(UpdateClientSpecificPricingResponse),
    ),
]
