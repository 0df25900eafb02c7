"""Job Planning and Management: project sub statuses schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int32, Int64, StModel


class ProjectSubStatusResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.ProjectSubStatusResponse")

    id: Int64
    name: str
    statusId: Int64
    order: Int32
    modifiedOn: DateTime
    active: bool
