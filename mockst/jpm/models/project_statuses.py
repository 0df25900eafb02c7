"""Job Planning and Management: project statuses schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int32, Int64, StModel


class ProjectStatusResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.ProjectStatusResponse")

    id: Int64
    name: str
    order: Int32
    modifiedOn: DateTime
