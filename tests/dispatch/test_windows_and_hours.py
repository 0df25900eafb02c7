"""Arrival windows and business hours: time spans in and out, the tenant's one set of hours."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.dispatch.schedule import timespan_seconds, timespan_text
from mockst.store.world import World
from mockst.testing import TenantApi, api_headers, take_token

if TYPE_CHECKING:
    from conftest import Staff  # the fixture's type; imported by name only


def test_timespans() -> None:
    assert timespan_seconds("09:00") == 9 * 3600 and timespan_seconds("02:30:15") == 9015
    assert timespan_seconds("1.00:00:00") == 86400
    assert timespan_text(7200) == "02:00:00" and timespan_text(86400 + 60) == "1.00:01:00"
    for bad in ("9", "25:00", "09:60", "x"):
        with pytest.raises(ValueError):
            timespan_seconds(bad)


def test_windows_are_stored_as_start_and_duration(api: TenantApi, staff: Staff) -> None:
    made = api.call("ArrivalWindows_Create", json={
        "start": "09:00", "duration": "02:00", "businessUnitIds": staff.units})
    assert made.status_code == 200, made.text
    window = made.json()
    assert window == {"id": window["id"], "start": "09:00:00", "duration": "02:00:00",
                      "businessUnitIds": staff.units, "active": True}
    assert api.call("ArrivalWindows_Get", id=window["id"]).json() == window
    moved = api.call("ArrivalWindows_Update", id=window["id"], json={
        "start": "13:00:00", "duration": "04:00:00", "businessUnitIds": []})
    assert moved.json()["start"] == "13:00:00" and moved.json()["businessUnitIds"] == []
    off = api.call("ArrivalWindows_Activated", id=window["id"], json={"isActive": False})
    assert off.status_code == 200 and not off.content
    assert api.call("ArrivalWindows_GetList").json()["data"] == []
    listed = api.call("ArrivalWindows_GetList", params={"active": "Any"}).json()["data"]
    assert [w["active"] for w in listed] == [False]


@pytest.mark.parametrize("body", [
    {"start": "23:00", "duration": "02:00"},  # past midnight
    {"start": "09:00", "duration": "00:00"},
    {"start": "nine", "duration": "02:00"},
    {"start": "09:00", "duration": "02:00", "businessUnitIds": [12345]},
])
def test_bad_windows_are_refused(api: TenantApi, staff: Staff, body: dict) -> None:
    refused = api.call("ArrivalWindows_Create", json={"businessUnitIds": [], **body})
    assert refused.status_code == 400, refused.text


def test_duration_as_an_end_time_behind_a_switch(world: World) -> None:
    with TestClient(create_app(world, Config(arrival_window_duration="end"))) as client:
        creds = client.post("/_mock/quickstart", json={}).json()
        token = take_token(client, creds["clientId"], creds["clientSecret"])
        api = TenantApi(client, {**creds, "headers": api_headers(creds, token)})
        made = api.call("ArrivalWindows_Create", json={
            "start": "09:00", "duration": "11:00", "businessUnitIds": []}).json()
        assert made["duration"] == "11:00:00"
        with world.transaction():
            row = world.tenant_data(api.tenant_id).table("arrival_windows").get(made["id"])
            assert row.get("duration") == "02:00:00"


def test_configuration(api: TenantApi) -> None:
    assert api.call("ArrivalWindows_GetConfiguration").json() == {
        "configuration": "StartTimeOfArrivalWindow"}
    set_ = api.call("ArrivalWindows_UpdatedConfiguration",
                    json={"configuration": "EndTimeOfArrivalWindow"})
    assert set_.json() == {"configuration": "EndTimeOfArrivalWindow"}
    assert api.call("ArrivalWindows_GetConfiguration").json()["configuration"] == (
        "EndTimeOfArrivalWindow")


def test_business_hours(api: TenantApi) -> None:
    assert api.call("BusinessHour_GetList").json() == {
        "weekdays": [], "saturday": [], "sunday": []}
    hours = {"weekdays": [{"fromHour": 13, "toHour": 18}, {"fromHour": 7, "toHour": 12}],
             "saturday": [{"fromHour": 8, "toHour": 12}], "sunday": []}
    set_ = api.call("BusinessHour_Create", json=hours)
    assert set_.status_code == 200, set_.text
    assert set_.json()["weekdays"] == [{"fromHour": 7, "toHour": 12},
                                       {"fromHour": 13, "toHour": 18}]
    assert api.call("BusinessHour_GetList").json() == set_.json()
    for bad in ([{"fromHour": 9, "toHour": 9}], [{"fromHour": 20, "toHour": 25}],
                [{"fromHour": 8, "toHour": 12}, {"fromHour": 11, "toHour": 14}]):
        refused = api.call("BusinessHour_Create", json={**hours, "sunday": bad})
        assert refused.status_code == 400, refused.text
    assert api.call("BusinessHour_GetList").json() == set_.json()
