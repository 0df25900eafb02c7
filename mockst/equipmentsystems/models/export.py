"""Equipment Systems: export schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import StModel
from mockst.equipmentsystems.models.common import InstalledEquipmentResponse


class InstalledEquipmentListExportResponse(StModel):
    model_config = ConfigDict(title="EquipmentSystems.V2.InstalledEquipmentListExportResponse")

    hasMore: bool
    continueFrom: str
    data: list[InstalledEquipmentResponse]
