"""Arrival windows: the stretches of the day a customer is promised a technician will arrive in
(09:00-11:00), per business unit; capacity builds its frames from the active ones.

``start`` is a time of day and ``duration`` how long the window lasts, both TimeSpans
(``"09:00"`` or ``"09:00:00"`` in, ``"09:00:00"`` out): a window ends at start + duration, within
the day (scheduling facts §15 U22; ``Config.arrival_window_duration = "end"`` reads and writes
``duration`` as the end time instead). Business units must be the tenant's; an empty list is
allowed. A created window is active; ``PUT …/activated`` switches it. The tenant's configuration
(whether the window's start or end is what the customer is told) is one setting, by default
``StartTimeOfArrivalWindow``. The list shows active windows unless ``active`` says otherwise.
"""

from __future__ import annotations

from typing import Any

from mockst.api.listing import ACTIVE, PAGE_PARAMS, active_filter, date_filters, project
from mockst.api.operation import Call, Empty, One, TenantContext
from mockst.api.resource import ID, Resource
from mockst.dispatch import FAMILY
from mockst.dispatch.checks import Problems, business_units, timespan
from mockst.dispatch.models.arrival_windows import (
    ArrivalWindowConfiguration,
    ArrivalWindowConfigurationResponse,
    ArrivalWindowResponse,
    CreateArrivalWindowRequest,
    SetArrivalWindowStatusRequest,
    UpdateArrivalWindowConfigurationRequest,
    UpdateArrivalWindowRequest,
)
from mockst.dispatch.schedule import ARRIVAL_WINDOWS as TABLE
from mockst.dispatch.schedule import DAY, timespan_seconds, timespan_text
from mockst.store.table import Row

ARRIVAL_WINDOWS = Resource(
    family=FAMILY,
    path="/arrival-windows",
    table=TABLE,
    scope="tn.dis.arrivalwindows",
    tag="ArrivalWindows",
    noun="Arrival window",
)
CONFIGURATION = "arrival_window_configuration"  # one row, id 1
CONFIGURATION_ID = 1


def _ends_given(ctx: TenantContext) -> bool:
    config = getattr(ctx, "config", None)
    return config is not None and config.arrival_window_duration == "end"


def window_fields(ctx: TenantContext, body: CreateArrivalWindowRequest) -> dict[str, Any]:
    """The stored window of a create or update body, checked."""
    problems = Problems()
    start = timespan(problems, "start", body.start, high=DAY - 1)
    if _ends_given(ctx):
        length = timespan(problems, "duration", body.duration, low=1, high=DAY) - start
        if length <= 0 and "duration" not in problems.errors:
            problems.add("duration", "The window must end after it starts.")
    else:
        length = timespan(problems, "duration", body.duration, low=1, high=DAY)
        if "start" not in problems.errors and start + length > DAY:
            problems.add("duration", "The window must end within its day.")
    units = business_units(ctx, problems, "businessUnitIds", body.businessUnitIds)
    problems.check()
    return {"start": timespan_text(start), "duration": timespan_text(length),
            "businessUnitIds": units}  # fmt: skip


def create_arrival_window(ctx: TenantContext, body: CreateArrivalWindowRequest,
                          *, active: bool = True) -> Row:  # fmt: skip
    """An arrival window of the tenant (the API, seeds, the control plane)."""
    return ARRIVAL_WINDOWS.insert(ctx, {**window_fields(ctx, body), "active": active})


def render(call: Call, row: Row) -> dict[str, Any]:
    data = project(row.data, ArrivalWindowResponse)
    if _ends_given(call):
        end = timespan_seconds(data["start"]) + timespan_seconds(data["duration"])
        data["duration"] = timespan_text(end)
    return data


def _create(call: Call) -> dict[str, Any]:
    return render(call, create_arrival_window(call, call.body))


def _get(call: Call) -> dict[str, Any]:
    return render(call, ARRIVAL_WINDOWS.find(call, call.path["id"]))


def _update(call: Call) -> dict[str, Any]:
    row = ARRIVAL_WINDOWS.find(call, call.path["id"])
    return render(call, ARRIVAL_WINDOWS.change(call, row, window_fields(call, call.body)))


def _activated(call: Call) -> None:
    body: SetArrivalWindowStatusRequest = call.body
    row = ARRIVAL_WINDOWS.find(call, call.path["id"])
    ARRIVAL_WINDOWS.change(call, row, {"active": body.isActive})


def configuration(ctx: TenantContext) -> str:
    """Whether customers are told a window's start or its end."""
    row = ctx.table(CONFIGURATION).get(CONFIGURATION_ID)
    default = ArrivalWindowConfiguration.START_TIME_OF_ARRIVAL_WINDOW.value
    return row.get("configuration") if row is not None else default


def _get_configuration(call: Call) -> dict[str, Any]:
    return {"configuration": configuration(call)}


def _set_configuration(call: Call) -> dict[str, Any]:
    body: UpdateArrivalWindowConfigurationRequest = call.body
    table = call.table(CONFIGURATION)
    data = {"configuration": body.configuration.value}
    if table.get(CONFIGURATION_ID) is None:
        table.insert(CONFIGURATION_ID, {"id": CONFIGURATION_ID, **data}, call.now)
    else:
        table.update(CONFIGURATION_ID, data, call.now)
    return data


OPERATIONS = [
    ARRIVAL_WINDOWS.list_op(
        "ArrivalWindows_GetList", ArrivalWindowResponse,
        summary="List arrival windows",
        filters=(*date_filters(modified=""), active_filter(ACTIVE.enum_name or "")),
        order=(*(p.name for p in PAGE_PARAMS), "createdBefore", "createdOnOrAfter", "active"),
        render=render,
    ),
    ARRIVAL_WINDOWS.operation(
        "ArrivalWindows_Create", "POST", _create,
        summary="Create an arrival window", body=CreateArrivalWindowRequest,
        response=One(ArrivalWindowResponse),
    ),
    ARRIVAL_WINDOWS.operation(
        "ArrivalWindows_Get", "GET", _get, suffix="/{id}",
        summary="Get an arrival window", path_params=(ID,),
        response=One(ArrivalWindowResponse), errors=(400, 404),
    ),
    ARRIVAL_WINDOWS.operation(
        "ArrivalWindows_Update", "PUT", _update, suffix="/{id}",
        summary="Replace an arrival window", path_params=(ID,),
        body=UpdateArrivalWindowRequest, response=One(ArrivalWindowResponse), errors=(400, 404),
    ),
    ARRIVAL_WINDOWS.operation(
        "ArrivalWindows_Activated", "PUT", _activated, suffix="/{id}/activated",
        summary="Activate or deactivate an arrival window", path_params=(ID,),
        body=SetArrivalWindowStatusRequest, response=Empty(), errors=(400, 404),
    ),
    ARRIVAL_WINDOWS.operation(
        "ArrivalWindows_GetConfiguration", "GET", _get_configuration, suffix="/configuration",
        summary="Get the arrival window configuration",
        response=One(ArrivalWindowConfigurationResponse),
    ),
    ARRIVAL_WINDOWS.operation(
        "ArrivalWindows_UpdatedConfiguration", "POST", _set_configuration,
        suffix="/configuration", summary="Set the arrival window configuration",
        body=UpdateArrivalWindowConfigurationRequest,
        response=One(ArrivalWindowConfigurationResponse),
    ),
]  # fmt: skip
