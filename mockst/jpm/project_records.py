"""Rows of projects: how their references are checked and how a row is shown.

Shared by the project operations, their list, export and job links, so each rule lives once
(the README's resource rules table lists them):

* A project's jobs are not stored on the project: ``jobIds`` is read from the jobs whose
  ``projectId`` names it, so attaching a job, detaching it or creating a job in a project shows
  at once, whichever operation did it.
* ``status`` and ``subStatus`` are the names of ``statusId`` and ``subStatusId`` as they are now.
* A sub-status must belong to the project's status; given alone, it brings its status.
* Business units and project types must be the tenant's. Project managers must be employees or
  technicians of the tenant once it has any (any positive id before that, as CRM treats
  technicians).
* ``startDate``, ``targetCompletionDate`` and ``actualCompletionDate`` are dates in meaning:
  written at midnight UTC of their day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from mockst.api.listing import project
from mockst.api.operation import TenantContext
from mockst.api.resource import Resource
from mockst.crm.customer_records import Problems, external_data_for
from mockst.encoding import format_date
from mockst.jpm import FAMILY
from mockst.jpm.models.projects import ProjectResponse
from mockst.jpm.project_statuses import PROJECT_STATUSES
from mockst.jpm.project_sub_statuses import PROJECT_SUB_STATUSES
from mockst.jpm.project_types import PROJECT_TYPES
from mockst.settings.business_units import BUSINESS_UNITS
from mockst.store.table import Row

PROJECTS = Resource(
    family=FAMILY,
    path="/projects",
    table="projects",
    scope="tn.jpm.projects",
    tag="Projects",
    noun="Project",
)
JOBS_TABLE = "jobs"  # mockst.jpm.jobs.JOBS: read by name, so projects load without jobs
DATE_FIELDS = ("startDate", "targetCompletionDate", "actualCompletionDate")
PEOPLE_TABLES = ("employees", "technicians")


def jobs_by_project(ctx: TenantContext) -> dict[int, list[int]]:
    """Each project's job ids, in id order, from one pass over the jobs."""
    result: dict[int, list[int]] = {}
    for job in ctx.table(JOBS_TABLE).rows():
        project = job.get("projectId")
        if project is not None:
            result.setdefault(project, []).append(int(job.id))
    for ids in result.values():
        ids.sort()
    return result


def show_project(
    ctx: TenantContext, data: dict[str, Any], job_ids: list[int], guid: str | None,
    model: type[BaseModel] = ProjectResponse,
) -> dict[str, Any]:  # fmt: skip
    """The stored project as ``model`` (``ProjectResponse``, or the export's row)."""
    statuses, subs = ctx.table(PROJECT_STATUSES.table), ctx.table(PROJECT_SUB_STATUSES.table)
    status = statuses.get(data["statusId"]) if data.get("statusId") is not None else None
    sub = subs.get(data["subStatusId"]) if data.get("subStatusId") is not None else None
    shown = {
        **data,
        "status": status.get("name") if status is not None else None,
        "subStatus": sub.get("name") if sub is not None else None,
        "externalData": external_data_for(data, guid),
        "jobIds": job_ids,
    }
    return project(shown, model)


def dates(body: Any, sent: set[str] | None = None) -> dict[str, str | None]:
    """The date fields the body carries (all of them on a create, the sent ones on a PATCH)."""
    result: dict[str, str | None] = {}
    for name in DATE_FIELDS:
        if sent is None or name in sent:
            value: datetime | None = getattr(body, name)
            result[name] = format_date(value) if value is not None else None
    return result


def check_status(
    ctx: TenantContext, problems: Problems, status_id: int | None, sub_id: int | None
) -> tuple[int | None, int | None]:
    """The project's (statusId, subStatusId); a lone sub-status brings its status."""
    if status_id is not None and ctx.table(PROJECT_STATUSES.table).get(status_id) is None:
        problems.add("statusId", f"Project status {status_id} does not exist.")
    if sub_id is None:
        return status_id, None
    sub = ctx.table(PROJECT_SUB_STATUSES.table).get(sub_id)
    if sub is None:
        problems.add("subStatusId", f"Project sub-status {sub_id} does not exist.")
    elif status_id is None:
        return sub.get("statusId"), sub_id
    elif sub.get("statusId") != status_id:
        problems.add("subStatusId", f"Project sub-status {sub_id} is not a sub-status of "
                                    f"project status {status_id}.")  # fmt: skip
    return status_id, sub_id


def check_type(ctx: TenantContext, problems: Problems, type_id: int | None) -> int | None:
    if type_id is not None and ctx.table(PROJECT_TYPES.table).get(type_id) is None:
        problems.add("projectTypeId", f"Project type {type_id} does not exist.")
    return type_id


def check_units(ctx: TenantContext, problems: Problems, ids: Sequence[int] | None) -> list[int]:
    result: list[int] = []
    for index, ident in enumerate(ids or ()):
        if ctx.table(BUSINESS_UNITS.table).get(ident) is None:
            problems.add(f"businessUnitIds[{index}]", f"Business unit {ident} does not exist.")
        elif ident not in result:
            result.append(ident)
    return result


def check_managers(
    ctx: TenantContext, problems: Problems, ids: Sequence[int] | None
) -> list[int]:
    tables = [ctx.table(name) for name in PEOPLE_TABLES]
    anyone = not any(next(iter(t.rows()), None) is not None for t in tables)
    result: list[int] = []
    for index, ident in enumerate(ids or ()):
        known = ident > 0 and (anyone or any(t.get(ident) is not None for t in tables))
        if not known:
            problems.add(f"projectManagerIds[{index}]", f"Employee {ident} does not exist.")
        elif ident not in result:
            result.append(ident)
    return result


def project_of(ctx: TenantContext, row: Row, guid: str | None = None) -> dict[str, Any]:
    """One project shown on its own (its job ids read for it alone)."""
    ids = sorted(int(j.id) for j in ctx.table(JOBS_TABLE).rows() if j.get("projectId") == row.id)
    return show_project(ctx, row.data, ids, guid)
