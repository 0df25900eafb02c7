"""Sales & Estimates: schemas shared by several resources.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.shared_models import ActiveRequestArg as ActiveRequestArg
from mockst.api.types import DateTime, Decimal, Int32, Int64, SpecStrEnum, StModel, string_format

Html = string_format("html")


class EstimateStatusModel(StModel):
    model_config = ConfigDict(title="Estimates.V2.EstimateStatusModel")

    value: Int32
    name: str


class EstimateReviewStatus(SpecStrEnum):
    __spec_name__ = "Estimates.Types.EstimateReviewStatus"

    NONE = "None"
    NEEDS_APPROVAL = "NeedsApproval"
    APPROVED = "Approved"
    NOT_APPROVED = "NotApproved"


class SkuModel(StModel):
    model_config = ConfigDict(title="Estimates.V2.SkuModel")

    id: Int64
    name: str
    displayName: str
    type: str
    soldHours: Decimal
    generalLedgerAccountId: Int64
    generalLedgerAccountName: str
    modifiedOn: DateTime


class EstimateItemResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.EstimateItemResponse")

    id: Int64
    sku: SkuModel
    skuAccount: str
    description: Html
    membershipTypeId: Int64 | None = None
    qty: Decimal
    unitRate: Decimal
    total: Decimal
    unitCost: Decimal
    totalCost: Decimal
    itemGroupName: str
    itemGroupRootId: Int64 | None = None
    createdOn: DateTime
    modifiedOn: DateTime
    chargeable: bool | None = None
    invoiceItemId: Int64 | None = None
    budgetCodeId: Int64 | None = None


class ExternalLinkResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.ExternalLinkResponse")

    name: str
    url: str
