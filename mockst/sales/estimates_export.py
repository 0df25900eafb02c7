"""EstimatesExport: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import Export
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.sales import FAMILY
from mockst.sales.models.estimates_export import ExportEstimatesResponse

ESTIMATES_EXPORT = Resource(
    family=FAMILY,
    path="/estimates",
    table="estimates",
    scope="tn.sal.estimates",
    tag="EstimatesExport",
    noun="Estimates export",
)

OPERATIONS = [
    ESTIMATES_EXPORT.planned(
        "EstimatesExport_Estimates",
        "GET",
        at="/export/estimates",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportEstimatesResponse),
        table="estimates",
    ),
    ESTIMATES_EXPORT.planned(
        "EstimatesExport_EstimatesAsyncLegacy",
        "GET",
        suffix="/export",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportEstimatesResponse),
    ),
]
