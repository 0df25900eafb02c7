"""Pricebook v2 (``/pricebook/v2/tenant/{tenant}/...``): what a company sells and for how much.

Services, materials, equipment and discounts/fees are SKUs of one catalogue; categories are the
tree they sit in. Creates answer 201 with the SKU, deletes 204; ``bulk_create`` writes many SKUs
of the four kinds at once (linked by ``customId``) and answers the id mapping.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ._base import DEFAULT_PAGE_SIZE, E, Json, P, R, Resource


class _Sku(Resource[R, P, E]):
    """List, read, create, update and delete one kind of SKU."""

    module: ClassVar[str] = "pricebook"
    path: ClassVar[str]

    def get(self, sku_id: int, **params: Any) -> R:
        return self._get(f"{self.path}/{sku_id}", params or None)

    def create(self, body: Json) -> R:
        return self._post(self.path, body)

    def update(self, sku_id: int, body: Json) -> R:
        """PATCH: only the fields sent change; lists (categories, links, assets) replace."""
        return self._patch(f"{self.path}/{sku_id}", body)

    def delete(self, sku_id: int) -> R:
        return self._delete(f"{self.path}/{sku_id}")

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        """One page; filters include ``searchText``, ``ids``, ``active``, ``sort``."""
        return self._page(self.path, page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all(self.path, page_size, filters)


class _FedSku(_Sku[R, P, E]):
    """A kind with an export feed (``/export/{path}``)."""

    def export(self, *, from_: str | None = None, include_recent_changes: bool = False) -> E:
        return self._export(self.path, from_, include_recent_changes)


class Services(_FedSku[R, P, E]):
    """Pass ``calculatePrices=True`` to ``list``/``get`` for ``calculatedPrice``."""

    path = "services"


class Materials(_FedSku[R, P, E]):
    path = "materials"

    def cost_types(self) -> R:
        return self._get(f"{self.path}/costtypes")


class PricebookEquipment(_FedSku[R, P, E]):
    path = "equipment"


class DiscountsAndFees(_Sku[R, P, E]):
    """No feed for discounts and fees: list with ``modifiedOnOrAfter`` instead."""

    path = "discounts-and-fees"


class Categories(_FedSku[R, P, E]):
    """Categories form a tree: each carries its ``subcategories``."""

    path = "categories"


class Pricebook(Resource[R, P, E]):
    """The price book's calls that are not one SKU kind's."""

    module: ClassVar[str] = "pricebook"

    def bulk_create(self, body: Json) -> R:
        """``{"services": [...], "materials": [...], ...}`` with ``customId``s; all or nothing."""
        return self._post("pricebook", body)

    def bulk_update(self, body: Json) -> R:
        """Every item whole, with its ``id``; all or nothing."""
        return self._patch("pricebook", body)

    def markups(self, *, page: int = 1, page_size: int = 50) -> R:
        return self._get("materialsmarkup", {"page": page, "pageSize": page_size})

    def create_markup(self, body: Json) -> R:
        return self._post("materialsmarkup", body)

    def update_markup(self, markup_id: int, body: Json) -> R:
        return self._api.request("PUT", self.module, f"materialsmarkup/{markup_id}", json=body)

    def rate_sheets(self, **filters: Any) -> R:
        return self._get("clientspecificpricing", filters or None)

    def update_rate_sheet(self, rate_sheet_id: int, exceptions: list[Json]) -> R:
        return self._patch(f"clientspecificpricing/{rate_sheet_id}", {"exceptions": exceptions})
