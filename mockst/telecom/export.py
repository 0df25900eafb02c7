"""The calls export feed (``mockst.api.export``): every call in change order, as the flat
``Telecom.V2.ExportCallResponse``. A call is delivered again whenever it changes (classified by
``PUT``, linked to a job); a job its booking later became shows on the next change."""

from __future__ import annotations

from typing import Any

from mockst.api.export import EXPORT_PARAMS, export_rows
from mockst.api.operation import Call, Export
from mockst.api.resource import Resource
from mockst.telecom import FAMILY
from mockst.telecom.call_records import CALLS
from mockst.telecom.call_views import export_row
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


def _calls(call: Call) -> dict[str, Any]:
    return export_rows(call, call.table(CALLS.table), ExportCallResponse,
                       lambda row: export_row(call, row, ExportCallResponse))  # fmt: skip


OPERATIONS = [
    EXPORT.operation(
        "Export_Calls",
        "GET",
        _calls,
        suffix="/calls",
        summary="Export calls",
        query=EXPORT_PARAMS,
        response=Export(ExportCallResponse),
        table=CALLS.table,
    ),
]
