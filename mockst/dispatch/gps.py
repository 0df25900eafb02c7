"""Gps: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from pydantic import RootModel

from mockst.api.operation import Many
from mockst.api.params import path
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.gps import GpsPingCreateRequest, GpsPingResponse

# The body is a bare array.
GpsCreateBody = RootModel[list[GpsPingCreateRequest]]


GPS = Resource(
    family=FAMILY,
    path="/gps-provider",
    table="gps_provider",
    scope="tn.dis.gpspings",
    tag="Gps",
    noun="Gp",
)

OPERATIONS = [
    GPS.planned(
        "Gps_Create",
        "POST",
        suffix="/{gps_provider}/gps-pings",
        path_params=(path("gps_provider", "string"),),
        body=GpsCreateBody,
        response=Many(GpsPingResponse),
    ),
]
