"""Bulk tags: add or remove several tag types on several customers in one call.

Both answer 200 with no body. Every customer id must name a customer of the tenant (409 naming
the unknown ones: the official operations declare 400 and 409 only, and an id in a body that
names nothing is a conflict, as with ``Locations_Create``'s "Unknown customer"); every tag type
id must be known (400, see ``customer_records``). Adding a tag a customer already has, or
removing one it does not have, changes nothing for that customer; a customer whose tags do not
change keeps its ``modifiedOn``.
"""

from __future__ import annotations

from collections.abc import Callable

from mockst.api.operation import Call, Empty
from mockst.api.resource import Resource
from mockst.crm import FAMILY
from mockst.crm.customer_records import CUSTOMERS, Problems, check_tag_types
from mockst.crm.models.tags import AddBulkTagsRequest, RemoveBulkTagsRequest
from mockst.errors import ApiError
from mockst.store.table import Row

BULK_TAGS = Resource(
    family=FAMILY,
    path="/tags",
    table=CUSTOMERS.table,
    scope="tn.crm.tags",
    tag="BulkTags",
    noun="Customer",
)


def _apply(call: Call, change: Callable[[list[int], list[int]], list[int]]) -> None:
    body: AddBulkTagsRequest | RemoveBulkTagsRequest = call.body
    problems = Problems()
    if not body.customerIds:
        problems.add("customerIds", "At least one customer id is required.")
    if not body.tagTypeIds:
        problems.add("tagTypeIds", "At least one tag type id is required.")
    tags = check_tag_types(call, problems, "tagTypeIds", body.tagTypeIds)
    problems.check()
    table = call.table(CUSTOMERS.table)
    rows: dict[int, Row] = {}
    unknown: list[int] = []
    for ident in body.customerIds:
        row = table.get(ident)
        if row is None:
            unknown.append(ident)
        else:
            rows[ident] = row
    if unknown:
        shown = ", ".join(str(i) for i in unknown)
        message = f"Unknown customer: {shown}."
        raise ApiError(409, message, {"customerIds": [message]}, {"customerIds": unknown})
    for row in rows.values():
        current = list(row.get("tagTypeIds") or [])
        updated = change(current, tags)
        if updated != current:
            CUSTOMERS.change(call, row, {"tagTypeIds": updated})


def _add(call: Call) -> None:
    _apply(call, lambda current, tags: current + [t for t in tags if t not in current])


def _remove(call: Call) -> None:
    _apply(call, lambda current, tags: [t for t in current if t not in tags])


OPERATIONS = [
    BULK_TAGS.operation(
        "BulkTags_AddTags", "PUT", _add,
        summary="Add tag types to many customers", body=AddBulkTagsRequest, response=Empty(),
        errors=(400, 409),
    ),
    BULK_TAGS.operation(
        "BulkTags_RemoveTags", "DELETE", _remove,
        summary="Remove tag types from many customers", body=RemoveBulkTagsRequest,
        response=Empty(), errors=(400, 409),
    ),
]  # fmt: skip
