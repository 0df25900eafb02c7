"""Business hours: the hours the tenant works on weekdays, Saturdays and Sundays, as ranges of
whole hours of its wall clock; capacity falls back on them where no arrival window applies.

The tenant has one set: GET answers it (empty lists before anything set it), POST replaces all of
it and answers what it stored. Each range runs from ``fromHour`` to ``toHour``, 0 to 24, ending
after it starts; a day's ranges are kept in order and may not overlap.
"""

from __future__ import annotations

from typing import Any

from mockst.api.operation import Call, One, TenantContext
from mockst.api.resource import Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.checks import Problems
from mockst.dispatch.models.business_hour import (
    BusinessHourModel,
    CreateBusinessHourRequest,
    CreateBusinessHourResponse,
    TimeRange,
)
from mockst.dispatch.schedule import BUSINESS_HOURS, BUSINESS_HOURS_ID, business_hours_of

BUSINESS_HOUR = Resource(
    family=FAMILY,
    path="/business-hours",
    table=BUSINESS_HOURS,
    scope="tn.dis.businesshours",
    tag="BusinessHour",
    noun="Business hour",
)
DAYS = ("weekdays", "saturday", "sunday")


def _ranges(problems: Problems, day: str, ranges: list[TimeRange]) -> list[dict[str, int]]:
    result = []
    for index, item in enumerate(sorted(ranges, key=lambda r: (r.fromHour, r.toHour))):
        field = f"{day}[{index}]"
        if not (0 <= item.fromHour < item.toHour <= 24):
            problems.add(field, "The hours must run from 0 to 24 and end after they start.")
        elif result and item.fromHour < result[-1]["toHour"]:
            problems.add(field, "The ranges of a day must not overlap.")
        result.append({"fromHour": item.fromHour, "toHour": item.toHour})
    return result


def set_business_hours(ctx: TenantContext, body: CreateBusinessHourRequest) -> dict[str, Any]:
    """Replace the tenant's business hours (the API, seeds, the control plane)."""
    problems = Problems()
    data = {day: _ranges(problems, day, getattr(body, day)) for day in DAYS}
    problems.check()
    if ctx.table(BUSINESS_HOURS).get(BUSINESS_HOURS_ID) is None:
        BUSINESS_HOUR.insert(ctx, data, BUSINESS_HOURS_ID)
    else:
        BUSINESS_HOUR.change(ctx, ctx.table(BUSINESS_HOURS).get(BUSINESS_HOURS_ID), data)
    return data


def _get(call: Call) -> dict[str, Any]:
    return business_hours_of(call)


def _create(call: Call) -> dict[str, Any]:
    return set_business_hours(call, call.body)


OPERATIONS = [
    BUSINESS_HOUR.operation(
        "BusinessHour_GetList", "GET", _get,
        summary="Get the business hours", response=One(BusinessHourModel),
    ),
    BUSINESS_HOUR.operation(
        "BusinessHour_Create", "POST", _create,
        summary="Replace the business hours", body=CreateBusinessHourRequest,
        response=One(CreateBusinessHourResponse),
    ),
]  # fmt: skip
