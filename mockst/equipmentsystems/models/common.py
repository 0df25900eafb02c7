"""Equipment Systems: schemas shared by several resources.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.shared_models import ActiveRequestArg as ActiveRequestArg
from mockst.api.types import DateTime, Decimal, Int32, Int64, SpecStrEnum, StModel, string_format

Date = string_format("date")


class InstalledEquipmentTypeModel(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.InstalledEquipmentTypeModel")

    id: Int64
    name: str | None = None


class InstalledEquipmentStatus(SpecStrEnum):
    __spec_name__ = "LocationEquipment.InstalledEquipmentStatus"

    INSTALLED = "Installed"
    REPLACED = "Replaced"


class TagResponseModel(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.TagResponseModel")

    id: Int64
    ownerId: Int64
    typeId: Int64
    typeName: str | None = None
    memo: str | None = None
    color: str | None = None
    textColor: str | None = None
    code: str | None = None


class InstalledEquipmentResponse(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.InstalledEquipmentResponse")

    id: Int64
    active: bool
    equipmentId: Int64 | None = None
    locationId: Int64
    customerId: Int64
    invoiceItemId: Int64 | None = None
    name: str
    type: InstalledEquipmentTypeModel | None = None
    installedOn: DateTime | None = None
    createdOn: DateTime
    modifiedOn: DateTime
    serialNumber: str
    barcodeId: str | None = None
    memo: str
    manufacturer: str
    model: str
    cost: Decimal
    status: InstalledEquipmentStatus
    manufacturerWarrantyStart: DateTime | None = None
    manufacturerWarrantyEnd: DateTime | None = None
    serviceProviderWarrantyStart: DateTime | None = None
    serviceProviderWarrantyEnd: DateTime | None = None
    tags: list[TagResponseModel] | None = None
    actualReplacementDate: Date | None = None
    manufacturedOn: Date | None = None
    predictedReplacementMonths: Int32 | None = None
    predictedReplacementDate: Date | None = None
