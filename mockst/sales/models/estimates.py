"""Sales & Estimates: estimates schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Decimal, Int64, SpecStrEnum, StModel, string_format
from mockst.sales.models.common import (
    EstimateItemResponse,
    EstimateReviewStatus,
    EstimateStatusModel,
    ExternalLinkResponse,
)

Html = string_format("html")


class EstimateResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.EstimateResponse")

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


class EstimateStatus(SpecStrEnum):
    __spec_name__ = "Estimates.Types.EstimateStatus"

    OPEN = "Open"
    SOLD = "Sold"
    DISMISSED = "Dismissed"


class EstimateItemCreateUpdateRequest(StModel):
    model_config = ConfigDict(title="Estimates.V2.EstimateItemCreateUpdateRequest")

    id: Int64 | None = None
    skuId: Int64 | None = None
    skuName: str | None = None
    parentItemId: Int64 | None = None
    description: Html | None = None
    isAddOn: bool | None = None
    quantity: Decimal | None = None
    unitPrice: Decimal | None = None
    skipUpdatingMembershipPrices: bool | None = None
    itemGroupName: str | None = None
    itemGroupRootId: Int64 | None = None
    chargeable: bool | None = None
    useDefaultProjectLabels: bool | None = None
    budgetCodeId: Int64 | None = None
    unitCost: Decimal = Field(default=None)


class ExternalLinkInModel(StModel):
    model_config = ConfigDict(title="Estimates.V2.ExternalLinkInModel")

    name: str | None = None
    url: str | None = None


class CreateEstimateRequest(StModel):
    model_config = ConfigDict(title="Estimates.V2.CreateEstimateRequest")

    name: str | None = None
    summary: str | None = None
    tax: Decimal | None = None
    status: EstimateStatus | None = None
    reviewStatus: EstimateReviewStatus | None = None
    soldBy: Int64 | None = None
    isRecommended: bool | None = None
    budgetCodeId: Int64 | None = None
    items: list[EstimateItemCreateUpdateRequest] | None = None
    externalLinks: list[ExternalLinkInModel] | None = None
    useDefaultProjectLabels: bool | None = None
    depositAmount: Decimal | None = None
    depositPercent: Decimal | None = None
    requireDepositOnSignature: bool | None = None
    jobId: Int64 | None = None
    projectId: Int64 | None = None
    locationId: Int64 | None = None


class UpdateEstimateRequest(StModel):
    model_config = ConfigDict(title="Estimates.V2.UpdateEstimateRequest")

    name: str | None = None
    summary: str | None = None
    tax: Decimal | None = None
    status: EstimateStatus | None = None
    reviewStatus: EstimateReviewStatus | None = None
    soldBy: Int64 | None = None
    isRecommended: bool | None = None
    budgetCodeId: Int64 | None = None
    items: list[EstimateItemCreateUpdateRequest] | None = None
    externalLinks: list[ExternalLinkInModel] | None = None
    useDefaultProjectLabels: bool | None = None
    depositAmount: Decimal | None = None
    depositPercent: Decimal | None = None
    requireDepositOnSignature: bool | None = None


class SellRequest(StModel):
    model_config = ConfigDict(title="Estimates.V2.SellRequest")

    soldBy: Int64


class EstimateItemUpdateResponse(EstimateItemResponse):
    model_config = ConfigDict(title="Estimates.V2.EstimateItemUpdateResponse")

    estimateId: Int64
