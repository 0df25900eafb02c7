"""Settings business units (with external data and the Intacct mapping) and tag types."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from mockst.api.operation import TenantContext
from mockst.app import create_app
from mockst.config import Config
from mockst.settings.business_units import create_business_unit
from mockst.settings.models.business_units import (
    BusinessUnitResponse,
    ExportBusinessUnitResponse,
    IntacctBusinessUnitMappingResponse,
)
from mockst.settings.models.tag_types import ExportTagTypeResponse, TagTypeResponse
from mockst.store.world import World

APP = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
OTHER_APP = "9a6f1a2c-0b1e-4f7e-9a53-2d1c1b9e8f10"


class Api:
    def __init__(self, client: TestClient, creds: dict[str, Any]) -> None:
        self.client = client
        self.base = creds["settings"]
        self.headers = creds["headers"]
        self.tenant_id = creds["tenantId"]

    def get(self, path: str, **params: Any):
        return self.client.get(self.base + path, params=params, headers=self.headers)

    def post(self, path: str, body: Any):
        return self.client.post(self.base + path, json=body, headers=self.headers)

    def patch(self, path: str, body: Any):
        return self.client.patch(self.base + path, json=body, headers=self.headers)


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


def units(world: World, tenant_id: int) -> list[int]:
    with world.transaction():
        ctx = TenantContext(world, world.tenant_data(tenant_id), world.clock.now())
        made = [
            create_business_unit(
                ctx,
                "Plumbing",
                trade="Plumbing",
                division="Residential",
                officialName="Acme Plumbing",
                accountCode="100",
                quickbooksClass="PLB",
                address={"street": "1 Main St", "city": "Denver", "state": "CO", "zip": "80202"},
            ),
            create_business_unit(ctx, "HVAC Service", trade="HVAC", accountCode="200"),
            create_business_unit(ctx, "Old Drains", trade="Drains", active=False),
        ]
    return [int(r.id) for r in made]


# -- business units --------------------------------------------------------------------------


def test_business_unit_list_get_and_shape(api: Api, world: World) -> None:
    plumbing, hvac, old = units(world, api.tenant_id)
    page = api.get("/business-units", includeTotal="true").json()
    assert [u["id"] for u in page["data"]] == [plumbing, hvac]
    assert page["totalCount"] == 2
    for item in page["data"]:
        BusinessUnitResponse.model_validate(item)
        assert list(item) == list(BusinessUnitResponse.model_fields)
    got = api.get(f"/business-units/{plumbing}").json()
    assert got["trade"] == {"id": 1, "name": "Plumbing"}
    assert got["tenant"]["id"] == api.tenant_id
    assert got["address"]["city"] == "Denver" and got["address"]["isMilitary"] is False
    assert got["externalData"] is None
    assert [u["id"] for u in api.get("/business-units", active="False").json()["data"]] == [old]
    assert [u["id"] for u in api.get("/business-units", name="hvac").json()["data"]] == [hvac]
    assert api.get("/business-units/12345").status_code == 404
    assert api.get("/business-units", externalDataApplicationGuid="nope").status_code == 400


def test_business_unit_external_data(api: Api, world: World) -> None:
    plumbing, hvac, _ = units(world, api.tenant_id)
    path = f"/business-units/{plumbing}"
    body = {
        "externalData": {
            "applicationGuid": APP,
            "externalData": [
                {"key": "erpId", "value": "E-1"},
                {"key": "region", "value": "west"},
            ],
        }
    }
    response = api.patch(path, body)
    assert response.status_code == 200, response.text
    assert response.json() == {"id": plumbing}
    assert api.get(path, externalDataApplicationGuid=APP).json()["externalData"] == [
        {"key": "erpId", "value": "E-1"},
        {"key": "region", "value": "west"},
    ]
    assert api.get(path, externalDataApplicationGuid=OTHER_APP).json()["externalData"] == []
    assert api.get(path).json()["externalData"] is None
    listed = api.get("/business-units", externalDataApplicationGuid=APP).json()["data"]
    assert [(u["id"], len(u["externalData"])) for u in listed] == [(plumbing, 2), (hvac, 0)]
    merge = {
        "externalData": {
            "applicationGuid": APP,
            "patchMode": "Merge",
            "externalData": [
                {"key": "erpId", "value": "E-2"},
                {"key": "region", "value": None},
            ],
        }
    }
    assert api.patch(path, merge).status_code == 200
    assert api.get(path, externalDataApplicationGuid=APP).json()["externalData"] == [
        {"key": "erpId", "value": "E-2"},
    ]
    replace = {
        "externalData": {"applicationGuid": APP, "externalData": [{"key": "k", "value": "v"}]}
    }
    assert api.patch(path, replace).status_code == 200
    assert api.get(path, externalDataApplicationGuid=APP).json()["externalData"] == [
        {"key": "k", "value": "v"},
    ]
    assert api.patch(path, {}).json() == {"id": plumbing}


@pytest.mark.parametrize(
    "body",
    [
        {"externalData": {"externalData": []}},
        {"externalData": {"applicationGuid": "not-a-guid", "externalData": []}},
        {"externalData": {"applicationGuid": APP}},
        {"externalData": {"applicationGuid": APP, "externalData": [{"value": "x"}]}},
        {"externalData": {"applicationGuid": APP, "externalData": [{"key": " ", "value": "x"}]}},
        {"externalData": {"applicationGuid": APP, "patchMode": "Append", "externalData": []}},
        [],
    ],
)
def test_business_unit_bad_patch_is_400(api: Api, world: World, body: Any) -> None:
    plumbing = units(world, api.tenant_id)[0]
    before = api.get(f"/business-units/{plumbing}").json()
    response = api.patch(f"/business-units/{plumbing}", body)
    assert response.status_code == 400, response.text
    assert api.get(f"/business-units/{plumbing}").json() == before


def test_business_unit_export(api: Api, world: World) -> None:
    made = units(world, api.tenant_id)
    feed = api.get("/export/business-units", includeRecentChanges="true").json()
    assert [u["id"] for u in feed["data"]] == made
    assert [u["active"] for u in feed["data"]] == [True, True, False]
    for item in feed["data"]:
        ExportBusinessUnitResponse.model_validate(item)


def test_intacct_mapping(api: Api, world: World) -> None:
    plumbing, hvac, old = units(world, api.tenant_id)
    base = {"page": 1, "pageSize": 2, "includeTotal": "true"}
    page = api.get("/business-units/intacct", **base).json()
    assert (page["page"], page["pageSize"], page["hasMore"], page["totalCount"]) == (1, 2, True, 3)
    first = page["data"][0]
    IntacctBusinessUnitMappingResponse.model_validate(first)
    assert first == {
        "id": plumbing,
        "name": "Plumbing",
        "active": True,
        "tradeName": "Plumbing",
        "intacctLocationName": "Acme Plumbing",
        "intacctLocationId": "100",
        "intacctDepartment": "Residential",
        "intacctClass": "PLB",
    }
    second = api.get("/business-units/intacct", **{**base, "page": 2}).json()
    assert [(m["id"], m["active"]) for m in second["data"]] == [(old, False)]
    assert api.get("/business-units/intacct", **{**base, "page": 0}).json()["page"] == 1
    picked = api.client.get(
        api.base + f"/business-units/intacct?page=1&pageSize=10&includeTotal=false"
        f"&ids={hvac}&ids={old}",
        headers=api.headers,
    ).json()
    assert [m["id"] for m in picked["data"]] == [hvac, old] and picked["totalCount"] is None
    for missing in ("page", "pageSize", "includeTotal"):
        params = {k: v for k, v in base.items() if k != missing}
        response = api.get("/business-units/intacct", **params)
        assert response.status_code == 400 and missing in response.json()["errors"]
    assert api.get("/business-units/intacct", **{**base, "pageSize": 501}).status_code == 400
    assert api.get("/business-units/intacct", **{**base, "page": -1}).status_code == 400
    assert api.get("/business-units/intacct", **{**base, "ids": "x"}).status_code == 400


# -- tag types -------------------------------------------------------------------------------


def test_tag_type_create_list_update_export(api: Api, world: World) -> None:
    created = api.post("/tag-types", {"name": "VIP", "color": "#FF0000", "importance": "High"})
    assert created.status_code == 200, created.text
    assert set(created.json()) == {"id"}
    vip = created.json()["id"]
    other = api.post(
        "/tag-types",
        {"name": "Member", "color": "#00ff00", "code": "MBR", "isConversionOpportunity": True},
    ).json()["id"]
    page = api.get("/tag-types").json()
    assert [t["id"] for t in page["data"]] == [vip, other]
    first = page["data"][0]
    TagTypeResponse.model_validate(first)
    assert list(first) == list(TagTypeResponse.model_fields)
    assert (first["code"], first["importance"], first["isVisibleOnDispatchBoard"]) == (
        "",
        "High",
        False,
    )
    assert [t["id"] for t in api.get("/tag-types", sort="-Name").json()["data"]] == [vip, other]
    assert [t["id"] for t in api.get("/tag-types", sort="+name").json()["data"]] == [other, vip]
    assert api.get("/tag-types", sort="Color").status_code == 400
    world.clock.advance(5)
    response = api.patch(f"/tag-types/{vip}", {"color": "#0000FF", "importance": None})
    assert response.json() == {"id": vip}
    after = next(t for t in api.get("/tag-types").json()["data"] if t["id"] == vip)
    assert (after["name"], after["color"], after["importance"]) == ("VIP", "#0000FF", None)
    assert after["modifiedOn"] > first["modifiedOn"]
    feed = api.get("/export/tag-types", includeRecentChanges="true").json()
    assert [t["id"] for t in feed["data"]] == [other, vip]  # change order
    for item in feed["data"]:
        ExportTagTypeResponse.model_validate(item)
    assert api.get(f"/tag-types/{vip}").status_code in (404, 405)  # no GET by id in the API


@pytest.mark.parametrize(
    "body",
    [
        {"color": "#FF0000"},
        {"name": "X"},
        {"name": "X", "color": "red"},
        {"name": "X", "color": "#FF00001"},
        {"name": "X", "color": "#FF0000", "code": "C" * 21},
        {"name": "X", "color": "#FF0000", "importance": "Low"},
        {"name": "  ", "color": "#FF0000"},
        {"name": "vip", "color": "#FF0000"},
        {"name": 5, "color": "#FF0000"},
    ],
)
def test_tag_type_bad_create_is_400(api: Api, body: dict[str, Any]) -> None:
    assert api.post("/tag-types", {"name": "VIP", "color": "#FF0000"}).status_code == 200
    response = api.post("/tag-types", body)
    assert response.status_code == 400, response.text
    assert len(api.get("/tag-types").json()["data"]) == 1


def test_tag_type_bad_update(api: Api) -> None:
    vip = api.post("/tag-types", {"name": "VIP", "color": "#FF0000"}).json()["id"]
    api.post("/tag-types", {"name": "Member", "color": "#FF0000"})
    assert api.patch(f"/tag-types/{vip}", {"name": "MEMBER"}).status_code == 400
    assert api.patch(f"/tag-types/{vip}", {"name": None}).status_code == 400
    assert api.patch(f"/tag-types/{vip}", {"color": "blue"}).status_code == 400
    assert api.patch("/tag-types/999999999", {"name": "Z"}).status_code == 404
    assert api.patch(f"/tag-types/{vip}", {"name": "vip"}).status_code == 200  # its own name


def test_tag_types_scope_and_isolation(client: TestClient, onboard) -> None:
    reader = Api(client, onboard(scopes=["tn.stt.tagtypes:r", "tn.stt.businessunits:r"]))
    assert reader.get("/tag-types").status_code == 200
    assert reader.post("/tag-types", {"name": "A", "color": "#FFFFFF"}).status_code == 403
    assert (
        reader.get("/business-units/intacct", page=1, pageSize=5, includeTotal="false").status_code
        == 200
    )
    writer = Api(client, onboard())
    ident = writer.post("/tag-types", {"name": "A", "color": "#FFFFFF"}).json()["id"]
    assert reader.get("/tag-types").json()["data"] == []
    other = Api(client, onboard())
    assert other.patch(f"/tag-types/{ident}", {"name": "B"}).status_code == 404
