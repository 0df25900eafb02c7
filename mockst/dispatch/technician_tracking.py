"""TechnicianTracking: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import One
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.technician_tracking import TechnicianTrackingResponse

TECHNICIAN_TRACKING = Resource(
    family=FAMILY,
    path="/technician-tracking",
    table="technician_tracking",
    scope="tn.dis.techniciantracking",
    tag="TechnicianTracking",
    noun="Technician tracking",
)

OPERATIONS = [
    TECHNICIAN_TRACKING.planned(
        "TechnicianTracking_Get",
        "GET",
        query=(
            Param("technicianId", "int64", required=True),
            Param("appointmentId", "int64", required=True),
        ),
        response=One(TechnicianTrackingResponse),
    ),
]
