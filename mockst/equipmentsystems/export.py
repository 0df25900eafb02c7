"""Export: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import One
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.equipmentsystems import FAMILY
from mockst.equipmentsystems.models.export import InstalledEquipmentListExportResponse

EXPORT = Resource(
    family=FAMILY,
    path="/export",
    table="export",
    scope="tn.eqs.installedequipment",
    tag="Export",
    noun="Export",
)

OPERATIONS = [
    EXPORT.planned(
        "Export_ExportInstalledEquipment",
        "GET",
        suffix="/installed-equipment",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=One(InstalledEquipmentListExportResponse),
        table="installed_equipment",
    ),
]
