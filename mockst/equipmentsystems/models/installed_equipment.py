"""Equipment Systems: installed equipment schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Decimal, Int32, Int64, SpecStrEnum, StModel, string_format
from mockst.equipmentsystems.models.common import (
    InstalledEquipmentResponse,
    InstalledEquipmentStatus,
)

Date = string_format("date")


class CustomFieldResponseModel(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.CustomFieldResponseModel")

    id: Int64
    typeId: Int64
    name: str | None = None
    value: str | None = None


class AttachmentAssetType(SpecStrEnum):
    __spec_name__ = "EquipmentSystems.V2.AttachmentAssetType"

    OTHER = "Other"
    IMAGE = "Image"
    VIDEO_FILE = "VideoFile"
    VIDEO_LINK = "VideoLink"
    DOCUMENT = "Document"


class AttachmentApiModel(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.AttachmentApiModel")

    alias: str | None = None
    fileName: str | None = None
    type: AttachmentAssetType
    url: str


class InstalledEquipmentDetailedResponse(InstalledEquipmentResponse):
    model_config = ConfigDict(title="EquipmentSystems.V2.InstalledEquipmentDetailedResponse")

    customFields: list[CustomFieldResponseModel] | None = None
    attachments: list[AttachmentApiModel] | None = None


class CustomFieldRequestModel(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.CustomFieldRequestModel")

    id: Int64 | None = None
    typeId: Int64 | None = None
    value: str | None = None


class InstalledEquipmentCreateRequest(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.InstalledEquipmentCreateRequest")

    locationId: Int64
    name: str | None = None
    equipmentTypeId: Int64 | None = None
    status: InstalledEquipmentStatus | None = None
    installedOn: DateTime | None = None
    actualReplacementDate: Date | None = None
    manufacturedOn: Date | None = None
    serialNumber: str | None = None
    barcodeId: str | None = None
    memo: str | None = None
    manufacturer: str | None = None
    model: str | None = None
    cost: Decimal | None = None
    manufacturerWarrantyStart: DateTime | None = None
    manufacturerWarrantyEnd: DateTime | None = None
    serviceProviderWarrantyStart: DateTime | None = None
    serviceProviderWarrantyEnd: DateTime | None = None
    customFields: list[CustomFieldRequestModel] | None = None
    attachments: list[AttachmentApiModel] | None = None
    tagTypeIds: list[Int64] | None = None


class InstalledEquipmentUpdateRequest(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.InstalledEquipmentUpdateRequest")

    name: str = Field(default=None)
    equipmentTypeId: Int64 = Field(default=None)
    status: InstalledEquipmentStatus = Field(default=None)
    installedOn: DateTime | None = None
    actualReplacementDate: Date | None = None
    manufacturedOn: Date | None = None
    serialNumber: str = Field(default=None)
    barcodeId: str = Field(default=None)
    memo: str = Field(default=None)
    manufacturer: str = Field(default=None)
    model: str = Field(default=None)
    cost: Decimal | None = None
    manufacturerWarrantyStart: DateTime | None = None
    manufacturerWarrantyEnd: DateTime | None = None
    serviceProviderWarrantyStart: DateTime | None = None
    serviceProviderWarrantyEnd: DateTime | None = None
    customFields: list[CustomFieldRequestModel | None] = Field(default=None)
    attachments: list[AttachmentApiModel | None] = Field(default=None)
    tagTypeIds: list[Int64] = Field(default=None)
    active: bool = Field(default=None)


class AttachmentUploadResponse(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.AttachmentUploadResponse")

    path: str


class CustomFieldDataType(SpecStrEnum):
    __spec_name__ = "CustomFieldDataType"

    TEXT = "Text"
    DROPDOWN = "Dropdown"
    NUMERIC = "Numeric"


class LocationEquipmentCustomFieldTypeModel(StModel):
    model_config = ConfigDict(title="LocationEquipment.CustomFieldTypeModel")

    id: Int64
    name: str
    dataType: CustomFieldDataType
    dataTypeOptions: list[str]


class RepositoryPageResultOfLocationEquipmentCustomFieldTypeModel(StModel):
    model_config = ConfigDict(
        title="LocationEquipment.Repositories.Types.RepositoryPageResult_Of_LocationEquipment.CustomFieldTypeModel"
    )

    page: Int32
    pageSize: Int32
    hasMore: bool
    data: list[LocationEquipmentCustomFieldTypeModel]
    totalCount: Int32 | None = None
