"""GPS pings: a GPS provider's reports of where a tenant's vehicles are, posted as an array under
the provider's name (``gps-provider/{gps_provider}``, the provider picked when the tenant
connected the app; any name is taken here). Each ping gets its own answer, in order: Success, or
Fail with the reason (no unit, a coordinate out of range or only one of the two). Nothing reads
pings back through the API; the latest of each unit is kept (table ``gps_pings``, id
``"<provider>/<unitId>"``) for the control plane and tests.
"""

from __future__ import annotations

from typing import Any

from pydantic import RootModel

from mockst.api.operation import Call, Many
from mockst.api.params import path
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.gps import GpsPingCreateRequest, GpsPingResponse
from mockst.encoding import format_datetime

# The body is a bare array.
GpsCreateBody = RootModel[list[GpsPingCreateRequest]]

GPS = Resource(
    family=FAMILY,
    path="/gps-provider",
    table="gps_pings",
    scope="tn.dis.gpspings",
    tag="Gps",
    noun="GPS ping",
)


def _problem(ping: GpsPingCreateRequest) -> str:
    if not ping.unitId.strip():
        return "The unitId is required."
    if (ping.latitude is None) != (ping.longitude is None):
        return "Latitude and longitude come together."
    if ping.latitude is not None and not -90 <= ping.latitude <= 90:
        return "The latitude must be between -90 and 90."
    if ping.longitude is not None and not -180 <= ping.longitude <= 180:
        return "The longitude must be between -180 and 180."
    return ""


def _keep(call: Call, provider: str, ping: GpsPingCreateRequest) -> None:
    ident = f"{provider}/{ping.unitId.strip()}"
    data = {"id": ident, **ping.model_dump(mode="json"), "eventTime": format_datetime(
        ping.eventTime), "receivedOn": format_datetime(call.now)}  # fmt: skip
    table = call.table(GPS.table)
    if table.get(ident, include_deleted=True) is None:
        table.insert(ident, data, call.now)
    else:
        table.update(ident, data, call.now)


def _create(call: Call) -> list[dict[str, Any]]:
    provider = call.path["gps_provider"]
    answers = []
    for ping in call.body.root:
        problem = _problem(ping)
        if not problem:
            _keep(call, provider, ping)
        answers.append({"externalId": ping.externalId, "status": "Fail" if problem else "Success",
                        "message": problem})  # fmt: skip
    return answers


OPERATIONS = [
    GPS.operation(
        "Gps_Create", "POST", _create, suffix="/{gps_provider}/gps-pings",
        summary="Report GPS pings", path_params=(path("gps_provider", "string"),),
        body=GpsCreateBody, response=Many(GpsPingResponse),
    ),
]  # fmt: skip
