"""Marketing: email channel cost schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import Decimal, StModel


class EmailChannelCostResponse(StModel):
    model_config = ConfigDict(title="Marketing.V2.EmailChannelCostResponse")

    totalCost: Decimal | None = None
