"""The fault schedule: rules, triggers, every effect, and that a faulted write changes nothing."""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import ValidationError
from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.cli import _fault_rules, build_parser
from mockst.config import Config
from mockst.faults import ConnectionDropped, FaultRule, Latency, parse_spec
from mockst.faults.rules import MAX_LATENCY_MS, load_file
from mockst.testing import api_headers, serve, take_token

NO_LIMITS = Config(rate_limit=0, token_rate_limit=0)


@pytest.fixture(scope="module")
def http() -> Iterator[TestClient]:
    with TestClient(create_app(config=NO_LIMITS)) as client:
        yield client


@pytest.fixture
def tenant(http: TestClient) -> Iterator[dict[str, Any]]:
    creds = http.post("/_mock/quickstart", json={}).json()
    creds["headers"] = api_headers(
        creds, take_token(http, creds["clientId"], creds["clientSecret"])
    )
    creds["tags"] = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
    yield creds
    http.delete("/_mock/faults")


def add(http: TestClient, *rules: dict[str, Any]) -> list[dict[str, Any]]:
    response = http.post("/_mock/faults", json=list(rules) if len(rules) > 1 else rules[0])
    assert response.status_code == 200, response.text
    return response.json()


def statuses(http: TestClient, t: dict[str, Any], n: int) -> list[int]:
    return [http.get(t["tags"], headers=t["headers"]).status_code for _ in range(n)]


def tag_names(http: TestClient, t: dict[str, Any]) -> list[str]:
    return [row["tagName"] for row in http.get(t["tags"], headers=t["headers"]).json()["data"]]


# -- rules and their text forms ----------------------------------------------------------------


def test_spec_strings_and_latency_forms() -> None:
    rule = parse_spec("path=/crm/v2/*/customers*,status=503,nth=3")
    assert (rule.path, rule.status, rule.nth) == ("/crm/v2/*/customers*", 503, 3)
    rule = parse_spec("op=Customers_Create, method=post, drop, after=true, retry_after=2")
    assert (rule.operation, rule.method) == ("Customers_Create", "POST")
    assert rule.drop and rule.after and rule.retryAfter == 2
    assert parse_spec("latency=uniform:10:20").latency == Latency(
        distribution="uniform", low=10, high=20
    )
    assert parse_spec("latency=250").latency == Latency(ms=250)
    assert parse_spec("latency=lognormal:50:0.5").latency.median == 50  # type: ignore[union-attr]
    for bad in (
        "status=503,nth=2,first=1",  # two triggers
        "path=/x",  # no effect
        "status=503,drop",  # both
        "latency=10,after",  # after without status or drop
        "latency=normal:1:2",
        "latency=uniform:9:1",
        "status=200",
        "colour=red,status=500",
    ):
        with pytest.raises(ValidationError):
            parse_spec(bad)


def test_spec_parts_and_flags() -> None:
    # An empty part is skipped, not the end of the spec; true/false are read in any case.
    rule = parse_spec("status=503, ,nth=2,after=TRUE,")
    assert (rule.status, rule.nth, rule.after) == (503, 2, True)
    assert parse_spec("status=503,after=False").after is False


def test_fault_files_hold_one_rule_a_list_or_a_faults_key(tmp_path: Path) -> None:
    file = tmp_path / "faults.json"
    for document in (
        {"status": 502},
        [{"status": 502}],
        {"faults": [{"status": 502}]},
        {"faults": {"status": 502}},
    ):
        file.write_text(json.dumps(document))
        rules = load_file(file)
        assert isinstance(rules, list) and [r.status for r in rules] == [502], document


def test_latency_draws_follow_their_distribution() -> None:
    def draw(spec: str, seed: int = 3) -> float:
        return Latency.model_validate(spec).sample(random.Random(seed))

    assert (draw("250"), draw("fixed:0")) == (250.0, 0.0)
    assert draw("uniform:10:20") == round(random.Random(3).uniform(10, 20), 3)
    assert draw("uniform:0:5") == round(random.Random(3).uniform(0, 5), 3)
    assert draw("uniform:0:0") == 0.0
    assert draw("lognormal:50:0.5") == round(50 * math.exp(random.Random(3).gauss(0, 0.5)), 3)
    assert draw("lognormal:50:0") == 50.0  # no spread: always the median
    assert draw("lognormal:600000:10", seed=1) == MAX_LATENCY_MS  # long tails are capped


