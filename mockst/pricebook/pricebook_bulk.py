"""Bulk writes: many SKUs of the four kinds in one call, all or nothing.

A create's items may link to each other by ``customId`` (a service's materials created in the same
batch); the answer maps each ``customId`` to its new id, per kind, and a kind the request did not
send is null (U12). An update replaces each item whole (the document requires every field) and
answers 200 with no body (U13). Either way every item is checked first, with the SKU rules of
single writes: one bad item refuses the whole batch with a 400 whose errors name it
(``services[2].categories[0]``), and nothing is written.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from mockst.api.operation import Call, Empty, One
from mockst.api.resource import Resource
from mockst.crm.customer_records import Problems
from mockst.errors import validation_error
from mockst.pricebook import FAMILY
from mockst.pricebook.discount_and_fees import DISCOUNT_AND_FEE
from mockst.pricebook.equipment import EQUIPMENT_KIND
from mockst.pricebook.materials import MATERIAL
from mockst.pricebook.models.pricebook_bulk import (
    PricebookBulkCreateRequest,
    PricebookBulkCreateResponse,
    PricebookBulkUpdateRequest,
)
from mockst.pricebook.services import SERVICE
from mockst.pricebook.sku_operations import update_sku
from mockst.pricebook.skus import Batch, Kind, apply, blank, check_code, external_data, service_cost

PRICEBOOK_BULK = Resource(
    family=FAMILY,
    path="/pricebook",
    table="pricebook",
    scope="tn.pb.pricebook",
    tag="PricebookBulk",
    noun="Pricebook bulk",
)
# Services last: their cost sums materials and equipment of the same batch.
KINDS: tuple[tuple[str, Kind], ...] = (
    ("materials", MATERIAL),
    ("equipment", EQUIPMENT_KIND),
    ("discountAndFees", DISCOUNT_AND_FEE),
    ("services", SERVICE),
)


def _plan(call: Call, body: BaseModel, problems: Problems) -> tuple[Batch, list[Any]]:
    """Ids for every item, by customId, before any item is read: links may point forward."""
    batch, plan = Batch(), []
    for key, kind in KINDS:
        for index, item in enumerate(getattr(body, key) or []):
            ident = call.world.new_id()
            if item.customId is not None:
                if item.customId in batch.custom_ids:
                    problems.add(f"{key}[{index}].customId",
                                 f"The customId '{item.customId}' is repeated in the batch.")
                batch.custom_ids[item.customId] = ident
            batch.pending[ident] = kind.table
            plan.append((key, index, kind, item, ident))
    return batch, plan


def _create(call: Call) -> dict[str, Any]:
    body: PricebookBulkCreateRequest = call.body
    problems = Problems()
    batch, plan = _plan(call, body, problems)
    unique = call.config.pricebook_unique_codes
    taken: dict[str, set[str]] = {}
    records = []
    for key, index, kind, item, ident in plan:
        at = f"{key}[{index}]."
        sent = item.model_dump(mode="json", by_alias=True, exclude_none=True)
        check_code(call, kind, problems, at, sent.get("code"), unique,
                   taken=taken.setdefault(key, set()))
        record = {**blank(kind.model), "active": True, "createdById": 0}
        record = apply(call, kind, record, sent, problems, at, batch)
        record["externalDataByApp"] = external_data(problems, {}, item.externalData, at)
        records.append((kind, ident, record))
    if problems.errors:
        raise validation_error(problems.errors)
    for kind, ident, record in records:
        if kind is SERVICE:
            record["cost"] = service_cost(call, record)
        for field in ("id", "createdOn", "modifiedOn", "calculatedPrice", "useStaticPrices"):
            record.pop(field, None)
        kind.resource.insert(call, record, ident)
    answer: dict[str, Any] = {}
    for key, _kind in KINDS:
        items = getattr(body, key)
        answer[key] = None if items is None else [
            {"customId": item.customId, "id": ident}
            for k, _, _, item, ident in plan if k == key and item.customId is not None
        ]
    return answer


def _update(call: Call) -> None:
    body: PricebookBulkUpdateRequest = call.body
    problems = Problems()
    unique = call.config.pricebook_unique_codes
    for key, kind in KINDS:
        for index, item in enumerate(getattr(body, key) or []):
            row = call.table(kind.table).get(item.id)
            if row is None:
                noun = kind.resource.noun
                problems.add(f"{key}[{index}].id", f"{noun} {item.id} does not exist.")
                continue
            update_sku(call, kind, row, item, unique=unique, at=f"{key}[{index}].",
                       problems=problems)
    if problems.errors:  # the world transaction undoes the items already written
        raise validation_error(problems.errors)


OPERATIONS = [
    PRICEBOOK_BULK.operation("PricebookBulk_Create", "POST", _create,
                             body=PricebookBulkCreateRequest,
                             response=One(PricebookBulkCreateResponse), status=201),
    PRICEBOOK_BULK.operation("PricebookBulk_Update", "PATCH", _update,
                             body=PricebookBulkUpdateRequest, response=Empty()),
]
