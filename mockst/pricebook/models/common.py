"""Pricebook: schemas shared by several resources.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.shared_models import ActiveRequestArg as ActiveRequestArg
from mockst.api.types import DateTime, Decimal, Guid, Int32, Int64, SpecStrEnum, StModel


class CategoryType(SpecStrEnum):
    __spec_name__ = "Pricebook.V2.CategoryType"

    SERVICES = "Services"
    MATERIALS = "Materials"


class CategoryResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.CategoryResponse")

    id: Int64
    name: str
    active: bool
    description: str | None = None
    image: str | None = None
    parentId: Int64 | None = None
    position: Int32
    categoryType: CategoryType
    subcategories: list[CategoryResponse] | None = None
    businessUnitIds: list[Int64] | None = None
    skuImages: list[str] | None = None
    skuVideos: list[str] | None = None
    source: str | None = None
    externalId: str | None = None
    hideInMobile: bool
    createdOn: DateTime
    modifiedOn: DateTime


class PriceModifierType(SpecStrEnum):
    __spec_name__ = "Pricebook.V2.PriceModifierType"

    DISCOUNT = "Discount"
    FEE = "Fee"


class PriceModifierAmountType(SpecStrEnum):
    __spec_name__ = "Pricebook.V2.PriceModifierAmountType"

    PERCENTAGE = "Percentage"
    FIXED = "Fixed"


class SkuAssetType(SpecStrEnum):
    __spec_name__ = "Pricebook.V2.SkuAssetType"

    OTHER = "Other"
    IMAGE = "Image"
    VIDEO = "Video"
    ATTACHMENT = "Attachment"
    VIDEO_FILE = "VideoFile"


class SkuAssetResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuAssetResponse")

    alias: str | None = None
    fileName: str | None = None
    isDefault: bool
    type: SkuAssetType
    url: str


class ExternalDataModel(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ExternalDataModel")

    key: str
    value: str


class SkuAssetRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuAssetRequest")

    type: SkuAssetType
    alias: str | None = None
    url: str
    isDefault: bool | None = None


class ExternalDataCreateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ExternalDataCreateRequest")

    applicationGuid: Guid
    externalData: list[ExternalDataModel]


class ExternalDataPatchMode(SpecStrEnum):
    __spec_name__ = "Pricebook.V2.ExternalDataPatchMode"

    REPLACE = "Replace"
    MERGE = "Merge"


class ExternalDataUpdateModel(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ExternalDataUpdateModel")

    key: str
    value: str | None = None


class ExternalDataUpdateRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.ExternalDataUpdateRequest")

    patchMode: ExternalDataPatchMode | None = None
    applicationGuid: Guid
    externalData: list[ExternalDataUpdateModel]


class SkuWarrantyResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuWarrantyResponse")

    duration: Int32
    description: str | None = None


class EquipmentRecommendationType(SpecStrEnum):
    __spec_name__ = "Pricebook.V2.EquipmentRecommendationType"

    SERVICE = "Service"
    MATERIAL = "Material"


class EquipmentRecommendationResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.EquipmentRecommendationResponse")

    skuId: Int64
    type: EquipmentRecommendationType


class SkuLinkResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuLinkResponse")

    skuId: Int64
    quantity: Decimal


class SkuVendorSubAccountResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuVendorSubAccountResponse")

    id: Int64
    cost: Decimal
    accountName: str


class SkuVendorResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuVendorResponse")

    id: Int64
    vendorName: str
    vendorId: Int64
    memo: str | None = None
    vendorPart: str | None = None
    cost: Decimal
    active: bool
    primarySubAccount: SkuVendorSubAccountResponse | None = None
    otherSubAccounts: list[SkuVendorSubAccountResponse] | None = None


class DimensionsResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.DimensionsResponse")

    height: Decimal | None = None
    width: Decimal | None = None
    depth: Decimal | None = None


class SkuLinkRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuLinkRequest")

    skuId: Int64
    quantity: Decimal


class EquipmentRecommendationRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.EquipmentRecommendationRequest")

    skuId: Int64
    type: EquipmentRecommendationType


class SkuWarrantyRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuWarrantyRequest")

    duration: Int32
    description: str | None = None


class SkuVendorSubAccountRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuVendorSubAccountRequest")

    cost: Decimal
    accountName: str


class SkuVendorRequest(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuVendorRequest")

    vendorId: Int64
    memo: str | None = None
    vendorPart: str | None = None
    cost: Decimal
    active: bool
    primarySubAccount: SkuVendorSubAccountRequest | None = None
    otherSubAccounts: list[SkuVendorSubAccountRequest] | None = None


class DimensionsRequest(DimensionsResponse):
    model_config = ConfigDict(title="Pricebook.V2.DimensionsRequest")


class SkuCategoryResponse(StModel):
    model_config = ConfigDict(title="Pricebook.V2.SkuCategoryResponse")

    id: Int64
    name: str
    active: bool
