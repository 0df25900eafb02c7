"""Dispatch: business hour schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import Int32, StModel


class TimeRange(StModel):
    model_config = ConfigDict(title="Dispatch.V2.TimeRange")

    fromHour: Int32
    toHour: Int32


class BusinessHourModel(StModel):
    model_config = ConfigDict(title="Dispatch.V2.BusinessHourModel")

    weekdays: list[TimeRange]
    saturday: list[TimeRange]
    sunday: list[TimeRange]


class CreateBusinessHourResponse(BusinessHourModel):
    model_config = ConfigDict(title="Dispatch.V2.CreateBusinessHourResponse")


class CreateBusinessHourRequest(BusinessHourModel):
    model_config = ConfigDict(title="Dispatch.V2.CreateBusinessHourRequest")
