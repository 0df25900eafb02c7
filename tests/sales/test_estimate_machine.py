"""A hypothesis state machine over estimate status moves and items, against a reference model.

Random sequences of estimates created on a job, sold (by a technician, or by an id that is
none), unsold, dismissed, and items added, repriced and removed. After every step the simulator
agrees with the model: each estimate's status, seller, items and subtotal, its status history,
and the job's ``estimateIds``. Moves the model refuses (selling twice, selling or unselling a
dismissed estimate, changing a decided estimate's items, an unknown seller) are 400 and change
nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, seed, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.seed import populate_tenant
from mockst.store.world import World
from mockst.testing import TenantApi

EXAMPLES = int(os.environ.get("MOCKST_ESTIMATE_EXAMPLES", "6"))
STEPS = int(os.environ.get("MOCKST_ESTIMATE_STEPS", "20"))
SEED = int(os.environ.get("MOCKST_ESTIMATE_SEED", "20261207"))
MOVES = {"sell": ("Open", "Sold"), "unsell": ("Sold", "Open"), "dismiss": ("Open", "Dismissed")}


@dataclass
class EstimateModel:
    id: int
    status: str = "Open"
    sold_by: int | None = None
    items: dict[int, tuple[float, float]] = field(default_factory=dict)  # id -> (qty, rate)
    history: list[tuple[str | None, str]] = field(default_factory=lambda: [(None, "Open")])

    def subtotal(self) -> float:
        return round(sum(round(q * r, 2) for q, r in self.items.values()), 2)


@pytest.fixture(scope="module")
def estimate_world() -> Iterator[tuple[TestClient, World]]:
    world = World()
    with TestClient(create_app(world, Config(rate_limit=0, token_rate_limit=0))) as http:
        yield http, world


def test_estimates_agree_with_the_model(estimate_world: tuple[TestClient, World]) -> None:
    http, world = estimate_world

    @seed(SEED)
    class EstimateWorld(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.world, self.http = world, http
            self.estimates: dict[int, EstimateModel] = {}

        @initialize()
        def onboard(self) -> None:
            self.api = TenantApi.quickstart(self.http)
            populate_tenant(self.world, self.api.tenant_id, seed=3, customers=3, bookings=0,
                            leads=0, history_days=10)  # fmt: skip
            data = self.world.tenant_data(self.api.tenant_id)
            self.job = min(r.id for r in data.table("jobs").rows())
            self.seeded = list(data.table("jobs").get(self.job).get("estimateIds") or [])
            self.technician = min(r.id for r in data.table("technicians").rows() if r.active)
            self.sku = min(r.id for r in data.table("services").rows() if r.active)
            self.price = data.table("services").get(self.sku).get("price")

        def _one(self, data: st.DataObject) -> EstimateModel:
            return self.estimates[data.draw(st.sampled_from(sorted(self.estimates)))]

        @rule(quantities=st.lists(st.integers(1, 5), max_size=2))
        def create(self, quantities: list[int]) -> None:
            made = self.api.call("Estimates_Create", json={"jobId": self.job, "items": [
                {"skuId": self.sku, "quantity": q} for q in quantities]})
            assert made.status_code == 200, made.text
            body = made.json()
            model = EstimateModel(body["id"])
            model.items = {i["id"]: (q, self.price) for i, q in zip(body["items"], quantities,
                                                                   strict=True)}
            self.estimates[model.id] = model

        @precondition(lambda self: self.estimates)
        @rule(data=st.data(), move=st.sampled_from(sorted(MOVES)), real_seller=st.booleans())
        def move(self, data: st.DataObject, move: str, real_seller: bool) -> None:
            estimate = self._one(data)
            seller = self.technician if real_seller else 999_999_999
            body = {"soldBy": seller} if move == "sell" else None
            answer = self.api.call(f"Estimates_{move.capitalize()}", id=estimate.id, json=body)
            old, new = MOVES[move]
            allowed = estimate.status == old and (move != "sell" or real_seller)
            assert answer.status_code == (200 if allowed else 400), answer.text
            if allowed:
                estimate.history.append((old, new))
                estimate.status = new
                estimate.sold_by = seller if new == "Sold" else None

        @precondition(lambda self: self.estimates)
        @rule(data=st.data(), quantity=st.integers(1, 4), rate=st.integers(0, 500))
        def put_item(self, data: st.DataObject, quantity: int, rate: int) -> None:
            estimate = self._one(data)
            existing = sorted(estimate.items)
            target = data.draw(st.sampled_from([None, *existing]), label="item")
            body = {"quantity": quantity, "unitPrice": rate}
            body |= {"id": target} if target is not None else {"skuId": self.sku}
            answer = self.api.call("Estimates_PutItem", id=estimate.id, json=body)
            if estimate.status != "Open":
                assert answer.status_code == 400, answer.text
                return
            assert answer.status_code == 200, answer.text
            estimate.items[answer.json()["id"]] = (quantity, rate)

        @precondition(lambda self: any(e.items for e in self.estimates.values()))
        @rule(data=st.data())
        def delete_item(self, data: st.DataObject) -> None:
            estimate = self.estimates[data.draw(st.sampled_from(
                sorted(e.id for e in self.estimates.values() if e.items)))]
            item = data.draw(st.sampled_from(sorted(estimate.items)))
            answer = self.api.call("Estimates_DeleteItem", id=estimate.id, itemId=item)
            assert answer.status_code == (200 if estimate.status == "Open" else 400), answer.text
            if estimate.status == "Open":
                del estimate.items[item]

        @invariant()
        def estimates_agree(self) -> None:
            for estimate in self.estimates.values():
                shown = self.api.call("Estimates_Get", id=estimate.id).json()
                assert (shown["status"]["name"], shown["soldBy"]) == (
                    estimate.status, estimate.sold_by)
                assert (shown["soldOn"] is None) == (estimate.sold_by is None)
                assert {i["id"]: (i["qty"], i["unitRate"]) for i in shown["items"]} == (
                    estimate.items)
                assert shown["subtotal"] == estimate.subtotal()
                changes = self.api.call("EstimatesStatus_GetEstimateStatusChanges",
                                        id=estimate.id).json()
                assert [(c["oldStatus"], c["newStatus"]) for c in changes] == estimate.history

        @invariant()
        def the_job_lists_them(self) -> None:
            if hasattr(self, "api"):
                job = self.api.call("Jobs_Get", id=self.job).json()
                assert job["estimateIds"] == [*self.seeded, *self.estimates]

    run_state_machine_as_test(
        EstimateWorld,
        settings=settings(max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
                          database=None, suppress_health_check=list(HealthCheck)),
    )  # fmt: skip
