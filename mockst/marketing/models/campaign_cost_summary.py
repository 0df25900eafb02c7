"""Marketing: campaign cost summary schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import Decimal, Int64, StModel


class CampaignCostsSummaryItem(StModel):
    model_config = ConfigDict(title="Marketing.V2.CampaignCostsSummaryItem")

    campaignId: Int64
    campaignName: str
    totalCost: Decimal | None = None


class CampaignCostsSummaryResponse(StModel):
    model_config = ConfigDict(title="Marketing.V2.CampaignCostsSummaryResponse")

    items: list[CampaignCostsSummaryItem]
