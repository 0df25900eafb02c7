"""Pricebook: export schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Decimal, Int64, StModel, string_format
from mockst.pricebook.models.common import (
    CategoryResponse,
    DimensionsResponse,
    EquipmentRecommendationResponse,
    ExternalDataModel,
    SkuAssetResponse,
    SkuCategoryResponse,
    SkuLinkResponse,
    SkuVendorResponse,
    SkuWarrantyResponse,
)

Html = string_format("html")


class ExportCategoryResponse(CategoryResponse):
    model_config = ConfigDict(title="Pricebook.V2.ExportCategoryResponse")


class ExportEquipmentResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ExportEquipmentResponse")

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


class ExportServiceResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ExportServiceResponse")

    id: Int64
    code: str
    displayName: str | None = None
    description: Html
    warranty: SkuWarrantyResponse | None = None
    categories: list[SkuCategoryResponse]
    price: Decimal
    memberPrice: Decimal
    addOnPrice: Decimal
    addOnMemberPrice: Decimal
    taxable: bool
    account: str | None = None
    hours: Decimal
    isLabor: bool | None = None
    recommendations: list[Int64]
    upgrades: list[Int64]
    assets: list[SkuAssetResponse]
    serviceMaterials: list[SkuLinkResponse]
    serviceEquipment: list[SkuLinkResponse]
    active: bool
    crossSaleGroup: str | None = None
    paysCommission: bool
    bonus: Decimal
    commissionBonus: Decimal
    modifiedOn: DateTime
    source: str | None = None
    externalId: str | None = None
    externalData: list[ExternalDataModel] | None = None
    businessUnitId: Int64 | None = None
    cost: Decimal
    createdOn: DateTime
    soldByCommission: Decimal
    defaultAssetUrl: str | None = None
    budgetCostCode: str | None = None
    budgetCostType: str | None = None
    isPriceLocked: bool | None = None


class ExportMaterialResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ExportMaterialResponse")

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