def test_cli_reads_fault_specs_and_files(tmp_path: Path) -> None:
    file = tmp_path / "faults.json"
    file.write_text(json.dumps({"faults": [{"status": 502, "first": 1}]}))
    args = build_parser().parse_args(
        ["serve", "--faults", str(file), "--fault", "status=504,nth=2", "--rate-limit", "0"]
    )
    rules = _fault_rules(args)
    assert [r.status for r in rules] == [502, 504]
    assert args.rate_limit == 0


# -- triggers ------------------------------------------------------------------------------------


def test_nth_first_times_and_counters(http: TestClient, tenant: dict[str, Any]) -> None:
    (rule,) = add(http, {"path": "*/booking-provider-tags", "status": 503, "nth": 3})
    assert statuses(http, tenant, 7) == [200, 200, 503, 200, 200, 503, 200]
    (view,) = http.get("/_mock/faults").json()
    assert (view["id"], view["seen"], view["hits"]) == (rule["id"], 7, 2)
    http.delete("/_mock/faults")
    add(http, {"operation": "BookingProviderTags_*", "status": 500, "first": 2})
    assert statuses(http, tenant, 4) == [500, 500, 200, 200]
    http.delete("/_mock/faults")
    add(http, {"method": "GET", "status": 502, "times": 2})
    assert statuses(http, tenant, 4) == [502, 502, 200, 200]


def test_probability_is_reproducible_with_a_seed(http: TestClient, tenant: dict[str, Any]) -> None:
    runs = []
    for _ in range(2):
        add(http, {"method": "GET", "status": 503, "probability": 0.5, "seed": 7})
        runs.append(statuses(http, tenant, 20))
        http.delete("/_mock/faults")
    assert runs[0] == runs[1]
    assert 3 <= runs[0].count(503) <= 17


def test_rules_narrow_by_tenant_method_and_never_touch_the_control_plane(
    http: TestClient, tenant: dict[str, Any]
) -> None:
    other = http.post("/_mock/quickstart", json={}).json()
    other["headers"] = api_headers(
        other, take_token(http, other["clientId"], other["clientSecret"])
    )
    other["tags"] = f"/crm/v2/tenant/{other['tenantId']}/booking-provider-tags"
    add(http, {"path": "*", "tenant": tenant["tenantId"], "method": "GET", "status": 504})
    assert statuses(http, tenant, 1) == [504]
    assert statuses(http, other, 1) == [200]
    assert http.get("/_mock/clock").status_code == 200
    assert http.get("/_mock/faults").status_code == 200


def test_rules_are_listed_and_removed_one_by_one(http: TestClient) -> None:
    first, second = add(http, {"status": 500, "first": 1}, {"status": 502, "first": 1})
    assert [r["id"] for r in http.get("/_mock/faults").json()] == [first["id"], second["id"]]
    assert http.delete(f"/_mock/faults/{first['id']}").status_code == 200
    assert http.delete(f"/_mock/faults/{first['id']}").status_code == 404
    assert [r["id"] for r in http.get("/_mock/faults").json()] == [second["id"]]
    assert http.post("/_mock/faults", json={"status": 999}).status_code == 400
    assert http.post("/_mock/faults", json={}).status_code == 400
    assert http.delete("/_mock/faults").json() == {"cleared": 1}


# -- effects -------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_statuses_answer_in_api_error_shape(
    http: TestClient, tenant: dict[str, Any], status: int
) -> None:
    add(http, {"method": "GET", "status": status, "first": 1})
    response = http.get(tenant["tags"], headers=tenant["headers"])
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"type", "title", "status", "traceId", "errors", "data"}
    assert body["status"] == status
    assert response.headers.get("Retry-After") == ("1" if status == 429 else None)


def test_retry_after_can_be_chosen(http: TestClient, tenant: dict[str, Any]) -> None:
    add(http, {"method": "GET", "status": 503, "retryAfter": 7, "first": 1})
    assert http.get(tenant["tags"], headers=tenant["headers"]).headers["Retry-After"] == "7"


def test_a_faulted_write_changes_nothing(http: TestClient, tenant: dict[str, Any]) -> None:
    add(http, {"method": "POST", "status": 503, "first": 1})
    body = {"tagName": "Faulted", "description": ""}
    assert http.post(tenant["tags"], headers=tenant["headers"], json=body).status_code == 503
    assert "Faulted" not in tag_names(http, tenant)
    entry = http.get("/_mock/journal", params={"method": "POST", "limit": 1}).json()["entries"][0]
    assert entry["fault"]["kind"] == "status" and entry["fault"]["status"] == 503


