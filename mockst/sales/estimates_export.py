"""The estimate feed, at the 2026 path and the legacy one (which the Singer tap reads): one feed,
so a token from either continues on the other (catalogue U21). Rows embed their current items."""

from __future__ import annotations

from typing import Any

from mockst.api.export import EXPORT_PARAMS, export_rows
from mockst.api.operation import Call, Export
from mockst.api.resource import Resource
from mockst.sales import FAMILY
from mockst.sales.estimate_records import ESTIMATES, render
from mockst.sales.models.estimates_export import ExportEstimatesResponse

ESTIMATES_EXPORT = Resource(
    family=FAMILY,
    path="/estimates",
    table="estimates",
    scope="tn.sal.estimates",
    tag="EstimatesExport",
    noun="Estimates export",
)


def _feed(call: Call) -> dict[str, Any]:
    return export_rows(call, call.table(ESTIMATES.table), ExportEstimatesResponse,
                       lambda row: render(call, row, ExportEstimatesResponse))


OPERATIONS = [
    ESTIMATES_EXPORT.operation(
        "EstimatesExport_Estimates", "GET", _feed, at="/export/estimates", query=EXPORT_PARAMS,
        response=Export(ExportEstimatesResponse),
    ),
    ESTIMATES_EXPORT.operation(
        "EstimatesExport_EstimatesAsyncLegacy", "GET", _feed, suffix="/export",
        query=EXPORT_PARAMS, response=Export(ExportEstimatesResponse),
    ),
]
