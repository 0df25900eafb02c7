"""A resource's declaration and its generic operations (list, get, export), stripe-mock style.

A resource module declares one ``Resource`` and builds its operations from these helpers, adding
hooks only for its own rules; the plumbing (binding, guard, envelopes, errors) is never repeated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from mockst.api.export import EXPORT_PARAMS, export_rows
from mockst.api.family import DEFAULT_BASE, Family
from mockst.api.listing import PAGE_PARAMS, SORT_PARAM, Filter, page_of, project
from mockst.api.operation import (
    Call,
    Empty,
    Export,
    Handler,
    One,
    Operation,
    Page,
    Shape,
    TenantContext,
)
from mockst.api.params import Param, path
from mockst.encoding import format_datetime
from mockst.errors import ApiError, not_found
from mockst.store.table import Row

ID = path("id")


@dataclass(frozen=True)
class Resource:
    family: Family
    path: str  # e.g. "/booking-provider-tags"
    table: str
    scope: str  # without :r / :w, e.g. "tn.crm.bookingprovidertags"
    tag: str  # the official document's tag, e.g. "BookingProviderTags"
    noun: str  # for messages: "Booking provider tag"
    base: str = DEFAULT_BASE  # where the tenant sits under the family's server

    @property
    def read(self) -> str:
        return f"{self.scope}:r"

    @property
    def write(self) -> str:
        return f"{self.scope}:w"

    # -- rows --------------------------------------------------------------------------------

    def find(self, call: TenantContext, ident: Any, *, include_deleted: bool = False) -> Row:
        """The row or a 404 naming this resource."""
        row = call.table(self.table).get(ident, include_deleted=include_deleted)
        if row is None:
            raise not_found(self.noun, ident)
        return row

    def insert(self, call: TenantContext, data: dict[str, Any], ident: Any = None) -> Row:
        """A new row with a world-unique id and createdOn/modifiedOn of now."""
        return self.insert_record(call, data, ident)[0]

    def insert_record(
        self, call: TenantContext, data: dict[str, Any], ident: Any = None
    ) -> tuple[Row, dict[str, Any]]:
        """``insert``, also giving the record as stored: the row keeps its own packed copy, so
        the caller may answer with this dict instead of unpacking the row again."""
        stamp = format_datetime(call.now)
        ident = call.world.new_id() if ident is None else ident
        record = {"id": ident, **data}
        record.setdefault("createdOn", stamp)
        record.setdefault("modifiedOn", stamp)
        return call.table(self.table).insert(ident, record, call.now), record

    def change(self, call: TenantContext, row: Row, changes: dict[str, Any]) -> Row:
        """Apply ``changes`` and stamp modifiedOn."""
        changes = {**changes, "modifiedOn": format_datetime(call.now)}
        return call.table(self.table).update(row.id, changes, call.now)

    def remove(self, call: TenantContext, row: Row) -> Row:
        return call.table(self.table).delete(row.id, call.now)

    # -- operations --------------------------------------------------------------------------

    def operation(
        self,
        operation_id: str,
        method: str,
        handler: Handler,
        *,
        suffix: str = "",
        at: str | None = None,
        write: bool | None = None,
        scope: str | None = None,
        summary: str = "",
        response: Shape | None = None,
        **extra: Any,
    ) -> Operation:
        """Any operation on this resource; ``suffix`` is appended to the resource path, or ``at``
        replaces it (a path of the resource's family outside its own, e.g. an export feed);
        ``scope`` names the official scope where it is not the resource's read or write one."""
        is_write = method != "GET" if write is None else write
        if method == "GET" and isinstance(response, Page) and not extra.get("path_params"):
            extra.setdefault("table", self.table)  # a list of the whole resource
        return Operation(
            operation_id=operation_id,
            method=method,
            family=self.family,
            base=extra.pop("base", self.base),
            path=self.path + suffix if at is None else at,
            scope=scope or (self.write if is_write else self.read),
            handler=handler,
            tag=self.tag,
            summary=summary or operation_id.replace("_", " "),
            response=response or Empty(),
            **extra,
        )

    def list_op(
        self,
        operation_id: str,
        model: type[BaseModel],
        *,
        filters: Sequence[Filter] = (),
        sort: dict[str, str] | None = None,
        rows: Callable[[Call], Iterable[Row]] | None = None,
        paged: bool = True,
        order: Sequence[str] = (),
        render: Callable[[Call, Row], dict[str, Any]] | None = None,
        **extra: Any,
    ) -> Operation:
        """GET list in the page envelope; query parameters in the order given.

        ``order`` (parameter names) rearranges them when the official operation interleaves
        filters and page parameters; ``render`` shapes a row when projection alone is not enough.
        """
        source = rows or (lambda call: call.table(self.table))

        def handler(call: Call) -> dict[str, Any]:
            shown = (lambda row: render(call, row)) if render else None
            return page_of(call, source(call), model, filters, sort, shown)

        query: list[Param] = [f.param for f in filters]
        if paged:
            query += PAGE_PARAMS
        if sort:
            query.append(SORT_PARAM)
        if order:
            rank = {name: i for i, name in enumerate(order)}
            query.sort(key=lambda p: rank.get(p.name, len(rank)))
        return self.operation(
            operation_id, "GET", handler, response=Page(model), query=tuple(query), **extra
        )

    def get_op(self, operation_id: str, model: type[BaseModel], **extra: Any) -> Operation:
        def handler(call: Call) -> dict[str, Any]:
            return project(self.find(call, call.path["id"]).data, model)

        extra.setdefault("errors", (400, 404))
        return self.operation(
            operation_id,
            "GET",
            handler,
            suffix="/{id}",
            response=One(model),
            path_params=(ID,),
            **extra,
        )

    def export_op(
        self,
        operation_id: str,
        model: type[BaseModel],
        export_path: str,
        *,
        rows: Callable[[Call], Iterable[Row]] | None = None,
        render: Callable[[Row], dict[str, Any]] | None = None,
        **extra: Any,
    ) -> Operation:
        """GET /export/<feed>: the table's change feed."""
        source = rows or (lambda call: call.table(self.table))

        def handler(call: Call) -> dict[str, Any]:
            return export_rows(call, source(call), model, render)

        op = self.operation(
            operation_id, "GET", handler, response=Export(model), query=EXPORT_PARAMS, **extra
        )
        return replace(op, path=export_path)

    def planned(
        self,
        operation_id: str,
        method: str,
        *,
        suffix: str = "",
        response: Shape | None = None,
        **extra: Any,
    ) -> Operation:
        """An official operation declared but not simulated yet (``mockst scaffold`` writes these).

        It is routed, guarded, bound and documented like any other; what answers is generic: a
        list reads this resource's table (an empty page until something writes rows; a list
        under another row, ``/…/{id}/notes``, is empty), an export its change feed, a GET of
        ``/{id}`` finds the row (404 until then); anything else is a ServiceTitan-shaped 501
        naming the operation. Coverage counts it as planned.
        """
        shape = response or Empty()
        handler: Handler = _not_simulated(operation_id)
        path_params = extra.get("path_params", ())
        table = extra.get("table") or self.table
        if method == "GET" and isinstance(shape, Page):
            # A list under another row (``/projects/{id}/notes``) has rows of its own, in no
            # table the resource names: an empty page until it is served.
            nested = bool(path_params)

            def handler(call: Call) -> dict[str, Any]:
                return page_of(call, [] if nested else call.table(table), shape.model)

        elif method == "GET" and isinstance(shape, Export):

            def handler(call: Call) -> dict[str, Any]:
                return export_rows(call, call.table(table), shape.model)

        elif method == "GET" and isinstance(shape, One) and [p.name for p in path_params] == ["id"]:

            def handler(call: Call) -> dict[str, Any]:
                return project(self.find(call, call.path["id"]).data, shape.model)

        return self.operation(
            operation_id, method, handler, suffix=suffix, response=shape, planned=True, **extra
        )


def _not_simulated(operation_id: str) -> Handler:
    def handler(_call: Call) -> Any:
        raise ApiError(
            501,
            "Not Implemented",
            {"": [f"{operation_id} is declared but not simulated yet."]},
            data={"operationId": operation_id},
        )

    return handler