def test_after_applies_the_write_then_loses_the_answer(
    http: TestClient, tenant: dict[str, Any]
) -> None:
    add(http, {"method": "POST", "status": 500, "after": True, "first": 1})
    body = {"tagName": "Written", "description": ""}
    assert http.post(tenant["tags"], headers=tenant["headers"], json=body).status_code == 500
    assert "Written" in tag_names(http, tenant)
    # A blind retry now meets the write it thought had failed.
    assert http.post(tenant["tags"], headers=tenant["headers"], json=body).status_code == 409
    entry = http.get("/_mock/journal", params={"status": "500", "limit": 1}).json()["entries"][0]
    assert entry["fault"] == {
        "rule": entry["fault"]["rule"],
        "kind": "status",
        "after": True,
        "suppressedStatus": 200,
        "status": 500,
    }


def test_latency_delays_and_is_journaled(http: TestClient, tenant: dict[str, Any]) -> None:
    add(http, {"method": "GET", "latency": 120, "first": 1})
    started = time.perf_counter()
    assert statuses(http, tenant, 1) == [200]
    assert time.perf_counter() - started >= 0.12
    entry = http.get("/_mock/journal", params={"limit": 1, "method": "GET"}).json()["entries"][0]
    assert entry["fault"]["kind"] == "latency" and entry["fault"]["latencyMs"] == 120
    assert entry["durationMs"] >= 120
    # Latency then a status: a slow gateway timeout.
    add(http, {"method": "GET", "latency": "uniform:10:20", "status": 504, "first": 1})
    assert statuses(http, tenant, 1) == [504]


def test_latency_draws_are_reproducible() -> None:
    import random

    for spec in ("uniform:10:20", "lognormal:50:0.5"):
        latency = Latency.model_validate(spec)
        a = [latency.sample(random.Random(3)) for _ in range(3)]
        assert a == [latency.sample(random.Random(3)) for _ in range(3)]
    assert Latency.model_validate("uniform:10:20").sample(random.Random(1)) <= 20


def test_drop_in_process_raises(http: TestClient, tenant: dict[str, Any]) -> None:
    add(http, {"method": "GET", "drop": True, "first": 1})
    with pytest.raises(ConnectionDropped):
        http.get(tenant["tags"], headers=tenant["headers"])
    assert statuses(http, tenant, 1) == [200]


def test_drop_closes_a_real_socket_without_an_answer() -> None:
    app = create_app(config=NO_LIMITS)
    app.state.faults.add(
        [
            FaultRule(method="GET", path="*/booking-provider-tags", drop=True, first=1),
            {"method": "POST", "path": "/crm/*", "drop": True, "after": True, "first": 1},
        ]
    )
    with serve(app) as url, httpx.Client(base_url=url) as client:
        creds = client.post("/_mock/quickstart", json={}).json()
        headers = api_headers(creds, take_token(client, creds["clientId"], creds["clientSecret"]))
        tags = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            client.get(tags, headers=headers)
        # after=true: the write happened, the answer never came.
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            client.post(tags, headers=headers, json={"tagName": "Lost", "description": ""})
        names = [t["tagName"] for t in client.get(tags, headers=headers).json()["data"]]
        assert "Lost" in names
        dropped = client.get("/_mock/journal", params={"method": "POST", "path": "*tags"}).json()
        (entry,) = dropped["entries"]
        assert entry["status"] is None
        assert entry["fault"]["kind"] == "drop" and entry["fault"]["suppressedStatus"] == 200
        assert client.get("/_mock/health").json() == {"status": "ok"}


def test_a_rule_for_one_operation_leaves_the_others_alone(
    http: TestClient, tenant: dict[str, Any]
) -> None:
    add(http, {"operation": "Customers_GetList", "status": 503})
    customers = f"/crm/v2/tenant/{tenant['tenantId']}/customers"
    assert http.get(customers, headers=tenant["headers"]).status_code == 503
    assert statuses(http, tenant, 2) == [200, 200]  # booking provider tags: another operation
    # A glob names a family of operations.
    http.delete("/_mock/faults")
    add(http, {"operation": "BookingProviderTags_*", "status": 502})
    assert statuses(http, tenant, 1) == [502]
    assert http.get(customers, headers=tenant["headers"]).status_code == 200
