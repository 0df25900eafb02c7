"""The checks' edges, on hand-made journal entries (no simulator, no subprocess)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count

from mockst_contracts.checks import CHECKS, Evidence, Outcome, RunContext, merge, run_checks
from mockst_contracts.journal import JournalEntry, from_view
from mockst_contracts.task import ConnectorTask, make_lead

T0 = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
CRM = "/crm/v2/tenant/7"
ids = count(1)


def entry(kind="api", method="GET", path=f"{CRM}/customers", status=200, at=0.0, **fields):
    values = {
        "id": next(ids),
        "time": T0 + timedelta(seconds=at),
        "duration_ms": 10.0,
        "kind": kind,
        "method": method,
        "path": path,
        "query": {},
        "status": status,
        "tenant_id": 7,
        "client_id": "cid.x",
        "app_key": "ak1.x",
        "token": "tok-1",
        "token_expires_at": None,
        "operation_id": None,
        "fault": None,
        "request_body": None,
        "request_truncated": False,
        "response_body": None,
    }
    values.update(fields)
    return JournalEntry(**values)


def token(at=0.0, issued="tok-1", expires=900.0):
    return entry(
        "token", "POST", "/connect/token", at=at, token=None,
        issued_token=issued, issued_expires_at=T0.timestamp() + at + expires,
    )  # fmt: skip


def judge(check_id, *entries, bookings=()):
    ctx = RunContext(
        scenario="s", run=1, tenant_id=7, app_key="ak1.x", client_id="cid.x",
        booking_provider_id=5, task=ConnectorTask("s", 1, make_lead("s", 1, 1)),
        entries=list(entries), exit_code=0, timed_out=False, task_bookings=list(bookings),
    )  # fmt: skip
    return CHECKS[check_id](ctx).status


def test_a_token_may_be_replaced_near_its_expiry_but_not_before():
    assert judge("token-reused", token(0), entry(at=1), token(at=800, issued="tok-2")) == "passed"
    assert judge("token-reused", token(0), entry(at=1), token(at=700, issued="tok-2")) == "failed"


def test_a_refused_token_may_be_replaced_at_once():
    refused = entry(at=1, status=401, response_body={"data": {"reason": "expired_token"}})
    fresh = entry(at=2, token="tok-2")
    assert judge("token-reused", token(0), refused, token(at=2, issued="tok-2"), fresh) == "passed"
    assert judge("reauthenticates-after-401", token(0), refused, token(2, "tok-2"), fresh) == (
        "passed"
    )
    assert judge("reauthenticates-after-401", token(0), refused, entry(at=3)) == "failed"


def test_a_401_for_a_missing_app_key_asks_for_no_new_token():
    missing = entry(status=401, app_key=None, response_body={"data": {"reason": "missing_app_key"}})
    assert judge("reauthenticates-after-401", token(0), missing) == "not-exercised"
    assert judge("app-key-on-every-call", missing) == "failed"


def test_retry_after_is_measured_from_the_answer():
    hit = entry(at=0, status=429, response_headers={"retry-after": "2"})
    assert judge("waits-retry-after", hit, entry(at=2.02)) == "passed"
    assert judge("waits-retry-after", hit, entry(at=1.5)) == "failed"
    assert judge("waits-retry-after", entry()) == "not-exercised"


def test_retry_after_counts_from_when_a_slow_429_was_answered():
    # The 429 took a second to come back: a retry 2.5 s after it was sent is only 1.5 s after
    # the connector could have read Retry-After, so it did not wait; 3.1 s after the send did.
    slow = entry(at=0, duration_ms=1000.0, status=429, response_headers={"retry-after": "2"})
    assert judge("waits-retry-after", slow, entry(at=2.5)) == "failed"
    assert judge("waits-retry-after", slow, entry(at=3.1)) == "passed"


def test_a_failed_write_may_be_repeated_after_a_read():
    path = f"{CRM}/booking-provider/5/bookings"
    failed = entry(method="POST", path=path, status=503, request_body=None)
    again = entry(method="POST", path=path, request_body={"externalId": "x"})
    look = entry(method="GET", path=path, query={"externalId": "x"})
    assert judge("no-blind-write-retry", failed, look, again) == "passed"
    assert judge("no-blind-write-retry", failed, again) == "failed"
    # 429 means nothing happened: repeating at once is fine.
    throttled = entry(method="POST", path=path, status=429)
    assert judge("no-blind-write-retry", throttled, again) == "not-exercised"


def test_pages_are_grouped_by_their_filters():
    page = {"page": 1, "pageSize": 2, "data": [{}], "hasMore": True}
    last = {"page": 2, "pageSize": 2, "data": [{}], "hasMore": False}
    first = entry(query={"page": "1", "name": "a"}, response_body=page)
    second = entry(query={"page": "2", "name": "a"}, response_body=last)
    other = entry(query={"page": "1", "name": "b"}, response_body=page)
    assert judge("pages-read-to-the-end", first, second) == "passed"
    assert judge("pages-read-to-the-end", first, second, other) == "failed"


def test_an_export_may_start_over_once_caught_up():
    feed = f"{CRM}/export/customers"
    more = entry(path=feed, response_body={"hasMore": True, "continueFrom": "t1", "data": []})
    done = entry(
        path=feed, query={"from": "t1"},
        response_body={"hasMore": False, "continueFrom": "t2", "data": []},
    )  # fmt: skip
    restart = entry(path=feed, response_body={"hasMore": False, "continueFrom": "t3", "data": []})
    assert judge("export-follows-continuefrom", more, done, restart) == "passed"
    assert judge("export-follows-continuefrom", more, restart) == "failed"
    assert judge("export-follows-continuefrom", more) == "failed"  # left with hasMore: true


def test_journal_views_become_entries():
    view = {
        "id": 3, "time": "2025-01-01T12:00:00Z", "durationMs": 1.5, "kind": "api",
        "method": "GET", "path": f"{CRM}/customers", "query": "page=2&pageSize=", "status": 429,
        "tenantId": 7, "clientId": "cid.x", "appKey": "ak1.x",
        "token": {"fingerprint": "sha256:ab", "expiresAt": 1735733700},
        "operationId": "Customers_GetList", "fault": {"kind": "rate_limit", "retryAfter": 1},
        "request": {"headers": {}, "body": None, "bodySize": 0, "bodyTruncated": False},
        "response": {"headers": {"Retry-After": "1"}, "body": {"data": {}}, "bodySize": 2},
    }  # fmt: skip
    e = from_view(view)
    assert e.query == {"page": "2", "pageSize": ""}
    assert e.retry_after == 1.0 and e.token == "sha256:ab" and e.finished > e.started
    assert "#3 GET" in e.line() and "-> 429" in e.line()


def test_the_task_wants_exactly_one_booking_under_the_provider():
    external_id = make_lead("s", 1, 1).externalId
    reads = (
        entry(operation_id="Customers_GetList"),
        entry(path=f"{CRM}/export/customers", operation_id="ExportCustomers_GetCustomers"),
    )
    own = {"id": 1, "externalId": external_id, "bookingProviderId": 5}
    again = {**own, "id": 2}
    elsewhere = {**own, "id": 3, "bookingProviderId": 6}
    assert judge("task-completed", *reads, bookings=[own]) == "passed"
    assert judge("task-completed", *reads, bookings=[own, elsewhere]) == "passed"
    assert judge("task-completed", *reads, bookings=[own, again]) == "failed"  # a duplicate
    assert judge("task-completed", *reads, bookings=[]) == "failed"


def test_runs_merge_into_one_outcome_per_scenario():
    first = Evidence(1, "#1 GET /a", "one")
    second = Evidence(2, "#2 GET /b", "two")
    failed_a = Outcome("failed", (first,), "1 violation(s)")
    failed_b = Outcome("failed", (second,) * 20, "20 violation(s)")
    merged = merge([Outcome("passed"), failed_a, failed_b])
    # Any failed run fails the scenario; evidence is kept in run order, at most twenty pieces.
    assert merged.status == "failed"
    assert merged.evidence == (first, *(second,) * 19)
    assert merged.summary == "1 violation(s); 20 violation(s)"
    assert merge([Outcome("not-exercised"), Outcome("passed")]) == Outcome("passed")
    assert merge([Outcome("not-exercised")] * 2) == Outcome("not-exercised")
    assert first.to_json() == {"entry": 1, "request": "#1 GET /a", "note": "one"}


def test_run_checks_runs_the_named_checks_or_all():
    ctx = RunContext(
        scenario="s", run=1, tenant_id=7, app_key="ak1.x", client_id="cid.x",
        booking_provider_id=5, task=ConnectorTask("s", 1, make_lead("s", 1, 1)),
        entries=[entry(app_key=None)], exit_code=0, timed_out=False,
    )  # fmt: skip
    chosen = run_checks(ctx, ["app-key-on-every-call", "own-tenant-only"])
    assert {k: o.status for k, o in chosen.items()} == {
        "app-key-on-every-call": "failed",
        "own-tenant-only": "passed",
    }
    assert list(run_checks(ctx)) == list(CHECKS)


def test_a_failed_patch_may_be_repeated_after_reading_its_collection():
    record = f"{CRM}/customers/5"
    failed = entry(method="PATCH", path=record, status=502, request_body={"name": "x"})
    again = entry(method="PATCH", path=record, request_body={"name": "x"})
    assert judge("no-blind-write-retry", failed, entry(path=f"{CRM}/customers"), again) == "passed"
    assert judge("no-blind-write-retry", failed, entry(path=record), again) == "passed"
    # A read of something else is not a look at whether the write took effect.
    assert judge("no-blind-write-retry", failed, entry(path=f"{CRM}/leads"), again) == "failed"
    # A trailing slash on the write's path names the same record.
    slashed = entry(method="PATCH", path=f"{record}/", status=502, request_body={"name": "x"})
    slashed_again = entry(method="PATCH", path=f"{record}/", request_body={"name": "x"})
    look = entry(path=f"{CRM}/customers")
    assert judge("no-blind-write-retry", slashed, look, slashed_again) == "passed"


def test_a_read_elsewhere_does_not_excuse_a_repeated_booking():
    bookings = f"{CRM}/booking-provider/5/bookings"
    failed = entry(method="POST", path=bookings, status=503, request_body={"externalId": "x"})
    again = entry(method="POST", path=bookings, request_body={"externalId": "x"})
    assert judge("no-blind-write-retry", failed, entry(path=f"{CRM}/customers"), again) == "failed"
    # The tenant-wide bookings list is the same collection, seen without the provider segment.
    assert judge("no-blind-write-retry", failed, entry(path=f"{CRM}/bookings"), again) == "passed"


def test_only_the_same_write_again_counts_as_a_repeat():
    bookings = f"{CRM}/booking-provider/5/bookings"
    failed = entry(method="POST", path=bookings, status=503, request_body={"externalId": "x"})
    other_body = entry(method="POST", path=bookings, request_body={"externalId": "y"})
    other_path = entry(method="POST", path=f"{CRM}/leads", request_body={"externalId": "x"})
    other_method = entry(method="PATCH", path=bookings, request_body={"externalId": "x"})
    for later in (other_body, other_path, other_method):
        assert judge("no-blind-write-retry", failed, later) == "passed", later.method
    same = entry(method="POST", path=bookings, request_body={"externalId": "x"})
    assert judge("no-blind-write-retry", failed, same) == "failed"


def test_a_failed_check_names_each_violation_and_counts_them():
    missing = [entry(app_key=None) for _ in range(25)]
    ctx = RunContext(
        scenario="s", run=1, tenant_id=7, app_key="ak1.x", client_id="cid.x",
        booking_provider_id=5, task=ConnectorTask("s", 1, make_lead("s", 1, 1)),
        entries=missing, exit_code=0, timed_out=False,
    )  # fmt: skip
    outcome = CHECKS["app-key-on-every-call"](ctx)
    assert outcome.status == "failed" and outcome.summary == "25 violation(s)"
    # At most twenty pieces of evidence, each pointing at its journal entry.
    assert [e.entry for e in outcome.evidence] == [e.id for e in missing[:20]]
    assert [e.request for e in outcome.evidence] == [e.line() for e in missing[:20]]
    assert all(e.note for e in outcome.evidence)
    ctx.entries = [entry()]
    assert CHECKS["app-key-on-every-call"](ctx) == Outcome("passed")


def test_only_export_answers_count_as_an_export_feed():
    feed = f"{CRM}/export/customers"
    unknown = entry(path=feed, response_body=None)  # the journal did not keep the body
    not_a_batch = entry(path=feed, response_body={"data": []})
    page_like = entry(path=feed, response_body={"hasMore": True, "data": []})
    for e in (unknown, not_a_batch, page_like):
        assert judge("export-follows-continuefrom", e) == "not-exercised", e.response_body


def test_request_bodies_are_judged_by_their_operations_model():
    leads = f"{CRM}/leads"
    good = {"campaignId": 7, "summary": "Leaking", "callReasonId": 1}
    create = {"method": "POST", "path": leads, "operation_id": "Leads_Create"}
    assert judge("request-bodies-valid", entry(**create, request_body=good)) == "passed"
    bad = {**good, "campaignId": "7"}  # a string where the document says integer
    assert judge("request-bodies-valid", entry(**create, request_body=bad)) == "failed"
    # A read has no body model: nothing to judge.
    assert judge("request-bodies-valid", entry(operation_id="Leads_GetList")) == "not-exercised"
