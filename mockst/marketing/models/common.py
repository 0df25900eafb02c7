"""Marketing: schemas shared by several resources.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.shared_models import ModificationResponse as ModificationResponse
from mockst.api.types import Decimal, Int32, Int64, StModel


class CampaignCostResponse(StModel):
    model_config = ConfigDict(title="Marketing.V2.CampaignCostResponse")

    id: Int64
    year: Int32
    month: Int32
    dailyCost: Decimal
    campaignId: Int64
