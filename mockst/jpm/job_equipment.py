"""Job equipment: the installed equipment a job works on (Equipment Systems' rows at the job's
location), listed as the job's ``equipmentIds``.

Attach adds pieces (one already attached is no error); each must be active installed equipment at
the job's location, else a 400 naming it. Detaching a piece the job does not have is a 400 in the
bulk form and a 404 by path. The job's row changes with its list, so the jobs feed delivers it
again. The official deletes declare 200 and 204; they answer 200 with no body, as the other JPM
actions do.
"""

from __future__ import annotations

from typing import Any

from mockst.api.operation import Call, Empty, One
from mockst.api.params import path
from mockst.api.resource import ID, Resource
from mockst.crm.customer_records import Problems
from mockst.equipmentsystems.installed_equipment import INSTALLED_EQUIPMENT
from mockst.errors import ApiError
from mockst.jpm import FAMILY
from mockst.jpm.job_records import JOBS
from mockst.jpm.models.job_equipment import (
    AttachJobEquipmentRequest,
    DetachJobEquipmentRequest,
    JobEquipmentResponse,
)
from mockst.store.table import Row

JOB_EQUIPMENT = Resource(
    family=FAMILY,
    path="/jobs",
    table="jobs",
    scope="tn.jpm.jobs",
    tag="JobEquipment",
    noun="Job equipment",
)


def _shown(job: Row) -> dict[str, Any]:
    return {"equipmentIds": list(job.get("equipmentIds") or [])}


def _get(call: Call) -> dict[str, Any]:
    return _shown(JOBS.find(call, call.path["id"]))


def _attach(call: Call) -> dict[str, Any]:
    body: AttachJobEquipmentRequest = call.body
    job = JOBS.find(call, call.path["id"])
    problems = Problems()
    have = list(job.get("equipmentIds") or [])
    for index, ident in enumerate(body.equipmentIds):
        piece = call.table(INSTALLED_EQUIPMENT.table).get(ident)
        if piece is None or not piece.active:
            problems.add(f"equipmentIds[{index}]", f"Installed equipment {ident} was not found.")
        elif piece.get("locationId") != job.get("locationId"):
            problems.add(f"equipmentIds[{index}]", f"Installed equipment {ident} is not at the "
                         "job's location.")  # fmt: skip
        elif ident not in have:
            have.append(ident)
    problems.check()
    if have != list(job.get("equipmentIds") or []):
        job = JOBS.change(call, job, {"equipmentIds": have})
    return _shown(job)


def _detach(call: Call, job: Row, ids: list[int]) -> None:
    JOBS.change(call, job, {"equipmentIds": [i for i in job.get("equipmentIds") or []
                                             if i not in ids]})  # fmt: skip


def _detach_bulk(call: Call) -> None:
    body: DetachJobEquipmentRequest = call.body
    job = JOBS.find(call, call.path["id"])
    problems = Problems()
    for index, ident in enumerate(body.equipmentIds):
        if ident not in (job.get("equipmentIds") or []):
            problems.add(f"equipmentIds[{index}]", f"Equipment {ident} is not attached to job "
                         f"{job.id}.")  # fmt: skip
    problems.check()
    _detach(call, job, body.equipmentIds)


def _detach_one(call: Call) -> None:
    job = JOBS.find(call, call.path["id"])
    ident = call.path["equipmentId"]
    if ident not in (job.get("equipmentIds") or []):
        message = f"Equipment {ident} is not attached to job {job.id}."
        raise ApiError(404, "Job equipment not found.", {"equipmentId": [message]})
    _detach(call, job, [ident])


OPERATIONS = [
    JOB_EQUIPMENT.operation(
        "JobEquipment_Get", "GET", _get, suffix="/{id}/equipment", summary="A job's equipment",
        path_params=(ID,), response=One(JobEquipmentResponse), errors=(400, 404),
    ),
    JOB_EQUIPMENT.operation(
        "JobEquipment_Attach", "POST", _attach, suffix="/{id}/equipment",
        summary="Attach equipment to a job", path_params=(ID,), body=AttachJobEquipmentRequest,
        response=One(JobEquipmentResponse), errors=(400, 404),
    ),
    JOB_EQUIPMENT.operation(
        "JobEquipment_DetachBulk", "DELETE", _detach_bulk, suffix="/{id}/equipment",
        summary="Detach equipment from a job", path_params=(ID,),
        body=DetachJobEquipmentRequest, response=Empty(), errors=(400, 404),
    ),
    JOB_EQUIPMENT.operation(
        "JobEquipment_Detach", "DELETE", _detach_one, suffix="/{id}/equipment/{equipmentId}",
        summary="Detach one piece of equipment", path_params=(ID, path("equipmentId")),
        response=Empty(), errors=(400, 404),
    ),
]
