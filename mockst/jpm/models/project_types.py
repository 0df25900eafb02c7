"""Job Planning and Management: project types schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import Int64, StModel


class ProjectTypeResponse(StModel):
    model_config = ConfigDict(title="Jpm.V2.ProjectTypeResponse")

    id: Int64
    name: str
    description: str
    createdById: Int64 | None = None
