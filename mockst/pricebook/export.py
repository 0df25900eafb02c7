"""Export: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import Export
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.models.export import (
    ExportCategoryResponse,
    ExportEquipmentResponse,
    ExportMaterialResponse,
    ExportServiceResponse,
)

EXPORT = Resource(
    family=FAMILY,
    path="/export",
    table="export",
    scope="tn.pb.categories",
    tag="Export",
    noun="Export",
)

OPERATIONS = [
    EXPORT.planned(
        "Export_Categories",
        "GET",
        suffix="/categories",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportCategoryResponse),
        table="categories",
    ),
    EXPORT.planned(
        "Export_Equipment",
        "GET",
        suffix="/equipment",
        scope="tn.pb.equipment:r",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportEquipmentResponse),
        table="equipment",
    ),
    EXPORT.planned(
        "Export_Services",
        "GET",
        suffix="/services",
        scope="tn.pb.services:r",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportServiceResponse),
        table="services",
    ),
    EXPORT.planned(
        "Export_Materials",
        "GET",
        suffix="/materials",
        scope="tn.pb.materials:r",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportMaterialResponse),
        table="materials",
    ),
]
