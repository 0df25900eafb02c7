"""Job Planning and Management: job cancel reasons schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int64, StModel


class JobCancelReasonResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.JobCancelReasonResponse")

    id: Int64
    name: str
    active: bool
    createdOn: DateTime
    modifiedOn: DateTime
