"""Sales & Estimates: estimate templates schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.shared_models import SkuType as SkuType
from mockst.api.types import DateTime, Decimal, Int32, Int64, SpecStrEnum, StModel, string_format

Html = string_format("html")


class EstimateTemplateMode(SpecStrEnum):
    __spec_name__ = "EstimateTemplates.EstimateTemplateMode"

    DYNAMIC = "Dynamic"
    STATIC = "Static"


class EstimateTemplateItemResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.EstimateTemplateItemResponse")

    id: Int64
    skuId: Int64
    skuType: SkuType
    skuName: str | None = None
    description: Html | None = None
    quantity: Decimal
    unitPrice: Decimal
    totalPrice: Decimal
    isAddOn: bool
    chargeable: bool | None = None
    allowDiscounts: bool | None = None
    unitCost: Decimal
    memo: str | None = None
    order: Int32
    parentItemId: Int64 | None = None
    itemGroupParentId: Int64 | None = None
    itemGroupName: str | None = None
    projectLabels: str | None = None


class EstimateTemplateResponse(StModel):
    model_config = ConfigDict(title="Estimates.V2.EstimateTemplateResponse")

    id: Int64
    name: str
    internalName: str
    summary: Html | None = None
    mode: EstimateTemplateMode
    active: bool
    businessUnitId: Int64 | None = None
    totalCost: Decimal
    totalPrice: Decimal
    createdOn: DateTime
    modifiedOn: DateTime
    items: list[EstimateTemplateItemResponse]


class EstimateTemplateItemRequest(StModel):
    model_config = ConfigDict(title="Estimates.V2.EstimateTemplateItemRequest")

    id: Int64 | None = None
    skuId: Int64
    skuType: SkuType
    description: str | None = None
    quantity: Decimal
    unitPrice: Decimal | None = None
    isAddOn: bool
    chargeable: bool | None = None
    allowDiscounts: bool | None = None
    unitCost: Decimal | None = None
    memo: str | None = None
    parentItemId: Int64 | None = None
    itemGroupParentId: Int64 | None = None
    itemGroupName: str | None = None
    projectLabels: str | None = None


class CreateEstimateTemplateRequest(StModel):
    model_config = ConfigDict(title="Estimates.V2.CreateEstimateTemplateRequest")

    name: str
    internalName: str
    summary: str | None = None
    mode: EstimateTemplateMode
    active: bool | None = None
    businessUnitId: Int64 | None = None
    items: list[EstimateTemplateItemRequest]


class UpdateEstimateTemplateRequest(StModel):
    model_config = ConfigDict(title="Estimates.V2.UpdateEstimateTemplateRequest")

    name: str | None = None
    internalName: str | None = None
    summary: str | None = None
    mode: EstimateTemplateMode | None = None
    active: bool | None = None
    businessUnitId: Int64 | None = None
    items: list[EstimateTemplateItemRequest] | None = None
