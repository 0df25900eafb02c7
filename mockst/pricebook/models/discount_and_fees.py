"""Pricebook: discount and fees schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Decimal, Int64, StModel, string_format
from mockst.pricebook.models.common import (
    ExternalDataCreateRequest,
    ExternalDataModel,
    ExternalDataUpdateRequest,
    PriceModifierAmountType,
    PriceModifierType,
    SkuAssetRequest,
    SkuAssetResponse,
)

Html = string_format("html")


class DiscountAndFeesResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.DiscountAndFeesResponse")

    id: Int64
    type: PriceModifierType
    code: str
    displayName: str | None = None
    description: Html
    amountType: PriceModifierAmountType
    amount: Decimal
    limit: Decimal
    taxable: bool
    categories: list[Int64] | None = None
    hours: Decimal
    assets: list[SkuAssetResponse] | None = None
    account: str | None = None
    crossSaleGroup: str | None = None
    active: bool
    bonus: Decimal
    commissionBonus: Decimal
    paysCommission: bool
    excludeFromPayroll: bool
    externalData: list[ExternalDataModel] | None = None
    budgetCostCode: str | None = None
    budgetCostType: str | None = None
    createdOn: DateTime
    modifiedOn: DateTime


class DiscountAndFeesCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.DiscountAndFeesCreateRequest")

    type: PriceModifierType
    code: str
    displayName: str | None = None
    description: Html
    amountType: PriceModifierAmountType
    amount: Decimal
    limit: Decimal | None = None
    taxable: bool | None = None
    categories: list[Int64] | None = None
    hours: Decimal | None = None
    assets: list[SkuAssetRequest] | None = None
    account: str | None = None
    intacctGlGroupAccount: str | None = None
    crossSaleGroup: str | None = None
    active: bool | None = None
    bonus: Decimal | None = None
    commissionBonus: Decimal | None = None
    paysCommission: bool | None = None
    excludeFromPayroll: bool | None = None
    externalData: ExternalDataCreateRequest | None = None
    budgetCostCode: str | None = None
    budgetCostType: str | None = None


class DiscountAndFeesUpdateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.DiscountAndFeesUpdateRequest")

    type: PriceModifierType = Field(default=None)
    code: str = Field(default=None)
    displayName: str = Field(default=None)
    description: Html = Field(default=None)
    amountType: PriceModifierAmountType = Field(default=None)
    amount: Decimal = Field(default=None)
    intacctGlGroupAccount: str = Field(default=None)
    limit: Decimal = Field(default=None)
    taxable: bool = Field(default=None)
    categories: list[Int64] = Field(default=None)
    hours: Decimal = Field(default=None)
    assets: list[SkuAssetRequest] = Field(default=None)
    account: str = Field(default=None)
    crossSaleGroup: str = Field(default=None)
    active: bool = Field(default=None)
    bonus: Decimal = Field(default=None)
    commissionBonus: Decimal = Field(default=None)
    paysCommission: bool = Field(default=None)
    excludeFromPayroll: bool = Field(default=None)
    externalData: ExternalDataUpdateRequest | None = None
    budgetCostCode: str = Field(default=None)
    budgetCostType: str = Field(default=None)
