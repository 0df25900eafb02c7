"""Projects: long-running work at one customer location (a remodel, a system replacement) that
groups several jobs, with managers, business units, a status and target dates.

Create: ``locationId`` must be the tenant's; ``customerId`` defaults to the location's customer
and, when given, must be it (400 otherwise). ``number`` is the id as text, as job numbers are
(the facts document's U9). Every reference is checked as ``project_records`` says; custom fields
as ``project_custom_fields`` says; external data belongs to the application that wrote it, as on
customers. A new project has no jobs: attach them (``project_jobs``) or PATCH ``jobIds``.

PATCH changes the fields it sends; lists replace. ``jobIds`` makes the project's jobs exactly
those: each must be a job at the project's location, and the project's other jobs are detached.
A new ``statusId`` without ``subStatusId`` clears a sub-status of another status.
"""

from __future__ import annotations

from typing import Any

from mockst.api.operation import Call, One, TenantContext
from mockst.api.params import Param
from mockst.api.resource import ID
from mockst.crm.customer_records import (
    LOCATIONS,
    Problems,
    external_data_created,
    external_data_updated,
)
from mockst.jpm.models.projects import CreateProjectRequest, ProjectResponse, UpdateProjectRequest
from mockst.jpm.project_custom_fields import check_project_custom_fields
from mockst.jpm.project_jobs import set_project_jobs
from mockst.jpm.project_records import (
    PROJECTS,
    check_managers,
    check_status,
    check_type,
    check_units,
    dates,
    project_of,
)
from mockst.store.table import Row

GUID = Param("externalDataApplicationGuid", "guid")


def create_project(ctx: TenantContext, body: CreateProjectRequest) -> Row:
    """A project of the tenant (the API's create, seeds, the control plane)."""
    problems = Problems()
    location = ctx.table(LOCATIONS.table).get(body.locationId)
    customer_id = body.customerId
    if location is None:
        problems.add("locationId", f"Location {body.locationId} does not exist.")
    elif customer_id is None:
        customer_id = location.get("customerId")
    elif location.get("customerId") != customer_id:
        problems.add("customerId", f"Location {body.locationId} is not a location of customer "
                                   f"{customer_id}.")  # fmt: skip
    status_id, sub_id = check_status(ctx, problems, body.statusId, body.subStatusId)
    data: dict[str, Any] = {
        "name": body.name,
        "summary": body.summary,
        "statusId": status_id,
        "subStatusId": sub_id,
        "customerId": customer_id,
        "locationId": body.locationId,
        "projectTypeId": check_type(ctx, problems, body.projectTypeId),
        "projectManagerIds": check_managers(ctx, problems, body.projectManagerIds),
        "businessUnitIds": check_units(ctx, problems, body.businessUnitIds),
        **dates(body),
        "customFields": check_project_custom_fields(ctx, problems, body.customFields),
        "externalDataByApp": external_data_created(problems, "externalData", body.externalData),
        "active": True,
    }
    problems.check()
    ident = ctx.world.new_id()
    return PROJECTS.insert(ctx, {"number": str(ident), **data}, ident)


def _guid(body: Any) -> str | None:
    external = getattr(body, "externalData", None)
    return str(external.applicationGuid) if external is not None else None


def _create(call: Call) -> dict[str, Any]:
    return project_of(call, create_project(call, call.body), _guid(call.body))


def _get(call: Call) -> dict[str, Any]:
    return project_of(call, PROJECTS.find(call, call.path["id"]), call.query.get(GUID.name))


def _update(call: Call) -> dict[str, Any]:
    body: UpdateProjectRequest = call.body
    row = PROJECTS.find(call, call.path["id"])
    sent = body.model_fields_set
    problems = Problems()
    changes: dict[str, Any] = {**dates(body, sent)}
    for field in ("name", "summary"):
        if field in sent:
            changes[field] = getattr(body, field)
    if "projectManagerIds" in sent:
        changes["projectManagerIds"] = check_managers(call, problems, body.projectManagerIds)
    if "businessUnitIds" in sent:
        changes["businessUnitIds"] = check_units(call, problems, body.businessUnitIds)
    if "projectTypeId" in sent:
        changes["projectTypeId"] = check_type(call, problems, body.projectTypeId)
    if "statusId" in sent or "subStatusId" in sent:
        status_id = body.statusId if "statusId" in sent else row.get("statusId")
        sub_id = body.subStatusId if "subStatusId" in sent else row.get("subStatusId")
        if "subStatusId" not in sent and status_id != row.get("statusId"):
            sub_id = None  # the old sub-status belongs to the old status
        changes["statusId"], changes["subStatusId"] = check_status(call, problems, status_id,
                                                                   sub_id)  # fmt: skip
    if "customFields" in sent:
        changes["customFields"] = check_project_custom_fields(call, problems, body.customFields)
    if "externalData" in sent and body.externalData is not None:
        current = row.get("externalDataByApp") or {}
        changes["externalDataByApp"] = external_data_updated(
            problems, "externalData", current, body.externalData
        )
    jobs = set_project_jobs(call, problems, row, body.jobIds) if "jobIds" in sent else None
    problems.check()
    if jobs is not None:
        jobs()
    return project_of(call, PROJECTS.change(call, row, changes), _guid(body))


OPERATIONS = [
    PROJECTS.operation(
        "Projects_Get", "GET", _get, suffix="/{id}",
        summary="Get a project", path_params=(ID,), query=(GUID,),
        response=One(ProjectResponse), errors=(400, 404),
    ),
    PROJECTS.operation(
        "Projects_Update", "PATCH", _update, suffix="/{id}",
        summary="Update a project", path_params=(ID,),
        body=UpdateProjectRequest, response=One(ProjectResponse), errors=(400, 404),
    ),
    PROJECTS.operation(
        "Projects_Create", "POST", _create,
        summary="Create a project", body=CreateProjectRequest, response=One(ProjectResponse),
    ),
]  # fmt: skip
