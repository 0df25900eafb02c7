"""The booking-provider restriction where the path cannot tell: ids in bodies and generic paths.

The guard refuses another provider's booking paths from the path (``Operation.booking``). Other
operations reach a booking or a booking provider tag through an id it cannot see: a lead made from
a ``bookingId``, a tag's own path, a Contacts v2 relationship to a booking. Each asks here once it
holds the row, and a restricted connection is refused as the guard refuses it (403, reason
``booking_provider_restricted``, status from ``Config.auth_errors``): naming another provider's
booking or tag must neither read nor change it.
"""

from __future__ import annotations

from collections.abc import Iterable

from mockst.api.operation import Call
from mockst.auth.guard import refuse
from mockst.store.table import Row


def restriction(call: Call) -> int | None:
    """The one booking provider the caller's connection may act for (None: no restriction, and
    for a seed's calls, which have no caller)."""
    if call.principal is None:
        return None
    return call.principal.connection.booking_provider_id


def require_provider(call: Call, provider_id: int | None) -> None:
    """Refuse a restricted connection any use of another provider's tag (None: a new one)."""
    allowed = restriction(call)
    if allowed is not None and provider_id != allowed:
        raise refuse(
            call.config,
            "booking_provider_restricted",
            f"This connection may use booking provider {allowed} only.",
        )


def require_booking(call: Call, booking: Row, *, reading: bool = False) -> None:
    """Refuse a restricted connection another provider's booking. A read is allowed where the
    configuration opens tenant-scoped booking reads to restricted connections; a change never."""
    if reading and call.config.restricted_tenant_bookings == "allow":
        return
    require_provider(call, booking.get("bookingProviderId"))


def foreign_made(call: Call, row: Row) -> bool:
    """Whether a row made from a booking (a lead's ``bookingId``) came from another provider's
    booking than the one the caller's connection is restricted to: such a lead carries that
    booking's name, address and contacts."""
    allowed = restriction(call)
    booking_id = row.get("bookingId")
    if allowed is None or booking_id is None:
        return False
    booking = call.table("bookings").get(booking_id, include_deleted=True)
    return booking is not None and booking.get("bookingProviderId") != allowed


def visible(call: Call, rows: Iterable[Row]) -> Iterable[Row]:
    """The rows a restricted connection may see: none made from another provider's booking
    (unless the configuration opens tenant-scoped booking reads to it)."""
    if restriction(call) is None or call.config.restricted_tenant_bookings == "allow":
        return rows
    return (row for row in rows if not foreign_made(call, row))


def require_own_made(call: Call, row: Row, *, reading: bool = False) -> None:
    """Refuse a restricted connection a row made from another provider's booking, as the guard
    refuses (reads follow ``restricted_tenant_bookings``, as for the booking itself)."""
    if foreign_made(call, row):
        booking = call.table("bookings").get(row.get("bookingId"), include_deleted=True)
        if booking is not None:
            require_booking(call, booking, reading=reading)
