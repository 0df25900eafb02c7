"""Job Planning and Management: job hold reasons schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int64, StModel


class JobHoldReasonResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.JobHoldReasonResponse")

    id: Int64
    name: str
    active: bool
    createdOn: DateTime
    modifiedOn: DateTime
