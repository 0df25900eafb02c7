"""Capacity that tells the truth: frames in the tenant's time zone, shifts and bookings in hours."""

from __future__ import annotations

from typing import Any

import pytest

from mockst.api.operation import TenantContext
from mockst.config import Config
from mockst.encoding import format_datetime, parse_datetime
from mockst.marketing.campaign_categories import create_category
from mockst.marketing.campaigns import create_campaign
from mockst.marketing.models.campaigns import CampaignUpsertRequest
from mockst.settings.business_units import create_business_unit
from mockst.store.world import World
from mockst.testing import TenantApi

DAY = "2027-03-02"  # a Tuesday; Los Angeles is UTC-8 then


class Shop:
    """One business unit with two technicians and the rows capacity reads, written directly."""

    def __init__(self, world: World, api: TenantApi) -> None:
        self.world, self.api = world, api
        with world.transaction():
            ctx = self.ctx()
            self.unit = int(create_business_unit(ctx, "Plumbing Service").id)
            category = int(create_category(ctx, "Online").id)
            self.campaign = int(create_campaign(ctx, CampaignUpsertRequest(
                name="Web", businessUnitId=self.unit, categoryId=category, active=True)).id)
        role = next(r["id"] for r in api.call("UserRoles_GetList").json()["data"]
                    if r["name"] == "Technician")  # fmt: skip
        self.techs = [self._technician(name, role) for name in ("Ana Ruiz", "Ben Cho")]
        job_type = api.call("JobTypes_Create", json={
            "name": "Drain Cleaning", "businessUnitIds": [self.unit], "duration": 5400,
            "skills": ["Drains"]})  # fmt: skip
        self.job_type = job_type.json()["id"]
        customer = api.call("Customers_Create", json={
            "name": "Pat Doe", "address": ADDRESS, "locations": [{"name": "Home",
                                                                   "address": ADDRESS}]})
        self.customer = customer.json()["id"]
        self.location = customer.json()["locations"][0]["id"]

    def ctx(self) -> TenantContext:
        data = self.world.tenant_data(self.api.tenant_id)
        return TenantContext(self.world, data, self.world.clock.now())

    def _technician(self, name: str, role: int) -> int:
        made = self.api.call("Technicians_Create", json={
            "name": name, "roleId": role, "businessUnitId": self.unit, "positions": [],
            "accountCreationMethod": "CreateLater", "licenseType": "ManagedTech"})
        assert made.status_code == 200, made.text
        return int(made.json()["id"])

    def put(self, table: str, **data: Any) -> None:
        with self.world.transaction():
            ctx = self.ctx()
            stamp = format_datetime(ctx.now)
            ident = data.pop("id", None) or self.world.new_id()
            ctx.table(table).insert(ident, {"id": ident, "active": True, "createdOn": stamp,
                                            "modifiedOn": stamp, **data}, ctx.now)  # fmt: skip

    def shift(self, tech: int, start: str, end: str, kind: str = "Normal") -> None:
        self.put("technician_shifts", technicianId=tech, shiftType=kind, title=kind,
                 start=start, end=end)  # fmt: skip

    def capacity(self, **body: Any) -> list[dict[str, Any]]:
        request = {"startsOnOrAfter": f"{DAY}T00:00:00Z", "endsOnOrBefore": "2027-03-03T12:00:00Z",
                   "businessUnitIds": [self.unit], "skillBasedAvailability": False, **body}
        answer = self.api.call("Capacity_GetList", json=request)
        assert answer.status_code == 200, answer.text
        return answer.json()["availabilities"]

    def book(self, start: str, end: str, techs: list[int] | None = None) -> dict[str, Any]:
        made = self.api.call("Jobs_Create", json={
            "customerId": self.customer, "locationId": self.location, "businessUnitId": self.unit,
            "jobTypeId": self.job_type, "priority": "Normal", "campaignId": self.campaign,
            "appointments": [{"start": start, "end": end, "technicianIds": techs or []}]})
        assert made.status_code == 200, made.text
        return made.json()


ADDRESS = {"street": "1 Main St", "city": "Fresno", "state": "CA", "zip": "93650", "country": "USA"}


@pytest.fixture
def shop(world: World, api: TenantApi) -> Shop:
    made = Shop(world, api)
    made.put("arrival_windows", start="08:00:00", duration="04:00:00", businessUnitIds=[made.unit])
    made.put("arrival_windows", start="12:00:00", duration="04:00:00", businessUnitIds=[made.unit])
    for tech in made.techs:  # 08:00-16:00 Los Angeles = 16:00-24:00 UTC
        made.shift(tech, f"{DAY}T16:00:00Z", "2027-03-03T00:00:00Z")
    return made


def test_frames_are_local_windows_with_the_wall_clock_quirk(shop: Shop) -> None:
    rows = shop.capacity()
    assert [(r["start"], r["startUtc"], r["endUtc"]) for r in rows] == [
        (f"{DAY}T08:00:00Z", f"{DAY}T16:00:00Z", f"{DAY}T20:00:00Z"),
        (f"{DAY}T12:00:00Z", f"{DAY}T20:00:00Z", "2027-03-03T00:00:00Z"),
    ]
    first = rows[0]
    assert first["businessUnitIds"] == [shop.unit]
    assert (first["totalAvailability"], first["openAvailability"]) == (8.0, 8.0)
    assert first["isAvailable"] and not first["isExceedingIdealBookingPercentage"]
    assert {t["status"] for t in first["technicians"]} == {"Available"}
    assert {t["hasRequiredSkills"] for t in first["technicians"]} == {None}


