"""Dispatch: technician shifts schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, WithJsonSchema

from mockst.api.types import DateTime, Int32, Int64, SpecStrEnum, StModel

DateTimeMinLength1 = Annotated[
    DateTime, WithJsonSchema({"type": "string", "format": "date-time", "minLength": 1})
]


class ShiftType(SpecStrEnum):
    __spec_name__ = "Dispatch.V2.ShiftType"

    NORMAL = "Normal"
    ON_CALL = "OnCall"
    TIME_OFF = "TimeOff"


class TechnicianShiftResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.TechnicianShiftResponse")

    id: Int64
    shiftType: ShiftType
    title: str
    note: str | None = None
    active: bool
    technicianId: Int64
    start: DateTime
    end: DateTime
    timesheetCodeId: Int64 | None = None
    createdOn: DateTime
    modifiedOn: DateTime


class TechnicianShiftCreateResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.TechnicianShiftCreateResponse")

    created: bool
    technicianShifts: list[TechnicianShiftResponse]


class ShiftRepeatType(SpecStrEnum):
    __spec_name__ = "Dispatch.V2.ShiftRepeatType"

    NEVER = "Never"
    DAILY = "Daily"
    WEEKLY = "Weekly"


class CreateTechnicianShiftRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.CreateTechnicianShiftRequest")

    technicianIds: list[Int64]
    shiftType: ShiftType
    title: str = Field(min_length=1)
    start: DateTimeMinLength1
    end: DateTimeMinLength1
    note: str | None = None
    timesheetCodeId: Int64 | None = None
    repeatType: ShiftRepeatType
    repeatEndDate: DateTime | None = None
    repeatInterval: Int32 | None = None
    shiftDays: str | None = None


class TechnicianShiftUpdateResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.TechnicianShiftUpdateResponse")

    technicianShifts: list[TechnicianShiftResponse]


class UpdateTechnicianShiftRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.UpdateTechnicianShiftRequest")

    shiftType: ShiftType = Field(default=None)
    title: str = Field(default=None)
    start: DateTime = Field(default=None)
    end: DateTime = Field(default=None)
    note: str = Field(default=None)
    timesheetCodeId: Int64 | None = None


class DeleteTechnicianShiftResult(StModel):
    model_config = ConfigDict(
        title="Dispatch.Contracts.TechnicianShift.DeleteTechnicianShiftResult"
    )

    message: str
    id: Int64


class BulkDeleteTechnicianShiftResult(StModel):
    model_config = ConfigDict(
        title="Dispatch.Contracts.TechnicianShift.BulkDeleteTechnicianShiftResult"
    )

    message: str
    deletedIds: list[Int64]


class BulkDeleteTechnicianShiftRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.BulkDeleteTechnicianShiftRequest")

    start: DateTime
    end: DateTime
