"""Sales & Estimates: estimates status schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int64, StModel


class EstimateStatusChangesResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.EstimateStatusChangesResponse")

    id: Int64
    oldStatus: str | None = None
    newStatus: str | None = None
    createdOn: DateTime
    createdById: Int64 | None = None
