"""Dispatch: non job appointments schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import (
    DateTime,
    Int32,
    Int64,
    SpecIntEnum,
    SpecStrEnum,
    StModel,
    string_format,
)

Duration = string_format("duration")


class GetNonJobAppointmentResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.GetNonJobAppointmentResponse")

    id: Int64
    technicianId: Int64
    start: DateTime
    name: str
    duration: Duration
    timesheetCodeId: Int64
    summary: str
    clearDispatchBoard: bool
    clearTechnicianView: bool
    removeTechnicianFromCapacityPlanning: bool
    allDay: bool
    showOnTechnicianSchedule: bool
    active: bool
    createdOn: DateTime
    createdById: Int64


class NonJobAppointmentResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.NonJobAppointmentResponse")

    id: Int64
    technicianId: Int64
    start: DateTime
    name: str
    duration: Duration
    timesheetCodeId: Int64
    summary: str
    clearDispatchBoard: bool
    clearTechnicianView: bool
    removeTechnicianFromCapacityPlanning: bool
    allDay: bool
    showOnTechnicianSchedule: bool
    active: bool
    createdOn: DateTime
    modifiedOn: DateTime
    createdById: Int64


class RepeatFrequencyInt32(SpecIntEnum):
    __spec_name__ = "Dispatch.Contracts.NonJobAppointment.RepeatFrequency_Int32"

    DAILY = 0
    WEEKLY = 1
    MONTHLY = 2
    YEARLY = 3


class RepeatEndTypeInt32(SpecIntEnum):
    __spec_name__ = "Dispatch.Contracts.NonJobAppointment.RepeatEndType_Int32"

    NEVER = 0
    AFTER = 1
    ON = 2


class CreateNonJobAppointmentResult(GetNonJobAppointmentResponse):
    model_config = ConfigDict(
        title="Dispatch.Contracts.NonJobAppointment.CreateNonJobAppointmentResult"
    )

    repeat: bool | None = None
    countOccurrences: Int32 | None = None
    interval: Int32 | None = None
    frequency: RepeatFrequencyInt32 | None = None
    endType: RepeatEndTypeInt32 | None = None
    endOn: DateTime | None = None
    daysOfWeek: str


class RepeatFrequency(SpecStrEnum):
    __spec_name__ = "Dispatch.Contracts.NonJobAppointment.RepeatFrequency"

    DAILY = "Daily"
    WEEKLY = "Weekly"
    MONTHLY = "Monthly"
    YEARLY = "Yearly"


class RepeatEndType(SpecStrEnum):
    __spec_name__ = "Dispatch.Contracts.NonJobAppointment.RepeatEndType"

    NEVER = "Never"
    AFTER = "After"
    ON = "On"


class CreateNonJobAppointmentRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.CreateNonJobAppointmentRequest")

    technicianId: Int64
    start: DateTime
    duration: Duration
    name: str
    timesheetCodeId: Int64 | None = None
    summary: str | None = None
    clearDispatchBoard: bool | None = None
    clearTechnicianView: bool | None = None
    showOnTechnicianSchedule: bool | None = None
    removeTechnicianFromCapacityPlanning: bool | None = None
    allDay: bool | None = None
    repeat: bool | None = None
    countOccurrences: Int32 | None = None
    interval: Int32 | None = None
    frequency: RepeatFrequency | None = None
    endType: RepeatEndType | None = None
    endOn: DateTime | None = None
    daysOfWeek: str | None = None


class NonJobAppointmentUpdateRequest(CreateNonJobAppointmentRequest):
    model_config = ConfigDict(title="Dispatch.V2.NonJobAppointmentUpdateRequest")


class DeleteNonJobAppointmentResult(StModel):
    model_config = ConfigDict(
        title="Dispatch.Contracts.NonJobAppointment.DeleteNonJobAppointmentResult"
    )

    message: str
    id: Int64
