"""The query of ``Leads_GetList``: its filters, in the official order of its parameters.

Most filters test the lead row; the ``customer*`` ones look the lead's customer up in the tenant's
``customers`` table, so a lead without a customer never matches them. ``leadPhone`` compares
digits (``(555) 010-0123`` finds ``555-010-0123``), and ``isProspect`` keeps every lead or none,
as the simulator holds no jobs that would make a customer a non-prospect.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from mockst.api.listing import (
    PAGE_PARAMS,
    SORT_PARAM,
    STANDARD_SORT,
    Filter,
    contains,
    date_filters,
    ids_filter,
    page_of,
    project,
    stamp_at_least,
    stamp_before,
    wire_instant,
)
from mockst.api.operation import Call
from mockst.api.params import Param
from mockst.crm.lead_records import CUSTOMERS, FORM_SOURCE, LEADS
from mockst.crm.models.common import LeadStatus
from mockst.crm.models.leads import LeadResponse
from mockst.crm.provider_restriction import visible
from mockst.store.table import Row

LEAD_URL = "https://go.servicetitan.com/#/Lead/{id}"


def _customer_filter(name: str, kind: Any, keep: Callable[[Row, Any], bool]) -> Filter:
    """Leads whose customer (a row of ``customers``) passes ``keep(customer, value)``."""

    def prepare(value: Any, call: Call) -> set[Any]:
        if kind == "datetime":
            value = wire_instant(value)
        return {r.id for r in call.table(CUSTOMERS).rows() if keep(r, value)}

    return Filter(
        Param(name, kind),
        lambda row, ids: row.get("customerId") in ids,
        prepare,
    )


def _address_is(part: str) -> Callable[[Row, Any], bool]:
    def keep(customer: Row, value: str) -> bool:
        address = customer.get("address") or {}
        return str(address.get(part) or "").strip().lower() == value.strip().lower()

    return keep


def _digits(text: Any) -> str:
    return re.sub(r"\D", "", str(text or ""))


def _phone_matches(row: Row, value: str) -> bool:
    wanted = _digits(value)
    stored = row.get("leadPhone") or ""
    if wanted:
        return wanted in _digits(stored)
    return value.strip().lower() in stored.lower()


def _without_customer(row: Row, value: bool) -> bool:
    has_none = row.get("customerId") is None and row.get("locationId") is None
    has_both = row.get("customerId") is not None and row.get("locationId") is not None
    return has_none if value else has_both


LIST_FILTERS: dict[str, Filter] = {
    f.param.name: f
    for f in (
        ids_filter(),
        *date_filters(),
        Filter(
            Param("customerId", "int64"),
            lambda row, value: row.get("customerId") == value,
        ),
        # The simulator holds no jobs: every lead is a prospect.
        Filter(Param("isProspect", "bool"), lambda row, value: bool(value)),
        Filter(Param("withoutCustomer", "bool"), _without_customer),
        Filter(
            Param(
                "status",
                "enum",
                enum=tuple(s.value for s in LeadStatus),
                enum_name="Crm.V2.LeadStatus",
            ),
            lambda row, value: row.get("status") == value,
        ),
        _customer_filter("customerCity", "string", _address_is("city")),
        _customer_filter("customerState", "string", _address_is("state")),
        _customer_filter("customerZip", "string", _address_is("zip")),
        _customer_filter("customerCreatedOnOrAfter", "datetime", stamp_at_least("createdOn")),
        _customer_filter("customerCreatedBefore", "datetime", stamp_before("createdOn")),
        _customer_filter("customerModifiedOnOrAfter", "datetime", stamp_at_least("modifiedOn")),
        contains("leadCustomerName"),
        Filter(Param("leadPhone", "string"), _phone_matches),
        Filter(
            Param("isCaptureSourceForm", "bool"),
            lambda row, value: (row.get("captureSource") == FORM_SOURCE) == value,
        ),
    )
}
GEN_PERM_URL = Param("genPermUrl", "bool")
# The official order of Leads_GetList's query.
LIST_QUERY = (
    *PAGE_PARAMS,
    *(
        LIST_FILTERS[name].param
        for name in (
            "ids", "createdBefore", "createdOnOrAfter", "modifiedBefore", "modifiedOnOrAfter",
            "customerId", "isProspect", "withoutCustomer", "status", "customerCity",
            "customerState", "customerZip", "customerCreatedOnOrAfter", "customerCreatedBefore",
            "customerModifiedOnOrAfter",
        )
    ),
    SORT_PARAM,
    GEN_PERM_URL,
    *(LIST_FILTERS[n].param for n in ("leadCustomerName", "leadPhone", "isCaptureSourceForm")),
)  # fmt: skip


def lead_page(call: Call) -> dict[str, Any]:
    """One page of the tenant's leads; ``genPermUrl=true`` renders ``leadUrl`` (not stored)."""
    render = None
    if call.query.get("genPermUrl"):

        def render(row: Row) -> dict[str, Any]:
            return {**project(row.data, LeadResponse), "leadUrl": LEAD_URL.format(id=row.id)}

    rows = visible(call, call.table(LEADS.table).rows())
    return page_of(
        call, rows, LeadResponse, tuple(LIST_FILTERS.values()), STANDARD_SORT, render=render
    )
