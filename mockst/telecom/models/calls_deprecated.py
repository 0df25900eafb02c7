"""Telecom: calls deprecated schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.shared_models import NamedModel
from mockst.api.types import DateTime, Int32, Int64, StModel, string_format
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
)

Duration = string_format("duration")


class CallModel(StModel):
    model_config = ConfigDict(title="Module.Telecom.Shared.V2.CallModel")

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
    createdOn: DateTime
    active: bool


class ModuleTelecomSharedV2BundleCallModel(StModel):
    model_config = ConfigDict(title="Module.Telecom.Shared.V2.BundleCallModel")

    id: Int64
    jobNumber: str
    projectId: Int64
    businessUnit: BusinessUnitModel
    type: JobTypeModel
    leadCall: CallModel


class CollectionResultOfModuleTelecomSharedV2BundleCallModel(StModel):
    model_config = ConfigDict(title="CollectionResult_Of_Module.Telecom.Shared.V2.BundleCallModel")

    data: list[ModuleTelecomSharedV2BundleCallModel]
    page: Int32
    pageSize: Int32
    totalCount: Int32
    hasMore: bool
