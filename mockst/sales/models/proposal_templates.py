"""Sales & Estimates: proposal templates schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int32, Int64, SpecStrEnum, StModel


class ProposalTemplateStatus(SpecStrEnum):
    __spec_name__ = "EstimateTemplates.Types.ProposalTemplateStatus"

    PUBLISH = "Publish"
    DRAFT = "Draft"


class ProposalTemplateAssignmentResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.ProposalTemplateAssignmentResponse")

    proposalTypeOptionId: Int64
    estimateTemplateId: Int64
    estimateTemplateName: str | None = None
    order: Int32


class ProposalTemplateResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.ProposalTemplateResponse")

    id: Int64
    name: str
    description: str | None = None
    active: bool
    status: ProposalTemplateStatus
    proposalTypeId: Int64
    proposalTypeName: str | None = None
    businessUnitIds: list[Int64]
    estimateAssignments: list[ProposalTemplateAssignmentResponse]
    createdOn: DateTime
    modifiedOn: DateTime


class ProposalTemplateAssignmentRequest(StModel):
    model_config = ConfigDict(title="Estimates.V2.ProposalTemplateAssignmentRequest")

    proposalTypeOptionId: Int64
    estimateTemplateId: Int64
    order: Int32


class CreateProposalTemplateRequest(StModel):
    model_config = ConfigDict(title="Estimates.V2.CreateProposalTemplateRequest")

    name: str
    description: str | None = None
    proposalTypeId: Int64
    status: ProposalTemplateStatus | None = None
    active: bool | None = None
    businessUnitIds: list[Int64] | None = None
    estimateAssignments: list[ProposalTemplateAssignmentRequest]


class UpdateProposalTemplateRequest(StModel):
    model_config = ConfigDict(title="Estimates.V2.UpdateProposalTemplateRequest")

    name: str | None = None
    description: str | None = None
    proposalTypeId: Int64 | None = None
    status: ProposalTemplateStatus | None = None
    active: bool | None = None
    businessUnitIds: list[Int64] | None = None
    estimateAssignments: list[ProposalTemplateAssignmentRequest] | None = None
