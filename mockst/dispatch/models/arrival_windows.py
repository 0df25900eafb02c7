"""Dispatch: arrival windows schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import Int64, SpecStrEnum, StModel, string_format

Duration = string_format("duration")


class ArrivalWindowResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.ArrivalWindowResponse")

    id: Int64
    start: Duration
    duration: Duration
    businessUnitIds: list[Int64]
    active: bool


class CreateArrivalWindowRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.CreateArrivalWindowRequest")

    start: Duration
    duration: Duration
    businessUnitIds: list[Int64]


class UpdateArrivalWindowRequest(CreateArrivalWindowRequest):
    model_config = ConfigDict(title="Dispatch.V2.UpdateArrivalWindowRequest")


class SetArrivalWindowStatusRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.SetArrivalWindowStatusRequest")

    isActive: bool


class ArrivalWindowConfiguration(SpecStrEnum):
    __spec_name__ = "Dispatch.V2.ArrivalWindowConfiguration"

    START_TIME_OF_ARRIVAL_WINDOW = "StartTimeOfArrivalWindow"
    END_TIME_OF_ARRIVAL_WINDOW = "EndTimeOfArrivalWindow"


class ArrivalWindowConfigurationResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.ArrivalWindowConfigurationResponse")

    configuration: ArrivalWindowConfiguration


class UpdateArrivalWindowConfigurationRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.UpdateArrivalWindowConfigurationRequest")

    configuration: ArrivalWindowConfiguration
