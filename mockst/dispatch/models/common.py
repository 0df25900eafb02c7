"""Dispatch: schemas shared by several resources.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from mockst.api.shared_models import ActiveRequestArg as ActiveRequestArg
from mockst.api.types import SpecStrEnum


class JobAppointmentAssignmentStatus(SpecStrEnum):
    __spec_name__ = "Dispatch.V2.JobAppointmentAssignmentStatus"

    SCHEDULED = "Scheduled"
    DISPATCHED = "Dispatched"
    WORKING = "Working"
    DONE = "Done"
