"""Projects (JPM v2): created, updated, listed, noted, linked to jobs and exported; their types,
statuses and sub-statuses read back; every reference checked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from job_refs import Refs

from mockst.api.operation import TenantContext
from mockst.crm.customer_records import CUSTOMERS, LOCATIONS
from mockst.jpm.job_records import JOBS
from mockst.jpm.models.common import CustomFieldDataType
from mockst.jpm.project_custom_fields import create_project_custom_field_type
from mockst.jpm.project_seed import PROJECTS_PLANNED
from mockst.jpm.project_statuses import create_project_status
from mockst.jpm.project_sub_statuses import create_project_sub_status
from mockst.jpm.project_types import create_project_type
from mockst.seed import populate_tenant
from mockst.settings.business_units import create_business_unit
from mockst.store.world import World
from mockst.testing import TenantApi

GUID = "0d2bc7a4-0a6b-4a38-9c8f-6f1b3bbf2d11"


@pytest.fixture
def tenant(world: World, api: TenantApi) -> Callable[[], Any]:
    """Run a step in the API tenant's world, as seeds and the control plane do."""

    @contextmanager
    def context() -> Iterator[TenantContext]:
        with world.transaction():
            yield TenantContext(world, world.tenant_data(api.tenant_id), world.clock.now())

    return context


@pytest.fixture
def place(tenant: Callable[[], Any]) -> dict[str, int]:
    """A customer with two locations, and another customer's location."""
    with tenant() as ctx:
        customer = int(CUSTOMERS.insert(ctx, {"name": "Ada", "active": True}).id)
        other = int(CUSTOMERS.insert(ctx, {"name": "Bob", "active": True}).id)
        ids = [int(LOCATIONS.insert(ctx, {"customerId": owner, "name": name, "active": True}).id)
               for owner, name in ((customer, "Home"), (customer, "Cabin"), (other, "Shop"))]
    return {"customer": customer, "home": ids[0], "cabin": ids[1], "shop": ids[2]}


def job(tenant: Callable[[], Any], customer: int, location: int, **extra: Any) -> int:
    with tenant() as ctx:
        data = {"customerId": customer, "locationId": location, "projectId": None,
                "jobStatus": "Scheduled", **extra}
        return int(JOBS.insert(ctx, data).id)


def create(api: TenantApi, **body: Any) -> dict[str, Any]:
    made = api.call("Projects_Create", json=body)
    assert made.status_code == 200, made.text
    return made.json()


def test_create_takes_the_locations_customer_and_numbers_by_id(
    api: TenantApi, place: dict[str, int]
) -> None:
    made = create(api, locationId=place["home"], name="Kitchen remodel",
                  startDate="2026-03-02T15:30:00Z")
    assert made["customerId"] == place["customer"] and made["number"] == str(made["id"])
    assert made["startDate"] == "2026-03-02T00:00:00Z"  # a date in meaning
    assert (made["status"], made["jobIds"], made["externalData"]) == (None, [], [])
    assert api.call("Projects_Get", id=made["id"]).json() == made
    assert api.call("Projects_Get", id=999999).status_code == 404


def test_create_checks_every_reference(api: TenantApi, place: dict[str, int]) -> None:
    refused = api.call("Projects_Create", json={
        "locationId": place["shop"], "customerId": place["customer"], "projectTypeId": 5,
        "statusId": 6, "businessUnitIds": [7], "customFields": [{"typeId": 8, "value": "x"}]})
    assert refused.status_code == 400
    assert set(refused.json()["errors"]) == {
        "customerId", "projectTypeId", "statusId", "businessUnitIds[0]", "customFields[0].typeId"}
    missing = api.call("Projects_Create", json={"locationId": 424242})
    assert set(missing.json()["errors"]) == {"locationId"}


