"""Pricebook: equipment schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Decimal, Int64, StModel, string_format
from mockst.pricebook.models.common import (
    DimensionsRequest,
    DimensionsResponse,
    EquipmentRecommendationRequest,
    EquipmentRecommendationResponse,
    ExternalDataCreateRequest,
    ExternalDataModel,
    ExternalDataUpdateRequest,
    SkuAssetRequest,
    SkuAssetResponse,
    SkuLinkRequest,
    SkuLinkResponse,
    SkuVendorRequest,
    SkuVendorResponse,
    SkuWarrantyRequest,
    SkuWarrantyResponse,
)

Html = string_format("html")


class EquipmentResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.EquipmentResponse")

    id: Int64
    code: str
    displayName: str | None = None
    description: Html
    active: bool
    price: Decimal
    memberPrice: Decimal
    addOnPrice: Decimal
    addOnMemberPrice: Decimal
    manufacturer: str | None = None
    model: str | None = None
    manufacturerWarranty: SkuWarrantyResponse
    serviceProviderWarranty: SkuWarrantyResponse
    categories: list[Int64]
    assets: list[SkuAssetResponse]
    recommendations: list[EquipmentRecommendationResponse]
    upgrades: list[Int64]
    equipmentMaterials: list[SkuLinkResponse]
    primaryVendor: SkuVendorResponse | None = None
    otherVendors: list[SkuVendorResponse] | None = None
    account: str | None = None
    costOfSaleAccount: str | None = None
    assetAccount: str | None = None
    crossSaleGroup: str | None = None
    paysCommission: bool
    bonus: Decimal
    commissionBonus: Decimal
    hours: Decimal
    taxable: bool
    cost: Decimal
    unitOfMeasure: str | None = None
    isInventory: bool
    modifiedOn: DateTime
    source: str | None = None
    externalId: str | None = None
    externalData: list[ExternalDataModel] | None = None
    isConfigurableEquipment: bool
    variationsOrConfigurableEquipment: list[Int64] | None = None
    typeId: Int64 | None = None
    displayInAmount: bool
    generalLedgerAccountId: Int64 | None = None
    createdOn: DateTime
    defaultAssetUrl: str | None = None
    dimensions: DimensionsResponse | None = None
    budgetCostCode: str | None = None
    budgetCostType: str | None = None
    isCostLocked: bool | None = None
    isPriceLocked: bool | None = None


class EquipmentCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.EquipmentCreateRequest")

    equipmentMaterials: list[SkuLinkRequest] | None = None
    recommendations: list[EquipmentRecommendationRequest] | None = None
    upgrades: list[Int64] | None = None
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


class EquipmentUpdateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.EquipmentUpdateRequest")

    code: str = Field(default=None)
    displayName: str = Field(default=None)
    description: Html = Field(default=None)
    price: Decimal = Field(default=None)
    memberPrice: Decimal = Field(default=None)
    addOnPrice: Decimal = Field(default=None)
    addOnMemberPrice: Decimal = Field(default=None)
    active: bool = Field(default=None)
    manufacturer: str = Field(default=None)
    model: str = Field(default=None)
    manufacturerWarranty: SkuWarrantyRequest = Field(default=None)
    serviceProviderWarranty: SkuWarrantyRequest = Field(default=None)
    assets: list[SkuAssetRequest] = Field(default=None)
    recommendations: list[EquipmentRecommendationRequest] = Field(default=None)
    upgrades: list[Int64] = Field(default=None)
    equipmentMaterials: list[SkuLinkRequest] = Field(default=None)
    categories: list[Int64] = Field(default=None)
    primaryVendor: SkuVendorRequest = Field(default=None)
    otherVendors: list[SkuVendorRequest] = Field(default=None)
    account: str = Field(default=None)
    costOfSaleAccount: str = Field(default=None)
    assetAccount: str = Field(default=None)
    intacctGlGroupAccount: str = Field(default=None)
    crossSaleGroup: str = Field(default=None)
    paysCommission: bool = Field(default=None)
    bonus: Decimal = Field(default=None)
    commissionBonus: Decimal = Field(default=None)
    hours: Decimal = Field(default=None)
    taxable: bool = Field(default=None)
    cost: Decimal = Field(default=None)
    unitOfMeasure: str = Field(default=None)
    isInventory: bool = Field(default=None)
    externalData: ExternalDataUpdateRequest | None = None
    isConfigurableEquipment: bool = Field(default=None)
    variationEquipment: list[Int64] = Field(default=None)
    dimensions: DimensionsRequest = Field(default=None)
    budgetCostCode: str = Field(default=None)
    budgetCostType: str = Field(default=None)
    isCostLocked: bool = Field(default=None)
    isPriceLocked: bool = Field(default=None)
