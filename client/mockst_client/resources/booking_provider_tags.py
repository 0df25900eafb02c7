"""Booking provider tags (``/crm/v2/tenant/{tenant}/booking-provider-tags``).

A tag names one source of bookings (one vendor). Its ``id`` is the ``{provider}`` in every
provider-scoped booking path, which is why connectors list the tags during setup ("Detect Booking
Providers") and let the user pick theirs; ``client.detect_booking_providers()`` does that listing.
"""

from __future__ import annotations

from typing import Any

from ._base import DEFAULT_PAGE_SIZE, E, Json, P, R, Resource


class BookingProviderTags(Resource[R, P, E]):
    """The tenant's booking provider tags; list filters: ``name``, ``ids``, ``sort``."""

    def create(self, body: Json) -> R:
        """``{"tagName": ..., "description": ...}`` (both required by the API)."""
        return self._post("booking-provider-tags", body)

    def get(self, tag_id: int) -> R:
        return self._get(f"booking-provider-tags/{tag_id}")

    def update(self, tag_id: int, body: Json) -> R:
        return self._patch(f"booking-provider-tags/{tag_id}", body)

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        return self._page("booking-provider-tags", page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all("booking-provider-tags", page_size, filters)