def test_statuses_sub_statuses_and_types(
    api: TenantApi, place: dict[str, int], tenant: Callable[[], Any]
) -> None:
    with tenant() as ctx:
        kind = int(create_project_type(ctx, "Remodel", "Whole-room work").id)
        planning = int(create_project_status(ctx, "Planning").id)
        active = int(create_project_status(ctx, "In Progress").id)
        permits = int(create_project_sub_status(ctx, planning, "Permits").id)
        install = int(create_project_sub_status(ctx, active, "Install").id)
        create_project_sub_status(ctx, active, "Retired", active=False)
    # a lone sub-status brings its status
    made = create(api, locationId=place["home"], projectTypeId=kind, subStatusId=permits)
    assert (made["statusId"], made["status"], made["subStatus"]) == (planning, "Planning",
                                                                     "Permits")
    mismatched = api.call("Projects_Update", id=made["id"], json={"subStatusId": install})
    assert set(mismatched.json()["errors"]) == {"subStatusId"}
    # a new status without a sub-status drops the old status's sub-status
    moved = api.call("Projects_Update", id=made["id"], json={"statusId": active}).json()
    assert (moved["status"], moved["subStatusId"]) == ("In Progress", None)
    orders = api.call("ProjectStatuses_GetList", params={"sort": "-Order"}).json()["data"]
    assert [(s["name"], s["order"]) for s in orders] == [("In Progress", 2), ("Planning", 1)]
    subs = api.call("ProjectSubStatuses_GetList", params={"statusId": active}).json()["data"]
    assert [s["name"] for s in subs] == ["Install"]  # only active ones unless asked
    every = api.call("ProjectSubStatuses_GetList", params={"active": "Any", "name": "RET"})
    assert [s["name"] for s in every.json()["data"]] == ["Retired"]
    assert api.call("ProjectTypes_Get", id=kind).json() == {
        "id": kind, "name": "Remodel", "description": "Whole-room work", "createdById": 0}
    assert api.call("ProjectTypes_GetList").json()["data"][0]["id"] == kind
    assert api.call("ProjectStatuses_Get", id=planning).json()["order"] == 1


def test_update_changes_what_it_sends(
    api: TenantApi, place: dict[str, int], tenant: Callable[[], Any]
) -> None:
    with tenant() as ctx:
        unit = int(create_business_unit(ctx, "Remodeling").id)
        color = int(create_project_custom_field_type(
            ctx, "Color", CustomFieldDataType.DROPDOWN, ["Red", "Blue"]).id)
    made = create(api, locationId=place["home"], name="Bath", businessUnitIds=[unit, unit],
                  customFields=[{"typeId": color, "value": "Red"}],
                  externalData={"applicationGuid": GUID,
                                "externalData": [{"key": "crm", "value": "B-1"}]})
    assert made["businessUnitIds"] == [unit]
    assert made["customFields"] == [{"typeId": color, "name": "Color", "value": "Red"}]
    assert made["externalData"] == [{"key": "crm", "value": "B-1"}]
    bad = api.call("Projects_Update", id=made["id"],
                   json={"customFields": [{"typeId": color, "value": "Green"}]})
    assert set(bad.json()["errors"]) == {"customFields[0].value"}
    updated = api.call("Projects_Update", id=made["id"], json={
        "summary": "<p>Tile</p>", "targetCompletionDate": "2026-05-01T00:00:00Z"}).json()
    assert (updated["name"], updated["summary"]) == ("Bath", "<p>Tile</p>")
    assert updated["targetCompletionDate"] == "2026-05-01T00:00:00Z"
    assert updated["externalData"] == []  # the writer's GUID was not named
    shown = api.call("Projects_Get", id=made["id"], params={"externalDataApplicationGuid": GUID})
    assert shown.json()["externalData"] == [{"key": "crm", "value": "B-1"}]
    types = api.call("Projects_GetCustomFieldTypes").json()["data"]
    assert [(t["name"], t["dataTypeOptions"]) for t in types] == [("Color", ["Red", "Blue"])]


