"""EstimatesStatus: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import Many
from mockst.api.params import path
from mockst.api.resource import Resource
from mockst.sales import FAMILY
from mockst.sales.models.estimates_status import EstimateStatusChangesResponse

ESTIMATES_STATUS = Resource(
    family=FAMILY,
    path="/status",
    table="status",
    scope="tn.sal.estimates",
    tag="EstimatesStatus",
    noun="Estimates statu",
)

OPERATIONS = [
    ESTIMATES_STATUS.planned(
        "EstimatesStatus_GetEstimateStatusChanges",
        "GET",
        suffix="/estimates/{id}/changes",
        path_params=(path("id"),),
        response=Many(EstimateStatusChangesResponse),
        errors=(400, 404),
    ),
]
