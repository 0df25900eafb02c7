"""Locations (``/crm/v2/tenant/{tenant}/locations``): the service addresses of a customer.

Every location belongs to exactly one customer (``customerId``). A new customer gets its first
location through ``customers.create``; this helper adds more, reads and updates them.
"""

from __future__ import annotations

from typing import Any

from ._base import DEFAULT_PAGE_SIZE, E, Json, P, R, Resource


class Locations(Resource[R, P, E]):
    """Location records; list filters include ``customerId``, ``name``, ``street``, ``zip``,
    ``active``, ``ids`` and ``modifiedOnOrAfter``."""

    def create(self, body: Json) -> R:
        """``Loc.CreateLocationRequest``: ``customerId``, ``name``, ``address`` required."""
        return self._post("locations", body)

    def get(self, location_id: int) -> R:
        return self._get(f"locations/{location_id}")

    def update(self, location_id: int, body: Json) -> R:
        return self._patch(f"locations/{location_id}", body)

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        return self._page("locations", page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all("locations", page_size, filters)

    # -- contacts ----------------------------------------------------------------------------

    def list_contacts(self, location_id: int, *, page: int = 1, page_size: int = 50) -> R:
        return self._page(f"locations/{location_id}/contacts", page, page_size, False, {})

    def iter_contacts(self, location_id: int, *, page_size: int = DEFAULT_PAGE_SIZE) -> P:
        return self._all(f"locations/{location_id}/contacts", page_size, {})

    def create_contact(self, location_id: int, body: Json) -> R:
        return self._post(f"locations/{location_id}/contacts", body)

    def update_contact(self, location_id: int, contact_id: int, body: Json) -> R:
        return self._patch(f"locations/{location_id}/contacts/{contact_id}", body)

    def delete_contact(self, location_id: int, contact_id: int) -> R:
        return self._delete(f"locations/{location_id}/contacts/{contact_id}")

    # -- export feeds ------------------------------------------------------------------------

    def export(self, *, from_: str | None = None, include_recent_changes: bool = False) -> E:
        return self._export("locations", from_, include_recent_changes)

    def export_contacts(
        self, *, from_: str | None = None, include_recent_changes: bool = False
    ) -> E:
        return self._export("locations/contacts", from_, include_recent_changes)
