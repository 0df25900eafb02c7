"""A project's jobs: attach one, detach one, or (PATCH ``jobIds``) set them all.

A job belongs to at most one project (its ``projectId``). Rules, each a 400 since the document
declares nothing else, except an unknown project or job, which is 404 as everywhere:

* the job must be at the project's location (a project is work at one place);
* attaching a job that is in another project is refused: detach it first; attaching it to its
  own project again changes nothing;
* detaching a job that is in no project is refused.

Attaching or detaching changes the job's ``projectId`` (and its ``modifiedOn``) and the project's
``modifiedOn``, so both export feeds deliver the change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mockst.api.operation import Call, TenantContext
from mockst.api.params import path
from mockst.api.resource import ID
from mockst.crm.customer_records import Problems
from mockst.errors import field_error
from mockst.jpm.job_records import JOBS
from mockst.jpm.project_records import PROJECTS
from mockst.store.table import Row

JOB_ID = path("jobId")


def _check_job(problems: Problems, field: str, project: Row, job: Row) -> None:
    if job.get("locationId") != project.get("locationId"):
        problems.add(field, f"Job {job.id} is not at the location of project {project.id}.")
    elif job.get("projectId") not in (None, project.id):
        problems.add(field, f"Job {job.id} is already in project {job.get('projectId')}; "
                            "detach it first.")  # fmt: skip


def set_project_jobs(
    ctx: TenantContext, problems: Problems, project: Row, job_ids: Sequence[int] | None
) -> Callable[[], None]:
    """Check that ``job_ids`` can be the project's jobs; the returned step makes them so."""
    wanted: list[Row] = []
    for index, ident in enumerate(dict.fromkeys(job_ids or ())):
        job = ctx.table(JOBS.table).get(ident)
        if job is None:
            problems.add(f"jobIds[{index}]", f"Job {ident} does not exist.")
        else:
            _check_job(problems, f"jobIds[{index}]", project, job)
            wanted.append(job)
    keep = {job.id for job in wanted}

    def apply() -> None:
        for job in ctx.table(JOBS.table).rows():
            if job.get("projectId") == project.id and job.id not in keep:
                JOBS.change(ctx, job, {"projectId": None})
        for job in wanted:
            if job.get("projectId") != project.id:
                JOBS.change(ctx, job, {"projectId": project.id})

    return apply


def _attach(call: Call) -> None:
    project = PROJECTS.find(call, call.path["id"])
    job = JOBS.find(call, call.path["jobId"])
    problems = Problems()
    _check_job(problems, "jobId", project, job)
    problems.check()
    if job.get("projectId") != project.id:
        JOBS.change(call, job, {"projectId": project.id})
        PROJECTS.change(call, project, {})


def _detach(call: Call) -> None:
    job = JOBS.find(call, call.path["jobId"])
    project_id = job.get("projectId")
    if project_id is None:
        raise field_error("jobId", f"Job {job.id} is not in a project.")
    JOBS.change(call, job, {"projectId": None})
    project = call.table(PROJECTS.table).get(project_id)
    if project is not None:
        PROJECTS.change(call, project, {})


OPERATIONS = [
    PROJECTS.operation(
        "Projects_AttachJob", "POST", _attach, suffix="/{id}/attach-job/{jobId}",
        summary="Attach a job to a project", path_params=(ID, JOB_ID),
    ),
    PROJECTS.operation(
        "Projects_DetachJob", "POST", _detach, suffix="/detach-job/{jobId}",
        summary="Detach a job from its project", path_params=(JOB_ID,),
    ),
]  # fmt: skip
