"""Dispatch: capacity schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Double, Int64, LooseBool, SpecStrEnum, StModel


class CapacityResponseTechnicianStatus(SpecStrEnum):
    __spec_name__ = "Dispatch.V2.CapacityResponseTechnicianStatus"

    AVAILABLE = "Available"
    UNAVAILABLE = "Unavailable"


class CapacityResponseTechnician(StModel):
    model_config = ConfigDict(title="Dispatch.V2.CapacityResponseTechnician")

    id: Int64
    name: str
    status: CapacityResponseTechnicianStatus
    hasRequiredSkills: bool | None = None


class CapacityResponseAvailability(StModel):
    model_config = ConfigDict(title="Dispatch.V2.CapacityResponseAvailability")

    start: DateTime
    end: DateTime
    startUtc: DateTime
    endUtc: DateTime
    businessUnitIds: list[Int64]
    totalAvailability: Double
    openAvailability: Double
    technicians: list[CapacityResponseTechnician]
    isAvailable: bool
    isExceedingIdealBookingPercentage: bool


class CapacityResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.CapacityResponse")

    timeStamp: DateTime
    availabilities: list[CapacityResponseAvailability]


class CapacityRequestArgs(StModel):
    model_config = ConfigDict(title="Dispatch.V2.CapacityRequestArgs")

    startsOnOrAfter: DateTime
    endsOnOrBefore: DateTime
    businessUnitIds: list[Int64] | None = None
    jobTypeId: Int64 | None = None
    skillBasedAvailability: LooseBool
