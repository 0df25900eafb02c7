"""Leads (``/crm/v2/tenant/{tenant}/leads``): opportunities that did not book a job yet.

A lead needs no address, which makes it the usual target for contacts a connector cannot turn into
a customer. ``LeadCreateRequest`` requires ``campaignId`` and ``summary``, plus either
``callReasonId`` or ``followUpDate``.
"""

from __future__ import annotations

from typing import Any

from ._base import DEFAULT_PAGE_SIZE, E, Json, P, R, Resource


class Leads(Resource[R, P, E]):
    """Lead records; list filters include ``status``, ``customerId``, ``leadPhone``, ``ids``."""

    def create(self, body: Json) -> R:
        return self._post("leads", body)

    def get(self, lead_id: int) -> R:
        return self._get(f"leads/{lead_id}")

    def update(self, lead_id: int, body: Json) -> R:
        return self._patch(f"leads/{lead_id}", body)

    def list(
        self, *, page: int = 1, page_size: int = 50, include_total: bool = False, **filters: Any
    ) -> R:
        return self._page("leads", page, page_size, include_total, filters)

    def iter_all(self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> P:
        return self._all("leads", page_size, filters)

    def dismiss(self, lead_id: int, body: Json) -> R:
        """``{"dismissingReasonId": ...}`` (required); empty answer."""
        return self._post(f"leads/{lead_id}/dismiss", body)

    def follow_up(self, lead_id: int, body: Json) -> R:
        """``{"followUpDate": ..., "text": ..., "pinToTop": bool}``; returns the follow-up."""
        return self._post(f"leads/{lead_id}/follow-up", body)

    def create_note(self, lead_id: int, body: Json) -> R:
        """``{"text": ..., "pinToTop": bool}``."""
        return self._post(f"leads/{lead_id}/notes", body)

    def list_notes(self, lead_id: int, *, page: int = 1, page_size: int = 50) -> R:
        return self._page(f"leads/{lead_id}/notes", page, page_size, False, {})

    def iter_notes(self, lead_id: int, *, page_size: int = DEFAULT_PAGE_SIZE) -> P:
        return self._all(f"leads/{lead_id}/notes", page_size, {})

    def export(self, *, from_: str | None = None, include_recent_changes: bool = False) -> E:
        return self._export("leads", from_, include_recent_changes)
