"""A hypothesis state machine over bulk price-book writes, against a small reference model.

Random batches of materials and services (services linking materials of the same batch by
``customId``, or earlier ones by id), some with one bad item (an unknown ``customId`` or a
repeated one), single deletes and whole-item bulk updates. After every step the price book holds
exactly what the model says: a refused batch wrote nothing, an accepted one everything, and the
id mapping named every item that sent a ``customId``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.store.world import World
from mockst.testing import TenantApi, api_headers, take_token

EXAMPLES = int(os.environ.get("MOCKST_PRICEBOOK_EXAMPLES", "8"))
STEPS = int(os.environ.get("MOCKST_PRICEBOOK_STEPS", "12"))
CODES = st.text("ABCDEFGHJK0123456789", min_size=1, max_size=6)


class PricebookBulk(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.http = TestClient(create_app(World(), Config()))
        creds = self.http.post("/_mock/quickstart", json={}).json()
        token = take_token(self.http, creds["clientId"], creds["clientSecret"])
        creds["headers"] = api_headers(creds, token)
        self.api = TenantApi(self.http, creds)
        self.materials: dict[int, str] = {}  # id -> code, active ones
        self.services: dict[int, tuple[str, list[int]]] = {}  # id -> (code, material ids)
        self.batches = 0

    def teardown(self) -> None:
        self.http.close()

    @rule(codes=st.lists(CODES, min_size=1, max_size=4), links=st.lists(st.integers(0, 3)),
          fault=st.sampled_from((None, None, "unknown", "repeated")))
    def bulk_create(self, codes: list[str], links: list[int], fault: str | None) -> None:
        self.batches += 1
        tag = f"b{self.batches}-"
        materials = [{"code": c, "description": "", "customId": f"{tag}{i}"}
                     for i, c in enumerate(codes)]
        linked = sorted({i for i in links if i < len(codes)})
        known = sorted(self.materials)[:1]
        service_links = [{"customId": f"{tag}{i}", "quantity": 1} for i in linked]
        service_links += [{"skuId": k, "quantity": 2} for k in known]
        if fault == "unknown":
            service_links.append({"customId": "nobody", "quantity": 1})
        if fault == "repeated":
            materials.append({"code": "DUP", "description": "", "customId": f"{tag}0"})
        body = {"materials": materials,
                "services": [{"code": f"S{self.batches}", "description": "",
                              "serviceMaterials": service_links}]}
        response = self.api.call("PricebookBulk_Create", json=body)
        if fault:
            assert response.status_code == 400, response.text
            errors = response.json()["errors"]
            assert any(k.startswith(("services[0]", "materials[")) for k in errors)
            return
        assert response.status_code == 201, response.text
        mapping = response.json()
        by_custom = {m["customId"]: m["id"] for m in mapping["materials"]}
        assert set(by_custom) == {m["customId"] for m in materials}
        assert mapping["services"] == [] and mapping["equipment"] is None
        for m in materials:
            self.materials[by_custom[m["customId"]]] = m["code"]
        service = self.api.call("Services_GetList", params={"pageSize": 5000}).json()
        made = next(s for s in service["data"] if s["code"] == f"S{self.batches}")
        self.services[made["id"]] = (made["code"], [by_custom[f"{tag}{i}"] for i in linked] + known)

    @rule(data=st.data())
    def delete_material(self, data: st.DataObject) -> None:
        if not self.materials:
            return
        ident = data.draw(st.sampled_from(sorted(self.materials)))
        assert self.api.call("Materials_Delete", id=ident).status_code == 204
        del self.materials[ident]

    @rule(data=st.data(), code=CODES)
    def bulk_rename(self, data: st.DataObject, code: str) -> None:
        if not self.services:
            return
        ident = data.draw(st.sampled_from(sorted(self.services)))
        current = self.api.call("Services_Get", id=ident).json()
        item = {k: current[k] for k in (
            "displayName", "description", "price", "memberPrice", "addOnPrice", "addOnMemberPrice",
            "taxable", "hours", "isLabor", "recommendations", "upgrades", "serviceMaterials",
            "serviceEquipment", "active", "crossSaleGroup", "paysCommission", "bonus",
            "commissionBonus", "budgetCostCode", "budgetCostType", "isPriceLocked", "account")}
        item = {**{k: v if v is not None else "" for k, v in item.items()}, "isLabor": False,
                "isPriceLocked": False, "id": ident, "code": code, "intacctGlGroupAccount": "",
                "warranty": {"duration": 0}, "categories": [], "assets": []}
        response = self.api.call("PricebookBulk_Update", json={"services": [item]})
        assert response.status_code == 200, response.text
        self.services[ident] = (code, self.services[ident][1])

    @invariant()
    def the_price_book_is_the_model(self) -> None:
        materials = self.api.call("Materials_GetList", params={"pageSize": 5000}).json()["data"]
        assert {m["id"]: m["code"] for m in materials} == self.materials
        services = self.api.call("Services_GetList", params={"pageSize": 5000}).json()["data"]
        assert {s["id"]: (s["code"], [link["skuId"] for link in s["serviceMaterials"]])
                for s in services} == self.services


def test_bulk_writes_match_the_model() -> None:
    run_state_machine_as_test(
        PricebookBulk,
        settings=settings(max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
                          suppress_health_check=list(HealthCheck)),
    )
