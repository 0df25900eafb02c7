"""Leads of CRM v2.

Covers the lead response, create/update/dismiss requests, follow-ups, lead notes and the public
lead-form submission.
"""

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Int64, StModel
from mockst.crm.models.common import CustomerAddress, LeadStatus, Priority


class LeadResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.LeadResponse")

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


class FollowUpResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.FollowUpResponse")

    leadId: Int64
    followUpDate: DateTime
    text: str | None = None
    pinToTop: bool


class CreateFollowUpRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.CreateFollowUpRequest")

    followUpDate: DateTime
    text: str | None = None
    pinToTop: bool | None = None


class LeadCreateRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.LeadCreateRequest")

    customerId: Int64 | None = None
    locationId: Int64 | None = None
    campaignId: Int64
    businessUnitId: Int64 | None = None
    jobTypeId: Int64 | None = None
    summary: str
    tagTypeIds: list[Int64] | None = None
    priority: Priority | None = None
    callReasonId: Int64 | None = None
    followUpDate: DateTime | None = None
    bookingId: Int64 | None = None
    leadCustomerName: str | None = None
    leadPhone: str | None = None
    leadEmail: str | None = None
    leadStreet: str | None = None
    leadUnit: str | None = None
    leadCity: str | None = None
    leadState: str | None = None
    leadZip: str | None = None
    leadCountry: str | None = None


class LeadUpdateRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.LeadUpdateRequest")

    campaignId: Int64 = Field(default=None)
    priority: Priority = Field(default=None)
    businessUnitId: Int64 = Field(default=None)
    jobTypeId: Int64 = Field(default=None)
    summary: str = Field(default=None)
    leadCustomerName: str = Field(default=None)
    leadPhone: str = Field(default=None)
    leadEmail: str = Field(default=None)
    leadStreet: str = Field(default=None)
    leadUnit: str = Field(default=None)
    leadCity: str = Field(default=None)
    leadState: str = Field(default=None)
    leadZip: str = Field(default=None)
    leadCountry: str = Field(default=None)


class LeadNoteCreateRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.LeadNoteCreateRequest")

    text: str
    pinToTop: bool | None = None


class DismissLeadRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.DismissLeadRequest")

    dismissingReasonId: Int64


class SubmitLeadFormResponse(StModel):
    model_config = ConfigDict(title="Crm.V2.SubmitLeadFormResponse")

    leadId: Int64


class SubmitLeadFormRequest(StModel):
    model_config = ConfigDict(title="Crm.V2.SubmitLeadFormRequest")

    name: str
    email: str | None = None
    phoneNumber: str | None = None
    address: CustomerAddress | None = None
    summary: str | None = None
