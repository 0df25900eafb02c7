"""BusinessHour: declared from the official document; not simulated yet.

Each operation answers a placeholder (``Resource.planned``) until its handler is written;
``docs/adding-a-family.md`` says how to move one from planned to served.
"""

from __future__ import annotations

from mockst.api.operation import One
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.models.business_hour import (
    BusinessHourModel,
    CreateBusinessHourRequest,
    CreateBusinessHourResponse,
)

BUSINESS_HOUR = Resource(
    family=FAMILY,
    path="/business-hours",
    table="business_hours",
    scope="tn.dis.businesshours",
    tag="BusinessHour",
    noun="Business hour",
)

OPERATIONS = [
    BUSINESS_HOUR.planned(
        "BusinessHour_GetList",
        "GET",
        response=One(BusinessHourModel),
    ),
    BUSINESS_HOUR.planned(
        "BusinessHour_Create",
        "POST",
        body=CreateBusinessHourRequest,
        response=One(CreateBusinessHourResponse),
    ),
]
