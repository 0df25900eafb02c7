"""Sales v2 estimates (``/sales/v2/tenant/{tenant}/estimates...``): what was proposed on a job
and whether the customer bought it. Items are written as ``skuId``/``skuName``, ``quantity``,
``unitPrice`` and read back as ``sku``, ``qty``, ``unitRate``, ``total``. Status moves are
actions: ``sell``, ``unsell``, ``dismiss``."""

from __future__ import annotations

from typing import Any, ClassVar

from ._base import DEFAULT_PAGE_SIZE, E, Json, P, R, Resource


class Estimates(Resource[R, P, E]):
    module: ClassVar[str] = "sales"

    def get(self, estimate_id: int) -> R:
        return self._get(f"estimates/{estimate_id}")

    def create(self, body: Json) -> R:
        """``body`` names a ``jobId`` (or ``projectId``/``locationId``) and may hold ``items``."""
        return self._post("estimates", body)

    def update(self, estimate_id: int, body: Json) -> R:
        """Header fields, and ``items`` upserted by ``id`` (the others stay)."""
        return self._put(f"estimates/{estimate_id}", body)

    def put_item(self, estimate_id: int, item: Json) -> R:
        """Add one item, or update the one whose ``id`` it names."""
        return self._put(f"estimates/{estimate_id}/items", item)

    def delete_item(self, estimate_id: int, item_id: int) -> R:
        return self._delete(f"estimates/{estimate_id}/items/{item_id}")

    def sell(self, estimate_id: int, sold_by: int) -> R:
        return self._put(f"estimates/{estimate_id}/sell", {"soldBy": sold_by})

    def unsell(self, estimate_id: int) -> R:
        return self._put(f"estimates/{estimate_id}/unsell")

    def dismiss(self, estimate_id: int) -> R:
        return self._put(f"estimates/{estimate_id}/dismiss")

    def status_changes(self, estimate_id: int) -> R:
        return self._get(f"status/estimates/{estimate_id}/changes")

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        """One page; filters include ``jobId``, ``status``, ``ids``, ``active``, ``sort``."""
        return self._page("estimates", page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all("estimates", page_size, filters)

    def items(self, *, page: int = 1, page_size: int = 50, **filters: Any) -> R:
        """Items across estimates (``estimateId`` narrows to one)."""
        return self._page("estimates/items", page, page_size, False, filters)

    def export(self, *, from_: str | None = None, include_recent_changes: bool = False) -> E:
        return self._export("estimates", from_, include_recent_changes)
