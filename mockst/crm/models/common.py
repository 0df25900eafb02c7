"""Enums and shared building blocks of the CRM v2 document.

Covers the official CRM enums (customer and contact types, priorities, booking and lead statuses,
booking-provider tag kinds, external-data patch modes, ``ActiveRequestArg`` and the two geolocation
enums) and the small schemas reused across families: addresses, custom fields, external data,
phone settings, contact preferences, new contacts and notes.
"""

from pydantic import ConfigDict

from mockst.api.shared_models import ActiveRequestArg as ActiveRequestArg
from mockst.api.types import DateTime, Double, Guid, Int64, SpecStrEnum, StModel, string_format

Multiline = string_format("multiline")


class CustomerType(SpecStrEnum):
    __spec_name__ = "Crm.V2.CustomerType"

    RESIDENTIAL = "Residential"
    COMMERCIAL = "Commercial"


class ContactType(SpecStrEnum):
    __spec_name__ = "Crm.V2.ContactType"

    PHONE = "Phone"
    EMAIL = "Email"
    FAX = "Fax"
    MOBILE_PHONE = "MobilePhone"


class Priority(SpecStrEnum):
    __spec_name__ = "Crm.V2.Priority"

    LOW = "Low"
    NORMAL = "Normal"
    HIGH = "High"
    URGENT = "Urgent"


class BookingStatus(SpecStrEnum):
    __spec_name__ = "Crm.V2.BookingStatus"

    NEW = "New"
    CONVERTED = "Converted"
    DISMISSED = "Dismissed"
    ACCEPTED = "Accepted"


class LeadStatus(SpecStrEnum):
    __spec_name__ = "Crm.V2.LeadStatus"

    OPEN = "Open"
    DISMISSED = "Dismissed"
    CONVERTED = "Converted"


class BookingAgentTagType(SpecStrEnum):
    __spec_name__ = "Crm.V2.BookingAgentTagType"

    V1_API = "V1Api"
    V2_API = "V2Api"


class ExternalDataPatchMode(SpecStrEnum):
    __spec_name__ = "Crm.V2.ExternalDataPatchMode"

    REPLACE = "Replace"
    MERGE = "Merge"


class GeolocationCoordinatesSource(SpecStrEnum):
    __spec_name__ = "GeolocationCoordinatesSource"

    NONE = "None"
    SYSTEM = "System"
    USER = "User"
    IMPORTED = "Imported"


class GeolocationVerificationStatus(SpecStrEnum):
    __spec_name__ = "GeolocationVerificationStatus"

    UNVERIFIED = "Unverified"
    IN_PROGRESS = "InProgress"
    FAILED = "Failed"
    VERIFIED = "Verified"


class AddressModel(StModel):
    model_config = ConfigDict(title="Crm.V2.AddressModel")

    street: str
    unit: str | None = None
    city: str
    state: str
    zip: str
    country: str


class AddressPatchModel(StModel):
    model_config = ConfigDict(title="Crm.V2.AddressPatchModel")

    street: str
    unit: str
    city: str
    state: str
    zip: str
    country: str


class CustomerAddress(AddressModel):
    model_config = ConfigDict(title="Crm.V2.Customers.CustomerAddress")

    latitude: Double | None = None
    longitude: Double | None = None


class CustomFieldModel(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.CustomFieldModel")

    typeId: Int64
    name: str | None = None
    value: str | None = None


class CustomFieldUpdateModel(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.CustomFieldUpdateModel")

    typeId: Int64
    value: str


class ExternalDataModel(StModel):
    model_config = ConfigDict(title="Crm.V2.ExternalDataModel")

    key: str
    value: str


class ExternalDataCreateRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.ExternalDataCreateRequest")

    applicationGuid: Guid
    externalData: list[ExternalDataModel]


class ExternalDataUpdateModel(StModel):
    model_config = ConfigDict(title="Crm.V2.ExternalDataUpdateModel")

    key: str
    value: Multiline | None = None


class ExternalDataUpdateRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.ExternalDataUpdateRequest")

    patchMode: ExternalDataPatchMode | None = None
    applicationGuid: Guid
    externalData: list[ExternalDataUpdateModel]


class NewCustomerContact(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.NewCustomerContact")

    type: ContactType
    value: str
    memo: str | None = None


class PhoneSettings(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.PhoneSettings")

    phoneNumber: str
    doNotText: bool


class ContactPreferencesResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.ContactPreferencesResponse")

    jobRemindersEnabled: bool
    marketingUpdatesEnabled: bool
    invoiceStatementNotification: bool
    invoiceNotification: bool
    statementNotification: bool


class ContactPreferencesRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.Customers.ContactPreferencesRequest")

    jobRemindersEnabled: bool
    marketingUpdatesEnabled: bool
    invoiceStatementNotification: bool
    invoiceNotification: bool
    statementNotification: bool


class NoteResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.NoteResponse")

    id: Int64
    text: str
    isPinned: bool
    createdById: Int64
    createdOn: DateTime
    modifiedOn: DateTime
