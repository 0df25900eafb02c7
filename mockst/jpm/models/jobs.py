"""Job Planning and Management: jobs schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.shared_models import CustomFieldApiModel
from mockst.api.types import DateTime, Decimal, Int64, SpecStrEnum, StModel, string_format
from mockst.jpm.models.common import (
    ExternalDataCreateRequest,
    ExternalDataModel,
    ExternalDataUpdateRequest,
    JobGeneratedLeadSource,
)

Html = string_format("html")
Multiline = string_format("multiline")


class JobResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.JobResponse")

    id: Int64
    jobNumber: str
    projectId: Int64 | None = None
    customerId: Int64
    locationId: Int64
    jobStatus: str
    completedOn: DateTime | None = None
    businessUnitId: Int64
    jobTypeId: Int64
    priority: str
    campaignId: Int64
    appointmentCount: Int64
    firstAppointmentId: Int64
    lastAppointmentId: Int64
    recallForId: Int64 | None = None
    warrantyId: Int64 | None = None
    jobGeneratedLeadSource: JobGeneratedLeadSource | None = None
    noCharge: bool
    notificationsEnabled: bool
    createdOn: DateTime
    createdById: Int64
    modifiedOn: DateTime
    tagTypeIds: list[Int64]
    leadCallId: Int64 | None = None
    partnerLeadCallId: Int64 | None = None
    bookingId: Int64 | None = None
    soldById: Int64 | None = None
    customerPo: str
    invoiceId: Int64
    membershipId: Int64 | None = None
    total: Decimal | None = None
    createdFromEstimateId: Int64 | None = None
    estimateIds: list[Int64]
    equipmentIds: list[Int64]
    isAutoDispatched: bool | None = None
    summary: Html | None = None
    customFields: list[CustomFieldApiModel]
    externalData: list[ExternalDataModel]
    summaryOfWork: str | None = None


class AppointmentInformation(StModel):
    model_config = ConfigDict(title="Jpm.V2.AppointmentInformation")

    start: DateTime
    end: DateTime
    arrivalWindowStart: DateTime | None = None
    arrivalWindowEnd: DateTime | None = None
    technicianIds: list[Int64] | None = None


class CustomFieldModel(StModel):
    model_config = ConfigDict(title="Jpm.V2.CustomFieldModel")

    typeId: Int64
    value: str | None = None


class JobCreateRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.JobCreateRequest")

    customerId: Int64
    locationId: Int64
    projectId: Int64 | None = None
    businessUnitId: Int64
    jobGeneratedLeadSource: JobGeneratedLeadSource | None = None
    jobTypeId: Int64
    priority: str
    campaignId: Int64
    appointments: list[AppointmentInformation]
    summary: Html | None = None
    customFields: list[CustomFieldModel] | None = None
    tagTypeIds: list[Int64] | None = None
    externalData: ExternalDataCreateRequest | None = None
    invoiceSignatureIsRequired: bool | None = None
    customerPo: str | None = None
    soldById: Int64 | None = None
    partnerLeadCallId: Int64 | None = None
    leadId: Int64 | None = None
    bookingId: Int64 | None = None
    noCharge: bool | None = None


class CancelJobRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.CancelJobRequest")

    reasonId: Int64
    memo: Multiline


class UpdateJobRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.UpdateJobRequest")

    customerId: Int64 = Field(default=None)
    locationId: Int64 = Field(default=None)
    businessUnitId: Int64 = Field(default=None)
    jobGeneratedLeadSource: JobGeneratedLeadSource | None = None
    jobTypeId: Int64 = Field(default=None)
    priority: str = Field(default=None)
    campaignId: Int64 = Field(default=None)
    summary: Html = Field(default=None)
    shouldUpdateInvoiceItems: bool = Field(default=None)
    customFields: list[CustomFieldModel] = Field(default=None)
    tagTypeIds: list[Int64] = Field(default=None)
    externalData: ExternalDataUpdateRequest = Field(default=None)
    customerPo: str = Field(default=None)
    soldById: Int64 | None = None
    isAutoDispatched: bool = Field(default=None)
    summaryOfWork: str = Field(default=None)
    noCharge: bool = Field(default=None)


class JobStatus(SpecStrEnum):
    __spec_name__ = "Jpm.V2.JobStatus"

    SCHEDULED = "Scheduled"
    DISPATCHED = "Dispatched"
    IN_PROGRESS = "InProgress"
    HOLD = "Hold"
    COMPLETED = "Completed"
    CANCELED = "Canceled"


class JobAppointmentStatus(SpecStrEnum):
    __spec_name__ = "Jpm.V2.JobAppointmentStatus"

    SCHEDULED = "Scheduled"
    DISPATCHED = "Dispatched"
    WORKING = "Working"
    HOLD = "Hold"
    DONE = "Done"
    CANCELED = "Canceled"


class JobNoteCreateRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.JobNoteCreateRequest")

    text: str
    pinToTop: bool | None = None


class AppointmentHoldReason(StModel):
    model_config = ConfigDict(title="Jpm.V2.AppointmentHoldReason")

    appointmentId: Int64
    reasonId: Int64
    name: str
    text: str


class HoldReasonResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.HoldReasonResponse")

    jobId: Int64
    reasonId: Int64
    name: str
    text: str
    appointmentHoldReasons: list[AppointmentHoldReason]


class CancelReasonResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.CancelReasonResponse")

    jobId: Int64
    reasonId: Int64
    name: str
    text: str


class JobsJobSchedulingTool(SpecStrEnum):
    __spec_name__ = "Jpm.Jobs.JobSchedulingTool"

    MANUAL = "Manual"
    SMART_SCHEDULE = "SmartSchedule"
    SMART_DISPATCH = "SmartDispatch"
    TECHNICIAN_ROUTE_OPTIMIZATION = "TechnicianRouteOptimization"
    ADAPTIVE_CAPACITY = "AdaptiveCapacity"
    ROUTING = "Routing"


class JobHistoryItemModel(StModel):
    model_config = ConfigDict(title="Jpm.Jobs.JobHistoryItemModel")

    id: Int64
    employeeId: Int64 | None = None
    eventType: str
    date: DateTime
    usedSchedulingTool: JobsJobSchedulingTool
    memo: str


class JobHistoryResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.JobHistoryResponse")

    history: list[JobHistoryItemModel] | None = None


class JobCanceledLogResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.JobCanceledLogResponse")

    id: Int64
    jobId: Int64
    reasonId: Int64
    memo: str | None = None
    createdOn: DateTime
    createdById: Int64
    active: bool


class JobBookedLogResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.JobBookedLogResponse")

    id: Int64
    jobId: Int64
    jobAppointmentId: Int64
    start: DateTime
    arrivalWindowStart: DateTime | None = None
    arrivalWindowEnd: DateTime | None = None
    createdOn: DateTime
    createdById: Int64
    active: bool
