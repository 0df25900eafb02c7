"""Dispatch: export schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int64, StModel
from mockst.dispatch.models.common import JobAppointmentAssignmentStatus


class ExportAppointmentAssignmentsResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.ExportAppointmentAssignmentsResponse")

    id: Int64
    technicianId: Int64
    technicianName: str
    assignedById: Int64
    assignedOn: DateTime
    status: JobAppointmentAssignmentStatus
    isPaused: bool
    jobId: Int64
    appointmentId: Int64
    createdOn: DateTime
    modifiedOn: DateTime
    active: bool
