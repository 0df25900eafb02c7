"""Materials markup: the tiers materials are priced by (cost 0 to 10: 100 %, 10 to 50: 60 %).

ServiceTitan applies them only when a user runs its price set-up, so here they are stored and
read back, never used to reprice (catalogue §4.1). The request's ``id`` is required by the
document but a create ignores it (U17); ``from`` must not exceed ``to``; tiers may overlap; the
list is sorted by ``from`` and its envelope always counts the total, as the document's
``CollectionResult`` does.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import page_window, project
from mockst.api.operation import Call, One, TenantContext
from mockst.api.params import Param
from mockst.api.resource import ID, Resource
from mockst.errors import validation_error
from mockst.pricebook import FAMILY
from mockst.pricebook.models.materials_markup import (
    CollectionResultOfPricebookV2MaterialsMarkupResponse,
    MaterialsMarkupRequest,
    PricebookV2MaterialsMarkupResponse,
    ResultOfPricebookV2MaterialsMarkupResponse,
)
from mockst.store.table import Row

MATERIALS_MARKUP = Resource(
    family=FAMILY,
    path="/materialsmarkup",
    table="materialsmarkup",
    scope="tn.pb.materials",
    tag="MaterialsMarkup",
    noun="Materials markup",
)
TIER = PricebookV2MaterialsMarkupResponse


def _tier(low: float, high: float, percent: float) -> dict[str, Any]:
    if low > high:
        raise validation_error({"from": ["from must not be greater than to."]})
    errors = {}
    for name, value, top in (("from", low, 2**31 - 1), ("to", high, 2**31 - 1),
                             ("percent", percent, 100)):
        if not 0 <= value <= top:
            errors[name] = [f"{name} must be between 0 and {top}."]
    if errors:
        raise validation_error(errors)
    return {"from": low, "to": high, "percent": percent}


def create_markup(ctx: TenantContext, low: float, high: float, percent: float) -> Row:
    """A markup tier of the tenant (the API, seeds)."""
    return MATERIALS_MARKUP.insert(ctx, _tier(low, high, percent))


def _one(row: Row) -> dict[str, Any]:
    return {"data": project(row.data, TIER)}


def _list(call: Call) -> dict[str, Any]:
    page, size = page_window(call)
    rows = sorted(call.table(MATERIALS_MARKUP.table).rows(), key=lambda r: (r.get("from"), r.id))
    start = (page - 1) * size
    return {
        "data": [project(r.data, TIER) for r in rows[start : start + size]],
        "page": page, "pageSize": size, "totalCount": len(rows),
        "hasMore": len(rows) > start + size,
    }  # fmt: skip


def _create(call: Call) -> dict[str, Any]:
    body: MaterialsMarkupRequest = call.body
    return _one(create_markup(call, body.from_, body.to, body.percent))


def _get(call: Call) -> dict[str, Any]:
    return _one(MATERIALS_MARKUP.find(call, call.path["id"]))


def _update(call: Call) -> dict[str, Any]:
    body: MaterialsMarkupRequest = call.body
    row = MATERIALS_MARKUP.find(call, call.path["id"])
    return _one(MATERIALS_MARKUP.change(call, row, _tier(body.from_, body.to, body.percent)))


RESULT = One(ResultOfPricebookV2MaterialsMarkupResponse)
OPERATIONS = [
    MATERIALS_MARKUP.operation(
        "MaterialsMarkup_GetList", "GET", _list,
        query=(Param("page", "int32"), Param("pageSize", "int32")),
        response=One(CollectionResultOfPricebookV2MaterialsMarkupResponse),
    ),
    MATERIALS_MARKUP.operation("MaterialsMarkup_Create", "POST", _create,
                               body=MaterialsMarkupRequest, response=RESULT, status=201),
    MATERIALS_MARKUP.operation("MaterialsMarkup_Get", "GET", _get, suffix="/{id}",
                               path_params=(ID,), response=RESULT, errors=(400, 404)),
    MATERIALS_MARKUP.operation("MaterialsMarkup_Update", "PUT", _update, suffix="/{id}",
                               path_params=(ID,), body=MaterialsMarkupRequest, response=RESULT,
                               errors=(400, 404)),
]
