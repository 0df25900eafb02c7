"""Control route for the phone system: a call arrives (or is placed), as ServiceTitan's phones
record one. The API cannot create calls, so SMS and call-tracking vendors are tested by making
calls arrive here and reading them through Telecom. The rules are Telecom's
(``mockst.telecom.arrivals``), imported on first use so the control plane costs start-up nothing.

Answers the call as the v3 list shows it. A name that is not the tenant's is a 400 naming the
field; an unknown tenant a 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request

from mockst.api.operation import TenantContext
from mockst.identity import service

if TYPE_CHECKING:
    from mockst.control.routes import ControlRoute

Id = Field(default=None, ge=1)


class CallArrival(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: str = Field(alias="from", min_length=1)  # the caller's number
    to: str = Field(min_length=1)  # the number dialled (a campaign's tracking number)
    direction: Literal["Inbound", "Outbound"] = "Inbound"
    duration: int | str = 0  # seconds, or a TimeSpan: "00:04:30", "00:04"
    receivedOn: Any = None  # a date-time; default: now on the simulator's clock
    status: Literal["Ringing", "Answered", "Completed", "Initiated"] = "Completed"
    callType: Literal["Abandoned", "Unbooked", "Excused", "Booked", "NotLead"] | None = None
    customerId: int | None = Id
    locationId: int | None = Id
    campaignId: int | None = Id
    bookingId: int | None = Id
    jobId: int | None = Id
    leadId: int | None = Id
    agentId: int | None = Id  # a Settings employee
    agentExternalId: int | None = None  # an external agent (answering service)
    reasonId: int | None = Id  # a call reason (JBCE)
    recording: bool | None = None  # default: a call that lasted is recorded
    voicemail: bool = False
    sid: str | None = None  # default: a made-up "CA…" id, as phone providers give
    tag: str = ""


def _context(request: Request) -> TenantContext:
    from mockst.control.routes import _int

    world = request.app.state.world
    tenant_id = _int(request, "tenant_id")
    service.get_tenant(world, tenant_id)
    return TenantContext(world, world.tenant_data(tenant_id), world.clock.now())


def receive_call(request: Request, body: CallArrival) -> Any:
    from mockst.telecom.arrivals import arrive
    from mockst.telecom.call_views import bundle
    from mockst.telecom.models.calls import CallResponse

    world = request.app.state.world
    with world.transaction():
        ctx = _context(request)
        row = arrive(ctx, body.model_dump(by_alias=True))
        job_id = request.app.state.config.call_top_level_id == "job"
        return bundle(ctx, row, CallResponse, False, job_id)


def control_routes() -> list[ControlRoute]:
    from mockst.control.routes import ControlRoute

    return [
        ControlRoute("POST", "/_mock/tenants/{tenant_id}/calls", receive_call,
                     "Phone system: a call arrives (or is placed)", CallArrival),
    ]  # fmt: skip
