"""The five operations every SKU kind has (list, create, get, update, delete), built once.

* Creates answer 201 and deletes 204, as the document says. A delete is soft by default (U1):
  the SKU turns inactive with a new ``modifiedOn``, GET still finds it, default lists hide it and
  the feeds carry it; ``pricebook_delete_mode: "hard"`` makes GET answer 404 instead.
* PATCH writes the fields it sends; lists (categories, links, assets) replace.
* Lists: ``ids``, the date filters, ``active`` (only active unless asked), external data,
  ``searchText`` (part of the code, display name or description, in any case) and ``sort`` by the
  document's fields. Responses show the external data of ``externalDataApplicationGuid`` only.
* ``calculatePrices=true`` on services fills ``calculatedPrice``: no dynamic-pricing rule is
  simulated, so it is the static price and ``useStaticPrices`` is true.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel

from mockst.api.listing import (
    ACTIVE,
    PAGE_PARAMS,
    Filter,
    active_filter,
    date_filters,
    ids_filter,
    page_of,
    project,
)
from mockst.api.operation import Call, Empty, One, Operation, Page, TenantContext
from mockst.api.params import Param
from mockst.api.resource import ID
from mockst.crm.customer_records import Problems, external_data_for
from mockst.crm.record_lists import EXTERNAL_DATA_FILTER
from mockst.errors import validation_error
from mockst.pricebook.skus import Kind, apply, blank, check_code, external_data
from mockst.store.table import Row

SKU_SORT = {
    "Id": "id", "Code": "code", "DisplayName": "displayName", "CreatedOn": "createdOn",
    "ModifiedOn": "modifiedOn", "Price": "price", "MemberPrice": "memberPrice",
    "AddOnPrice": "addOnPrice", "AddOnMemberPrice": "addOnMemberPrice",
    "MaterialsCost": "cost", "PrimaryVendor": "primaryVendorName", "Cost": "cost",
    "Manufacturer": "manufacturer", "Priority": "priority",
}  # fmt: skip


def _search(row: Row, text: str) -> bool:
    text = text.lower()
    fields = ("code", "displayName", "description")
    return any(text in str(row.get(f) or "").lower() for f in fields)


SKU_FILTERS: tuple[Filter, ...] = (
    ids_filter(),
    active_filter("ActiveRequestArg"),
    *date_filters(),
    EXTERNAL_DATA_FILTER,
    Filter(Param("searchText", "string"), _search),
)
# The list query every kind takes, in the document's order (services and materials put their
# own filters first).
SKU_QUERY: tuple[Param, ...] = (
    *PAGE_PARAMS,
    Param("sort", "string"),
    Param("ids", "string"),
    Param("createdBefore", "datetime"),
    Param("createdOnOrAfter", "datetime"),
    Param("modifiedBefore", "datetime"),
    Param("modifiedOnOrAfter", "datetime"),
    ACTIVE,
    Param("externalDataApplicationGuid", "guid"),
    Param("externalDataKey", "string"),
    Param("externalDataValues", "string"),
    Param("searchText", "string", min_length=2, max_length=200),
)
GUID = Param("externalDataApplicationGuid", "guid")


def show(ctx: TenantContext, kind: Kind, row_data: dict[str, Any], model: type[BaseModel],
         guid: str | None, calculate: bool = False) -> dict[str, Any]:
    """A SKU row as ``model``: external data of ``guid``, service categories as objects."""
    shown = project(row_data, model)
    if "externalData" in shown:
        shown["externalData"] = external_data_for(row_data, guid)
    if kind.table == "services":
        shown["categories"] = [_category_ref(ctx, ident) for ident in row_data["categories"]]
        if "calculatedPrice" in shown:
            shown["calculatedPrice"] = row_data["price"] if calculate else None
            shown["useStaticPrices"] = True if calculate else None
    return shown


def _category_ref(ctx: TenantContext, ident: int) -> dict[str, Any]:
    row = ctx.table("categories").get(ident, include_deleted=True)
    if row is None:  # references survive a hard delete of the category (U16)
        return {"id": ident, "name": "", "active": False}
    return {"id": ident, "name": row.get("name"), "active": row.active}


def _guid(call: Call) -> str | None:
    guid = call.query.get("externalDataApplicationGuid")
    if guid is None and call.body is not None:
        sent = getattr(call.body, "externalData", None)
        guid = getattr(sent, "applicationGuid", None)
    return str(guid) if guid is not None else None


def create_sku(ctx: TenantContext, kind: Kind, body: BaseModel, *, unique: bool = False,
               active: bool = True) -> Row:
    """A SKU of ``kind`` from its create request (the API, seeds, the control plane)."""
    problems = Problems()
    sent = body.model_dump(mode="json", by_alias=True, exclude_none=True)
    check_code(ctx, kind, problems, "", sent.get("code"), unique)
    record = {**blank(kind.model), "active": active, "createdById": 0}
    record = apply(ctx, kind, record, sent, problems)
    record["externalDataByApp"] = external_data(problems, {}, getattr(body, "externalData", None))
    if problems.errors:
        raise validation_error(problems.errors)
    record.pop("id", None)
    return kind.resource.insert(ctx, _clean(record))


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    for key in ("createdOn", "modifiedOn", "calculatedPrice", "useStaticPrices"):
        record.pop(key, None)
    return record


def update_sku(ctx: TenantContext, kind: Kind, row: Row, body: BaseModel, *,
               unique: bool = False, at: str = "", problems: Problems | None = None) -> Row | None:
    """PATCH (or one bulk-update item): the fields sent. With ``problems`` given, errors are
    gathered there and nothing is written (the bulk update checks every item first)."""
    own = problems is None
    problems = problems or Problems()
    sent = body.model_dump(mode="json", by_alias=True, include=body.model_fields_set)
    check_code(ctx, kind, problems, at, sent.get("code"), unique, skip=row.id)
    record = apply(ctx, kind, row.data, sent, problems, at)
    record["externalDataByApp"] = external_data(
        problems, record, getattr(body, "externalData", None), at
    )
    if problems.errors:
        if own:
            raise validation_error(problems.errors)
        return None
    changes = {k: v for k, v in _clean(record).items() if k != "id"}
    return kind.resource.change(ctx, row, changes)


def sku_operations(
    kind: Kind,
    names: str,  # "Services": the operationId prefix
    *,
    list_model: type[BaseModel],
    one_model: type[BaseModel],
    create_body: type[BaseModel],
    update_body: type[BaseModel],
    list_query: Sequence[Param],
    get_query: Sequence[Param],
    calculate: bool = False,
    filters: Sequence[Filter] = (),
) -> list[Operation]:
    resource = kind.resource

    def _find(call: Call) -> Row:
        return resource.find(call, call.path["id"])

    def render(model: type[BaseModel]) -> Callable[[Call, Row], dict[str, Any]]:
        def shown(call: Call, row: Row) -> dict[str, Any]:
            asked = calculate and bool(call.query.get("calculatePrices"))
            return show(call, kind, row.data, model, _guid(call), asked)

        return shown

    listed, single = render(list_model), render(one_model)

    def _list(call: Call) -> dict[str, Any]:
        rows = call.table(resource.table)
        every = (*filters, *SKU_FILTERS)
        return page_of(call, rows, list_model, every, SKU_SORT, lambda r: listed(call, r))

    def _create(call: Call) -> dict[str, Any]:
        row = create_sku(call, kind, call.body, unique=call.config.pricebook_unique_codes)
        return single(call, row)

    def _get(call: Call) -> dict[str, Any]:
        return render(list_model)(call, _find(call))

    def _update(call: Call) -> dict[str, Any]:
        row = update_sku(call, kind, _find(call), call.body,
                         unique=call.config.pricebook_unique_codes)
        assert row is not None
        return single(call, row)

    def _delete(call: Call) -> None:
        delete_sku(call, kind, _find(call), call.config.pricebook_delete_mode)

    by_id = {"suffix": "/{id}", "path_params": (ID,), "errors": (400, 404)}
    return [
        resource.operation(f"{names}_GetList", "GET", _list, query=tuple(list_query),
                           response=Page(list_model)),
        resource.operation(f"{names}_Create", "POST", _create, body=create_body,
                           response=One(one_model), status=201),
        resource.operation(f"{names}_Get", "GET", _get, query=tuple(get_query),
                           response=One(list_model), **by_id),
        resource.operation(f"{names}_Update", "PATCH", _update, body=update_body,
                           response=One(one_model), **by_id),
        resource.operation(f"{names}_Delete", "DELETE", _delete, response=Empty(), status=204,
                           **by_id),
    ]


def delete_sku(ctx: TenantContext, kind: Kind, row: Row, mode: str) -> None:
    if mode == "hard":
        kind.resource.remove(ctx, row)
    else:
        kind.resource.change(ctx, row, {"active": False})
