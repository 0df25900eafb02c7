"""Equipment Systems v2 (``/equipmentsystems/v2/tenant/{tenant}/...``): the equipment installed
at a customer's location (the furnace, its model, serial number and warranties), and its types.
Installed equipment is created at a ``locationId``; the customer follows. There is no delete:
``update(id, {"active": False})`` retires a piece."""

from __future__ import annotations

from typing import Any, ClassVar

from ._base import DEFAULT_PAGE_SIZE, E, Json, P, R, Resource


class InstalledEquipment(Resource[R, P, E]):
    module: ClassVar[str] = "equipmentsystems"

    def get(self, equipment_id: int) -> R:
        return self._get(f"installed-equipment/{equipment_id}")

    def create(self, body: Json) -> R:
        return self._post("installed-equipment", body)

    def update(self, equipment_id: int, body: Json) -> R:
        return self._patch(f"installed-equipment/{equipment_id}", body)

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        """One page; filters include ``locationIds``, ``ids``, ``active``, ``sort``."""
        return self._page("installed-equipment", page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all("installed-equipment", page_size, filters)

    def export(self, *, from_: str | None = None, include_recent_changes: bool = False) -> E:
        return self._export("installed-equipment", from_, include_recent_changes)


class EquipmentTypes(Resource[R, P, E]):
    module: ClassVar[str] = "equipmentsystems"

    def get(self, type_id: int) -> R:
        return self._get(f"equipment-types/{type_id}")

    def create(self, name: str) -> R:
        return self._post("equipment-types", {"name": name})

    def update(self, type_id: int, body: Json) -> R:
        return self._patch(f"equipment-types/{type_id}", body)

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        return self._page("equipment-types", page, page_size, include_total, filters)
