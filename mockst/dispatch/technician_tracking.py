"""Technician tracking: the link a customer opens to see where the technician coming to their
appointment is. The technician must be one of the tenant's and the appointment one of its job
appointments (400 naming the parameter otherwise); the link is made up, stable for the pair, and
leads nowhere."""

from __future__ import annotations

import hashlib
from typing import Any

from mockst.api.operation import Call, One
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.checks import Problems
from mockst.dispatch.models.technician_tracking import TechnicianTrackingResponse
from mockst.jpm.job_records import APPOINTMENTS
from mockst.settings.technicians import TECHNICIANS

TECHNICIAN_TRACKING = Resource(
    family=FAMILY,
    path="/technician-tracking",
    table="technician_tracking",
    scope="tn.dis.techniciantracking",
    tag="TechnicianTracking",
    noun="Technician tracking",
)
BASE_URL = "https://track.mockst.invalid/t/"  # .invalid: a name that never resolves


def tracking_url(tenant: int, appointment: int, technician: int) -> str:
    token = hashlib.sha256(f"{tenant}:{appointment}:{technician}".encode()).hexdigest()[:20]
    return f"{BASE_URL}{token}"


def _get(call: Call) -> dict[str, Any]:
    technician, appointment = call.query["technicianId"], call.query["appointmentId"]
    problems = Problems()
    if call.table(TECHNICIANS.table).get(technician) is None:
        problems.add("technicianId", f"Technician {technician} was not found.")
    if call.table(APPOINTMENTS.table).get(appointment) is None:
        problems.add("appointmentId", f"Appointment {appointment} was not found.")
    problems.check()
    return {"technicianTrackingUrl": tracking_url(call.tenant_id, appointment, technician)}


OPERATIONS = [
    TECHNICIAN_TRACKING.operation(
        "TechnicianTracking_Get", "GET", _get,
        summary="Get a technician tracking link",
        query=(
            Param("technicianId", "int64", required=True),
            Param("appointmentId", "int64", required=True),
        ),
        response=One(TechnicianTrackingResponse),
    ),
]
