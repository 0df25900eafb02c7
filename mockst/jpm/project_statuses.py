"""Project statuses: the stages a tenant moves its projects through (Pre-Construction, In
Progress, Closed), in the tenant's ``order``; each may have sub-statuses
(``project_sub_statuses.py``).

Read-only in the API (a tenant sets them up in its settings); seeds and the control plane add them
with ``create_project_status``, which gives a status without an explicit ``order`` the next one.
The list: ``name`` matches part of the name in any case, ``ids``, the date filters, and ``sort``
by Id, Name, Order, ModifiedOn or CreatedOn (id order otherwise). Statuses have no ``active``:
the document's list has no such filter and its answer no such field.
"""

from __future__ import annotations

from mockst.api.listing import STANDARD_SORT, contains, date_filters, ids_filter
from mockst.api.operation import TenantContext
from mockst.api.resource import Resource
from mockst.errors import field_error
from mockst.jpm import FAMILY
from mockst.jpm.models.project_statuses import ProjectStatusResponse
from mockst.store.table import Row

PROJECT_STATUSES = Resource(
    family=FAMILY,
    path="/project-statuses",
    table="project_statuses",
    scope="tn.jpm.projectstatuses",
    tag="ProjectStatuses",
    noun="Project status",
)
SORT = {**STANDARD_SORT, "Name": "name", "Order": "order"}
LIST_ORDER = (
    "name", "ids", "page", "pageSize", "includeTotal", "sort", "createdBefore",
    "createdOnOrAfter", "modifiedBefore", "modifiedOnOrAfter",
)


def next_order(ctx: TenantContext, table: str, **same: object) -> int:
    """One more than the highest ``order`` among rows whose fields equal ``same``."""
    orders = [r.get("order") for r in ctx.table(table).rows()
              if all(r.get(k) == v for k, v in same.items())]  # fmt: skip
    return max(orders, default=0) + 1


def create_project_status(ctx: TenantContext, name: str, order: int | None = None) -> Row:
    """A project status of the tenant (seeds, control plane)."""
    if not name or not name.strip():
        raise field_error("name", "A project status needs a name.")
    order = next_order(ctx, PROJECT_STATUSES.table) if order is None else order
    return PROJECT_STATUSES.insert(ctx, {"name": name.strip(), "order": order, "active": True})


OPERATIONS = [
    PROJECT_STATUSES.list_op(
        "ProjectStatuses_GetList", ProjectStatusResponse,
        summary="List project statuses",
        filters=(contains("name"), ids_filter(), *date_filters()),
        sort=SORT, order=LIST_ORDER,
    ),
    PROJECT_STATUSES.get_op(
        "ProjectStatuses_Get", ProjectStatusResponse, summary="Get a project status"
    ),
]  # fmt: skip
