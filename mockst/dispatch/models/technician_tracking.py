"""Dispatch: technician tracking schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import StModel


class TechnicianTrackingResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.TechnicianTrackingResponse")

    technicianTrackingUrl: str
