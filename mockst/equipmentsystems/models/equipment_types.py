"""Equipment Systems: equipment types schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mockst.api.types import DateTime, Int64, StModel


class EquipmentTypeResponse(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.EquipmentTypeResponse")

    id: Int64
    name: str
    active: bool
    createdOn: DateTime
    modifiedOn: DateTime


class EquipmentTypeCreateRequest(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.EquipmentTypeCreateRequest")

    name: str


class EquipmentTypeUpdateRequest(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.EquipmentTypeUpdateRequest")

    name: str = Field(default=None)
    active: bool = Field(default=None)
