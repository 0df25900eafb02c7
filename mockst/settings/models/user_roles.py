"""User roles of Settings v2: the user-role response."""

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int64, StModel
from mockst.settings.models.common import EmployeeType


class UserRoleResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.UserRoleResponse")

    id: Int64
    active: bool
    name: str
    createdOn: DateTime
    employeeType: EmployeeType
