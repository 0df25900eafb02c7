"""Calls (deprecated): the v2 list, ``CollectionResult`` of v2 bundles.

Unlike every other list it always counts (``totalCount`` is required and there is no
``includeTotal``), takes ``ids`` as a repeated parameter, ``activeOnly`` (absent: only active
calls, as the v3 list's default) and sorts by ``orderBy`` (``Id``, the default, ``createdOn`` or
``modifiedOn``, any case) in ``orderByDirection`` (``asc``, the default, or ``desc``); any other
value is a 400 naming the parameter. The other filters are the v3 list's (``calls``).
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import Filter, apply_filters, date_filters, page_window, sort_rows
from mockst.api.operation import Call, One
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.errors import field_error
from mockst.telecom import FAMILY
from mockst.telecom.call_records import CALLS
from mockst.telecom.call_views import bundle, contacts_by_customer
from mockst.telecom.calls import after, agent_filters
from mockst.telecom.models.calls_deprecated import (
    CollectionResultOfModuleTelecomSharedV2BundleCallModel,
    ModuleTelecomSharedV2BundleCallModel,
)

CALLS_DEPRECATED = Resource(
    family=FAMILY,
    path="/calls",
    table=CALLS.table,
    scope=CALLS.scope,
    tag="Calls (Deprecated)",
    noun="Call",
    base=CALLS.base,
)
ORDER_BY = {"id": "Id", "createdon": "CreatedOn", "modifiedon": "ModifiedOn"}
SORT = {"Id": "id", "CreatedOn": "createdOn", "ModifiedOn": "modifiedOn"}
DIRECTIONS = {"asc": "", "desc": "-"}

FILTERS = (
    *date_filters(),
    after("modifiedAfter", "modifiedOn"),
    *agent_filters(),
    Filter(Param("activeOnly", "bool"), lambda row, only: row.active or not only, default=True),
    after("createdAfter", "createdOn"),
    Filter(Param("ids", "int64", array=True), lambda row, ids: row.id in ids,
           lambda value, _call: set(value) or None),
)  # fmt: skip
QUERY_ORDER = (
    "modifiedBefore", "modifiedOnOrAfter", "createdOnOrAfter", "modifiedAfter", "minDuration",
    "phoneNumberCalled", "campaignId", "agentId", "agentName", "agentIsExternal",
    "agentExternalId", "orderBy", "orderByDirection", "activeOnly", "createdAfter",
    "createdBefore", "ids", "page", "pageSize",
)  # fmt: skip


def _sort_text(call: Call) -> str:
    order_by = (call.query.get("orderBy") or "Id").strip()
    direction = (call.query.get("orderByDirection") or "asc").strip()
    field = ORDER_BY.get(order_by.lower())
    if field is None:
        raise field_error("orderBy", "The orderBy must be Id, createdOn or modifiedOn.")
    if direction.lower() not in DIRECTIONS:
        raise field_error("orderByDirection", "The orderByDirection must be asc or desc.")
    return DIRECTIONS[direction.lower()] + field


def _list(call: Call) -> dict[str, Any]:
    page, size = page_window(call)
    text = _sort_text(call)
    rows = sort_rows(apply_filters(call, call.table(CALLS.table).rows(), FILTERS), text, SORT)
    start = (page - 1) * size
    window = rows[start : start + size]
    job_id = call.config.call_top_level_id == "job"
    contacts = contacts_by_customer(call) if window else {}
    return {
        "data": [bundle(call, row, ModuleTelecomSharedV2BundleCallModel, True, job_id, contacts)
                 for row in window],
        "page": page, "pageSize": size, "totalCount": len(rows),
        "hasMore": len(rows) > start + size,
    }  # fmt: skip


_PARAMS = {f.param.name: f.param for f in FILTERS} | {
    "orderBy": Param("orderBy", "string"),
    "orderByDirection": Param("orderByDirection", "string"),
    "page": Param("page", "int32"),
    "pageSize": Param("pageSize", "int32"),
}

OPERATIONS = [
    CALLS_DEPRECATED.operation(
        "Calls_GetCalls",
        "GET",
        _list,
        summary="List calls (v2)",
        query=tuple(_PARAMS[name] for name in QUERY_ORDER),
        response=One(CollectionResultOfModuleTelecomSharedV2BundleCallModel),
    ),
]
