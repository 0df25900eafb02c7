"""Query filters the customer and location lists share: address parts and external data.

Address parts (``street`` … ``country``) match case-insensitively as substrings, ``latitude`` and
``longitude`` exactly. ``externalDataKey`` and ``externalDataValues`` need each other (400
otherwise; at most 50 values) and keep records whose external data of the
``externalDataApplicationGuid`` given (of any application when none is) has that key with one of
the values; the GUID alone filters nothing, it chooses which external data the rows show.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from mockst.api.listing import PAGE_PARAMS, SORT_PARAM, STANDARD_SORT, Filter, page_of
from mockst.api.operation import Call
from mockst.api.params import Param
from mockst.api.resource import Resource
from mockst.crm.customer_records import render
from mockst.errors import validation_error
from mockst.store.table import Row


def record_page(
    call: Call, resource: Resource, model: type[BaseModel], filters: Sequence[Filter]
) -> dict[str, Any]:
    """A page of customers or locations, showing the external data of the GUID the query names."""
    external_data_query(call)  # a lone externalDataValues is an error too
    guid = call.query.get("externalDataApplicationGuid")
    return page_of(
        call,
        call.table(resource.table),
        model,
        filters,
        STANDARD_SORT,
        render=lambda row: render(row.data, model, guid),
        view=(model, guid),
    )


def address_filters() -> dict[str, Filter]:
    """street…country (case-insensitive contains) and latitude/longitude (equal), by name."""
    result: dict[str, Filter] = {}
    for part in ("street", "unit", "city", "state", "zip", "country"):
        result[part] = Filter(
            Param(part, "string"),
            _address_contains(part),
            lambda value, _call: value.lower(),
        )
    for part in ("latitude", "longitude"):
        result[part] = Filter(Param(part, "double"), _address_equals(part))
    return result


def _address_contains(part: str):
    return lambda row, value: value in str((row.get("address") or {}).get(part) or "").lower()


def _address_equals(part: str):
    return lambda row, value: (row.get("address") or {}).get(part) == value


def external_data_query(call: Call) -> tuple[str | None, str, set[str]] | None:
    """Check and read externalDataKey/externalDataValues (each requires the other)."""
    key = call.query.get("externalDataKey")
    raw = call.query.get("externalDataValues")
    key = key if key and key.strip() else None
    values = [v.strip() for v in raw.split(",") if v.strip()] if raw else []
    if key is None and not values:
        return None
    errors: dict[str, list[str]] = {}
    if key is None:
        errors["externalDataKey"] = ["externalDataKey is required with externalDataValues."]
    if not values:
        errors["externalDataValues"] = ["externalDataValues is required with externalDataKey."]
    if len(values) > call.config.max_ids:
        errors["externalDataValues"] = [f"No more than {call.config.max_ids} values are allowed."]
    if errors:
        raise validation_error(errors)
    assert key is not None
    return call.query.get("externalDataApplicationGuid"), key, set(values)


def _external_test(row: Row, wanted: tuple[str | None, str, set[str]]) -> bool:
    guid, key, values = wanted
    by_app = row.get("externalDataByApp") or {}
    groups = [by_app.get(guid, [])] if guid else list(by_app.values())
    return any(i["key"] == key and i["value"] in values for group in groups for i in group)


EXTERNAL_DATA_PARAMS = (
    Param("externalDataApplicationGuid", "guid"),
    Param("externalDataValues", "string"),
)
# Only the key filters; it reads the GUID and the values itself.
EXTERNAL_DATA_FILTER = Filter(
    Param("externalDataKey", "string"),
    _external_test,
    lambda _value, call: external_data_query(call),
)


def list_query(order: tuple[str, ...], *sources: Filter | Param) -> tuple[Param, ...]:
    """Query parameters in the official order, from filters and plain parameters."""
    params = [s.param if isinstance(s, Filter) else s for s in sources]
    by_name = {p.name: p for p in (*PAGE_PARAMS, SORT_PARAM, *params)}
    return tuple(by_name[name] for name in order)
