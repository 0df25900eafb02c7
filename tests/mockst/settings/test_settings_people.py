"""Settings employees, technicians and user roles through the HTTP API."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from mockst.api.operation import TenantContext
from mockst.app import create_app
from mockst.config import Config
from mockst.settings.business_units import create_business_unit
from mockst.settings.models.employees import EmployeeResponse, ExportEmployeeResponse
from mockst.settings.models.technicians import TechnicianResponse
from mockst.settings.models.user_roles import UserRoleResponse
from mockst.store.world import World


class Api:
    def __init__(self, client: TestClient, creds: dict[str, Any]) -> None:
        self.client = client
        self.creds = creds
        self.base = creds["settings"]
        self.headers = creds["headers"]
        self.tenant_id = creds["tenantId"]

    def get(self, path: str, **params: Any):
        return self.client.get(self.base + path, params=params, headers=self.headers)

    def post(self, path: str, body: Any):
        return self.client.post(self.base + path, json=body, headers=self.headers)

    def patch(self, path: str, body: Any):
        return self.client.patch(self.base + path, json=body, headers=self.headers)

    def role(self, name: str) -> int:
        roles = self.get("/user-roles", name=name).json()["data"]
        return next(r["id"] for r in roles if r["name"] == name)


@pytest.fixture(scope="module")
def shared() -> Iterator[tuple[World, TestClient]]:
    """One app for the module (building its OpenAPI document costs ~0.4 s); every test onboards
    its own tenant, so tests stay independent."""
    world = World()
    # no rate limits: these tests are about Settings rules, not throttling
    with TestClient(create_app(world, Config(rate_limit=0, token_rate_limit=0))) as test_client:
        yield world, test_client


@pytest.fixture
def world(shared: tuple[World, TestClient]) -> World:
    return shared[0]


@pytest.fixture
def client(shared: tuple[World, TestClient]) -> TestClient:
    return shared[1]


@pytest.fixture
def api(client: TestClient, onboard) -> Api:
    return Api(client, onboard())


def business_unit(world: World, tenant_id: int, name: str = "Plumbing") -> int:
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(tenant_id), world.clock.now())
        return int(create_business_unit(ctx, name, trade="Plumbing").id)


def employee_body(api: Api, **overrides: Any) -> dict[str, Any]:
    body = {
        "name": "Maria Lopez",
        "email": "maria.lopez@example.com",
        "phoneNumber": "(312) 555-0142",
        "accountCreationMethod": "CreateLater",
        "roleId": api.role("CSR"),
        "positions": ["CSR"],
    }
    body.update(overrides)
    return body


def technician_body(api: Api, **overrides: Any) -> dict[str, Any]:
    body = {
        "name": "Dave Kim",
        "accountCreationMethod": "CreateLater",
        "roleId": api.role("Technician"),
        "positions": ["Service"],
        "licenseType": "ManagedTech",
    }
    body.update(overrides)
    return body


# -- user roles ------------------------------------------------------------------------------


def test_default_user_roles_appear_on_first_read(api: Api) -> None:
    page = api.get("/user-roles", includeTotal="true").json()
    names = [r["name"] for r in page["data"]]
    assert names == [
        "Admin",
        "Manager",
        "CSR",
        "Dispatcher",
        "Accounting",
        "Technician",
        "Installer",
    ]
    assert page["totalCount"] == 7
    for row in page["data"]:
        UserRoleResponse.model_validate(row)
        assert set(row) == set(UserRoleResponse.model_fields)
    techs = api.get("/user-roles", employeeType="technician").json()["data"]
    assert [r["name"] for r in techs] == ["Technician", "Installer"]
    assert len(api.get("/user-roles", employeeType="All").json()["data"]) == 7
    assert len(api.get("/user-roles", employeeType="None").json()["data"]) == 7
    assert [r["name"] for r in api.get("/user-roles", name="DISP").json()["data"]] == ["Dispatcher"]
    first = page["data"][0]["id"]
    assert [r["id"] for r in api.get("/user-roles", ids=str(first)).json()["data"]] == [first]
    assert api.get("/user-roles", employeeType="Robot").status_code == 400


# -- employees -------------------------------------------------------------------------------


def test_employee_create_get_and_list(api: Api, world: World) -> None:
    unit = business_unit(world, api.tenant_id)
    created = api.post("/employees", employee_body(api, businessUnitId=unit, login="mlopez"))
    assert created.status_code == 200, created.text
    assert set(created.json()) == {"id"}
    ident = created.json()["id"]
    got = api.get(f"/employees/{ident}").json()
    EmployeeResponse.model_validate(got)
    assert list(got) == list(EmployeeResponse.model_fields)
    assert got["name"] == "Maria Lopez"
    assert (got["firstName"], got["lastName"]) == ("Maria", "Lopez")
    assert got["roleIds"] == [api.role("CSR")]
    assert got["role"] == "CSR"
    assert got["businessUnitId"] == unit
    assert got["loginName"] == "mlopez"
    assert got["active"] is True
    assert isinstance(got["userId"], int) and got["userId"] != ident
    listed = api.get("/employees").json()
    assert [e["id"] for e in listed["data"]] == [ident]


def test_employee_filters_and_paging(api: Api) -> None:
    ids = []
    for i, name in enumerate(["Ann Baker", "Bob Carter", "Cara Diaz", "Dan Baker"]):
        body = employee_body(api, name=name, email=f"user{i}@example.com")
        ids.append(api.post("/employees", body).json()["id"])
    assert [e["name"] for e in api.get("/employees", name="baker").json()["data"]] == [
        "Ann Baker",
        "Dan Baker",
    ]
    assert [e["id"] for e in api.get("/employees", email="USER2@example.com").json()["data"]] == [
        ids[2]
    ]
    assert api.get("/employees", email="user2@example").json()["data"] == []
    user_id = api.get(f"/employees/{ids[1]}").json()["userId"]
    assert [e["id"] for e in api.get("/employees", userIds=str(user_id)).json()["data"]] == [ids[1]]
    assert [e["id"] for e in api.get("/employees", ids=f"{ids[0]},{ids[3]}").json()["data"]] == [
        ids[0],
        ids[3],
    ]
    page = api.get("/employees", pageSize=3, page=1, includeTotal="true").json()
    assert (len(page["data"]), page["hasMore"], page["totalCount"]) == (3, True, 4)
    page2 = api.get("/employees", pageSize=3, page=2).json()
    assert ([e["id"] for e in page2["data"]], page2["hasMore"]) == ([ids[3]], False)
    too_many = ",".join(str(n) for n in range(1, 52))
    assert api.get("/employees", ids=too_many).status_code == 400
    assert api.get("/employees", userIds=too_many).status_code == 400
    assert api.get("/employees", ids="1,x").status_code == 400
    assert api.get("/employees", active="maybe").status_code == 400
    assert api.get("/employees", createdBefore="not a date").status_code == 400


def test_employee_account_actions(api: Api) -> None:
    ident = api.post("/employees", employee_body(api)).json()["id"]
    action = f"/employees/{ident}/account-actions"
    assert api.post(action, {"action": "Deactivate"}).json() == {"status": "Success"}
    deactivated = api.get(f"/employees/{ident}").json()
    assert deactivated["active"] is False
    # dates in meaning: the day, at midnight, with no fraction
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", deactivated["terminationDate"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", deactivated["startDate"])
    assert api.get("/employees").json()["data"] == []
    assert [e["id"] for e in api.get("/employees", active="False").json()["data"]] == [ident]
    assert [e["id"] for e in api.get("/employees", active="any").json()["data"]] == [ident]
    assert api.post(action, {"action": "SendInvite"}).status_code == 400  # inactive account
    assert api.post(action, {"action": "Activate"}).json() == {"status": "Success"}
    assert api.get(f"/employees/{ident}").json()["active"] is True
    for name in ("SendInvite", "SendPasswordResetLink"):
        assert api.post(action, {"action": name}).json() == {"status": "Success"}
    assert api.post(action, {"action": "Explode"}).status_code == 400
    assert api.post(action, {}).status_code == 400
    assert (
        api.post("/employees/999999999/account-actions", {"action": "Activate"}).status_code == 404
    )


def test_employee_patch_changes_only_present_fields(api: Api, world: World) -> None:
    ident = api.post("/employees", employee_body(api, login="m1")).json()["id"]
    before = api.get(f"/employees/{ident}").json()
    world.clock.advance(60)
    response = api.patch(
        f"/employees/{ident}", {"name": "Maria Lopez Vega", "roleId": api.role("Dispatcher")}
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"id": ident}
    after = api.get(f"/employees/{ident}").json()
    assert after["name"] == "Maria Lopez Vega"
    assert (after["firstName"], after["lastName"]) == ("Maria Lopez", "Vega")
    assert after["roleIds"] == [api.role("Dispatcher")] and after["role"] == "Dispatch"
    assert after["modifiedOn"] > before["modifiedOn"]
    unchanged = {k for k in before if before[k] == after[k]}
    assert {"email", "phoneNumber", "loginName", "createdOn", "userId"} <= unchanged
    assert api.patch(f"/employees/{ident}", {"businessUnitId": None}).status_code == 200
    assert api.patch("/employees/999999999", {"name": "X"}).status_code == 404


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": None}, "name"),
        ({"email": "not-an-email"}, "email"),
        ({"roleId": 123}, "roleId"),
        ({"businessUnitId": 123}, "businessUnitId"),
        ({"positions": ["Astronaut"]}, "positions[0]"),
        ({"accountCreationMethod": "AssignLoginAndPassword", "login": "x"}, "password"),
        ({"name": "x" * 256}, "name"),
        ({"roleId": "12"}, "roleId"),
    ],
)
def test_employee_bad_create_is_400_and_writes_nothing(
    api: Api, change: dict[str, Any], field: str
) -> None:
    response = api.post("/employees", employee_body(api, **change))
    assert response.status_code == 400, response.text
    problem = response.json()
    assert set(problem) == {"type", "title", "status", "traceId", "errors", "data"}
    assert field in problem["errors"], problem["errors"]
    assert api.get("/employees", active="Any").json()["data"] == []


def test_employee_required_fields_and_role_kind(api: Api) -> None:
    for missing in ("name", "email", "accountCreationMethod", "roleId", "positions"):
        body = employee_body(api)
        del body[missing]
        response = api.post("/employees", body)
        assert response.status_code == 400
        assert missing in response.json()["errors"]
    wrong_kind = api.post("/employees", employee_body(api, roleId=api.role("Technician")))
    assert wrong_kind.status_code == 400 and "roleId" in wrong_kind.json()["errors"]
    for raw in (b"", b"{", b"[]"):
        response = api.client.post(
            api.base + "/employees",
            content=raw,
            headers={**api.headers, "Content-Type": "application/json"},
        )
        assert response.status_code == 400


def test_logins_are_unique_across_employees_and_technicians(api: Api) -> None:
    assert api.post("/employees", employee_body(api, login="shared")).status_code == 200
    clash = api.post("/technicians", technician_body(api, login="SHARED"))
    assert clash.status_code == 400 and "login" in clash.json()["errors"]
    other = api.post("/employees", employee_body(api, name="Other One", login="other"))
    ident = other.json()["id"]
    assert api.patch(f"/employees/{ident}", {"login": "Shared"}).status_code == 400
    assert api.patch(f"/employees/{ident}", {"login": "other"}).status_code == 200


def test_employee_export_feed(api: Api, world: World) -> None:
    first = api.post("/employees", employee_body(api)).json()["id"]
    second = api.post("/employees", employee_body(api, name="Sam Reed")).json()["id"]
    assert api.get("/export/employees").json()["data"] == []  # too recent
    feed = api.get("/export/employees", includeRecentChanges="true").json()
    assert [e["id"] for e in feed["data"]] == [first, second]
    for item in feed["data"]:
        ExportEmployeeResponse.model_validate(item)
    api.post(f"/employees/{first}/account-actions", {"action": "Deactivate"})
    more = api.get(
        "/export/employees", includeRecentChanges="true", **{"from": feed["continueFrom"]}
    ).json()
    assert [(e["id"], e["active"]) for e in more["data"]] == [(first, False)]
    assert api.get("/export/employees", **{"from": "garbage!"}).status_code == 400


# -- technicians -----------------------------------------------------------------------------


def test_technician_lifecycle(api: Api, world: World) -> None:
    unit = business_unit(world, api.tenant_id, "HVAC Service")
    body = technician_body(
        api,
        businessUnitId=unit,
        email="dave.kim@example.com",
        team="Blue",
        dailyGoal=1800.5,
        home={"street": "12 Elm St", "city": "Austin", "state": "TX", "zip": "78701"},
    )
    created = api.post("/technicians", body)
    assert created.status_code == 200, created.text
    ident = created.json()["id"]
    got = api.get(f"/technicians/{ident}").json()
    TechnicianResponse.model_validate(got)
    assert list(got) == list(TechnicianResponse.model_fields)
    assert got["isManagedTech"] is True and got["licenseType"] == "ManagedTech"
    assert got["home"]["streetAddress"] == "12 Elm St, Austin, TX 78701"
    assert got["dailyGoal"] == 1800.5 and got["status"] == "Idle"
    assert got["positions"] == ["Service"]
    assert api.patch(
        f"/technicians/{ident}", {"team": "Red", "licenseType": "NonManagedTech"}
    ).json() == {"id": ident}
    got2 = api.get(f"/technicians/{ident}").json()
    assert (got2["team"], got2["isManagedTech"], got2["email"]) == (
        "Red",
        False,
        "dave.kim@example.com",
    )
    action = f"/technicians/{ident}/account-actions"
    assert api.post(action, {"action": "Deactivate"}).json() == {"status": "Success"}
    assert api.post(action, {"action": "Activate"}).status_code == 400  # licenseType required
    assert api.post(
        action, {"action": "Activate", "licenseType": "ManagedInstaller", "truckId": 7}
    ).json() == {"status": "Success"}
    got3 = api.get(f"/technicians/{ident}").json()
    assert (got3["active"], got3["licenseType"], got3["isManagedTech"]) == (
        True,
        "ManagedInstaller",
        True,
    )
    assert [t["id"] for t in api.get("/technicians", name="KIM").json()["data"]] == [ident]
    feed = api.get("/export/technicians", includeRecentChanges="true").json()
    assert [t["id"] for t in feed["data"]] == [ident]


def test_technician_rules(api: Api) -> None:
    wrong_kind = api.post("/technicians", technician_body(api, roleId=api.role("CSR")))
    assert wrong_kind.status_code == 400
    invite = api.post("/technicians", technician_body(api, accountCreationMethod="SendInvite"))
    assert invite.status_code == 400 and "email" in invite.json()["errors"]
    no_license = technician_body(api)
    del no_license["licenseType"]
    assert api.post("/technicians", no_license).status_code == 400
    bad_home = api.post(
        "/technicians", technician_body(api, home={"street": " ", "city": "Austin"})
    )
    assert bad_home.status_code == 400
    assert api.post("/technicians", technician_body(api, bio="x" * 4001)).status_code == 400
    ident = api.post("/technicians", technician_body(api)).json()["id"]
    no_email = api.post(f"/technicians/{ident}/account-actions", {"action": "SendInvite"})
    assert no_email.status_code == 400
    assert api.get("/technicians", active="Any").json()["data"][0]["id"] == ident
    assert len(api.get("/technicians", active="Any").json()["data"]) == 1
    assert api.get("/technicians/0").status_code == 404
    assert api.get("/technicians/abc").status_code == 400


# -- guard and tenants -----------------------------------------------------------------------


def test_scopes_are_enforced(client: TestClient, onboard) -> None:
    creds = onboard(scopes=["tn.stt.employees:r", "tn.stt.technicians:r"])
    api = Api(client, creds)
    assert api.get("/employees").status_code == 200
    assert api.get("/technicians").status_code == 200
    assert api.post("/employees", {"name": "x"}).status_code == 403
    assert api.get("/user-roles").status_code == 403
    assert api.get("/business-units").status_code == 403
    assert api.get("/tag-types").status_code == 403
    no_token = client.get(api.base + "/employees")
    assert no_token.status_code == 401


def test_tenants_do_not_see_each_other(client: TestClient, onboard) -> None:
    one, two = Api(client, onboard()), Api(client, onboard())
    ident = one.post("/employees", employee_body(one)).json()["id"]
    assert two.get(f"/employees/{ident}").status_code == 404
    assert two.get("/employees").json()["data"] == []
    assert two.patch(f"/employees/{ident}", {"name": "Stolen"}).status_code == 404
    assert one.get(f"/employees/{ident}").json()["name"] == "Maria Lopez"
    # a role id of another tenant is unknown here
    assert two.post("/employees", employee_body(two, roleId=one.role("CSR"))).status_code == 400
    cross = client.get(
        one.base.replace(str(one.tenant_id), str(two.tenant_id)) + "/employees", headers=one.headers
    )
    assert cross.status_code == 403


@pytest.mark.parametrize("number", [b"NaN", b"Infinity", b"1e400", b"-1e400"])
def test_non_finite_numbers_are_400(api: Api, number: bytes) -> None:
    body = (
        b'{"name": "A B", "accountCreationMethod": "CreateLater", "roleId": %d, '
        b'"positions": ["Service"], "licenseType": "ManagedTech", "dailyGoal": %s}'
        % (api.role("Technician"), number)
    )
    response = api.client.post(
        api.base + "/technicians",
        content=body,
        headers={**api.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 400, response.text
    assert api.get("/technicians", active="Any").json()["data"] == []
