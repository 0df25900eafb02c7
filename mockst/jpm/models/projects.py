"""Job Planning and Management: projects schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.shared_models import CustomFieldApiModel
from mockst.api.types import DateTime, Int64, StModel, string_format
from mockst.jpm.models.common import (
    ExternalDataCreateRequest,
    ExternalDataModel,
    ExternalDataUpdateRequest,
)

Html = string_format("html")


class ProjectResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.ProjectResponse")

    id: Int64
    number: str
    name: str | None = None
    summary: Html | None = None
    status: str | None = None
    statusId: Int64 | None = None
    subStatus: str | None = None
    subStatusId: Int64 | None = None
    customerId: Int64
    locationId: Int64
    projectTypeId: Int64 | None = None
    projectManagerIds: list[Int64]
    businessUnitIds: list[Int64]
    startDate: DateTime | None = None
    targetCompletionDate: DateTime | None = None
    actualCompletionDate: DateTime | None = None
    modifiedOn: DateTime | None = None
    createdOn: DateTime
    customFields: list[CustomFieldApiModel]
    externalData: list[ExternalDataModel]
    jobIds: list[Int64]


class CustomFieldCreateOrUpdateModel(StModel):
    model_config = ConfigDict(title="Jpm.V2.CustomFieldCreateOrUpdateModel")

    typeId: Int64
    value: str


class CreateProjectRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.CreateProjectRequest")

    locationId: Int64
    customerId: Int64 | None = None
    projectTypeId: Int64 | None = None
    projectManagerIds: list[Int64] | None = None
    name: str | None = None
    summary: Html | None = None
    statusId: Int64 | None = None
    subStatusId: Int64 | None = None
    startDate: DateTime | None = None
    targetCompletionDate: DateTime | None = None
    actualCompletionDate: DateTime | None = None
    customFields: list[CustomFieldCreateOrUpdateModel] | None = None
    externalData: ExternalDataCreateRequest | None = None
    businessUnitIds: list[Int64] | None = None


class UpdateProjectRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.UpdateProjectRequest")

    projectManagerIds: list[Int64] = Field(default=None)
    jobIds: list[Int64] = Field(default=None)
    businessUnitIds: list[Int64] = Field(default=None)
    name: str = Field(default=None)
    summary: Html = Field(default=None)
    statusId: Int64 = Field(default=None)
    subStatusId: Int64 = Field(default=None)
    projectTypeId: Int64 | None = None
    startDate: DateTime = Field(default=None)
    targetCompletionDate: DateTime = Field(default=None)
    actualCompletionDate: DateTime = Field(default=None)
    customFields: list[CustomFieldCreateOrUpdateModel] = Field(default=None)
    externalData: ExternalDataUpdateRequest = Field(default=None)


class ProjectNoteCreateRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.ProjectNoteCreateRequest")

    text: str = Field(min_length=1)
    pinToTop: bool | None = None
