"""The booking-provider restriction where the path cannot tell: ids in bodies and generic paths.

The guard refuses another provider's booking paths from the path (``Operation.booking``). Other
operations reach a booking or a booking provider tag through an id it cannot see: a lead made from
a ``bookingId``, a tag's own path, a Contacts v2 relationship to a booking. Each asks here once it
holds the row, and a restricted connection is refused as the guard refuses it (403, reason
``booking_provider_restricted``, status from ``Config.auth_errors``): naming another provider's
booking or tag must neither read nor change it.
"""

from __future__ import annotations

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
