"""An estimate's status history: one entry per move, its creation first (catalogue U5), as a
bare array; 404 for an estimate the tenant does not have."""

from __future__ import annotations

from typing import Any

from mockst.api.operation import Call, Many
from mockst.api.params import path
from mockst.api.resource import Resource
from mockst.sales import FAMILY
from mockst.sales.estimate_records import ESTIMATES
from mockst.sales.models.estimates_status import EstimateStatusChangesResponse

ESTIMATES_STATUS = Resource(
    family=FAMILY,
    path="/status",
    table="estimates",
    scope="tn.sal.estimates",
    tag="EstimatesStatus",
    noun="Estimate",
)


def _changes(call: Call) -> list[dict[str, Any]]:
    return list(ESTIMATES.find(call, call.path["id"]).get("statusChanges") or [])


OPERATIONS = [
    ESTIMATES_STATUS.operation(
        "EstimatesStatus_GetEstimateStatusChanges", "GET", _changes,
        suffix="/estimates/{id}/changes", path_params=(path("id"),),
        response=Many(EstimateStatusChangesResponse), errors=(400, 404),
    ),
]
