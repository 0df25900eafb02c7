"""Project sub-statuses: finer stages within one project status (In Progress → Permitting,
Installation), each with its own ``order`` among its status's sub-statuses.

Read-only in the API; seeds and the control plane add them with ``create_project_sub_status``
(the status must be the tenant's). The list: ``name`` matches part of the name in any case,
``statusId``, ``ids``, the date filters, ``active`` (only active unless asked, as the document
says), and ``sort`` by Id, Name, Order, StatusId, ModifiedOn or CreatedOn.
"""

from __future__ import annotations

from mockst.api.listing import (
    STANDARD_SORT,
    active_filter,
    contains,
    date_filters,
    equals,
    ids_filter,
)
from mockst.api.operation import TenantContext
from mockst.api.resource import Resource
from mockst.errors import field_error
from mockst.jpm import FAMILY
from mockst.jpm.models.project_sub_statuses import ProjectSubStatusResponse
from mockst.jpm.project_statuses import PROJECT_STATUSES, next_order
from mockst.store.table import Row

PROJECT_SUB_STATUSES = Resource(
    family=FAMILY,
    path="/project-substatuses",
    table="project_substatuses",
    scope="tn.jpm.projectsubstatuses",
    tag="ProjectSubStatuses",
    noun="Project sub-status",
)
SORT = {**STANDARD_SORT, "Name": "name", "Order": "order", "StatusId": "statusId"}
LIST_ORDER = (
    "name", "statusId", "ids", "page", "pageSize", "includeTotal", "sort", "createdBefore",
    "createdOnOrAfter", "modifiedBefore", "modifiedOnOrAfter", "active",
)


def create_project_sub_status(
    ctx: TenantContext, status_id: int, name: str, *, order: int | None = None,
    active: bool = True,
) -> Row:  # fmt: skip
    """A sub-status of one of the tenant's project statuses (seeds, control plane)."""
    if not name or not name.strip():
        raise field_error("name", "A project sub-status needs a name.")
    if ctx.table(PROJECT_STATUSES.table).get(status_id) is None:
        raise field_error("statusId", f"Project status {status_id} does not exist.")
    if order is None:
        order = next_order(ctx, PROJECT_SUB_STATUSES.table, statusId=status_id)
    data = {"name": name.strip(), "statusId": status_id, "order": order, "active": active}
    return PROJECT_SUB_STATUSES.insert(ctx, data)


OPERATIONS = [
    PROJECT_SUB_STATUSES.list_op(
        "ProjectSubStatuses_GetList", ProjectSubStatusResponse,
        summary="List project sub-statuses",
        filters=(
            contains("name"), equals("statusId", kind="int64"), ids_filter(), *date_filters(),
            active_filter("ActiveRequestArg"),
        ),
        sort=SORT, order=LIST_ORDER,
    ),
    PROJECT_SUB_STATUSES.get_op(
        "ProjectSubStatuses_Get", ProjectSubStatusResponse, summary="Get a project sub-status"
    ),
]  # fmt: skip
