"""Job Planning and Management: export schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.shared_models import CustomFieldApiModel
from mockst.api.types import DateTime, Decimal, Int64, SpecStrEnum, StModel, string_format
from mockst.jpm.models.common import (
    AppointmentStatus,
    AppointmentSummaryApiModel,
    ExternalDataModel,
    JobGeneratedLeadSource,
)

Html = string_format("html")
Multiline = string_format("multiline")


class ExportJobsResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.ExportJobsResponse")

    summary: Html | None = None
    customFields: list[CustomFieldApiModel]
    externalData: list[ExternalDataModel]
    summaryOfWork: str | None = None
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
    active: bool


class ExportProjectsResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.ExportProjectsResponse")

    id: Int64
    number: str
    name: str | None = None
    summary: Html | None = None
    status: str | None = None
    statusId: Int64 | None = None
    subStatus: str | None = None
    subStatusId: Int64 | None = None
    customerId: Int64
    locationId: Int64
    projectTypeId: Int64 | None = None
    projectManagerIds: list[Int64]
    businessUnitIds: list[Int64]
    startDate: DateTime | None = None
    targetCompletionDate: DateTime | None = None
    actualCompletionDate: DateTime | None = None
    modifiedOn: DateTime | None = None
    createdOn: DateTime
    customFields: list[CustomFieldApiModel]
    externalData: list[ExternalDataModel]
    jobIds: list[Int64]
    active: bool


class ExportAppointmentsResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.ExportAppointmentsResponse")

    appointmentSummaries: list[AppointmentSummaryApiModel] | None = None
    id: Int64
    jobId: Int64
    appointmentNumber: str | None = None
    start: DateTime
    end: DateTime
    arrivalWindowStart: DateTime | None = None
    arrivalWindowEnd: DateTime | None = None
    status: AppointmentStatus
    specialInstructions: Multiline | None = None
    createdOn: DateTime
    modifiedOn: DateTime
    customerId: Int64
    unused: bool
    createdById: Int64
    isConfirmed: bool
    active: bool


class ExportJobCanceledLogResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.ExportJobCanceledLogResponse")

    id: Int64
    jobId: Int64
    reasonId: Int64
    memo: str | None = None
    createdOn: DateTime
    createdById: Int64
    active: bool


class ExportJobNotesResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.ExportJobNotesResponse")

    id: Int64
    active: bool
    text: str
    isPinned: bool
    createdById: Int64
    createdOn: DateTime
    modifiedOn: DateTime
    jobId: Int64


class ExportProjectNotesResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.ExportProjectNotesResponse")

    id: Int64
    active: bool
    text: str
    isPinned: bool
    createdById: Int64
    createdOn: DateTime
    modifiedOn: DateTime
    projectId: Int64


class V2JobSchedulingTool(SpecStrEnum):
    __spec_name__ = "Jpm.V2.JobSchedulingTool"

    MANUAL = "Manual"
    SMART_SCHEDULE = "SmartSchedule"
    SMART_DISPATCH = "SmartDispatch"
    TECHNICIAN_ROUTE_OPTIMIZATION = "TechnicianRouteOptimization"
    ADAPTIVE_CAPACITY = "AdaptiveCapacity"
    ROUTING = "Routing"


class ExportJobHistoryEntry(StModel):
    model_config = ConfigDict(title="Jpm.V2.ExportJobHistoryEntry")

    id: Int64
    employeeId: Int64 | None = None
    eventType: str
    date: DateTime
    usedSchedulingTool: V2JobSchedulingTool


class ExportJobHistoryResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.ExportJobHistoryResponse")

    jobId: Int64
    history: list[ExportJobHistoryEntry]
