"""Rate limits: per (app key, tenant) for the API, per client id for tokens; by the wall clock."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from mockst.app import create_app
from mockst.config import Config
from mockst.ratelimit import PRUNE_AT, RateLimiter, retry_after
from mockst.testing import api_headers, take_token


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_bucket_bursts_refills_and_says_how_long_to_wait() -> None:
    clock = FakeClock()
    limiter = RateLimiter(4, per=1.0, clock=clock)
    assert [limiter.take("k") for _ in range(4)] == [0.0] * 4
    wait = limiter.take("k")
    assert 0.2 < wait <= 0.25 and retry_after(wait) == 1
    assert limiter.take("other") == 0.0  # keys are independent
    clock.now += 0.25
    assert limiter.take("k") == 0.0
    clock.now += 100  # refills to the burst, never beyond
    assert sum(limiter.take("k") == 0.0 for _ in range(10)) == 4
    assert RateLimiter(0).take("k") == 0.0  # 0 disables
    assert retry_after(0.001) == 1 and retry_after(2.5) == 3


def test_a_partly_refilled_bucket_says_how_long_is_left() -> None:
    clock = FakeClock()
    limiter = RateLimiter(2, clock=clock)  # per second unless told otherwise; a burst of two
    assert [limiter.take("k") for _ in range(2)] == [0.0, 0.0]
    clock.now += 0.1  # a fifth of a call is back: the other four fifths take 0.4 s
    assert abs(limiter.take("k") - 0.4) < 1e-9
    clock.now += 0.4
    assert limiter.take("k") == 0.0


def test_slow_limits_and_an_explicit_burst() -> None:
    clock = FakeClock()
    one = RateLimiter(1, clock=clock)  # one a second still limits, with a burst of one
    assert one.enabled and [one.take("k") for _ in range(2)] == [0.0, 1.0]
    slow = RateLimiter(0.5, clock=clock)  # below one a second the bucket still holds one call
    assert [slow.take("k") for _ in range(2)] == [0.0, 2.0]
    burst = RateLimiter(10, burst=2, clock=clock)
    assert [burst.take("k") == 0.0 for _ in range(3)] == [True, True, False]
    off = RateLimiter(0, clock=clock)
    assert not off.enabled and [off.take("k") for _ in range(5)] == [0.0] * 5


def test_buckets_that_refilled_are_forgotten_past_the_key_limit() -> None:
    clock = FakeClock()
    limiter = RateLimiter(4, clock=clock)
    for key in range(PRUNE_AT):
        limiter.take(key)
    clock.now += 0.25  # a quarter-full bucket is not full yet: none of them goes
    limiter.take("one more")
    assert len(limiter._buckets) == PRUNE_AT + 1
    clock.now += 0.75  # now every old bucket is full again, the same as a bucket never used
    limiter.take("and another")
    assert set(limiter._buckets) == {"one more", "and another"}


def _onboard(http: TestClient, tenant_id: int | None = None) -> dict[str, Any]:
    body = {"tenantId": tenant_id} if tenant_id else {}
    creds = http.post("/_mock/quickstart", json=body).json()
    creds["headers"] = api_headers(
        creds, take_token(http, creds["clientId"], creds["clientSecret"])
    )
    creds["tags"] = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
    return creds


def test_api_calls_over_the_limit_get_429_with_retry_after_then_recover() -> None:
    app = create_app(config=Config(rate_limit=5))
    clock = FakeClock()
    app.state.rate_limiter.clock = clock
    with TestClient(app) as http:
        a, b = _onboard(http), _onboard(http)
        statuses = [http.get(a["tags"], headers=a["headers"]).status_code for _ in range(5)]
        assert statuses == [200] * 5
        refused = http.get(a["tags"], headers=a["headers"])
        assert refused.status_code == 429
        assert refused.headers["Retry-After"] == "1"
        body = refused.json()
        assert set(body) == {"type", "title", "status", "traceId", "errors", "data"}
        assert body["status"] == 429 and "Rate limit" in body["title"]
        assert body["data"] == {"limit": 5, "perSeconds": 1.0}  # the limit that was hit
        # Another tenant (another app key too) has its own bucket.
        assert http.get(b["tags"], headers=b["headers"]).status_code == 200
        # The control plane is never throttled.
        assert all(http.get("/_mock/clock").status_code == 200 for _ in range(10))
        # Advancing the simulator clock does not refill: limits run on the wall clock.
        http.post("/_mock/clock/advance", json={"seconds": 3600})
        a["headers"] = api_headers(a, take_token(http, a["clientId"], a["clientSecret"]))
        assert http.get(a["tags"], headers=a["headers"]).status_code == 429
        clock.now += 1.0  # a real second later
        assert http.get(a["tags"], headers=a["headers"]).status_code == 200
        (note,) = [
            e["fault"]
            for e in http.get("/_mock/journal", params={"status": "429"}).json()["entries"]
        ][:1]
        assert note == {"kind": "rate_limit", "retryAfter": 1}


def test_each_app_key_and_tenant_pair_has_its_own_bucket() -> None:
    """One change at a time: the same app on another tenant, another app on the same tenant."""
    app = create_app(config=Config(rate_limit=2))
    app.state.rate_limiter.clock = FakeClock()  # no refill while the test runs
    with TestClient(app) as http:
        first, second = _onboard(http), _onboard(http)  # app 1 on tenant 1, app 2 on tenant 2
        app_one = next(a for a in http.get("/_mock/apps").json() if a["appKey"] == first["appKey"])
        link = http.post(
            "/_mock/connections", json={"appId": app_one["id"], "tenantId": second["tenantId"]}
        ).json()
        secret = link.get("clientSecret") or http.post(
            f"/_mock/connections/{link['clientId']}/secrets"
        ).json()["clientSecret"]
        both = {**first, "tenantId": second["tenantId"], "tags": second["tags"]}  # app 1, tenant 2
        both["headers"] = api_headers(first, take_token(http, link["clientId"], secret))
        assert [http.get(both["tags"], headers=both["headers"]).status_code for _ in range(3)] == [
            200, 200, 429,
        ]  # fmt: skip
        # The same app key on tenant 1, and app 2 on the same tenant 2, still have their calls.
        for other in (first, second):
            calls = [http.get(other["tags"], headers=other["headers"]) for _ in range(3)]
            assert [c.status_code for c in calls] == [200, 200, 429], other["tenantId"]


def test_token_storms_are_slowed_down_per_client_id() -> None:
    app = create_app(config=Config(token_rate_limit=3))
    app.state.token_rate_limiter.clock = clock = FakeClock()
    with TestClient(app) as http:
        a = http.post("/_mock/quickstart", json={}).json()
        b = http.post("/_mock/quickstart", json={}).json()
        form = {"grant_type": "client_credentials", "client_id": a["clientId"]}
        form["client_secret"] = a["clientSecret"]
        assert [http.post("/connect/token", data=form).status_code for _ in range(3)] == [200] * 3
        refused = http.post("/connect/token", data=form)
        assert refused.status_code == 429
        assert refused.json() == {"error": "slow_down"}  # the cause is in a header
        assert "Cache the access token" in refused.headers["x-mockst-error-description"]
        assert int(refused.headers["Retry-After"]) == 20  # 3 a minute: one every 20 s
        # Basic credentials count for the same client id; another client is unaffected.
        basic = http.post(
            "/connect/token",
            auth=(a["clientId"], a["clientSecret"]),
            data={"grant_type": "client_credentials"},
        )
        assert basic.status_code == 429
        assert take_token(http, b["clientId"], b["clientSecret"])
        clock.now += 20
        assert http.post("/connect/token", data=form).status_code == 200


def test_rate_limit_zero_disables() -> None:
    with TestClient(create_app(config=Config(rate_limit=0, token_rate_limit=0))) as http:
        a = _onboard(http)
        assert all(http.get(a["tags"], headers=a["headers"]).status_code == 200 for _ in range(80))
        for _ in range(70):
            take_token(http, a["clientId"], a["clientSecret"])


def test_a_token_per_call_client_runs_on_the_defaults() -> None:
    # servicepytan takes a new token before every call: 600 calls over five minutes of (fake)
    # wall clock, twice what a throttle of 60 token requests a minute lets through.
    app = create_app()
    app.state.rate_limiter.clock = clock = FakeClock()
    app.state.token_rate_limiter.clock = clock
    with TestClient(app) as http:
        creds = http.post("/_mock/quickstart", json={}).json()
        tags = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
        form = {"grant_type": "client_credentials", "client_id": creds["clientId"]}
        form["client_secret"] = creds["clientSecret"]
        for _ in range(600):
            issued = http.post("/connect/token", data=form)
            assert issued.status_code == 200, issued.text
            headers = api_headers(creds, issued.json()["access_token"])
            assert http.get(tags, headers=headers).status_code == 200
            clock.now += 0.5
    assert Config().token_rate_limit == 0 and Config.load(token_rate_limit=6).token_rate_limit == 6


def test_calls_the_guard_refuses_spend_no_budget() -> None:
    app = create_app(config=Config(rate_limit=5))
    app.state.rate_limiter.clock = FakeClock()
    with TestClient(app) as http:
        victim = _onboard(http)
        other = _onboard(http)
        forged = {"ST-App-Key": victim["appKey"], "Authorization": "Bearer not-a-token"}
        wrong_tenant = {**other["headers"], "ST-App-Key": victim["appKey"]}
        for _ in range(20):
            assert http.get(victim["tags"], headers={"ST-App-Key": victim["appKey"]}).status_code
            assert http.get(victim["tags"], headers=forged).status_code == 401
            assert http.get(victim["tags"], headers=wrong_tenant).status_code in (401, 403)
        statuses = [
            http.get(victim["tags"], headers=victim["headers"]).status_code for _ in range(5)
        ]
        assert statuses == [200] * 5
        assert http.get(victim["tags"], headers=victim["headers"]).status_code == 429
