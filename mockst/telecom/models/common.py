"""Telecom: schemas shared by several resources.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.shared_models import CustomFieldApiModel as CustomFieldApiModel
from mockst.api.shared_models import NamedModel as NamedModel
from mockst.api.types import DateTime, Decimal, Double, Int64, SpecStrEnum, StModel


class V2NamedModel(StModel):
    model_config = ConfigDict(title="Telecom.V2.NamedModel")

    id: Int64
    name: str


class TagResponseModel(StModel):
    model_config = ConfigDict(title="Module.Telecom.Shared.TagResponseModel")

    id: Int64
    typeName: str


class BusinessUnitAddressModel(StModel):
    model_config = ConfigDict(title="Module.Admin.Shared.BusinessUnitAddressModel")

    street: str
    unit: str
    city: str
    state: str
    zip: str
    country: str


class BusinessUnitTenantModel(StModel):
    model_config = ConfigDict(title="Module.Admin.Shared.BusinessUnitTenantModel")

    id: Int64
    name: str
    quickbooksClass: str
    accountCode: str
    franchiseId: str
    conceptCode: str
    modifiedOn: DateTime


class BusinessUnitModel(StModel):
    model_config = ConfigDict(title="Module.Admin.Shared.BusinessUnitModel")

    id: Int64
    active: bool
    name: str = Field(min_length=1)
    officialName: str
    email: str
    currency: str
    phoneNumber: str
    invoiceHeader: str
    invoiceMessage: str
    defaultTaxRate: Decimal
    authorizationParagraph: str
    acknowledgementParagraph: str
    address: BusinessUnitAddressModel
    materialSku: str
    quickbooksClass: str
    accountCode: str
    franchiseId: str
    conceptCode: str
    corporateContractNumber: str
    tenant: BusinessUnitTenantModel
    modifiedOn: DateTime


class JobTypeModel(StModel):
    model_config = ConfigDict(title="JobTypeModel")

    id: Int64
    name: str = Field(min_length=1)
    modifiedOn: DateTime


class TelecomCallDirection(SpecStrEnum):
    __spec_name__ = "Telecom.CallDirection"

    INBOUND = "Inbound"
    OUTBOUND = "Outbound"


class TelecomCallType(SpecStrEnum):
    __spec_name__ = "Telecom.CallType"

    ABANDONED = "Abandoned"
    UNBOOKED = "Unbooked"
    EXCUSED = "Excused"
    BOOKED = "Booked"
    NOT_LEAD = "NotLead"


class SharedCallReasonModel(StModel):
    model_config = ConfigDict(title="Module.Telecom.Shared.CallReasonModel")

    id: Int64
    name: str
    lead: bool
    active: bool


class AddressOutput(StModel):
    model_config = ConfigDict(title="AddressOutput")

    street: str
    unit: str
    country: str
    city: str
    state: str
    zip: str
    streetAddress: str
    latitude: Double | None = None
    longitude: Double | None = None


class CustomerType(SpecStrEnum):
    __spec_name__ = "Crm.Customers.CustomerType"

    RESIDENTIAL = "Residential"
    COMMERCIAL = "Commercial"


class ContactOutputModel(StModel):
    model_config = ConfigDict(title="Contacts.Contracts.ContactOutputModel")

    id: Int64 | None = None
    type: str
    value: str
    memo: str
    active: bool
    modifiedOn: DateTime


class MembershipTypeModel(StModel):
    model_config = ConfigDict(title="Memberships.MembershipTypeModel")

    id: Int64
    active: bool
    name: str


class MembershipModel(StModel):
    model_config = ConfigDict(title="Memberships.MembershipModel")

    id: Int64
    active: bool
    type: MembershipTypeModel
    status: str
    from_: DateTime | None = Field(default=None, alias="from")
    to: DateTime | None = None
    locationId: Int64


class CustomerPhoneModel(StModel):
    model_config = ConfigDict(title="Crm.Contracts.Customers.CustomerPhoneModel")

    phoneNumber: str
    doNotText: bool


class CustomerModel(StModel):
    model_config = ConfigDict(title="Crm.Contracts.Customers.CustomerModel")

    id: Int64
    active: bool
    name: str = Field(min_length=1)
    email: str
    balance: Decimal | None = None
    doNotMail: bool
    address: AddressOutput
    importId: str
    doNotService: bool
    type: CustomerType
    contacts: list[ContactOutputModel]
    mergedToId: Int64 | None = None
    modifiedOn: DateTime
    memberships: list[MembershipModel]
    hasActiveMembership: bool | None = None
    customFields: list[CustomFieldApiModel]
    createdOn: DateTime
    createdBy: Int64 | None = None
    phoneSettings: list[CustomerPhoneModel]


class CampaignCategoryModel(StModel):
    model_config = ConfigDict(title="Marketing.Core.CampaignCategoryModel")

    id: Int64
    name: str = Field(min_length=1)
    active: bool


class CampaignModel(JobTypeModel):
    model_config = ConfigDict(title="Marketing.Core.CampaignModel")

    createdOn: DateTime
    active: bool
    isDefaultCampaign: bool | None = None
    category: CampaignCategoryModel | None = None
    source: str | None = None
    otherSource: str | None = None
    businessUnit: str | None = None
    medium: str | None = None
    otherMedium: str | None = None
    dnis: str | None = None


class SharedCallAgentModel(StModel):
    model_config = ConfigDict(title="Module.Telecom.Shared.CallAgentModel")

    id: Int64
    name: str
    externalId: Int64 | None = None
