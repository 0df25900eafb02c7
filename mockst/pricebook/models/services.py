"""Pricebook: services schemas.

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
    SkuCategoryResponse,
    SkuLinkRequest,
    SkuLinkResponse,
    SkuWarrantyRequest,
    SkuWarrantyResponse,
)

Html = string_format("html")


class ServiceGetResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ServiceGetResponse")

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
    calculatedPrice: Decimal | None = None
    useStaticPrices: bool | None = None


class ServiceResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ServiceResponse")

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


class ServiceCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ServiceCreateRequest")

    serviceMaterials: list[SkuLinkRequest] | None = None
    serviceEquipment: list[SkuLinkRequest] | None = None
    recommendations: list[Int64] | None = None
    upgrades: list[Int64] | None = None
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


class ServiceUpdateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ServiceUpdateRequest")

    code: str = Field(default=None)
    displayName: str = Field(default=None)
    description: Html = Field(default=None)
    warranty: SkuWarrantyRequest = Field(default=None)
    categories: list[Int64] = Field(default=None)
    price: Decimal = Field(default=None)
    memberPrice: Decimal = Field(default=None)
    addOnPrice: Decimal = Field(default=None)
    addOnMemberPrice: Decimal = Field(default=None)
    taxable: bool = Field(default=None)
    account: str = Field(default=None)
    intacctGlGroupAccount: str = Field(default=None)
    hours: Decimal = Field(default=None)
    isLabor: bool = Field(default=None)
    recommendations: list[Int64] = Field(default=None)
    upgrades: list[Int64] = Field(default=None)
    assets: list[SkuAssetRequest] = Field(default=None)
    serviceMaterials: list[SkuLinkRequest] = Field(default=None)
    serviceEquipment: list[SkuLinkRequest] = Field(default=None)
    active: bool = Field(default=None)
    crossSaleGroup: str = Field(default=None)
    paysCommission: bool = Field(default=None)
    bonus: Decimal = Field(default=None)
    commissionBonus: Decimal = Field(default=None)
    externalData: ExternalDataUpdateRequest | None = None
    budgetCostCode: str = Field(default=None)
    budgetCostType: str = Field(default=None)
    isPriceLocked: bool = Field(default=None)
