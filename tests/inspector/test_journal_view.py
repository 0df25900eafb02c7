"""A person watches a connector run in the inspector: its calls appear, newest first, a refused
call says why, the filters narrow the view, and the token never shows."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx
from playwright.sync_api import expect


def _connector(base_url: str, creds: dict[str, Any], calls: int, done: threading.Event) -> None:
    """A connector at work: a token, then a page of customers every tenth of a second."""
    with httpx.Client(base_url=base_url, timeout=10) as client:
        for _ in range(calls):
            client.get(creds["customers"], headers=creds["headers"], params={"pageSize": 5})
            time.sleep(0.1)
    done.set()


def test_a_connectors_calls_appear_while_it_runs(page: Any, simulator: str, onboard: Any) -> None:
    creds = onboard()
    rows = page.locator("#journal tbody tr", has_text="Customers_GetList")
    done = threading.Event()
    worker = threading.Thread(target=_connector, args=(simulator, creds, 15, done))
    worker.start()
    try:
        expect(rows.first).to_be_visible()  # the first calls show before the last are made
        assert not done.is_set(), "the calls should show while the connector still runs"
    finally:
        worker.join()
    expect(rows).to_have_count(15)
    ids = [
        int(i)
        for i in page.locator("#journal tbody tr").evaluate_all(
            "rows => rows.map(r => r.dataset.id)"
        )
    ]
    assert ids == sorted(ids, reverse=True), "newest first"
    first = rows.first
    expect(first).to_contain_text(f"GET {creds['customers']}?pageSize=5")
    expect(first).to_contain_text("200")
    expect(first).to_contain_text(str(creds["tenantId"]))
    expect(first).to_contain_text(creds["clientId"])


def test_a_refused_call_opens_with_its_reason_and_no_token(
    page: Any, http: httpx.Client, onboard: Any
) -> None:
    creds = onboard()
    forged = {**creds["headers"], "Authorization": "Bearer not-a-token"}
    assert http.get(creds["customers"], headers=forged).status_code == 401
    refused = page.locator("#journal tbody tr", has_text="refused: invalid_token")
    expect(refused).to_have_count(1)
    refused.click()
    expect(page.locator("#exchange")).to_be_visible()
    expect(page.locator("#exchange-reason")).to_have_text("invalid_token")
    expect(page.locator("#exchange-body")).to_contain_text(creds["appKey"])
    # The whole exchange as the journal keeps it: the response's problem body is there.
    expect(page.locator("#exchange-body")).to_contain_text('"reason": "invalid_token"')

    # A good call shows the token only as its fingerprint.
    assert http.get(creds["customers"], headers=creds["headers"]).status_code == 200
    good = page.locator("#journal tbody tr", has_text="Customers_GetList").filter(has_text="200")
    good.first.click()
    expect(page.locator("#exchange-title")).to_contain_text("GET /crm/v2/tenant/")
    expect(page.locator("#exchange-body")).to_contain_text("Response body")
    assert creds["token"] not in page.content()
    assert creds["clientSecret"] not in page.content()


def test_filters_narrow_the_journal(page: Any, http: httpx.Client, onboard: Any) -> None:
    mine, other = onboard(), onboard()
    for creds in (mine, other):
        http.get(creds["customers"], headers=creds["headers"])
    http.get(mine["customers"], headers={"ST-App-Key": mine["appKey"]})  # no token: 401
    page.fill("#journal-filters [name=tenant]", str(mine["tenantId"]))
    rows = page.locator("#journal tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text=str(other["tenantId"]))).to_have_count(0)
    page.select_option("#journal-filters [name=status]", "4xx")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("401")
    page.select_option("#journal-filters [name=status]", "")
    page.fill("#journal-filters [name=tenant]", "")
    page.fill("#journal-filters [name=clientId]", other["clientId"])
    expect(rows.filter(has_text="Customers_GetList")).to_have_count(1)
    expect(rows.filter(has_text=str(mine["tenantId"]))).to_have_count(0)
    page.fill("#journal-filters [name=clientId]", "")
    page.fill("#journal-filters [name=tenant]", str(mine["tenantId"]))
    page.fill("#journal-filters [name=operation]", "Customers_GetList")
    expect(rows).to_have_count(2)  # its call and the refused one; not the token's
