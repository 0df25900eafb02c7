"""Bookings: inbound requests for work, shown to the tenant's CSRs on the Calls screen.

ServiceTitan has two views of bookings, and they are deliberately separate here:

* :class:`ProviderBookings` (``client.bookings``) under
  ``/crm/v2/tenant/{tenant}/booking-provider/{provider}/bookings``: what a booking provider (a
  lead-capture or AI-booking vendor) uses. All booking *writes* exist only here. ``provider`` is
  the id of the tenant's Booking Provider Tag for your app; find it with
  ``client.detect_booking_providers()`` and pass it once as ``booking_provider_id`` when building
  the client (or per call as ``provider_id=``). A connection restricted to one booking provider can
  only use that provider's paths.
* :class:`TenantBookings` (``client.tenant_bookings``) under ``/crm/v2/tenant/{tenant}/bookings``:
  read-only, for the tenant's own tools; needs a connection with "No Restriction".
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigurationError
from ._base import DEFAULT_PAGE_SIZE, E, Json, P, R, Resource


class ProviderBookings(Resource[R, P, E]):
    """Bookings of one booking provider; list filters include ``externalId`` and ``ids``.

    ``CreateBookingRequest`` requires ``source``, ``name``, ``summary``, ``isFirstTimeClient``
    and ``externalId``; use your own record id as ``externalId`` so a create whose answer was lost
    can be looked up (``list(externalId=...)``) instead of blindly repeated.
    """

    def _base(self, provider_id: int | None) -> str:
        provider = self._api.booking_provider_id if provider_id is None else provider_id
        if provider is None:
            raise ConfigurationError(
                "no booking provider id: pass provider_id= or build the client with "
                "booking_provider_id= (see detect_booking_providers())"
            )
        return f"booking-provider/{provider}/bookings"

    def create(self, body: Json, *, provider_id: int | None = None) -> R:
        return self._post(self._base(provider_id), body)

    def get(self, booking_id: int, *, provider_id: int | None = None) -> R:
        return self._get(f"{self._base(provider_id)}/{booking_id}")

    def update(self, booking_id: int, body: Json, *, provider_id: int | None = None) -> R:
        return self._patch(f"{self._base(provider_id)}/{booking_id}", body)

    def dismiss(
        self, booking_id: int, body: Json | None = None, *, provider_id: int | None = None
    ) -> R:
        """``{"callReasonId": ..., "dismissingMemo": ...}``, both optional; empty answer."""
        return self._post(f"{self._base(provider_id)}/{booking_id}/dismiss", body or {})

    def list(
        self,
        *,
        page: int = 1,
        page_size: int = 50,
        include_total: bool = False,
        provider_id: int | None = None,
        **filters: Any,
    ) -> R:
        return self._page(self._base(provider_id), page, page_size, include_total, filters)

    def iter_all(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, provider_id: int | None = None, **filters: Any
    ) -> P:
        return self._all(self._base(provider_id), page_size, filters)

    # -- contacts ----------------------------------------------------------------------------

    def create_contact(self, booking_id: int, body: Json, *, provider_id: int | None = None) -> R:
        return self._post(f"{self._base(provider_id)}/{booking_id}/contacts", body)

    def list_contacts(
        self,
        booking_id: int,
        *,
        page: int = 1,
        page_size: int = 50,
        provider_id: int | None = None,
    ) -> R:
        path = f"{self._base(provider_id)}/{booking_id}/contacts"
        return self._page(path, page, page_size, False, {})

    def iter_contacts(
        self,
        booking_id: int,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        provider_id: int | None = None,
    ) -> P:
        return self._all(f"{self._base(provider_id)}/{booking_id}/contacts", page_size, {})

    def update_contact(
        self, booking_id: int, contact_id: int, body: Json, *, provider_id: int | None = None
    ) -> R:
        path = f"{self._base(provider_id)}/{booking_id}/contacts/{contact_id}"
        return self._patch(path, body)

    def delete_contact(
        self, booking_id: int, contact_id: int, *, provider_id: int | None = None
    ) -> R:
        return self._delete(f"{self._base(provider_id)}/{booking_id}/contacts/{contact_id}")


class TenantBookings(Resource[R, P, E]):
    """The tenant-wide, read-only view of every provider's bookings, and the bookings export."""

    def get(self, booking_id: int) -> R:
        return self._get(f"bookings/{booking_id}")

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        return self._page("bookings", page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all("bookings", page_size, filters)

    def list_contacts(self, booking_id: int, *, page: int = 1, page_size: int = 50) -> R:
        return self._page(f"bookings/{booking_id}/contacts", page, page_size, False, {})

    def iter_contacts(self, booking_id: int, *, page_size: int = DEFAULT_PAGE_SIZE) -> P:
        return self._all(f"bookings/{booking_id}/contacts", page_size, {})

    def export(self, *, from_: str | None = None, include_recent_changes: bool = False) -> E:
        return self._export("bookings", from_, include_recent_changes)
