"""A person acts through the inspector: a 429 fault whose hits rise, a clock moved until a token
expires, secrets generated (shown once) and deactivated, a connection disabled and enabled, a
tenant's rows looked at and reset."""

from __future__ import annotations

from typing import Any

import httpx
from playwright.sync_api import expect

from mockst.testing import take_token


def test_a_429_fault_added_from_the_form_counts_its_hits(
    page: Any, http: httpx.Client, onboard: Any
) -> None:
    creds = onboard()
    page.click("nav [data-tab=faults]")
    form = page.locator("#fault-form")
    form.locator("[name=operation]").fill("Customers_GetList")
    form.locator("[name=tenant]").fill(str(creds["tenantId"]))
    form.locator("[name=status]").select_option("429")
    form.locator("[name=retryAfter]").fill("2")
    form.get_by_role("button", name="Add rule").click()
    rule = page.locator("#faults tbody tr", has_text=str(creds["tenantId"]))
    expect(rule).to_contain_text("429, Retry-After 2")
    expect(rule.locator("[data-role=hits]")).to_have_text("0")
    hits = rule.locator("[data-role=hits]")
    for calls, expected in ((1, "1"), (2, "3")):  # the page follows the connector's calls
        for _ in range(calls):
            assert http.get(creds["customers"], headers=creds["headers"]).status_code == 429
        expect(hits).to_have_text(expected)
    page.click("nav [data-tab=journal]")
    expect(page.locator("#journal tbody tr", has_text="fault #").first).to_contain_text("429")
    page.click("nav [data-tab=faults]")
    page.click("#faults-clear")
    expect(page.locator("#faults tbody tr")).to_have_count(0)
    assert http.get(creds["customers"], headers=creds["headers"]).status_code == 200


def test_advancing_the_clock_expires_the_token(page: Any, http: httpx.Client, onboard: Any) -> None:
    creds = onboard()
    assert http.get(creds["customers"], headers=creds["headers"]).status_code == 200
    page.click("nav [data-tab=clock]")
    before = page.locator("#clock-big").inner_text()
    page.locator("#clock-advance [name=amount]").fill("16")
    page.locator("#clock-advance [name=unit]").select_option("60")
    page.get_by_role("button", name="Advance", exact=True).click()
    expect(page.locator("#clock-big")).not_to_have_text(before)
    assert http.get(creds["customers"], headers=creds["headers"]).status_code == 401
    page.click("nav [data-tab=journal]")
    expired = page.locator("#journal tbody tr", has_text="refused: expired_token")
    expect(expired).to_have_count(1)
    expect(expired).to_contain_text(str(creds["tenantId"]))

    page.click("nav [data-tab=clock]")
    expect(page.locator("#clock-big-frozen")).to_be_hidden()
    page.click("#clock-freeze")
    expect(page.locator("#clock-big-frozen")).to_be_visible()
    expect(page.locator("#clock-freeze")).to_have_text("Unfreeze")
    frozen_at = page.locator("#clock-big").inner_text()
    page.wait_for_timeout(1200)
    expect(page.locator("#clock-big")).to_have_text(frozen_at)
    page.click("#clock-freeze")
    expect(page.locator("#clock-big-frozen")).to_be_hidden()


def test_a_secret_is_shown_once_and_can_be_deactivated(
    page: Any, http: httpx.Client, onboard: Any
) -> None:
    creds = onboard()
    page.click("nav [data-tab=identity]")
    card = page.locator(f".connection[data-client-id='{creds['clientId']}']")
    expect(card.locator("tbody tr")).to_have_count(1)
    assert creds["clientSecret"] not in page.content()  # quickstart's, never shown here
    card.get_by_role("button", name="Generate secret").click()
    value = page.locator("#secret-once-value")
    expect(value).to_be_visible()
    secret = value.inner_text()
    assert secret and secret != creds["clientSecret"]
    assert take_token(http, creds["clientId"], secret)  # the value shown works
    expect(card.locator("tbody tr")).to_have_count(2)
    prefix = secret[:6]
    expect(card.locator("tbody tr").nth(1)).to_contain_text(prefix)
    page.click("#secret-once-done")
    expect(page.locator("#secret-once")).to_be_hidden()
    assert secret not in page.content()

    # Deactivate the new secret: it stops working, the other goes on.
    card.locator("tbody tr").nth(1).get_by_role("button", name="Deactivate").click()
    expect(card.locator("tbody tr").nth(1)).to_contain_text("deactivated")
    refused = http.post("/connect/token", data={"grant_type": "client_credentials",
                        "client_id": creds["clientId"], "client_secret": secret})  # fmt: skip
    assert refused.status_code == 400
    assert take_token(http, creds["clientId"], creds["clientSecret"])


def test_disabling_a_connection_refuses_its_calls_until_enabled(
    page: Any, http: httpx.Client, onboard: Any
) -> None:
    creds = onboard()
    page.click("nav [data-tab=identity]")
    card = page.locator(f".connection[data-client-id='{creds['clientId']}']")
    card.get_by_role("button", name="Disable").click()
    expect(card.locator("[data-role=status]")).to_have_text("disabled")
    assert http.get(creds["customers"], headers=creds["headers"]).status_code in (401, 403)
    card.get_by_role("button", name="Enable").click()
    expect(card.locator("[data-role=status]")).to_have_text("allowed")
    token = take_token(http, creds["clientId"], creds["clientSecret"])
    headers = {**creds["headers"], "Authorization": f"Bearer {token}"}
    assert http.get(creds["customers"], headers=headers).status_code == 200

    card.get_by_label("booking provider id").fill(str(creds["bookingProviderId"]))
    card.get_by_role("button", name="Set restriction").click()
    expect(card).to_contain_text(f"restricted to booking provider {creds['bookingProviderId']}")


def test_tenant_data_shows_counts_and_rows_and_resets(
    page: Any, http: httpx.Client, onboard: Any
) -> None:
    creds = onboard()
    tenant = creds["tenantId"]
    body = {"name": "Ada Lovelace", "type": "Residential", "address": _ADDRESS,
            "locations": [{"name": "Home", "address": _ADDRESS}]}  # fmt: skip
    assert http.post(creds["customers"], json=body, headers=creds["headers"]).status_code == 200
    page.click("nav [data-tab=data]")
    page.select_option("#data-tenant", str(tenant))
    customers = page.locator("#data-tables tbody tr[data-table=customers]")
    expect(customers).to_contain_text("1")
    customers.click()
    expect(page.locator("#data-rows")).to_contain_text("Ada Lovelace")

    page.click("#reset-tenant")
    expect(page.locator("#reset-confirm")).to_contain_text(str(tenant))
    page.click("#reset-confirm-no")
    expect(customers).to_be_visible()
    page.click("#reset-tenant")
    page.click("#reset-confirm-yes")
    expect(customers).to_have_count(0)
    listed = http.get(creds["customers"], headers=creds["headers"]).json()
    assert listed["totalCount"] == 0 or listed["data"] == []


_ADDRESS = {"street": "1 Main St", "city": "Austin", "state": "TX", "zip": "78701",
            "country": "USA"}  # fmt: skip