def test_booking_and_canceling_move_the_next_answer(shop: Shop, api: TenantApi) -> None:
    job = shop.book(f"{DAY}T16:00:00Z", f"{DAY}T19:00:00Z", [shop.techs[0]])
    first = shop.capacity()[0]
    assert (first["totalAvailability"], first["openAvailability"]) == (8.0, 5.0)
    shop.book(f"{DAY}T16:00:00Z", f"{DAY}T20:00:00Z", [shop.techs[1]])
    crowded = shop.capacity(jobTypeId=shop.job_type)[0]
    assert crowded["openAvailability"] == 1.0 and not crowded["isAvailable"]  # 1.5 h needed
    assert crowded["isExceedingIdealBookingPercentage"] is False  # 7 of 8 hours
    assert [t["status"] for t in crowded["technicians"]] == ["Available", "Unavailable"]
    more = shop.book(f"{DAY}T17:00:00Z", f"{DAY}T20:00:00Z")  # overbooking stays possible
    assert shop.capacity()[0]["openAvailability"] == -2.0
    assert shop.capacity()[0]["isExceedingIdealBookingPercentage"] is True
    reason = _reason(shop)
    api.call("Jobs_Cancel", id=more["id"], json={"reasonId": reason, "memo": "x"})
    api.call("Jobs_Cancel", id=job["id"], json={"reasonId": reason, "memo": "x"})
    assert shop.capacity()[0]["openAvailability"] == 4.0


def test_reschedule_and_assignment_show_at_once(shop: Shop, api: TenantApi) -> None:
    job = shop.book(f"{DAY}T16:00:00Z", f"{DAY}T20:00:00Z")
    visit = job["firstAppointmentId"]
    assert [t["status"] for t in shop.capacity()[0]["technicians"]] == ["Available"] * 2
    api.call("AppointmentAssignments_AssignTechnicians",
             json={"jobAppointmentId": visit, "technicianIds": [shop.techs[0]]})
    assert [t["status"] for t in shop.capacity()[0]["technicians"]] == [
        "Unavailable", "Available"]
    api.call("Appointments_Reschedule", id=visit,
             json={"start": f"{DAY}T20:00:00Z", "end": "2027-03-03T00:00:00Z"})
    morning, afternoon = shop.capacity()
    assert (morning["openAvailability"], afternoon["openAvailability"]) == (8.0, 4.0)


def test_time_off_skills_and_business_hours(shop: Shop, api: TenantApi) -> None:
    shop.shift(shop.techs[1], f"{DAY}T16:00:00Z", f"{DAY}T20:00:00Z", "TimeOff")
    shop.put("technician_skills", id=f"{shop.techs[0]}_1", technicianId=shop.techs[0],
             name="drains", jobTypeIds=[])  # fmt: skip
    first = shop.capacity(jobTypeId=shop.job_type, skillBasedAvailability="true")[0]
    assert [(t["status"], t["hasRequiredSkills"]) for t in first["technicians"]] == [
        ("Available", True), ("Unavailable", False)]
    assert first["totalAvailability"] == 4.0
    with shop.world.transaction():  # no arrival windows: the weekday's business hours
        for row in list(shop.ctx().table("arrival_windows").rows()):
            shop.ctx().table("arrival_windows").delete(row.id, shop.ctx().now)
    shop.put("business_hours", id=1, weekdays=[{"fromHour": 9, "toHour": 11}], saturday=[],
             sunday=[])  # fmt: skip
    assert [r["startUtc"] for r in shop.capacity()] == [f"{DAY}T17:00:00Z"]


def test_the_tenant_time_zone_moves_the_frames(shop: Shop, api: TenantApi) -> None:
    moved = api.client.put(f"/_mock/tenants/{api.tenant_id}/time-zone",
                           json={"timeZone": "America/New_York"})  # fmt: skip
    assert moved.status_code == 200 and moved.json()["timeZone"] == "America/New_York"
    assert shop.capacity()[0]["startUtc"] == f"{DAY}T13:00:00Z"
    assert api.client.put(f"/_mock/tenants/{api.tenant_id}/time-zone",
                          json={"timeZone": "Mars/Olympus"}).status_code == 400  # fmt: skip


def test_loose_requests_are_answered_and_bad_ones_refused(shop: Shop, api: TenantApi) -> None:
    loose = {"startsOnOrAfter": f"{DAY}T00:00:00+00:00", "endsOnOrBefore": "2027-03-03T00:00:00",
             "skillBasedAvailability": "false", "args": []}  # fmt: skip
    answer = api.call("Capacity_GetList", json=loose)
    assert answer.status_code == 200, answer.text
    assert shop.unit in {r["businessUnitIds"][0] for r in answer.json()["availabilities"]}
    assert parse_datetime(answer.json()["timeStamp"])
    for bad, field in (({"endsOnOrBefore": f"{DAY}T00:00:00Z"}, "endsOnOrBefore"),
                       ({"endsOnOrBefore": "2027-06-01T00:00:00Z"}, "endsOnOrBefore"),
                       ({"jobTypeId": 4242}, "jobTypeId"),
                       ({"businessUnitIds": [4242]}, "businessUnitIds[0]")):  # fmt: skip
        refused = api.call("Capacity_GetList", json={**loose, **bad})
        assert refused.status_code == 400 and field in refused.json()["errors"], refused.text


@pytest.fixture
def config() -> Config:
    return Config(capacity_local_start_end=True)


def _reason(shop: Shop) -> int:
    with shop.world.transaction():
        from mockst.jpm.job_cancel_reasons import JOB_CANCEL_REASONS
        from mockst.jpm.reasons import create_reason

        return int(create_reason(shop.ctx(), JOB_CANCEL_REASONS, "Customer Canceled").id)
