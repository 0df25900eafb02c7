"""Customers of CRM v2.

Covers the customer responses (plain and as created), create and update requests, the customer
contacts family (with modified-on and customer-id variants), customer notes, customer tags and
customer custom-field types.
"""

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Decimal, Double, Int64, StModel
from mockst.crm.models.common import (
    ContactPreferencesRequest,
    ContactPreferencesResponse,
    ContactType,
    CustomerAddress,
    CustomerType,
    CustomFieldModel,
    CustomFieldUpdateModel,
    ExternalDataCreateRequest,
    ExternalDataModel,
    ExternalDataUpdateRequest,
    GeolocationCoordinatesSource,
    GeolocationVerificationStatus,
    NewCustomerContact,
    PhoneSettings,
)
from mockst.crm.models.locations import CreateLocationResponse


class CustomerResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.CustomerResponse")

    id: Int64
    active: bool
    name: str
    type: CustomerType
    address: CustomerAddress
    customFields: list[CustomFieldModel]
    balance: Decimal
    taxExempt: bool
    tagTypeIds: list[Int64]
    doNotMail: bool
    doNotService: bool
    nationalAccount: bool
    createdOn: DateTime
    createdById: Int64
    modifiedOn: DateTime
    mergedToId: Int64 | None = None
    paymentTermId: Int64 | None = None
    creditLimit: Decimal | None = None
    creditLimitBalance: Decimal | None = None
    externalData: list[ExternalDataModel]


class CustomerContact(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.CustomerContact")

    id: Int64
    type: ContactType
    value: str
    memo: str | None = None


class CreatedCustomerResponse(CustomerResponse):
    model_config = ConfigDict(title="Crm.V2.Customers.CreatedCustomerResponse")

    locations: list[CreateLocationResponse]
    contacts: list[CustomerContact]


class NewLocation(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.NewLocation")

    name: str
    address: CustomerAddress
    contacts: list[NewCustomerContact] | None = None
    customFields: list[CustomFieldUpdateModel] | None = None
    tagTypeIds: list[Int64] | None = None
    externalData: ExternalDataCreateRequest | None = None
    coordinatesSource: GeolocationCoordinatesSource | None = None
    coordinatesVerificationStatus: GeolocationVerificationStatus | None = None


class CreateCustomerRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.CreateCustomerRequest")

    name: str
    type: CustomerType | None = None
    doNotMail: bool | None = None
    doNotService: bool | None = None
    nationalAccount: bool | None = None
    locations: list[NewLocation]
    address: CustomerAddress
    contacts: list[NewCustomerContact] | None = None
    customFields: list[CustomFieldUpdateModel] | None = None
    tagTypeIds: list[Int64] | None = None
    externalData: ExternalDataCreateRequest | None = None
    taxExempt: bool | None = None
    paymentTermId: Int64 | None = None
    creditLimit: Decimal | None = None
    creditLimitBalance: Decimal | None = None


class UpdateCustomerAddress(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.UpdateCustomerAddress")

    street: str
    unit: str
    city: str
    state: str
    zip: str
    country: str
    latitude: Double
    longitude: Double


class UpdateCustomerRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.UpdateCustomerRequest")

    name: str = Field(default=None)
    type: CustomerType = Field(default=None)
    address: UpdateCustomerAddress = Field(default=None)
    customFields: list[CustomFieldUpdateModel] = Field(default=None)
    externalData: ExternalDataUpdateRequest = Field(default=None)
    doNotMail: bool = Field(default=None)
    doNotService: bool = Field(default=None)
    nationalAccount: bool = Field(default=None)
    active: bool = Field(default=None)
    tagTypeIds: list[Int64] = Field(default=None)
    taxExempt: bool = Field(default=None)
    paymentTermId: Int64 = Field(default=None)
    creditLimit: Decimal = Field(default=None)
    creditLimitBalance: Decimal = Field(default=None)


class CustomerNoteCreateRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.CustomerNoteCreateRequest")

    text: str
    pinToTop: bool | None = None
    addToLocations: bool | None = None


class CustomerContactWithModifiedOnResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.CustomerContactWithModifiedOnResponse")

    id: Int64
    type: ContactType
    value: str
    memo: str | None = None
    modifiedOn: DateTime
    phoneSettings: PhoneSettings
    createdOn: DateTime
    preferences: ContactPreferencesResponse | None = None


class CreateCustomerContactRequest(NewCustomerContact):
    model_config = ConfigDict(title="Crm.V2.Customers.CreateCustomerContactRequest")


class UpdateCustomerContactRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.UpdateCustomerContactRequest")

    type: ContactType = Field(default=None)
    value: str = Field(default=None)
    memo: str = Field(default=None)
    preferences: ContactPreferencesRequest = Field(default=None)


class CustomerContactWithModifiedOnAndCustomerIdResponse(StModel):
    model_config = ConfigDict(
        title="Crm.V2.Customers.CustomerContactWithModifiedOnAndCustomerIdResponse"
    )

    modifiedOn: DateTime
    phoneSettings: PhoneSettings
    createdOn: DateTime
    preferences: ContactPreferencesResponse | None = None
    id: Int64
    type: ContactType
    value: str
    memo: str | None = None
    customerId: Int64


class CreateCustomerTagResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.CreateCustomerTagResponse")

    customerId: Int64
    tagTypeIds: list[Int64]


class CustomerCustomFieldTypeResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.CustomFieldTypeResponse")

    id: Int64
    name: str | None = None
    dataType: str | None = None
    dataTypeOptions: list[str] | None = None
    createdOn: DateTime
    modifiedOn: DateTime
