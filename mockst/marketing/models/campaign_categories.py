"""Marketing: campaign categories schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int64, SpecStrEnum, StModel


class CampaignCategoryType(SpecStrEnum):
    __spec_name__ = "Marketing.V2.CampaignCategoryType"

    REGULAR = "Regular"
    GOOGLE_HOME_SERVICES = "GoogleHomeServices"


class CampaignCategoryResponse(StModel):
    model_config = ConfigDict(title="Marketing.V2.CampaignCategoryResponse")

    id: Int64
    name: str
    active: bool
    type: CampaignCategoryType
    createdOn: DateTime
    modifiedOn: DateTime


class CampaignCategoryUpdateRequest(StModel):
    model_config = ConfigDict(title="Marketing.V2.CampaignCategoryUpdateRequest")

    name: str
    active: bool | None = None


class CampaignCategoryCreateRequest(StModel):
    model_config = ConfigDict(title="Marketing.V2.CampaignCategoryCreateRequest")

    name: str
