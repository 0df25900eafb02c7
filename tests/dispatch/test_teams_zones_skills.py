"""Teams, zones, technician skills, tracking links and GPS pings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mockst.api.operation import TenantContext
from mockst.store.world import World
from mockst.testing import TenantApi

if TYPE_CHECKING:
    from conftest import Staff  # the fixture's type; imported by name only


def test_teams(api: TenantApi) -> None:
    made = api.call("Team_Create", json={"active": True, "name": " North "})
    assert made.status_code == 200, made.text
    team = made.json()
    assert (team["name"], team["created"], team["active"], team["createdBy"]) == (
        "North", True, True, 0)
    idle = api.call("Team_Create", json={"active": False}).json()
    assert idle["name"] is None
    assert [t["id"] for t in api.call("Team_GetList").json()["data"]] == [team["id"]]
    every = api.call("Team_GetList", params={"includeInactive": "true"}).json()["data"]
    assert [t["id"] for t in every] == [team["id"], idle["id"]]
    assert "created" not in api.call("Team_Get", id=team["id"]).json()
    assert api.call("Team_Delete", id=team["id"]).status_code == 200
    assert api.call("Team_Get", id=team["id"]).status_code == 404
    assert api.call("Team_Delete", id=team["id"]).status_code == 404


def test_zones(api: TenantApi, staff: Staff) -> None:
    made = api.call("Zone_CreateZone", json={
        "name": "Downtown", "zips": ["90012", "90012", "90013"], "serviceDaysEnabled": True,
        "serviceDaysIds": [5, 1], "businessUnits": staff.units[:1]})
    assert made.status_code == 200, made.text
    zone = made.json()
    assert zone["zips"] == ["90012", "90013"] and zone["serviceDaysIds"] == [1, 5]
    assert zone["cities"] == [] and "technicians" not in zone
    got = api.call("Zone_Get", id=zone["id"]).json()
    assert got["serviceDays"] == ["Monday", "Friday"] and got["technicians"] == []
    changed = api.call("Zone_UpdateZone", zoneId=zone["id"], json={"cities": ["Los Angeles"]})
    assert changed.status_code == 200, changed.text
    assert changed.json()["cities"] == ["Los Angeles"] and changed.json()["zips"] == zone["zips"]
    for bad in ({"serviceDaysIds": [7]}, {"businessUnits": [1]}, {"name": ""}):
        assert api.call("Zone_UpdateZone", zoneId=zone["id"], json=bad).status_code == 400
    assert api.call("Zone_CreateZone", json={"zips": ["1"]}).status_code == 400  # no name
    assert len(api.call("Zone_GetList").json()["data"]) == 1
    assert api.call("Zone_DeleteZone", zoneId=zone["id"]).status_code == 200
    assert api.call("Zone_Get", id=zone["id"]).status_code == 404


def test_skills(world: World, api: TenantApi, staff: Staff) -> None:
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())
        ctx.table("job_types").insert(7, {"id": 7, "name": "Sewer", "skills": ["Camera"],
                                          "active": True}, ctx.now)  # fmt: skip
    tech, other = staff.technicians
    made = api.call("TechnicianSkills_CreateTechnicianSkill", json={
        "technicianId": tech, "name": "camera", "active": True})
    assert made.status_code == 200, made.text
    skill = made.json()
    skill_id = int(skill["id"].split("_")[1])
    assert skill["id"] == f"{tech}_{skill_id}" and skill["jobTypeIds"] == [7]
    assert api.call("TechnicianSkills_Get", id=skill["id"]).json() == skill
    second = api.call("TechnicianSkills_CreateTechnicianSkill", json={
        "technicianId": tech, "name": "Brazing", "active": True}).json()
    assert api.call("TechnicianSkills_CreateTechnicianSkill", json={
        "technicianId": 999, "name": "x", "active": True}).status_code == 404
    given = api.call("TechnicianSkills_AssignTechnicianSkills", json={
        "technicianId": other, "skillIds": [skill_id], "replaceExistingSkills": False})
    assert given.status_code == 200, given.text
    assert [s["id"] for s in given.json()["technicianSkills"]] == [f"{other}_{skill_id}"]
    replaced = api.call("TechnicianSkills_AssignTechnicianSkills", json={
        "technicianId": tech, "skillIds": [skill_id], "replaceExistingSkills": True}).json()
    assert [s["id"] for s in replaced["technicianSkills"]] == [skill["id"]]
    assert api.call("TechnicianSkills_Get", id=second["id"]).status_code == 404
    refused = api.call("TechnicianSkills_AssignTechnicianSkills", json={
        "technicianId": tech, "skillIds": [123], "replaceExistingSkills": True})
    assert refused.status_code == 400 and "skillIds[0]" in refused.json()["errors"]
    listed = api.call("TechnicianSkills_GetList", params={"technicianId": other}).json()["data"]
    assert [s["technicianId"] for s in listed] == [other]
    assert api.call("TechnicianSkills_Delete", id=skill["id"]).json() == {"id": skill["id"]}
    assert api.call("TechnicianSkills_Get", id=skill["id"]).status_code == 404
    again = api.call("TechnicianSkills_AssignTechnicianSkills", json={
        "technicianId": tech, "skillIds": [skill_id], "replaceExistingSkills": False}).json()
    assert [s["id"] for s in again["technicianSkills"]] == [skill["id"]]


def test_tracking_needs_a_real_pair(world: World, api: TenantApi, staff: Staff) -> None:
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())
        ctx.table("appointments").insert(55, {"id": 55, "jobId": 1, "active": True}, ctx.now)
    params = {"technicianId": staff.technicians[0], "appointmentId": 55}
    link = api.call("TechnicianTracking_Get", params=params)
    assert link.status_code == 200, link.text
    assert link.json()["technicianTrackingUrl"].startswith("https://")
    assert api.call("TechnicianTracking_Get", params=params).json() == link.json()
    refused = api.call("TechnicianTracking_Get", params={**params, "appointmentId": 56})
    assert refused.status_code == 400 and "appointmentId" in refused.json()["errors"]


def test_gps_pings_answer_each_ping(api: TenantApi) -> None:
    ping = {"unitId": "T-4", "unitName": "Truck 4", "eventTime": "2026-12-07T16:00:00Z",
            "latitude": 34.05, "longitude": -118.24, "speed": 30.0, "street": "1 Main St",
            "city": "Los Angeles", "region": "CA", "postalCode": "90012", "message": "",
            "externalId": "p-1", "isNew": True, "statusMessage": "Moving"}
    answered = api.call("Gps_Create", gps_provider="acme", json=[
        ping, {**ping, "externalId": "p-2", "latitude": 91.0}])
    assert answered.status_code == 200, answered.text
    assert [(a["externalId"], a["status"]) for a in answered.json()] == [
        ("p-1", "Success"), ("p-2", "Fail")]
