"""Telecom calls (``/telecom/v3/…/calls``, ``/telecom/v2/…``): the calls a tenant's phones
recorded, each wrapped in the job booked from it (``id``, ``jobNumber``; 0 and null when none)
with the call itself under ``leadCall``.

Telecom puts the version in each path rather than in the server URL: the list is v3, a single
call, its update and the export feed are v2. ``ids`` on the list match ``leadCall.id``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ._base import DEFAULT_PAGE_SIZE, E, Json, P, R, Resource

V2 = "telecom/v2"


class Calls(Resource[R, P, E]):
    module: ClassVar[str] = "telecom/v3"

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        """One page (v3); filters include ``callerPhoneNumber``, ``createdAfter``,
        ``campaignId``, ``minDuration`` (seconds), ``ids`` (of calls)."""
        return self._page("calls", page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all("calls", page_size, filters)

    def get(self, call_id: int) -> R:
        """The v2 detail: the call with its whole customer, campaign and business unit."""
        return self._api.request("GET", V2, f"calls/{call_id}")

    def update(self, call_id: int, body: Json) -> R:
        """PUT (v2) ``CallInUpdateModelV2``: classify the call; ``jobId`` links the job booked."""
        return self._api.request("PUT", V2, f"calls/{call_id}", json=body)

    def export(self, *, from_: str | None = None, include_recent_changes: bool = False) -> E:
        return self._api.export(V2, "calls", from_=from_,
                                include_recent_changes=include_recent_changes)  # fmt: skip
