"""Export: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import Export
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.telecom import FAMILY
from mockst.telecom.models.export import ExportCallResponse

EXPORT = Resource(
    family=FAMILY,
    path="/export",
    table="export",
    scope="tn.tlc.calls",
    tag="Export",
    noun="Export",
    base="/v2/tenant/{tenant}",
)

OPERATIONS = [
    EXPORT.planned(
        "Export_Calls",
        "GET",
        suffix="/calls",
        query=(Param("from", "string"), Param("includeRecentChanges", "bool"),),
        response=Export(ExportCallResponse),
        table="calls",
    ),
]
