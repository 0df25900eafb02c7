"""The items of the CRM v2 export feeds.

Covers the ``Export*Response`` schemas for bookings, customers, customer contacts, leads,
locations and location contacts; the feed envelope itself is built by the framework.
"""

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int64, StModel
from mockst.crm.models.common import (
    AddressModel,
    BookingStatus,
    CustomerAddress,
    CustomerType,
    CustomFieldModel,
    ExternalDataModel,
    LeadStatus,
    Priority,
)
from mockst.crm.models.customers import (
    CustomerContactWithModifiedOnAndCustomerIdResponse,
    CustomerResponse,
)
from mockst.crm.models.locations import LocationsContactResponse


class ExportBookingResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.ExportBookingResponse")

    summary: str | None = None
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
    active: bool


class ExportCustomerContactResponse(CustomerContactWithModifiedOnAndCustomerIdResponse):
    model_config = ConfigDict(title="Crm.V2.ExportCustomerContactResponse")

    active: bool


class ExportLocationContactResponse(LocationsContactResponse):
    model_config = ConfigDict(title="Crm.V2.ExportLocationContactResponse")

    active: bool


class ExportCustomerResponse(CustomerResponse):
    model_config = ConfigDict(title="Crm.V2.ExportCustomerResponse")


class ExportLeadsResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.ExportLeadsResponse")

    summary: str | None = None
    callReasonId: Int64 | None = None
    callId: Int64 | None = None
    bookingId: Int64 | None = None
    manualCallId: Int64 | None = None
    leadUrl: str | None = None
    leadCustomerName: str | None = None
    leadPhone: str | None = None
    leadEmail: str | None = None
    leadStreet: str | None = None
    leadUnit: str | None = None
    leadCity: str | None = None
    leadState: str | None = None
    leadZip: str | None = None
    leadCountry: str | None = None
    captureSource: str | None = None
    id: Int64
    status: LeadStatus
    priority: Priority
    customerId: Int64 | None = None
    locationId: Int64 | None = None
    businessUnitId: Int64 | None = None
    jobTypeId: Int64 | None = None
    campaignId: Int64
    followUpDate: DateTime | None = None
    createdById: Int64
    createdOn: DateTime
    modifiedOn: DateTime
    tagTypeIds: list[Int64] | None = None
    dismissingReasonId: Int64 | None = None
    active: bool


class ExportLocationsResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.ExportLocationsResponse")

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
