"""Sales & Estimates: estimates export schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Decimal, Int64, StModel
from mockst.sales.models.common import (
    EstimateItemResponse,
    EstimateReviewStatus,
    EstimateStatusModel,
    ExternalLinkResponse,
)


class ExportEstimatesResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.ExportEstimatesResponse")

    id: Int64
    jobId: Int64 | None = None
    projectId: Int64 | None = None
    locationId: Int64 | None = None
    customerId: Int64 | None = None
    name: str | None = None
    jobNumber: str | None = None
    status: EstimateStatusModel | None = None
    reviewStatus: EstimateReviewStatus
    summary: str | None = None
    createdOn: DateTime
    modifiedOn: DateTime
    soldOn: DateTime | None = None
    soldBy: Int64 | None = None
    active: bool
    items: list[EstimateItemResponse] | None = None
    externalLinks: list[ExternalLinkResponse] | None = None
    subtotal: Decimal
    tax: Decimal
    businessUnitId: Int64 | None = None
    businessUnitName: str | None = None
    isRecommended: bool
    budgetCodeId: Int64 | None = None
    isChangeOrder: bool
    proposalTagName: str | None = None
    depositAmount: Decimal | None = None
    depositPercent: Decimal | None = None
    requireDepositOnSignature: bool | None = None
