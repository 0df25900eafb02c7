"""The tenant's reasons for canceling a job and for putting one on hold: two lists of the same
shape (``{id, name, active, createdOn, modifiedOn}``) that a tenant keeps in its settings.

Read-only in the API; seeds and ``create_reason`` add them. Unlike most lists, these show active
and inactive reasons alike unless ``active`` says otherwise (the document says so of both), and
sort by Id, ModifiedOn or CreatedOn.
"""

from __future__ import annotations

from dataclasses import replace

from pydantic import BaseModel

from mockst.api.listing import STANDARD_SORT, active_filter, date_filters
from mockst.api.operation import Operation, TenantContext
from mockst.api.resource import Resource
from mockst.errors import field_error
from mockst.store.table import Row

ORDER = (
    "page", "pageSize", "includeTotal", "active", "createdBefore", "createdOnOrAfter",
    "modifiedBefore", "modifiedOnOrAfter", "sort",
)


def create_reason(ctx: TenantContext, resource: Resource, name: str, *, active: bool = True) -> Row:
    if not name or not name.strip():
        raise field_error("name", f"A {resource.noun.lower()} needs a name.")
    return resource.insert(ctx, {"name": name.strip(), "active": active})


def reason_list(resource: Resource, operation_id: str, model: type[BaseModel]) -> Operation:
    every = replace(active_filter("ActiveRequestArg"), default="Any")
    return resource.list_op(
        operation_id, model,
        summary=f"List {resource.noun.lower()}s",
        filters=(every, *date_filters()), sort=STANDARD_SORT, order=ORDER,
    )  # fmt: skip
