"""Call reasons: why a customer called (a repair, a quote, a wrong number), and whether that kind of
call is worth a lead (``isLead``).

Read-only in the API, as in ServiceTitan, where a tenant sets them up in its settings; seeds and
the control plane add them with ``create_call_reason``. Bookings and leads name one by id
(``callReasonId``, ``dismissingReasonId``). The list is the generic one: only active reasons
unless ``active`` says otherwise, the four date filters, and ``sort`` by Id, ModifiedOn or
CreatedOn.
"""

from __future__ import annotations

from mockst.api.listing import STANDARD_SORT, active_filter, date_filters
from mockst.api.operation import TenantContext
from mockst.api.resource import Resource
from mockst.errors import field_error
from mockst.jbce import FAMILY
from mockst.jbce.models.call_reasons import CallReasonResponse
from mockst.store.table import Row

CALL_REASONS = Resource(
    family=FAMILY,
    path="/call-reasons",
    table="call_reasons",
    scope="tn.jbce.callreasons",
    tag="CallReasons",
    noun="Call reason",
)


def create_call_reason(
    ctx: TenantContext, name: str, *, is_lead: bool = True, active: bool = True
) -> Row:
    """A call reason of the tenant (seeds, control plane)."""
    if not name or not name.strip():
        raise field_error("name", "A call reason needs a name.")
    return CALL_REASONS.insert(ctx, {"name": name.strip(), "isLead": is_lead, "active": active})


OPERATIONS = [
    CALL_REASONS.list_op(
        "CallReasons_Get",
        CallReasonResponse,
        summary="List call reasons",
        filters=(active_filter("ActiveRequestArg"), *date_filters()),
        sort=STANDARD_SORT,
        order=(
            "page", "pageSize", "includeTotal", "active", "createdBefore", "createdOnOrAfter",
            "modifiedBefore", "modifiedOnOrAfter", "sort",
        ),
    ),
]
