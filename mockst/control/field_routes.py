"""Control routes for what happens in the field: a technician dispatched, arriving, done, and a
job completed. ServiceTitan's API cannot do these (the technician's app does), so a test walks a
job to Completed through them. The rules are Job Planning's (``mockst.jpm.job_actions``), imported
on first use so the control plane costs start-up nothing.

Each answers ``{appointment, job}`` as the API would show them after the step. A step that does not
fit where the technician or job is (arriving twice, completing a canceled job) is a 409; an
unknown tenant, appointment or job a 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request

from mockst.api.operation import TenantContext
from mockst.identity import service

if TYPE_CHECKING:
    from mockst.control.routes import ControlRoute

STEPS = ("dispatch", "arrive", "done")


class FieldStep(BaseModel):
    model_config = ConfigDict(extra="forbid")

    technicianId: int | None = Field(default=None, ge=1)  # None: every assigned technician


class JobCompletion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    completedOn: Any = None  # a date-time; default: now on the simulator's clock


def _context(request: Request) -> TenantContext:
    world = request.app.state.world
    tenant_id = _id(request, "tenant_id")
    service.get_tenant(world, tenant_id)
    return TenantContext(world, world.tenant_data(tenant_id), world.clock.now())


def _id(request: Request, name: str) -> int:
    from mockst.control.routes import _int

    return _int(request, name)


def _answer(ctx: TenantContext, appointment: Any, job: Any) -> dict[str, Any]:
    from mockst.api.listing import project
    from mockst.jpm.job_records import render_job
    from mockst.jpm.models.appointments import AppointmentResponse
    from mockst.jpm.models.jobs import JobResponse

    return {
        "appointment": project(appointment.data, AppointmentResponse) if appointment else None,
        "job": render_job(job.data, JobResponse),
    }


def _step(step: str) -> Any:
    def handler(request: Request, body: FieldStep) -> Any:
        from mockst.jpm import job_actions
        from mockst.jpm.job_records import APPOINTMENTS

        world = request.app.state.world
        with world.transaction():
            ctx = _context(request)
            row = APPOINTMENTS.find(ctx, _id(request, "appointment_id"))
            row = job_actions.field_step(ctx, row, step, body.technicianId)
            return _answer(ctx, row, job_actions.job_of(ctx, row))

    handler.__name__ = f"{step}_technicians"  # the control document's operationId
    return handler


def complete_job(request: Request, body: JobCompletion) -> Any:
    from mockst.encoding import parse_datetime
    from mockst.errors import field_error
    from mockst.jpm import job_actions
    from mockst.jpm.job_records import JOBS

    when = None
    if body.completedOn is not None:
        try:
            when = parse_datetime(str(body.completedOn))
        except ValueError:
            raise field_error("completedOn", "Expected a date-time.") from None
    world = request.app.state.world
    with world.transaction():
        ctx = _context(request)
        job = job_actions.complete(ctx, JOBS.find(ctx, _id(request, "job_id")), when)
        return _answer(ctx, None, job)


def control_routes() -> list[ControlRoute]:
    from mockst.control.routes import ControlRoute

    base = "/_mock/tenants/{tenant_id}"
    return [
        *(
            ControlRoute("POST", f"{base}/appointments/{{appointment_id}}/{step}", _step(step),
                         f"Field: technicians {step} (all, or technicianId)", FieldStep)
            for step in STEPS
        ),
        ControlRoute("POST", f"{base}/jobs/{{job_id}}/complete", complete_job,
                     "Field: complete a job", JobCompletion),
    ]  # fmt: skip
