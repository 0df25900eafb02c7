"""Technician skills: what each technician is qualified for (a camera inspection, refrigerant
handling), matched with the ``skills`` job types require. Capacity reads them for skill-based
availability.

Skills form the tenant's catalogue (table ``skills``: id, name); a technician's skill is a row
``"<technicianId>_<skillId>"`` with the skill's name, whether it is active, the technician, and
the job types that require a skill of that name (when it was assigned). POST names a skill: one
of the catalogue with that name in any case, or a new one; assigning it again updates the row.
PATCH assigns catalogue skills by id to a technician, adding to theirs or, with
``replaceExistingSkills``, replacing them, and answers all of the technician's skills. An unknown
technician is 404; an unknown skill id 400 naming it. DELETE removes one skill of a technician.
The list shows active skills unless ``active`` says otherwise; ``technicianId`` narrows it.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import (
    ACTIVE,
    PAGE_PARAMS,
    STANDARD_SORT,
    active_filter,
    date_filters,
    equals,
    project,
)
from mockst.api.operation import Call, One, TenantContext
from mockst.api.params import path
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.checks import Problems, technician_is_active
from mockst.dispatch.models.technician_skills import (
    CreateTechnicianSkillRequest,
    DeleteTechnicianSkillResult,
    TechnicianSkillResponse,
    UpdateTechnicianSkillsRequest,
    UpdateTechnicianSkillsResponse,
)
from mockst.encoding import format_datetime
from mockst.errors import not_found
from mockst.jpm.job_types import JOB_TYPES
from mockst.store.table import Row

TECHNICIAN_SKILLS = Resource(
    family=FAMILY,
    path="/technician-skills",
    table="technician_skills",
    scope="tn.dis.technicianskills",
    tag="TechnicianSkills",
    noun="Technician skill",
)
SKILLS = "skills"  # the tenant's catalogue: {id, name, createdOn, modifiedOn}
SKILL_ID = path("id", "string")


def skill_named(ctx: TenantContext, name: str) -> Row:
    """The catalogue's skill of that name (any case), added when there is none."""
    wanted = name.strip().lower()
    for row in ctx.table(SKILLS).rows():
        if row.get("name").lower() == wanted:
            return row
    ident, stamp = ctx.world.new_id(), format_datetime(ctx.now)
    return ctx.table(SKILLS).insert(ident, {"id": ident, "name": name.strip(), "createdOn": stamp,
                                            "modifiedOn": stamp}, ctx.now)  # fmt: skip


def _job_types_requiring(ctx: TenantContext, name: str) -> list[int]:
    wanted = name.lower()
    return [int(r.id) for r in ctx.table(JOB_TYPES.table).rows()
            if any(s.lower() == wanted for s in r.get("skills") or [])]  # fmt: skip


def assign(ctx: TenantContext, technician: int, skill: Row, *, active: bool = True) -> Row:
    """The technician's row of a catalogue skill, added or brought up to date."""
    ident = f"{technician}_{skill.id}"
    data = {"name": skill.get("name"), "active": active, "technicianId": technician,
            "jobTypeIds": _job_types_requiring(ctx, skill.get("name"))}  # fmt: skip
    table = ctx.table(TECHNICIAN_SKILLS.table)
    row = table.get(ident, include_deleted=True)
    if row is None:
        return TECHNICIAN_SKILLS.insert(ctx, data, ident)
    if table.get(ident) is None:  # removed before: assigned anew (an update revives the row)
        data["createdOn"] = format_datetime(ctx.now)
    return TECHNICIAN_SKILLS.change(ctx, row, data)


def _technician(ctx: TenantContext, ident: int) -> int:
    if not technician_is_active(ctx, ident):
        raise not_found("Technician", ident)
    return ident


def show(row: Row) -> dict[str, Any]:
    return project(row.data, TechnicianSkillResponse)


def _create(call: Call) -> dict[str, Any]:
    body: CreateTechnicianSkillRequest = call.body
    technician = _technician(call, body.technicianId)
    problems = Problems()
    name = problems.required_text("name", body.name)
    problems.check()
    return show(assign(call, technician, skill_named(call, name), active=body.active))


def _assign(call: Call) -> dict[str, Any]:
    body: UpdateTechnicianSkillsRequest = call.body
    technician = _technician(call, body.technicianId)
    problems = Problems()
    skills = []
    for index, ident in enumerate(dict.fromkeys(body.skillIds)):
        skill = call.table(SKILLS).get(ident)
        if skill is None:
            problems.add(f"skillIds[{index}]", f"Skill {ident} was not found.")
        skills.append(skill)
    problems.check()
    kept = {f"{technician}_{s.id}" for s in skills}
    table = call.table(TECHNICIAN_SKILLS.table)
    if body.replaceExistingSkills:
        for row in list(table.rows()):
            if row.get("technicianId") == technician and row.id not in kept:
                TECHNICIAN_SKILLS.remove(call, row)
    for skill in skills:
        assign(call, technician, skill)
    mine = [show(r) for r in table.rows() if r.get("technicianId") == technician]
    return {"updated": True, "technicianSkills": mine}


def _get(call: Call) -> dict[str, Any]:
    return show(TECHNICIAN_SKILLS.find(call, call.path["id"]))


def _delete(call: Call) -> dict[str, Any]:
    row = TECHNICIAN_SKILLS.find(call, call.path["id"])
    TECHNICIAN_SKILLS.remove(call, row)
    return {"id": row.id}


LIST_ORDER = (
    "technicianId", *(p.name for p in PAGE_PARAMS), "active", "createdBefore",
    "createdOnOrAfter", "modifiedBefore", "modifiedOnOrAfter", "sort",
)  # fmt: skip

OPERATIONS = [
    TECHNICIAN_SKILLS.list_op(
        "TechnicianSkills_GetList", TechnicianSkillResponse,
        summary="List technician skills",
        filters=(equals("technicianId", kind="int64"), active_filter(ACTIVE.enum_name or ""),
                 *date_filters()),
        sort=STANDARD_SORT, order=LIST_ORDER,
    ),
    TECHNICIAN_SKILLS.operation(
        "TechnicianSkills_CreateTechnicianSkill", "POST", _create,
        summary="Give a technician a skill", body=CreateTechnicianSkillRequest,
        response=One(TechnicianSkillResponse), errors=(400, 404),
    ),
    TECHNICIAN_SKILLS.operation(
        "TechnicianSkills_AssignTechnicianSkills", "PATCH", _assign,
        summary="Assign skills to a technician", body=UpdateTechnicianSkillsRequest,
        response=One(UpdateTechnicianSkillsResponse), errors=(400, 404),
    ),
    TECHNICIAN_SKILLS.operation(
        "TechnicianSkills_Get", "GET", _get, suffix="/{id}",
        summary="Get a technician's skill", path_params=(SKILL_ID,),
        response=One(TechnicianSkillResponse), errors=(400, 404),
    ),
    TECHNICIAN_SKILLS.operation(
        "TechnicianSkills_Delete", "DELETE", _delete, suffix="/{id}",
        summary="Remove a skill from a technician", path_params=(SKILL_ID,),
        response=One(DeleteTechnicianSkillResult), errors=(400, 404),
    ),
]  # fmt: skip
