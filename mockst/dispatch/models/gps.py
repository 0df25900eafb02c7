"""Dispatch: gps schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Double, SpecStrEnum, StModel, string_format

Html = string_format("html")


class GpsPingResultStatus(SpecStrEnum):
    __spec_name__ = "Dispatch.V2.GpsPingResultStatus"

    FAIL = "Fail"
    SUCCESS = "Success"


class GpsPingResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.GpsPingResponse")

    externalId: str
    status: GpsPingResultStatus
    message: Html


class GpsPingCreateRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.GpsPingCreateRequest")

    unitId: str
    unitName: str
    eventTime: DateTime
    latitude: Double | None = None
    longitude: Double | None = None
    speed: Double | None = None
    street: str
    city: str
    region: str
    postalCode: str
    message: Html
    externalId: str
    isNew: bool
    statusMessage: str
