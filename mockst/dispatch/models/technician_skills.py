"""Dispatch: technician skills schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int64, StModel


class TechnicianSkillResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.TechnicianSkillResponse")

    id: str
    name: str
    active: bool
    technicianId: Int64
    jobTypeIds: list[Int64] | None = None
    createdOn: DateTime
    modifiedOn: DateTime


class UpdateTechnicianSkillsResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.UpdateTechnicianSkillsResponse")

    updated: bool
    technicianSkills: list[TechnicianSkillResponse]


class UpdateTechnicianSkillsRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.UpdateTechnicianSkillsRequest")

    technicianId: Int64
    skillIds: list[Int64]
    replaceExistingSkills: bool


class CreateTechnicianSkillRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.CreateTechnicianSkillRequest")

    technicianId: Int64
    name: str
    active: bool


class DeleteTechnicianSkillResult(StModel):
    model_config = ConfigDict(
        title="Dispatch.Contracts.TechnicianSkill.DeleteTechnicianSkillResult"
    )

    id: str
