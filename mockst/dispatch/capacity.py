"""Capacity: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import One
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.capacity import CapacityRequestArgs, CapacityResponse

CAPACITY = Resource(
    family=FAMILY,
    path="/capacity",
    table="capacity",
    scope="tn.dis.capacity",
    tag="Capacity",
    noun="Capacity",
)

OPERATIONS = [
    CAPACITY.planned(
        "Capacity_GetList",
        "POST",
        body=CapacityRequestArgs,
        response=One(CapacityResponse),
    ),
]
