"""Price-book feeds: categories, equipment, services and materials in change order, on the
continuation-token model of every feed (``mockst/api/export.py``); a deleted item comes back
with ``active: false``. Services are shown with categories as ``{id, name, active}``, as in
their list; no feed shows external data, which belongs to an application the feed does not name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from mockst.api.export import export_rows
from mockst.api.operation import Call, Export
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.pricebook import FAMILY
from mockst.pricebook.categories import render_tree
from mockst.pricebook.equipment import EQUIPMENT_KIND
from mockst.pricebook.materials import MATERIAL
from mockst.pricebook.models.export import (
    ExportCategoryResponse,
    ExportEquipmentResponse,
    ExportMaterialResponse,
    ExportServiceResponse,
)
from mockst.pricebook.services import SERVICE
from mockst.pricebook.sku_operations import show
from mockst.pricebook.skus import Kind
from mockst.store.table import Row

EXPORT = Resource(
    family=FAMILY,
    path="/export",
    table="export",
    scope="tn.pb.categories",
    tag="Export",
    noun="Export",
)
EXPORT_QUERY = (Param("from", "string"), Param("includeRecentChanges", "bool"))


def _sku_feed(kind: Kind, model: type[BaseModel]) -> Callable[[Call], dict[str, Any]]:
    def handler(call: Call) -> dict[str, Any]:
        def render(row: Row) -> dict[str, Any]:
            return {**show(call, kind, row.data, model, None), "active": row.active}

        return export_rows(call, call.table(kind.table), model, render)

    return handler


def _categories(call: Call) -> dict[str, Any]:
    shown = render_tree(call)
    return export_rows(call, call.table("categories"), ExportCategoryResponse,
                       lambda row: {**shown(row), "active": row.active})


OPERATIONS = [
    EXPORT.operation("Export_Categories", "GET", _categories, suffix="/categories",
                     query=EXPORT_QUERY, response=Export(ExportCategoryResponse)),
    EXPORT.operation("Export_Equipment", "GET",
                     _sku_feed(EQUIPMENT_KIND, ExportEquipmentResponse), suffix="/equipment",
                     scope="tn.pb.equipment:r", query=EXPORT_QUERY,
                     response=Export(ExportEquipmentResponse)),
    EXPORT.operation("Export_Services", "GET", _sku_feed(SERVICE, ExportServiceResponse),
                     suffix="/services", scope="tn.pb.services:r", query=EXPORT_QUERY,
                     response=Export(ExportServiceResponse)),
    EXPORT.operation("Export_Materials", "GET", _sku_feed(MATERIAL, ExportMaterialResponse),
                     suffix="/materials", scope="tn.pb.materials:r", query=EXPORT_QUERY,
                     response=Export(ExportMaterialResponse)),
]
