"""Technicians of Settings v2.

Covers the technician response and its export-feed item with their address, custom-field,
permission, skill and location parts, the create and update requests (and the home address they
carry) with their responses, and technician account actions.
"""

from typing import Annotated

from pydantic import ConfigDict, Field, WithJsonSchema

from mockst.api.types import DateTime, Decimal, Double, Int64, StModel
from mockst.settings.models.common import (
    AccountCreationMethod,
    Duration,
    Email,
    Html,
    JobFilter,
    JobHistoryDateFilter,
    LicenseType,
    ModificationResponse,
    Password,
    Phone,
    TechnicianLicenseType,
    TechnicianPosition,
    TechnicianStatus,
)
from mockst.settings.models.employees import (
    AccountActionRequest,
    EmployeeAddressResponse,
    EmployeeCustomFieldCreateOrUpdateRequest,
    EmployeeCustomFieldResponse,
    EmployeePermissionResponse,
)

# The create request caps bio and memo at 4000 characters. The cap is both validated and shown in
# the JSON schema next to the html format (``Field(max_length=...)`` alone would not show it).
Html4000 = Annotated[
    str,
    Field(max_length=4000),
    WithJsonSchema({"type": "string", "format": "html", "maxLength": 4000}),
]


class TechnicianAddressResponse(EmployeeAddressResponse):
    model_config = ConfigDict(title="TenantSettings.V2.TechnicianAddressResponse")

    streetAddress: str | None = None
    latitude: Double | None = None
    longitude: Double | None = None


class TechnicianCustomFieldResponse(EmployeeCustomFieldResponse):
    model_config = ConfigDict(title="TenantSettings.V2.TechnicianCustomFieldResponse")


class TechnicianPermissionResponse(EmployeePermissionResponse):
    model_config = ConfigDict(title="TenantSettings.V2.TechnicianPermissionResponse")


class TechnicianSkillResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.TechnicianSkillResponse")

    id: Int64
    name: str | None = None


class TechnicianLocationResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.TechnicianLocationResponse")

    latitude: Double | None = None
    longitude: Double | None = None
    coordinatesUpdatedOn: DateTime | None = None


class TechnicianResponse(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.TechnicianResponse")

    id: Int64
    userId: Int64
    name: str
    roleIds: list[Int64] | None = None
    businessUnitId: Int64 | None = None
    mainZoneId: Int64 | None = None
    zoneIds: list[Int64] | None = None
    createdOn: DateTime
    modifiedOn: DateTime
    email: Email | None = None
    phoneNumber: Phone | None = None
    loginName: str | None = None
    home: TechnicianAddressResponse | None = None
    dailyGoal: Decimal
    isManagedTech: bool
    licenseType: LicenseType | None = None
    customFields: list[TechnicianCustomFieldResponse] | None = None
    active: bool
    aadUserId: str | None = None
    burdenRate: Decimal
    team: str | None = None
    jobFilter: JobFilter | None = None
    permissions: list[TechnicianPermissionResponse] | None = None
    accountLocked: bool | None = None
    commissionRate: Decimal
    currentValue: Decimal | None = None
    firstName: str | None = None
    lastName: str | None = None
    hourlyRate: Decimal
    jobId: Int64 | None = None
    mobilePhone: str | None = None
    outboundCallerId: str | None = None
    payrollId: str | None = None
    payrollProfileId: Int64 | None = None
    appoitmentId: Int64 | None = None
    shiftStart: Duration | None = None
    shiftEnd: Duration | None = None
    soldByRate: Decimal
    startDate: DateTime | None = None
    status: TechnicianStatus
    skills: list[TechnicianSkillResponse] | None = None
    positions: list[TechnicianPosition] | None = None
    location: TechnicianLocationResponse | None = None
    bio: Html | None = None
    memo: Html | None = None


class ExportTechnicianResponse(TechnicianResponse):
    model_config = ConfigDict(title="TenantSettings.V2.ExportTechnicianResponse")


class CreateOrUpdateAddressRequest(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.CreateOrUpdateAddressRequest")

    unit: str | None = None
    street: str
    city: str
    state: str | None = None
    country: str | None = None
    zip: str | None = None
    latitude: Double | None = None
    longitude: Double | None = None


class TechnicianCustomFieldCreateOrUpdateRequest(EmployeeCustomFieldCreateOrUpdateRequest):
    model_config = ConfigDict(title="TenantSettings.V2.TechnicianCustomFieldCreateOrUpdateRequest")


class TechnicianCreateRequest(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.TechnicianCreateRequest")

    name: str = Field(max_length=255)
    phoneNumber: Phone | None = None
    email: Email | None = None
    login: str | None = Field(default=None, max_length=100)
    password: Password | None = None
    accountCreationMethod: AccountCreationMethod
    businessUnitId: Int64 | None = None
    roleId: Int64
    positions: list[TechnicianPosition]
    aadUserId: str | None = None
    licenseType: LicenseType
    team: str | None = Field(default=None, max_length=500)
    dailyGoal: Decimal | None = None
    burdenRate: Decimal | None = None
    bio: Html4000 | None = None
    memo: Html4000 | None = None
    jobFilter: JobFilter | None = None
    jobHistoryDateFilter: JobHistoryDateFilter | None = None
    home: CreateOrUpdateAddressRequest | None = None
    customFields: list[TechnicianCustomFieldCreateOrUpdateRequest] | None = None


class TechnicianCreateResponse(ModificationResponse):
    model_config = ConfigDict(title="TenantSettings.V2.TechnicianCreateResponse")


class TechnicianUpdateRequest(StModel):
    model_config = ConfigDict(title="TenantSettings.V2.TechnicianUpdateRequest")

    name: str = Field(default=None)
    phoneNumber: Phone = Field(default=None)
    email: Email = Field(default=None)
    login: str = Field(default=None)
    businessUnitId: Int64 | None = None
    roleId: Int64 = Field(default=None)
    positions: list[TechnicianPosition] = Field(default=None)
    aadUserId: str = Field(default=None)
    licenseType: LicenseType = Field(default=None)
    team: str = Field(default=None)
    dailyGoal: Decimal | None = None
    burdenRate: Decimal | None = None
    bio: Html = Field(default=None)
    memo: Html = Field(default=None)
    jobFilter: JobFilter | None = None
    jobHistoryDateFilter: JobHistoryDateFilter | None = None
    home: CreateOrUpdateAddressRequest = Field(default=None)
    customFields: list[TechnicianCustomFieldCreateOrUpdateRequest] = Field(default=None)
    accountLocked: bool = Field(default=None)


class TechnicianUpdateResponse(ModificationResponse):
    model_config = ConfigDict(title="TenantSettings.V2.TechnicianUpdateResponse")


class TechnicianAccountActionRequest(AccountActionRequest):
    model_config = ConfigDict(title="TenantSettings.V2.TechnicianAccountActionRequest")

    licenseType: TechnicianLicenseType | None = None
    truckId: Int64 | None = None
