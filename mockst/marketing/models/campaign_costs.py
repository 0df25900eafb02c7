"""Marketing: campaign costs schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import Decimal, Int32, Int64, StModel


class CreateCampaignCostRequest(StModel):
    model_config = ConfigDict(title="Marketing.V2.CreateCampaignCostRequest")

    campaignId: Int64
    year: Int32
    month: Int32
    dailyCost: Decimal


class UpdateCampaignCostRequest(StModel):
    model_config = ConfigDict(title="Marketing.V2.UpdateCampaignCostRequest")

    dailyCost: Decimal
