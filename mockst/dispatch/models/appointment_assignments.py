"""Dispatch: appointment assignments schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int64, SpecStrEnum, StModel
from mockst.dispatch.models.common import JobAppointmentAssignmentStatus


class AppointmentAssignmentResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.AppointmentAssignmentResponse")

    id: Int64
    technicianId: Int64
    technicianName: str
    assignedById: Int64
    assignedOn: DateTime
    status: JobAppointmentAssignmentStatus
    isPaused: bool
    jobId: Int64
    appointmentId: Int64
    createdOn: DateTime
    modifiedOn: DateTime
    active: bool


class AppointmentStatus(SpecStrEnum):
    __spec_name__ = "Dispatch.V2.AppointmentStatus"

    SCHEDULED = "Scheduled"
    DISPATCHED = "Dispatched"
    WORKING = "Working"
    HOLD = "Hold"
    DONE = "Done"
    CANCELED = "Canceled"


class AppointmentResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.AppointmentResponse")

    id: Int64
    jobId: Int64
    appointmentNumber: str | None = None
    start: DateTime
    end: DateTime
    arrivalWindowStart: DateTime | None = None
    arrivalWindowEnd: DateTime | None = None
    status: AppointmentStatus
    specialInstructions: str | None = None
    createdOn: DateTime
    modifiedOn: DateTime


class AssignTechniciansRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.AssignTechniciansRequest")

    jobAppointmentId: Int64
    technicianIds: list[Int64]


class UnassignTechniciansRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.UnassignTechniciansRequest")

    jobAppointmentId: Int64
    technicianIds: list[Int64]
