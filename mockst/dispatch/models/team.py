"""Dispatch: team schemas.

Field lists from the official document: names, types, required, nullable, enums."""

from __future__ import annotations

from pydantic import ConfigDict

from mockst.api.types import DateTime, Int64, StModel


class TeamResponse(StModel):
    model_config = ConfigDict(title="Dispatch.V2.TeamResponse")

    id: Int64
    active: bool
    name: str | None = None
    createdBy: Int64 | None = None
    createdOn: DateTime
    modifiedOn: DateTime


class CreateTeamResponse(TeamResponse):
    model_config = ConfigDict(title="Dispatch.V2.CreateTeamResponse")

    created: bool


class CreateTeamRequest(StModel):
    model_config = ConfigDict(title="Dispatch.V2.CreateTeamRequest")

    active: bool
    name: str | None = None
