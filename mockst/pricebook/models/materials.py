"""Pricebook: materials schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Decimal, Int64, StModel, string_format
from mockst.pricebook.models.common import (
    ExternalDataCreateRequest,
    ExternalDataModel,
    ExternalDataUpdateRequest,
    SkuAssetRequest,
    SkuAssetResponse,
    SkuVendorRequest,
    SkuVendorResponse,
)

Html = string_format("html")


class MaterialResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.MaterialResponse")

    id: Int64
    code: str
    displayName: str | None = None
    description: Html
    cost: Decimal
    active: bool
    price: Decimal
    memberPrice: Decimal
    addOnPrice: Decimal
    addOnMemberPrice: Decimal
    hours: Decimal
    bonus: Decimal
    commissionBonus: Decimal
    paysCommission: bool
    deductAsJobCost: bool
    unitOfMeasure: str | None = None
    isInventory: bool
    account: str | None = None
    costOfSaleAccount: str | None = None
    assetAccount: str | None = None
    taxable: bool | None = None
    primaryVendor: SkuVendorResponse | None = None
    otherVendors: list[SkuVendorResponse] | None = None
    categories: list[Int64]
    assets: list[SkuAssetResponse]
    modifiedOn: DateTime
    source: str | None = None
    externalId: str | None = None
    externalData: list[ExternalDataModel] | None = None
    isConfigurableMaterial: bool
    chargeableByDefault: bool
    variationsOrConfigurableMaterials: list[Int64] | None = None
    businessUnitId: Int64 | None = None
    createdById: Int64
    createdOn: DateTime
    displayInAmount: bool
    generalLedgerAccountId: Int64 | None = None
    isOtherDirectCost: bool
    costTypeId: Int64 | None = None
    defaultAssetUrl: str | None = None
    budgetCostCode: str | None = None
    budgetCostType: str | None = None
    isCostLocked: bool | None = None
    isPriceLocked: bool | None = None
    isChemical: bool | None = None
    epaNumber: str | None = None
    activeIngredients: str | None = None


class MaterialCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.MaterialCreateRequest")

    code: str
    displayName: str | None = None
    description: Html
    cost: Decimal | None = None
    active: bool | None = None
    price: Decimal | None = None
    memberPrice: Decimal | None = None
    addOnPrice: Decimal | None = None
    addOnMemberPrice: Decimal | None = None
    hours: Decimal | None = None
    bonus: Decimal | None = None
    commissionBonus: Decimal | None = None
    paysCommission: bool | None = None
    deductAsJobCost: bool | None = None
    unitOfMeasure: str | None = None
    isInventory: bool | None = None
    account: str | None = None
    costOfSaleAccount: str | None = None
    assetAccount: str | None = None
    intacctGlGroupAccount: str | None = None
    taxable: bool | None = None
    primaryVendor: SkuVendorRequest | None = None
    otherVendors: list[SkuVendorRequest] | None = None
    assets: list[SkuAssetRequest] | None = None
    categories: list[Int64] | None = None
    externalData: ExternalDataCreateRequest | None = None
    isConfigurableMaterial: bool | None = None
    chargeableByDefault: bool | None = None
    variationMaterials: list[Int64] | None = None
    isOtherDirectCost: bool | None = None
    costTypeId: Int64 | None = None
    budgetCostCode: str | None = None
    budgetCostType: str | None = None
    isCostLocked: bool | None = None
    isPriceLocked: bool | None = None
    isChemical: bool | None = None
    epaNumber: str | None = Field(default=None, max_length=500)
    activeIngredients: str | None = Field(default=None, max_length=500)


class MaterialUpdateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.MaterialUpdateRequest")

    code: str = Field(default=None)
    displayName: str = Field(default=None)
    description: Html = Field(default=None)
    cost: Decimal = Field(default=None)
    active: bool = Field(default=None)
    price: Decimal = Field(default=None)
    memberPrice: Decimal = Field(default=None)
    addOnPrice: Decimal = Field(default=None)
    addOnMemberPrice: Decimal = Field(default=None)
    hours: Decimal = Field(default=None)
    bonus: Decimal = Field(default=None)
    commissionBonus: Decimal = Field(default=None)
    paysCommission: bool = Field(default=None)
    deductAsJobCost: bool = Field(default=None)
    unitOfMeasure: str = Field(default=None)
    isInventory: bool = Field(default=None)
    account: str = Field(default=None)
    costOfSaleAccount: str = Field(default=None)
    assetAccount: str = Field(default=None)
    intacctGlGroupAccount: str = Field(default=None)
    taxable: bool = Field(default=None)
    primaryVendor: SkuVendorRequest = Field(default=None)
    otherVendors: list[SkuVendorRequest] = Field(default=None)
    assets: list[SkuAssetRequest] = Field(default=None)
    categories: list[Int64] = Field(default=None)
    externalData: ExternalDataUpdateRequest | None = None
    isConfigurableMaterial: bool = Field(default=None)
    chargeableByDefault: bool = Field(default=None)
    variationMaterials: list[Int64] = Field(default=None)
    costTypeId: Int64 | None = None
    budgetCostCode: str = Field(default=None)
    budgetCostType: str = Field(default=None)
    isCostLocked: bool = Field(default=None)
    isPriceLocked: bool = Field(default=None)
    isChemical: bool = Field(default=None)
    epaNumber: str = Field(default=None)
    activeIngredients: str = Field(default=None)


class CostTypeResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.CostTypeResponse")

    id: Int64
    name: str | None = None
