"""The installed-equipment feed: list rows (no custom fields or attachments) in change order on
the continuation-token model of every feed (``mockst/api/export.py``)."""

from __future__ import annotations

from typing import Any

from mockst.api.export import export_rows
from mockst.api.operation import Call, One
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.equipmentsystems import FAMILY
from mockst.equipmentsystems.models.common import InstalledEquipmentResponse
from mockst.equipmentsystems.models.export import InstalledEquipmentListExportResponse

EXPORT = Resource(
    family=FAMILY,
    path="/export",
    table="export",
    scope="tn.eqs.installedequipment",
    tag="Export",
    noun="Export",
)


def _feed(call: Call) -> dict[str, Any]:
    return export_rows(call, call.table("installed_equipment"), InstalledEquipmentResponse)


OPERATIONS = [
    EXPORT.operation(
        "Export_ExportInstalledEquipment", "GET", _feed, suffix="/installed-equipment",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool")),
        response=One(InstalledEquipmentListExportResponse),
    ),
]
