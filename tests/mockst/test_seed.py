"""Demo worlds: ``populate_tenant``, ``mockst seed`` and ``mockst serve --demo``."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from starlette.testclient import TestClient

from mockst.api import registry
from mockst.api.listing import project
from mockst.api.operation import Operation, Page
from mockst.app import create_app
from mockst.cli import main
from mockst.clock import Clock
from mockst.config import Config
from mockst.crm.models.bookings import BookingContactResponse
from mockst.demo import DEMO_TENANT_NAME
from mockst.identity import service
from mockst.identity.model import Environment
from mockst.seed import names, populate_tenant
from mockst.server import prepare
from mockst.settings.models.business_units import BusinessUnitResponse
from mockst.settings.models.employees import EmployeeResponse
from mockst.settings.models.tag_types import TagTypeResponse
from mockst.settings.models.technicians import TechnicianResponse
from mockst.settings.models.user_roles import UserRoleResponse
from mockst.store.snapshot import export_world, import_world
from mockst.store.world import World
from mockst.testing import api_headers, take_token

NOW = datetime(2026, 3, 1, 18, 30, tzinfo=UTC)
PHONE = re.compile(r"^\(\d{3}\) 555-01\d\d$")
CITIES = {(c.name, c.state): c for m in names.METROS for c in m.cities}

# Settings rows are ours: each projects onto its fullest response model.
SETTINGS_MODELS = {
    "employees": EmployeeResponse,
    "technicians": TechnicianResponse,
    "business_units": BusinessUnitResponse,
    "tag_types": TagTypeResponse,
    "user_roles": UserRoleResponse,
}


def lists_of(table: str) -> list[Operation]:
    """The operations that list a table whole (``Operation.table``), found in the registry: a
    family that seeds a table is checked here with no list to keep."""
    return [
        op
        for op in registry.operations()
        if op.table == table
        and isinstance(op.response, Page)
        and not op.path_params
        and not any(p.required for p in op.query)
    ]


def fresh_world(seed: int, customers: int) -> tuple[World, int]:
    world = World(clock=Clock(frozen_at=NOW), signing_key="fixed")
    with world.transaction():
        tenant = service.create_tenant(world, "Acme Plumbing", Environment.PRODUCTION)
    populate_tenant(world, tenant.id, seed=seed, customers=customers)
    return world, tenant.id


def world_json(world: World) -> bytes:
    return orjson.dumps(export_world(world), option=orjson.OPT_SORT_KEYS)


def tables(world: World, tenant_id: int) -> dict[str, list[dict[str, Any]]]:
    data = world.tenant_data(tenant_id)
    return {name: [r.data for r in t.rows(include_deleted=True)] for name, t in data.tables.items()}


# -- reproducibility -------------------------------------------------------------------------


def test_same_seed_same_world_and_different_seed_different_world() -> None:
    one, _ = fresh_world(seed=42, customers=60)
    two, _ = fresh_world(seed=42, customers=60)
    other, _ = fresh_world(seed=43, customers=60)
    assert world_json(one) == world_json(two)
    assert world_json(one) != world_json(other)


def test_populating_is_one_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    from mockst.seed import populate

    def fail(*_args: Any) -> None:
        raise RuntimeError("boom")

    world = World(clock=Clock(frozen_at=NOW))
    with world.transaction():
        tenant = service.create_tenant(world, "Acme", Environment.PRODUCTION)
    monkeypatch.setattr(populate.StoryBuilder, "lead_plan", fail)  # after settings rows exist
    with pytest.raises(RuntimeError):
        populate_tenant(world, tenant.id, seed=1, customers=12)
    assert all(len(t) == 0 for t in world.tenant_data(tenant.id).tables.values())
    with pytest.raises(ValueError):
        populate_tenant(world, tenant.id, seed=1, customers=-1)


# -- what a world holds ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def populated() -> tuple[World, int, dict[str, list[dict[str, Any]]]]:
    world, tenant_id = fresh_world(seed=5, customers=120)
    return world, tenant_id, tables(world, tenant_id)


def test_counts(populated) -> None:
    _, _, rows = populated
    assert len(rows["customers"]) == 120
    per_customer = Counter(loc["customerId"] for loc in rows["locations"])
    assert set(per_customer) == {c["id"] for c in rows["customers"]}
    assert set(per_customer.values()) <= {1, 2, 3} and len(set(per_customer.values())) > 1
    assert {u["name"] for u in rows["business_units"]} >= {
        "Plumbing Service",
        "HVAC Service",
        "HVAC Install",
        "Drains",
        "Electrical",
    }
    assert len(rows["booking_provider_tags"]) == 2
    assert len({b["bookingProviderId"] for b in rows["bookings"]}) == 2
    assert len(rows["bookings"]) == 24 and len(rows["leads"]) == 20
    assert {b["status"] for b in rows["bookings"]} == {"New", "Dismissed", "Converted"}
    converted = {b["jobId"] for b in rows["bookings"] if b["status"] == "Converted"}
    assert converted and converted <= {j["bookingId"] and j["id"] for j in rows["jobs"]}
    assert len(rows["employees"]) == 11 and len(rows["technicians"]) == 16
    positions = {p for e in rows["employees"] for p in e["positions"]}
    assert {"CSR", "Dispatcher", "OfficeManager", "ServiceManager"} <= positions
    assert sum(not e["active"] for e in rows["employees"]) == 1
    assert sum(not t["active"] for t in rows["technicians"]) == 1
    assert len(rows["tag_types"]) == len(names.TAG_TYPES)
    assert {r["name"] for r in rows["user_roles"]} >= {"Admin", "CSR", "Dispatcher", "Technician"}
    customers_with = {c["customerId"] for c in rows["customer_contacts"]}
    assert customers_with == {c["id"] for c in rows["customers"]}  # everyone is reachable


def test_data_looks_like_the_united_states(populated) -> None:
    _, _, rows = populated
    addresses = [c["address"] for c in rows["customers"]] + [
        loc["address"] for loc in rows["locations"]
    ]
    metros = set()
    for address in addresses:
        city = CITIES[(address["city"], address["state"])]
        metros.update(m.name for m in names.METROS if city in m.cities)
        assert city.zips[0] <= int(address["zip"]) <= city.zips[1]
        assert re.match(r"^\d{5}$", address["zip"])
        assert re.match(r"^\d+ [A-Za-z .]+$", address["street"]), address["street"]
        assert address["country"] == "USA"
        assert abs(address["latitude"] - city.lat) < 0.1
    assert len(metros) == 1  # one business, one metro area
    contacts = rows["customer_contacts"] + rows["location_contacts"] + rows["booking_contacts"]
    for contact in contacts:
        if contact["type"] == "Email":
            assert contact["value"].endswith("@example.com")
        else:
            assert PHONE.match(contact["value"]), contact["value"]
    for person in rows["employees"] + rows["technicians"]:
        assert person["email"].endswith("@example.com") and PHONE.match(person["phoneNumber"])
    assert any(c["type"] == "Commercial" for c in rows["customers"])
    created = [c["createdOn"] for c in rows["customers"]]
    assert created == sorted(created)  # created in time order: the export feed is chronological
    assert all(
        stamp < "2026-03-01T18:30"
        for table in rows.values()
        for r in table
        for stamp in [r["createdOn"]]
    )


def test_settings_rows_project_onto_their_response_models(populated) -> None:
    _, _, rows = populated
    for table, model in SETTINGS_MODELS.items():
        for data in rows[table]:
            model.model_validate_json(orjson.dumps(project(data, model)))
    for data in rows["booking_contacts"]:
        BookingContactResponse.model_validate_json(
            orjson.dumps(project(data, BookingContactResponse))
        )


LOOKS_LIKE_A_STAMP = re.compile(r"\d{4}-\d\d-\d\dT")
DOTNET_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.(\d{0,6}[1-9]))?Z")
DATE_FIELDS = {"followUpDate", "startDate", "terminationDate", "targetCompletionDate",
               "actualCompletionDate"}  # dates in meaning
# Times a person picks (a visit at 16:00, its arrival window): whole, as people pick them.
PICKED_TIMES = {"start", "end", "arrivalWindowStart", "arrivalWindowEnd"}


def _stamps(node: Any, key: str = "") -> Any:
    if isinstance(node, dict):
        for name, value in node.items():
            yield from _stamps(value, name)
    elif isinstance(node, list):
        for item in node:
            yield from _stamps(item, key)
    elif isinstance(node, str) and LOOKS_LIKE_A_STAMP.match(node):
        yield key, node


def test_every_stored_stamp_is_written_as_dotnet_writes_it(populated) -> None:
    """Every family writes stamps through the one writer: trimmed ticks, dates at midnight."""
    _, _, rows = populated
    digits: Counter[int] = Counter()
    for table in rows.values():
        for key, stamp in _stamps(table):
            match = DOTNET_STAMP.fullmatch(stamp)
            assert match, (key, stamp)
            if key in DATE_FIELDS:
                assert stamp.endswith("T00:00:00Z"), (key, stamp)
            elif key not in PICKED_TIMES:
                digits[len(match.group(1) or "")] += 1
    # ticks, so most stamps have seven digits and a tenth or so fewer, as in production
    assert digits[7] > 0.8 * sum(digits.values()) and digits[6] > 0, digits


# -- served ----------------------------------------------------------------------------------


def _served_items(
    client: TestClient, creds: dict[str, Any], headers: dict[str, str], op: Operation
):
    assert isinstance(op.response, Page)
    url = op.full_path.replace("{tenant}", str(creds["tenantId"]))
    response = client.get(
        url,
        # every row, however the list names its switch for inactive ones (Dispatch teams and
        # non-job appointments have their own)
        params={"pageSize": 5000, "active": "Any", "modifiedOnOrAfter": "2000-01-01",
                "includeInactive": "true", "activeOnly": "false"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return op.response.model, response.json()["data"]


def _id(item: dict[str, Any]) -> Any:
    return item.get("id")


# Lists whose items wrap the row: a Telecom v3 call row is the job booked from the call, the call
# itself under leadCall (servicetitan-scheduling.md §15 U20).
ROW_ID = {"calls": lambda item: item["leadCall"]["id"]}


def test_demo_world_is_served_and_every_row_validates() -> None:
    config = Config()
    started = time.perf_counter()
    prepared = prepare(config, demo=True, base_url="http://testserver")
    elapsed = time.perf_counter() - started
    print(f"\n--demo world prepared in {elapsed:.3f} s")
    assert elapsed < 5  # about 0.5 s on a laptop; generous for slow CI
    creds = prepared.demo
    assert creds is not None
    rows = tables(prepared.world, creds["tenantId"])
    assert len(rows["customers"]) == 300
    with TestClient(create_app(prepared.world, config)) as client:
        headers = api_headers(creds, take_token(client, creds["clientId"], creds["clientSecret"]))
        # Tables read only under a parent (a booking's contacts) are validated row by row above.
        listed = {table for table, table_rows in rows.items() if table_rows and lists_of(table)}
        assert {"customers", "locations", "bookings", "leads", "employees", "user_roles"} <= listed
        for table in listed:
            served: set[Any] = set()
            for op in lists_of(table):
                model, items = _served_items(client, creds, headers, op)
                for item in items:
                    model.model_validate(item)
                served |= {ROW_ID.get(table, _id)(item) for item in items}
            assert len(served) == len(rows[table]), table  # every row, by one list or another
        base = f"/crm/v2/tenant/{creds['tenantId']}"
        page = client.get(f"{base}/customers", params={"includeTotal": "true"}, headers=headers)
        assert page.status_code == 200
        assert page.json()["totalCount"] == 300 and len(page.json()["data"]) == 50
        feed = client.get(f"{base}/export/customers", headers=headers).json()
        assert len(feed["data"]) == 300  # seeded history is old enough for the export feed
        provider = creds["bookingProviderId"]
        mine = client.get(f"{base}/booking-provider/{provider}/bookings", headers=headers).json()
        assert mine["data"] and {b["bookingProviderId"] for b in mine["data"]} == {provider}
    # a restart with the same world reuses the tenant and adds nothing
    again = prepare.__globals__["demo_credentials"](prepared.world, config, "http://testserver")
    assert again["tenantId"] == creds["tenantId"]
    assert len(prepared.world.tenant_data(creds["tenantId"]).table("customers")) == 300


# -- the command -----------------------------------------------------------------------------


def _normalized(path: Path) -> dict[str, Any]:
    """The world file minus the credential material, which is random on purpose."""
    doc = json.loads(path.read_text())
    doc.pop("signingKey")
    text = json.dumps(doc, sort_keys=True)
    for record in doc["identity"]["app"]:
        text = text.replace(record["app_key"], "APP_KEY")
    for record in doc["identity"]["connection"]:
        text = text.replace(record["client_id"], "CLIENT_ID")
    for record in doc["identity"]["secret"]:
        text = text.replace(record["value_hash"], "HASH").replace(record["value_prefix"], "PFX")
    return json.loads(text)


def test_seed_command_writes_a_reproducible_servable_world(tmp_path: Path, capsys) -> None:
    args = ["seed", "--seed", "9", "--customers", "40", "--now", "2026-02-01T12:00:00Z"]
    assert main([*args, "--out", str(tmp_path / "a.json")]) == 0
    printed = capsys.readouterr().out
    assert main([*args, "--out", str(tmp_path / "b.json")]) == 0
    assert (
        main(
            [
                "seed",
                "--seed",
                "10",
                "--customers",
                "40",
                "--now",
                "2026-02-01T12:00:00Z",
                "--out",
                str(tmp_path / "c.json"),
            ]
        )
        == 0
    )
    a, b, c = (_normalized(tmp_path / f"{n}.json") for n in "abc")
    assert a == b
    assert a["tenants"] != c["tenants"]
    assert a["nextId"] == b["nextId"]

    creds = dict(re.findall(r"(ST_[A-Z_]+)=(\S+?)\)?$", printed, re.MULTILINE))
    world = World()
    import_world(world, json.loads((tmp_path / "a.json").read_text()))
    assert world.identity["tenant"][creds["ST_TENANT_ID"]].name == DEMO_TENANT_NAME
    with TestClient(create_app(world, Config())) as client:
        token = take_token(client, creds["ST_CLIENT_ID"], creds["ST_CLIENT_SECRET"])
        headers = {"ST-App-Key": creds["ST_APP_KEY"], "Authorization": f"Bearer {token}"}
        page = client.get(
            f"/crm/v2/tenant/{creds['ST_TENANT_ID']}/customers",
            params={"includeTotal": "true"},
            headers=headers,
        )
        assert page.status_code == 200 and page.json()["totalCount"] == 40
    # --demo on a seeded world reuses its demo tenant
    served = prepare(Config(), seed=tmp_path / "a.json", demo=True)
    assert served.demo is not None and served.demo["tenantId"] == int(creds["ST_TENANT_ID"])
    assert main(["seed", "--customers", "-1", "--out", str(tmp_path / "x.json")]) == 2
    assert main(["seed", "--now", "yesterday", "--out", str(tmp_path / "x.json")]) == 2


def test_the_control_plane_seeds_a_quickstarted_tenant(client: TestClient, api: Any) -> None:
    seeded = client.post(f"/_mock/tenants/{api.tenant_id}/seed", json={"seed": 5, "customers": 12})
    assert seeded.status_code == 200, seeded.text
    added = seeded.json()["added"]
    assert added["customers"] == 12 and added["jobs"] >= 6
    jobs = api.call("Jobs_GetList", params={"includeTotal": "true"}).json()
    assert jobs["totalCount"] == added["jobs"]
    assert client.post("/_mock/tenants/987654/seed", json={}).status_code == 404
    assert client.post(f"/_mock/tenants/{api.tenant_id}/seed",
                       json={"customers": -1}).status_code == 400  # fmt: skip
