"""Tag types of Settings v2: the response, its export-feed item, create and update requests."""

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Int64, StModel
from mockst.settings.models.common import TagImportance


class TagTypeResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.TagTypeResponse")

    id: Int64
    name: str
    color: str
    code: str
    importance: TagImportance | None = None
    isConversionOpportunity: bool
    allowToUseOnTimesheetActivity: bool
    isVisibleOnDispatchBoard: bool
    active: bool
    createdOn: DateTime
    modifiedOn: DateTime


class ExportTagTypeResponse(TagTypeResponse):
    model_config = ConfigDict(title="TenantSettings.V2.ExportTagTypeResponse")


class CreateTagTypeRequest(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.CreateTagTypeRequest")

    name: str
    color: str = Field(pattern=r"^#([0-9A-Fa-f]{6})$")
    code: str | None = Field(default=None, max_length=20)
    importance: TagImportance | None = None
    isConversionOpportunity: bool | None = None
    allowToUseOnTimesheetActivity: bool | None = None
    isVisibleOnDispatchBoard: bool | None = None


class UpdateTagTypeRequest(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.UpdateTagTypeRequest")

    name: str = Field(default=None)
    color: str = Field(default=None, pattern=r"^#([0-9A-Fa-f]{6})$")
    code: str = Field(default=None, max_length=20)
    importance: TagImportance | None = None
    isConversionOpportunity: bool = Field(default=None)
    allowToUseOnTimesheetActivity: bool = Field(default=None)
    isVisibleOnDispatchBoard: bool = Field(default=None)
