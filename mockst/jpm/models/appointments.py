"""Job Planning and Management: appointments schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Int64, StModel, string_format
from mockst.jpm.models.common import AppointmentStatus, AppointmentSummaryApiModel

Multiline = string_format("multiline")


class AppointmentResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.AppointmentResponse")

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
    appointmentSummaries: list[AppointmentSummaryApiModel] | None = None


class AppointmentAddRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.AppointmentAddRequest")

    jobId: Int64
    start: DateTime
    end: DateTime
    arrivalWindowStart: DateTime | None = None
    arrivalWindowEnd: DateTime | None = None
    technicianIds: list[Int64] | None = None
    specialInstructions: Multiline | None = None


class AppointmentRescheduleRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.AppointmentRescheduleRequest")

    start: DateTime = Field(default=None)
    end: DateTime = Field(default=None)
    arrivalWindowStart: DateTime | None = None
    arrivalWindowEnd: DateTime | None = None


class HoldAppointmentRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.HoldAppointmentRequest")

    reasonId: Int64
    memo: Multiline


class UpdateAppointmentSpecialInstructionsRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.UpdateAppointmentSpecialInstructionsRequest")

    specialInstructions: Multiline


class SetAppointmentSummaryRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.SetAppointmentSummaryRequest")

    notes: Multiline
    technicianId: Int64
