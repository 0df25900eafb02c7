"""Job Planning and Management: job types schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Decimal, Int32, Int64, SpecStrEnum, StModel, string_format
from mockst.jpm.models.common import (
    ExternalDataCreateRequest,
    ExternalDataModel,
    ExternalDataUpdateRequest,
)

Multiline = string_format("multiline")


class JobTypeResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.JobTypeResponse")

    id: Int64
    name: str
    businessUnitIds: list[Int64]
    skills: list[str]
    tagTypeIds: list[Int64]
    priority: str
    duration: Int64
    soldThreshold: Decimal | None = None
    class_: str = Field(alias="class")
    summary: Multiline
    noCharge: bool
    enforceRecurringServiceEventSelection: bool | None = None
    invoiceSignaturesRequired: bool
    modifiedOn: DateTime
    createdOn: DateTime
    externalData: list[ExternalDataModel]
    active: bool
    isSmartDispatched: bool
    defaultEstimateSoldAction: str
    customFieldTypeIds: list[Int64]


class CreateJobTypeRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.CreateJobTypeRequest")

    name: str
    businessUnitIds: list[Int64] | None = None
    skills: list[str] | None = None
    tagTypeIds: list[Int64] | None = None
    priority: str | None = None
    duration: Int32 | None = None
    soldThreshold: Decimal | None = None
    class_: str | None = Field(default=None, alias="class")
    summary: Multiline | None = None
    noCharge: bool | None = None
    enforceRecurringServiceEventSelection: bool | None = None
    invoiceSignaturesRequired: bool | None = None
    externalData: ExternalDataCreateRequest | None = None
    defaultEstimateSoldAction: str | None = None
    customFieldTypeIds: list[Int64] | None = None


class CustomFieldsUpdateMode(SpecStrEnum):
    __spec_name__ = "Jpm.V2.CustomFieldsUpdateMode"

    REPLACE = "Replace"
    MERGE = "Merge"


class UpdateJobTypeRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.UpdateJobTypeRequest")

    name: str = Field(default=None)
    businessUnitIds: list[Int64] = Field(default=None)
    skills: list[str] = Field(default=None)
    tagTypeIds: list[Int64] = Field(default=None)
    priority: str = Field(default=None)
    duration: Int32 = Field(default=None)
    soldThreshold: Decimal | None = None
    class_: str = Field(default=None, alias="class")
    summary: str = Field(default=None)
    noCharge: bool = Field(default=None)
    enforceRecurringServiceEventSelection: bool = Field(default=None)
    invoiceSignaturesRequired: bool = Field(default=None)
    externalData: ExternalDataUpdateRequest = Field(default=None)
    defaultEstimateSoldAction: str = Field(default=None)
    customFieldTypeIds: list[Int64] = Field(default=None)
    customFieldsUpdateMode: CustomFieldsUpdateMode | None = None
