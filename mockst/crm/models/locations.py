"""Locations of CRM v2.

Covers the location responses (plain and as created), create and update requests with their
patch address, location contacts, location notes, location tags and location custom-field types.
"""

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Double, Int64, StModel
from mockst.crm.models.common import (
    AddressPatchModel,
    ContactPreferencesRequest,
    ContactPreferencesResponse,
    ContactType,
    CustomerAddress,
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


class LocationContact(StModel):
    model_config = ConfigDict(title="Crm.V2.Locations.LocationContact")

    id: Int64
    type: ContactType
    value: str
    memo: str | None = None


class CreateLocationResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.Locations.CreateLocationResponse")

    taxZoneId: Int64 | None = None
    id: Int64
    customerId: Int64
    active: bool
    name: str
    address: CustomerAddress
    customFields: list[CustomFieldModel]
    createdOn: DateTime
    createdById: Int64
    modifiedOn: DateTime
    mergedToId: Int64 | None = None
    zoneId: Int64 | None = None
    taxExempt: bool
    tagTypeIds: list[Int64]
    externalData: list[ExternalDataModel]
    contacts: list[LocationContact]


class LocationResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.Locations.LocationResponse")

    id: Int64
    customerId: Int64
    active: bool
    name: str
    address: CustomerAddress
    customFields: list[CustomFieldModel]
    createdOn: DateTime
    createdById: Int64
    modifiedOn: DateTime
    mergedToId: Int64 | None = None
    zoneId: Int64 | None = None
    taxExempt: bool
    tagTypeIds: list[Int64]
    externalData: list[ExternalDataModel]
    taxZoneId: Int64 | None = None


class CreateLocationRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.Locations.CreateLocationRequest")

    name: str
    address: CustomerAddress
    contacts: list[NewCustomerContact] | None = None
    customFields: list[CustomFieldUpdateModel] | None = None
    tagTypeIds: list[Int64] | None = None
    externalData: ExternalDataCreateRequest | None = None
    coordinatesSource: GeolocationCoordinatesSource | None = None
    coordinatesVerificationStatus: GeolocationVerificationStatus | None = None
    customerId: Int64


class LocationAddressPatchModel(AddressPatchModel):
    model_config = ConfigDict(title="Crm.V2.Locations.AddressPatchModel")

    latitude: Double | None = None
    longitude: Double | None = None


class UpdateLocationRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.Locations.UpdateLocationRequest")

    customerId: Int64 = Field(default=None)
    name: str = Field(default=None)
    address: LocationAddressPatchModel = Field(default=None)
    active: bool = Field(default=None)
    taxZoneId: Int64 = Field(default=None)
    customFields: list[CustomFieldUpdateModel] = Field(default=None)
    tagTypeIds: list[Int64] = Field(default=None)
    externalData: ExternalDataUpdateRequest = Field(default=None)


class LocationNoteCreateRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.LocationNoteCreateRequest")

    text: str
    pinToTop: bool | None = None
    addToCustomer: bool | None = None


class LocationContactResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.LocationContactResponse")

    id: Int64
    type: ContactType
    value: str
    memo: str | None = None
    phoneSettings: PhoneSettings
    modifiedOn: DateTime
    createdOn: DateTime
    preferences: ContactPreferencesResponse | None = None


class LocationsContactResponse(LocationContactResponse):
    model_config = ConfigDict(title="Crm.V2.LocationsContactResponse")

    locationId: Int64


class LocationContactCreateRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.LocationContactCreateRequest")

    type: ContactType
    value: str
    memo: str | None = None


class LocationContactUpdateRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.LocationContactUpdateRequest")

    type: ContactType = Field(default=None)
    value: str = Field(default=None)
    memo: str = Field(default=None)
    preferences: ContactPreferencesRequest = Field(default=None)


class CreateLocationTagResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.Locations.CreateLocationTagResponse")

    locationId: Int64
    tagTypeIds: list[Int64]


class LocationCustomFieldTypeResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.Locations.CustomFieldTypeResponse")

    id: Int64
    name: str | None = None
    dataType: str | None = None
    dataTypeOptions: list[str] | None = None
    createdOn: DateTime
    modifiedOn: DateTime
