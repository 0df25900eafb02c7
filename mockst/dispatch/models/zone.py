"""Dispatch: zone schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int32, Int64, StModel


class ZoneResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.ZoneResponse")

    id: Int64
    active: bool
    name: str | None = None
    zips: list[str] | None = None
    cities: list[str] | None = None
    territoryNumbers: list[str] | None = None
    locnNumbers: list[str] | None = None
    createdBy: Int64
    createdOn: DateTime
    modifiedOn: DateTime
    serviceDaysEnabled: bool
    serviceDays: list[str] | None = None
    businessUnits: list[Int64] | None = None
    technicians: list[Int64] | None = None


class CreateOrUpdateZoneResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.CreateOrUpdateZoneResponse")

    id: Int64
    active: bool
    name: str
    zips: list[str]
    cities: list[str]
    territoryNumbers: list[str]
    locnNumbers: list[str]
    serviceDaysEnabled: bool
    serviceDaysIds: list[Int32]
    businessUnits: list[Int64]


class CreateOrUpdateZoneRequestArgs(StModel):
    model_config = ConfigDict(title="Dispatch.V2.CreateOrUpdateZoneRequestArgs")

    name: str | None = None
    zips: list[str] | None = None
    cities: list[str] | None = None
    territoryNumbers: list[str] | None = None
    locnNumbers: list[str] | None = None
    serviceDaysEnabled: bool | None = None
    serviceDaysIds: list[Int32] | None = None
    businessUnits: list[Int64] | None = None
