"""Settings v2 (``/settings/v2/tenant/{tenant}/...``): the tenant's people and structure.

Connectors mostly read these to map their own users and teams onto ServiceTitan ids: employees
(office users), technicians (field users), business units (a booking or lead can name one) and tag
types (the ``tagTypeIds`` on customers and locations).
"""

from __future__ import annotations

from typing import Any, ClassVar

from ._base import DEFAULT_PAGE_SIZE, E, Json, P, R, Resource


class _SettingsRecords(Resource[R, P, E]):
    """Read, list, update and export, shared by the Settings resources that have all four."""

    module: ClassVar[str] = "settings"
    path: ClassVar[str]

    def get(self, record_id: int) -> R:
        return self._get(f"{self.path}/{record_id}")

    def update(self, record_id: int, body: Json) -> R:
        """PATCH; ServiceTitan answers ``{"id": ...}`` only, so ``get`` again if you need more."""
        return self._patch(f"{self.path}/{record_id}", body)

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        """One page; filters include ``name``, ``ids``, ``active`` (True, Any, False)."""
        return self._page(self.path, page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all(self.path, page_size, filters)

    def export(self, *, from_: str | None = None, include_recent_changes: bool = False) -> E:
        return self._export(self.path, from_, include_recent_changes)


class Employees(_SettingsRecords[R, P, E]):
    path = "employees"

    def create(self, body: Json) -> R:
        """``EmployeeCreateRequest``; answers ``{"id": ...}``."""
        return self._post(self.path, body)


class Technicians(_SettingsRecords[R, P, E]):
    path = "technicians"

    def create(self, body: Json) -> R:
        """``TechnicianCreateRequest``; answers ``{"id": ...}``."""
        return self._post(self.path, body)


class BusinessUnits(_SettingsRecords[R, P, E]):
    """Business units cannot be created through the API, only read and updated."""

    path = "business-units"


class TagTypes(Resource[R, P, E]):
    """Tag types; the API has no single-record GET for them, so list or export instead."""

    module: ClassVar[str] = "settings"

    def create(self, body: Json) -> R:
        """``{"name": ..., "color": "#RRGGBB", ...}``; answers ``{"id": ...}``."""
        return self._post("tag-types", body)

    def update(self, tag_type_id: int, body: Json) -> R:
        return self._patch(f"tag-types/{tag_type_id}", body)

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        return self._page("tag-types", page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all("tag-types", page_size, filters)

    def export(self, *, from_: str | None = None, include_recent_changes: bool = False) -> E:
        return self._export("tag-types", from_, include_recent_changes)
