"""Pricebook: pricebook bulk schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.types import Decimal, Int64, StModel, string_format
from mockst.pricebook.models.common import (
    DimensionsRequest,
    EquipmentRecommendationRequest,
    EquipmentRecommendationType,
    ExternalDataCreateRequest,
    ExternalDataUpdateRequest,
    PriceModifierAmountType,
    PriceModifierType,
    SkuAssetRequest,
    SkuLinkRequest,
    SkuVendorRequest,
    SkuWarrantyRequest,
)

Html = string_format("html")


class CustomIdMappingModel(StModel):
    model_config = ConfigDict(title="Pricebook.V2.CustomIdMappingModel")

    customId: str
    id: Int64


class PricebookBulkCreateResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.PricebookBulkCreateResponse")

    services: list[CustomIdMappingModel] | None = None
    equipment: list[CustomIdMappingModel] | None = None
    materials: list[CustomIdMappingModel] | None = None
    discountAndFees: list[CustomIdMappingModel] | None = None


class SkuLinkBulkCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuLinkBulkCreateRequest")

    skuId: Int64 | None = None
    customId: str | None = None
    quantity: Decimal


class ServiceRecommendationBulkCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ServiceRecommendationBulkCreateRequest")

    skuId: Int64 | None = None
    customId: str | None = None


class SkuUpgradeBulkCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuUpgradeBulkCreateRequest")

    skuId: Int64 | None = None
    customId: str | None = None


class ServiceBulkCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ServiceBulkCreateRequest")

    serviceMaterials: list[SkuLinkBulkCreateRequest] | None = None
    serviceEquipment: list[SkuLinkBulkCreateRequest] | None = None
    recommendations: list[ServiceRecommendationBulkCreateRequest] | None = None
    upgrades: list[SkuUpgradeBulkCreateRequest] | None = None
    code: str
    displayName: str | None = None
    description: Html
    warranty: SkuWarrantyRequest | None = None
    categories: list[Int64] | None = None
    price: Decimal | None = None
    memberPrice: Decimal | None = None
    addOnPrice: Decimal | None = None
    addOnMemberPrice: Decimal | None = None
    taxable: bool | None = None
    account: str | None = None
    intacctGlGroupAccount: str | None = None
    hours: Decimal | None = None
    isLabor: bool | None = None
    assets: list[SkuAssetRequest] | None = None
    active: bool | None = None
    crossSaleGroup: str | None = None
    paysCommission: bool | None = None
    bonus: Decimal | None = None
    commissionBonus: Decimal | None = None
    externalData: ExternalDataCreateRequest | None = None
    budgetCostCode: str | None = None
    budgetCostType: str | None = None
    isPriceLocked: bool | None = None
    customId: str | None = None


class EquipmentRecommendationBulkCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.EquipmentRecommendationBulkCreateRequest")

    skuId: Int64 | None = None
    customId: str | None = None
    type: EquipmentRecommendationType


class EquipmentBulkCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.EquipmentBulkCreateRequest")

    equipmentMaterials: list[SkuLinkBulkCreateRequest] | None = None
    recommendations: list[EquipmentRecommendationBulkCreateRequest] | None = None
    upgrades: list[SkuUpgradeBulkCreateRequest] | None = None
    code: str
    displayName: str | None = None
    description: Html
    price: Decimal | None = None
    memberPrice: Decimal | None = None
    addOnPrice: Decimal | None = None
    addOnMemberPrice: Decimal | None = None
    active: bool | None = None
    manufacturer: str | None = None
    model: str | None = None
    manufacturerWarranty: SkuWarrantyRequest | None = None
    serviceProviderWarranty: SkuWarrantyRequest | None = None
    assets: list[SkuAssetRequest] | None = None
    categories: list[Int64] | None = None
    primaryVendor: SkuVendorRequest | None = None
    otherVendors: list[SkuVendorRequest] | None = None
    account: str | None = None
    costOfSaleAccount: str | None = None
    assetAccount: str | None = None
    intacctGlGroupAccount: str | None = None
    crossSaleGroup: str | None = None
    paysCommission: bool | None = None
    bonus: Decimal | None = None
    commissionBonus: Decimal | None = None
    hours: Decimal | None = None
    taxable: bool | None = None
    cost: Decimal | None = None
    unitOfMeasure: str | None = None
    isInventory: bool | None = None
    externalData: ExternalDataCreateRequest | None = None
    isConfigurableEquipment: bool | None = None
    variationEquipment: list[Int64] | None = None
    budgetCostCode: str | None = None
    budgetCostType: str | None = None
    dimensions: DimensionsRequest | None = None
    isCostLocked: bool | None = None
    isPriceLocked: bool | None = None
    customId: str | None = None


class MaterialBulkCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.MaterialBulkCreateRequest")

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
    customId: str | None = None


class DiscountAndFeesBulkCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.DiscountAndFeesBulkCreateRequest")

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
    customId: str | None = None


class PricebookBulkCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.PricebookBulkCreateRequest")

    services: list[ServiceBulkCreateRequest] | None = None
    equipment: list[EquipmentBulkCreateRequest] | None = None
    materials: list[MaterialBulkCreateRequest] | None = None
    discountAndFees: list[DiscountAndFeesBulkCreateRequest] | None = None


class ServiceBulkUpdateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ServiceBulkUpdateRequest")

    code: str
    displayName: str
    description: Html
    warranty: SkuWarrantyRequest
    categories: list[Int64]
    price: Decimal
    memberPrice: Decimal
    addOnPrice: Decimal
    addOnMemberPrice: Decimal
    taxable: bool
    account: str
    intacctGlGroupAccount: str
    hours: Decimal
    isLabor: bool
    recommendations: list[Int64]
    upgrades: list[Int64]
    assets: list[SkuAssetRequest]
    serviceMaterials: list[SkuLinkRequest]
    serviceEquipment: list[SkuLinkRequest]
    active: bool
    crossSaleGroup: str
    paysCommission: bool
    bonus: Decimal
    commissionBonus: Decimal
    externalData: ExternalDataUpdateRequest | None = None
    budgetCostCode: str
    budgetCostType: str
    isPriceLocked: bool
    id: Int64


class EquipmentBulkUpdateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.EquipmentBulkUpdateRequest")

    code: str
    displayName: str
    description: Html
    price: Decimal
    memberPrice: Decimal
    addOnPrice: Decimal
    addOnMemberPrice: Decimal
    active: bool
    manufacturer: str
    model: str
    manufacturerWarranty: SkuWarrantyRequest
    serviceProviderWarranty: SkuWarrantyRequest
    assets: list[SkuAssetRequest]
    recommendations: list[EquipmentRecommendationRequest]
    upgrades: list[Int64]
    equipmentMaterials: list[SkuLinkRequest]
    categories: list[Int64]
    primaryVendor: SkuVendorRequest
    otherVendors: list[SkuVendorRequest]
    account: str
    costOfSaleAccount: str
    assetAccount: str
    intacctGlGroupAccount: str
    crossSaleGroup: str
    paysCommission: bool
    bonus: Decimal
    commissionBonus: Decimal
    hours: Decimal
    taxable: bool
    cost: Decimal
    unitOfMeasure: str
    isInventory: bool
    externalData: ExternalDataUpdateRequest | None = None
    isConfigurableEquipment: bool
    variationEquipment: list[Int64]
    dimensions: DimensionsRequest
    budgetCostCode: str
    budgetCostType: str
    isCostLocked: bool
    isPriceLocked: bool
    id: Int64


class MaterialBulkUpdateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.MaterialBulkUpdateRequest")

    code: str
    displayName: str
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
    unitOfMeasure: str
    isInventory: bool
    account: str
    costOfSaleAccount: str
    assetAccount: str
    intacctGlGroupAccount: str
    taxable: bool
    primaryVendor: SkuVendorRequest
    otherVendors: list[SkuVendorRequest]
    assets: list[SkuAssetRequest]
    categories: list[Int64]
    externalData: ExternalDataUpdateRequest | None = None
    isConfigurableMaterial: bool
    chargeableByDefault: bool
    variationMaterials: list[Int64]
    costTypeId: Int64 | None = None
    budgetCostCode: str
    budgetCostType: str
    isCostLocked: bool
    isPriceLocked: bool
    isChemical: bool
    epaNumber: str
    activeIngredients: str
    id: Int64


class DiscountAndFeesBulkUpdateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.DiscountAndFeesBulkUpdateRequest")

    type: PriceModifierType
    code: str
    displayName: str
    description: Html
    amountType: PriceModifierAmountType
    amount: Decimal
    intacctGlGroupAccount: str
    limit: Decimal
    taxable: bool
    categories: list[Int64]
    hours: Decimal
    assets: list[SkuAssetRequest]
    account: str
    crossSaleGroup: str
    active: bool
    bonus: Decimal
    commissionBonus: Decimal
    paysCommission: bool
    excludeFromPayroll: bool
    externalData: ExternalDataUpdateRequest | None = None
    budgetCostCode: str
    budgetCostType: str
    id: Int64


class PricebookBulkUpdateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.PricebookBulkUpdateRequest")

    services: list[ServiceBulkUpdateRequest] | None = None
    equipment: list[EquipmentBulkUpdateRequest] | None = None
    materials: list[MaterialBulkUpdateRequest] | None = None
    discountAndFees: list[DiscountAndFeesBulkUpdateRequest] | None = None
