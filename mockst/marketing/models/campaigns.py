"""Marketing: campaigns schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.shared_models import ActiveRequestArg as ActiveRequestArg
from mockst.api.types import DateTime, Int64, StModel


class CampaignResponseCategory(StModel):
    model_config = ConfigDict(title="Marketing.V2.CampaignResponseCategory")

    id: Int64
    name: str
    active: bool


class CampaignResponse(StModel):
    model_config = ConfigDict(title="Marketing.V2.CampaignResponse")

    id: Int64
    name: str
    modifiedOn: DateTime
    createdOn: DateTime
    active: bool
    isDefaultCampaign: bool | None = None
    category: CampaignResponseCategory | None = None
    source: str | None = None
    otherSource: str | None = None
    businessUnit: str | None = None
    medium: str | None = None
    otherMedium: str | None = None
    campaignPhoneNumbers: list[str] | None = None


class CampaignUpsertRequest(StModel):
    model_config = ConfigDict(title="Marketing.V2.CampaignUpsertRequest")

    name: str
    businessUnitId: Int64
    dnis: str | None = None
    categoryId: Int64
    active: bool
    isDefaultCampaign: bool | None = None
    source: str | None = None
    medium: str | None = None
    otherSource: str | None = None
    otherMedium: str | None = None
