"""Job Booking: call reasons schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.shared_models import ActiveRequestArg as ActiveRequestArg
from mockst.api.types import DateTime, Int64, StModel


class CallReasonResponse(StModel):
    model_config = ConfigDict(title="Jbce.V2.CallReasonResponse")

    id: Int64
    name: str
    isLead: bool
    active: bool
    createdOn: DateTime
    modifiedOn: DateTime
