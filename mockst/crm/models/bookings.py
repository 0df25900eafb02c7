"""Bookings, their contacts and booking-provider tags (CRM v2).

Covers the official booking schemas (responses, create/update requests, dismissal), the
booking-contact request and response schemas and the booking-provider tag schemas.
"""

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Int64, StModel
from mockst.crm.models.common import (
    AddressModel,
    AddressPatchModel,
    BookingAgentTagType,
    BookingStatus,
    ContactType,
    CustomerType,
    Priority,
)


class BookingProviderTagResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.BookingProviderTagResponse")

    id: Int64
    tagName: str
    description: str
    type: BookingAgentTagType
    createdOn: DateTime
    modifiedOn: DateTime


class CreateBookingProviderTagResponse(BookingProviderTagResponse):
    model_config = ConfigDict(title="Crm.V2.CreateBookingProviderTagResponse")


class CreateBookingProviderTagRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.CreateBookingProviderTagRequest")

    tagName: str
    description: str


class GetBookingProviderTagResponse(BookingProviderTagResponse):
    model_config = ConfigDict(title="Crm.V2.GetBookingProviderTagResponse")

    active: bool


class UpdateBookingProviderTagRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.UpdateBookingProviderTagRequest")

    tagName: str = Field(default=None)
    description: str = Field(default=None)


class BookingResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.BookingResponse")

    id: Int64
    source: str
    createdOn: DateTime
    name: str
    address: AddressModel | None = None
    customerType: CustomerType | None = None
    start: DateTime
    campaignId: Int64 | None = None
    businessUnitId: Int64 | None = None
    isFirstTimeClient: bool | None = None
    uploadedImages: list[str] | None = None
    isSendConfirmationEmail: bool | None = None
    status: BookingStatus
    dismissingReasonId: Int64 | None = None
    jobId: Int64 | None = None
    externalId: str
    priority: Priority | None = None
    jobTypeId: Int64 | None = None
    bookingProviderId: Int64
    modifiedOn: DateTime
    summary: str | None = None


class BookingContactResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.BookingContactResponse")

    id: Int64
    type: ContactType
    value: str
    memo: str
    modifiedOn: DateTime


class BookingContactModel(StModel):
    model_config = ConfigDict(title="Crm.V2.BookingContactModel")

    type: ContactType
    value: str
    memo: str | None = None


class CreateBookingRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.CreateBookingRequest")

    source: str
    name: str
    address: AddressModel | None = None
    contacts: list[BookingContactModel] | None = None
    customerType: str | None = None
    start: DateTime | None = None
    summary: str
    campaignId: Int64 | None = None
    businessUnitId: Int64 | None = None
    jobTypeId: Int64 | None = None
    priority: Priority | None = None
    isFirstTimeClient: bool
    uploadedImages: list[str] | None = None
    isSendConfirmationEmail: bool | None = None
    externalId: str


class UpdateBookingRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.UpdateBookingRequest")

    source: str = Field(default=None)
    name: str = Field(default=None)
    address: AddressPatchModel = Field(default=None)
    customerType: CustomerType = Field(default=None)
    start: DateTime = Field(default=None)
    summary: str = Field(default=None)
    campaignId: Int64 = Field(default=None)
    businessUnitId: Int64 = Field(default=None)
    jobTypeId: Int64 = Field(default=None)
    priority: Priority = Field(default=None)
    isFirstTimeClient: bool = Field(default=None)
    uploadedImages: list[str] = Field(default=None)
    externalId: str = Field(default=None)


class ContactCreateRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.ContactCreateRequest")

    type: str
    value: str
    memo: str | None = None


class UpdateBookingContactRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.UpdateBookingContactRequest")

    type: ContactType = Field(default=None)
    value: str = Field(default=None)
    memo: str = Field(default=None)


class DismissBookingModel(StModel):
    model_config = ConfigDict(title="Crm.V2.DismissBookingModel")

    callReasonId: Int64 | None = None
    dismissingMemo: str | None = None
