"""Telecom: export schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Int64, SpecStrEnum, StModel, string_format
from mockst.telecom.models.common import V2NamedModel

Duration = string_format("duration")


class V2CallDirection(SpecStrEnum):
    __spec_name__ = "Telecom.V2.CallDirection"

    INBOUND = "Inbound"
    OUTBOUND = "Outbound"


class CallStatus(SpecStrEnum):
    __spec_name__ = "Telecom.V2.CallStatus"

    RINGING = "Ringing"
    ANSWERED = "Answered"
    COMPLETED = "Completed"
    INITIATED = "Initiated"


class V2CallType(SpecStrEnum):
    __spec_name__ = "Telecom.V2.CallType"

    ABANDONED = "Abandoned"
    UNBOOKED = "Unbooked"
    EXCUSED = "Excused"
    BOOKED = "Booked"
    NOT_LEAD = "NotLead"


class JobModel(StModel):
    model_config = ConfigDict(title="Telecom.V2.JobModel")

    id: Int64
    number: str


class LeadModel(StModel):
    model_config = ConfigDict(title="Telecom.V2.LeadModel")

    id: Int64


class ExportCallResponse(StModel):
    model_config = ConfigDict(title="Telecom.V2.ExportCallResponse")

    id: Int64
    duration: Duration
    from_: str = Field(alias="from")
    to: str
    direction: V2CallDirection
    status: CallStatus
    type: V2CallType | None = None
    recordingUrl: str | None = None
    voiceMailPath: str | None = None
    createdOn: DateTime
    modifiedOn: DateTime
    reason: V2NamedModel | None = None
    customer: V2NamedModel | None = None
    location: V2NamedModel | None = None
    campaign: V2NamedModel | None = None
    job: JobModel | None = None
    agent: V2NamedModel | None = None
    createdBy: V2NamedModel | None = None
    excuseMemo: str
    tag: str
    active: bool
    lead: LeadModel | None = None