def test_jobs_attach_detach_and_patch(
    api: TenantApi, place: dict[str, int], tenant: Callable[[], Any]
) -> None:
    project = create(api, locationId=place["home"])["id"]
    other = create(api, locationId=place["home"])["id"]
    first = job(tenant, place["customer"], place["home"])
    second = job(tenant, place["customer"], place["home"])
    elsewhere = job(tenant, place["customer"], place["cabin"])
    assert api.call("Projects_AttachJob", id=project, jobId=first).status_code == 200
    assert api.call("Projects_AttachJob", id=project, jobId=first).status_code == 200  # again
    refused = api.call("Projects_AttachJob", id=project, jobId=elsewhere)
    assert refused.status_code == 400 and "location" in refused.json()["errors"]["jobId"][0]
    taken = api.call("Projects_AttachJob", id=other, jobId=first)
    assert taken.status_code == 400
    assert api.call("Projects_AttachJob", id=project, jobId=777777).status_code == 404
    assert api.call("Projects_Get", id=project).json()["jobIds"] == [first]
    # PATCH jobIds makes the project's jobs exactly those
    patched = api.call("Projects_Update", id=project, json={"jobIds": [second]}).json()
    assert patched["jobIds"] == [second]
    with tenant() as ctx:
        assert ctx.table("jobs").get(first).get("projectId") is None
    assert api.call("Projects_DetachJob", jobId=second).status_code == 200
    assert api.call("Projects_DetachJob", jobId=second).status_code == 400  # in no project
    assert api.call("Projects_Get", id=project).json()["jobIds"] == []


def test_list_filters_and_sorts(
    api: TenantApi, place: dict[str, int], tenant: Callable[[], Any]
) -> None:
    with tenant() as ctx:
        done = int(create_project_status(ctx, "Done").id)
        unit = int(create_business_unit(ctx, "Remodeling").id)
    a = create(api, locationId=place["home"], name="Attic",
               targetCompletionDate="2026-06-01T00:00:00Z", statusId=done,
               businessUnitIds=[unit], actualCompletionDate="2026-05-20T00:00:00Z")
    b = create(api, locationId=place["cabin"], name="Basement",
               targetCompletionDate="2026-04-01T00:00:00Z",
               externalData={"applicationGuid": GUID,
                             "externalData": [{"key": "ref", "value": "77"}]})
    c = create(api, locationId=place["shop"], name="Carport")
    attached = job(tenant, place["customer"], place["cabin"], invoiceId=55)
    api.call("Projects_AttachJob", id=b["id"], jobId=attached)
    with tenant() as ctx:
        visit = int(ctx.table("jobs").get(attached).id)
        appointment = int(ctx.world.new_id())
        ctx.table("appointments").insert(
            appointment, {"id": appointment, "jobId": visit,
                         "assignments": [{"technicianId": 31, "active": True}]}, ctx.now)

    def ids(**query: Any) -> list[int]:
        response = api.call("Projects_GetList", params=query)
        assert response.status_code == 200, response.text
        return [p["id"] for p in response.json()["data"]]

    assert ids() == [a["id"], b["id"], c["id"]]
    assert ids(customerId=place["customer"]) == [a["id"], b["id"]]
    assert ids(locationId=place["shop"]) == [c["id"]]
    assert ids(status="done") == [a["id"]] and ids(status="None") == [b["id"], c["id"]]
    assert ids(businessUnitIds=f"{unit},99") == [a["id"]]
    assert ids(completedOnOrAfter="2026-05-01T00:00:00Z") == [a["id"]]
    assert ids(completedBefore="2026-05-01T00:00:00Z") == []  # no date never matches
    assert ids(targetCompletionDateBefore="2026-05-01T00:00:00Z") == [b["id"]]
    assert ids(jobId=attached) == [b["id"]] and ids(invoiceId=55) == [b["id"]]
    assert ids(appointmentId=appointment) == [b["id"]] and ids(technicianId=31) == [b["id"]]
    assert ids(technicianId=32) == [] and ids(jobId=123456) == []
    assert ids(externalDataKey="ref", externalDataValues="77,78") == [b["id"]]
    assert ids(sort="-TargetCompletionDate")[:2] == [a["id"], b["id"]]
    assert ids(sort="+Name") == [a["id"], b["id"], c["id"]]
    listed = api.call("Projects_GetList", params={"ids": str(b["id"])}).json()["data"][0]
    assert listed["jobIds"] == [attached]
    assert api.call("Projects_GetList", params={"sort": "Number"}).status_code == 400


