"""Job Planning and Management: schemas shared by several resources.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.shared_models import ActiveRequestArg as ActiveRequestArg
from mockst.api.shared_models import CustomFieldApiModel as CustomFieldApiModel
from mockst.api.types import DateTime, Guid, Int64, SpecStrEnum, StModel, string_format

Multiline = string_format("multiline")


class AppointmentStatus(SpecStrEnum):
    __spec_name__ = "Jpm.V2.Base.AppointmentStatus"

    SCHEDULED = "Scheduled"
    DISPATCHED = "Dispatched"
    WORKING = "Working"
    HOLD = "Hold"
    DONE = "Done"
    CANCELED = "Canceled"


class AppointmentSummaryApiModel(StModel):
    model_config = ConfigDict(title="Jpm.V2.AppointmentSummaryApiModel")

    createdOn: DateTime
    jobAppointmentId: Int64
    jobId: Int64
    modifiedOn: DateTime
    notes: Multiline
    technicianId: Int64


class ExternalDataModel(StModel):
    model_config = ConfigDict(title="Jpm.V2.ExternalDataModel")

    key: str
    value: str


class JobGeneratedLeadSource(StModel):
    model_config = ConfigDict(title="Jpm.V2.Base.JobGeneratedLeadSource")

    jobId: Int64 | None = None
    employeeId: Int64 | None = None


class ExternalDataCreateRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.ExternalDataCreateRequest")

    applicationGuid: Guid
    externalData: list[ExternalDataModel]


class ExternalDataPatchMode(SpecStrEnum):
    __spec_name__ = "Jpm.V2.ExternalDataPatchMode"

    REPLACE = "Replace"
    MERGE = "Merge"


class ExternalDataUpdateModel(StModel):
    model_config = ConfigDict(title="Jpm.V2.ExternalDataUpdateModel")

    key: str
    value: Multiline | None = None


class ExternalDataUpdateRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.ExternalDataUpdateRequest")

    patchMode: ExternalDataPatchMode | None = None
    applicationGuid: Guid
    externalData: list[ExternalDataUpdateModel]


class NoteResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.NoteResponse")

    text: str
    isPinned: bool
    createdById: Int64
    createdOn: DateTime
    modifiedOn: DateTime


class CustomFieldDataType(SpecStrEnum):
    __spec_name__ = "Jpm.V2.CustomFieldDataType"

    TEXT = "Text"
    DROPDOWN = "Dropdown"
    NUMERIC = "Numeric"


class CustomFieldTypeResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.CustomFieldTypeResponse")

    id: Int64
    name: str
    dataType: CustomFieldDataType
    dataTypeOptions: list[str] | None = None
    createdOn: DateTime
    modifiedOn: DateTime
