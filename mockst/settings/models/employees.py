"""Employees of Settings v2.

Covers the employee response and its export-feed item, the address, custom-field and
permission parts, the create and update requests with their responses, and account actions.
"""

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Decimal, Int32, Int64, StModel
from mockst.settings.models.common import (
    AccountAction,
    AccountCreationMethod,
    Email,
    EmployeePosition,
    EmployeeUserRole,
    ModificationResponse,
    Password,
    Phone,
)


class EmployeeAddressResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.EmployeeAddressResponse")

    street: str | None = None
    unit: str | None = None
    country: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None


class EmployeeCustomFieldResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.EmployeeCustomFieldResponse")

    typeId: Int64
    name: str | None = None
    value: str | None = None


class EmployeePermissionResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.EmployeePermissionResponse")

    id: Int32
    value: str | None = None


class EmployeeResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.EmployeeResponse")

    id: Int64
    userId: Int64
    name: str
    firstName: str | None = None
    lastName: str | None = None
    managerId: Int64 | None = None
    role: EmployeeUserRole
    roleIds: list[Int64] | None = None
    businessUnitId: Int64 | None = None
    createdOn: DateTime
    modifiedOn: DateTime
    email: Email | None = None
    phoneNumber: Phone | None = None
    loginName: str | None = None
    active: bool
    aadUserId: str | None = None
    accountLocked: bool | None = None
    home: EmployeeAddressResponse | None = None
    agentId: Int32
    startDate: DateTime | None = None
    terminationDate: DateTime | None = None
    hourlyRate: Decimal
    overtimeProfileId: Int64 | None = None
    customFields: list[EmployeeCustomFieldResponse] | None = None
    permissions: list[EmployeePermissionResponse] | None = None


class ExportEmployeeResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.ExportEmployeeResponse")

    customFields: list[EmployeeCustomFieldResponse] | None = None
    permissions: list[EmployeePermissionResponse] | None = None
    id: Int64
    userId: Int64
    name: str
    firstName: str | None = None
    lastName: str | None = None
    managerId: Int64 | None = None
    role: EmployeeUserRole
    roleIds: list[Int64] | None = None
    businessUnitId: Int64 | None = None
    createdOn: DateTime
    modifiedOn: DateTime
    email: Email | None = None
    phoneNumber: Phone | None = None
    loginName: str | None = None
    active: bool
    aadUserId: str | None = None
    accountLocked: bool | None = None
    home: EmployeeAddressResponse | None = None
    agentId: Int32
    startDate: DateTime | None = None
    terminationDate: DateTime | None = None
    hourlyRate: Decimal
    overtimeProfileId: Int64 | None = None


class EmployeeCustomFieldCreateOrUpdateRequest(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.EmployeeCustomFieldCreateOrUpdateRequest")

    typeId: Int64
    value: str | None = None


class EmployeeCreateRequest(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.EmployeeCreateRequest")

    name: str = Field(max_length=255)
    mobilePhoneNumber: Phone | None = None
    phoneNumber: Phone | None = None
    email: Email
    login: str | None = Field(default=None, max_length=100)
    password: Password | None = None
    accountCreationMethod: AccountCreationMethod
    businessUnitId: Int64 | None = None
    roleId: Int64
    positions: list[EmployeePosition]
    aadUserId: str | None = None
    customFields: list[EmployeeCustomFieldCreateOrUpdateRequest] | None = None


class EmployeeCreateResponse(ModificationResponse):
    model_config = ConfigDict(title="TenantSettings.V2.EmployeeCreateResponse")


class EmployeeUpdateRequest(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.EmployeeUpdateRequest")

    name: str = Field(default=None)
    mobilePhoneNumber: Phone = Field(default=None)
    phoneNumber: Phone = Field(default=None)
    email: Email = Field(default=None)
    login: str = Field(default=None)
    businessUnitId: Int64 | None = None
    roleId: Int64 = Field(default=None)
    positions: list[EmployeePosition] = Field(default=None)
    aadUserId: str = Field(default=None)
    customFields: list[EmployeeCustomFieldCreateOrUpdateRequest] = Field(default=None)
    accountLocked: bool = Field(default=None)


class EmployeeUpdateResponse(ModificationResponse):
    model_config = ConfigDict(title="TenantSettings.V2.EmployeeUpdateResponse")


class AccountActionRequest(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.AccountActionRequest")

    action: AccountAction