def test_notes_and_the_project_feeds(api: TenantApi, place: dict[str, int]) -> None:
    project = create(api, locationId=place["home"], name="Deck")["id"]
    note = api.call("Projects_CreateNote", id=project, json={"text": "Call first",
                                                            "pinToTop": True})
    assert note.status_code == 200 and note.json()["isPinned"] is True
    assert api.call("Projects_CreateNote", id=project, json={"text": "  "}).status_code == 400
    assert api.call("Projects_CreateNote", id=1, json={"text": "x"}).status_code == 404
    notes = api.call("Projects_GetNotes", id=project).json()["data"]
    assert [n["text"] for n in notes] == ["Call first"]
    feed = api.call("Export_Projects", params={"includeRecentChanges": True}).json()
    assert [(p["id"], p["name"], p["active"]) for p in feed["data"]] == [(project, "Deck", True)]
    later = api.call("Export_Projects", params={"from": feed["continueFrom"]}).json()
    assert later["data"] == []
    exported = api.call("Export_ProjectNotes", params={"includeRecentChanges": True}).json()
    assert [(n["projectId"], n["text"]) for n in exported["data"]] == [(project, "Call first")]


def test_the_demo_world_has_projects(world: World, api: TenantApi) -> None:
    counts = populate_tenant(world, api.tenant_id, seed=4, customers=12)
    assert counts["projects"] == len(PROJECTS_PLANNED)
    assert counts["budget_codes"] == 12
    projects = api.call("Projects_GetList").json()["data"]
    assert [p["name"] for p in projects] == [p[0] for p in PROJECTS_PLANNED]
    assert all(p["status"] and p["subStatus"] and p["projectTypeId"] for p in projects)
    closed = api.call("Projects_GetList", params={"status": "Closed"}).json()["data"]
    assert [p["name"] for p in closed] == ["HVAC System Replacement"]
    assert closed[0]["actualCompletionDate"] is not None
    assert len(api.call("ProjectTypes_GetList").json()["data"]) == 3
    assert len(api.call("ProjectSubStatuses_GetList").json()["data"]) == 6
    codes = api.call("BudgetCodes_ListCompanyBudgetCodes").json()["data"]
    assert codes[0]["code"] == "01.100-L"
    again = populate_tenant(World(), 1, seed=4, customers=12)
    assert again["projects"] == counts["projects"]  # reproducible


def test_booked_jobs_join_projects_and_their_filters(refs: Refs) -> None:
    """With booked jobs (Jobs_Create): attach, the filters through jobs and appointments, and a
    PATCH of jobIds detaching the job it leaves out."""
    api = refs.api
    project = create(api, locationId=refs.location, name="Repipe")["id"]
    booked = api.call("Jobs_Create", json=refs.job(appointments=[{
        "start": "2026-12-10T16:00:00Z", "end": "2026-12-10T18:00:00Z",
        "technicianIds": refs.technicians[:1]}]))
    assert booked.status_code == 200, booked.text
    job = booked.json()
    assert api.call("Projects_AttachJob", id=project, jobId=job["id"]).status_code == 200
    assert api.call("Jobs_Get", id=job["id"]).json()["projectId"] == project

    def ids(**query: Any) -> list[int]:
        return [p["id"] for p in api.call("Projects_GetList", params=query).json()["data"]]

    assert ids(technicianId=refs.technicians[0]) == [project]
    assert ids(appointmentId=job["firstAppointmentId"]) == [project]
    assert ids(invoiceId=job["invoiceId"]) == [project]
    elsewhere = api.call("Jobs_Create", json=refs.job(
        customerId=api.call("Projects_Get", id=project).json()["customerId"],
        locationId=refs.location)).json()
    patched = api.call("Projects_Update", id=project, json={"jobIds": [elsewhere["id"]]})
    assert patched.json()["jobIds"] == [elsewhere["id"]]
    assert api.call("Jobs_Get", id=job["id"]).json()["projectId"] is None
