"""Sales & Estimates: proposal types schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import Int32, Int64, SpecStrEnum, StModel


class ProposalBehaviorType(SpecStrEnum):
    __spec_name__ = "EstimateTemplates.Types.ProposalBehaviorType"

    PROGRESSIVE = "Progressive"
    ADDITIVE = "Additive"


class ProposalTypeOptionEstimateType(SpecStrEnum):
    __spec_name__ = "Estimates.V2.ProposalTypeOptionEstimateType"

    STANDARD = "Standard"
    INSURANCE = "Insurance"


class ProposalTypeOptionResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.ProposalTypeOptionResponse")

    id: Int64
    name: str
    order: Int32
    color: str | None = None
    estimateType: ProposalTypeOptionEstimateType


class ProposalTypeResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.ProposalTypeResponse")

    id: Int64
    name: str
    type: ProposalBehaviorType
    active: bool
    isSystemDefault: bool
    isDefault: bool
    options: list[ProposalTypeOptionResponse]


class ProposalTypesResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.ProposalTypesResponse")

    data: list[ProposalTypeResponse]
