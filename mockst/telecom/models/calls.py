"""Telecom: calls schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.shared_models import ActiveRequestArg as ActiveRequestArg
from mockst.api.shared_models import NamedModel
from mockst.api.types import DateTime, Double, Int64, SpecStrEnum, StModel, string_format
from mockst.telecom.models.common import (
    BusinessUnitModel,
    CampaignModel,
    CustomerModel,
    JobTypeModel,
    SharedCallAgentModel,
    SharedCallReasonModel,
    TagResponseModel,
    TelecomCallDirection,
    TelecomCallType,
    V2NamedModel,
)

Duration = string_format("duration")


class V3JobTypeModel(StModel):
    model_config = ConfigDict(title="Telecom.V3.JobTypeModel")

    id: Int64
    name: str
    modifiedOn: DateTime


class V3CallDirection(SpecStrEnum):
    __spec_name__ = "Telecom.V3.CallDirection"

    INBOUND = "Inbound"
    OUTBOUND = "Outbound"


class V3CallType(SpecStrEnum):
    __spec_name__ = "Telecom.V3.CallType"

    ABANDONED = "Abandoned"
    UNBOOKED = "Unbooked"
    EXCUSED = "Excused"
    BOOKED = "Booked"
    NOT_LEAD = "NotLead"


class V3CallReasonModel(SharedCallReasonModel):
    model_config = ConfigDict(title="Telecom.V3.CallReasonModel")


class V3CallAgentModel(SharedCallAgentModel):
    model_config = ConfigDict(title="Telecom.V3.CallAgentModel")


class CallModelResponse(StModel):
    model_config = ConfigDict(title="Telecom.V3.CallModelResponse")

    createdOn: DateTime
    active: bool
    id: Int64
    receivedOn: DateTime
    duration: Duration
    from_: str = Field(alias="from")
    to: str
    direction: V3CallDirection
    callType: V3CallType | None = None
    reason: V3CallReasonModel | None = None
    recordingUrl: str | None = None
    voiceMailUrl: str | None = None
    createdBy: V2NamedModel | None = None
    customer: V2NamedModel | None = None
    campaign: V2NamedModel | None = None
    modifiedOn: DateTime
    agent: V3CallAgentModel | None = None
    sid: str | None = None
    tags: list[TagResponseModel] | None = None


class CallResponse(StModel):
    model_config = ConfigDict(title="Telecom.V3.CallResponse")

    id: Int64
    jobNumber: str | None = None
    projectId: Int64
    businessUnit: V2NamedModel | None = None
    type: V3JobTypeModel | None = None
    leadCall: CallModelResponse


class DetailedCallModel(StModel):
    model_config = ConfigDict(title="Module.Telecom.Shared.DetailedCallModel")

    id: Int64
    receivedOn: DateTime
    duration: Duration
    from_: str = Field(alias="from")
    to: str
    direction: TelecomCallDirection
    callType: TelecomCallType | None = None
    reason: SharedCallReasonModel
    recordingUrl: str
    voiceMailUrl: str
    createdBy: NamedModel
    customer: CustomerModel
    campaign: CampaignModel
    modifiedOn: DateTime
    agent: SharedCallAgentModel
    sid: str
    tags: list[TagResponseModel]


class DetailedBundleCallModel(StModel):
    model_config = ConfigDict(title="Module.Telecom.Shared.DetailedBundleCallModel")

    id: Int64
    jobNumber: str
    projectId: Int64
    businessUnit: BusinessUnitModel
    type: JobTypeModel
    leadCall: DetailedCallModel


class ReasonInModel(StModel):
    model_config = ConfigDict(title="Module.Telecom.Shared.ReasonInModel")

    name: str
    lead: bool


class AddressInput(StModel):
    model_config = ConfigDict(title="AddressInput")

    street: str
    unit: str
    country: str
    city: str
    state: str
    zip: str
    latitude: Double | None = None
    longitude: Double | None = None


class ContactInputModel(StModel):
    model_config = ConfigDict(title="ContactInputModel")

    id: Int64 | None = None
    type: str
    value: str
    memo: str


class CustomerInModel(StModel):
    model_config = ConfigDict(title="CustomerInModel")

    id: Int64
    name: str
    address: AddressInput
    contacts: list[ContactInputModel]


class LocationInModel(CustomerInModel):
    model_config = ConfigDict(title="LocationInModel")


class CallInUpdateModelV2(StModel):
    model_config = ConfigDict(title="Module.Telecom.Shared.CallInUpdateModelV2")

    callId: Int64 | None = None
    callType: TelecomCallType | None = None
    excuseMemo: str
    campaignId: Int64 | None = None
    jobId: Int64 | None = None
    agentId: Int64 | None = None
    reason: ReasonInModel
    customer: CustomerInModel
    location: LocationInModel
    tag: str
