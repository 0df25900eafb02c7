"""Job Planning and Management: job equipment schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import Int64, StModel


class JobEquipmentResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.JobEquipmentResponse")

    equipmentIds: list[Int64]


class AttachJobEquipmentRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.AttachJobEquipmentRequest")

    equipmentIds: list[Int64]


class DetachJobEquipmentRequest(StModel):
    model_config = ConfigDict(title="Jpm.V2.DetachJobEquipmentRequest")

    equipmentIds: list[Int64]
