"""The page behind a control token, and at the two sizes people keep it open at."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from mockst.app import create_app
from mockst.testing import api_headers, serve, take_token

TOKEN = "inspector-control-token"


@pytest.fixture(scope="module")
def locked() -> Iterator[str]:
    with serve(create_app(control_token=TOKEN)) as url:
        yield url


def test_with_a_control_token_the_page_asks_for_it_and_then_works(
    browser: Any, locked: str
) -> None:
    lock = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=locked, timeout=10) as http:
        creds = http.post("/_mock/quickstart", json={}, headers=lock).json()
        token = take_token(http, creds["clientId"], creds["clientSecret"])
        tags = f"/crm/v2/tenant/{creds['tenantId']}/booking-provider-tags"
        http.get(tags, headers=api_headers(creds, token))
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(f"{locked}/_mock/ui")  # the page's own files need no token: they hold no data
        expect(page.locator("#token-bar")).to_be_visible()
        expect(page.locator("#journal tbody tr")).to_have_count(0)
        page.fill("#token-input", "wrong")
        page.click("#token-form button")
        expect(page.locator("#token-error")).to_have_text("That token was refused.")
        page.fill("#token-input", TOKEN)
        page.click("#token-form button")
        expect(page.locator("#token-bar")).to_be_hidden()
        listed = page.locator("#journal tbody tr", has_text="BookingProviderTags_GetList")
        expect(listed).to_have_count(1)
        # The token lives in this tab's session storage only, and every call carries it.
        stored = page.evaluate("sessionStorage.getItem('mockst.controlToken')")
        assert stored == TOKEN
        assert page.evaluate("localStorage.length") == 0
        page.click("nav [data-tab=clock]")
        page.click("[data-advance='60']")
        expect(page.locator("#status")).to_have_text("Advance 60 s: done")
        context.close()


def test_the_page_is_framed_by_nobody_and_runs_only_its_own_script(simulator: str) -> None:
    page = httpx.get(f"{simulator}/_mock/ui")
    assert page.status_code == 200
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    assert httpx.get(f"{simulator}/_mock/ui/secrets.txt").status_code == 404
    assert 'href="/_mock/ui"' in httpx.get(f"{simulator}/").text


@pytest.mark.parametrize("width", [1280, 800])
def test_usable_at_1280_and_800_wide(
    browser: Any, simulator: str, onboard: Any, http: httpx.Client, width: int
) -> None:
    creds = onboard()
    http.get(creds["customers"], headers=creds["headers"])
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{simulator}/_mock/ui")
    row = page.locator("#journal tbody tr", has_text="Customers_GetList").first
    expect(row).to_be_visible()
    row.click()
    expect(page.locator("#exchange")).to_be_visible()
    for tab in ("journal", "identity", "clock", "faults", "data"):
        page.click(f"nav [data-tab={tab}]")
        expect(page.locator(f"#tab-{tab}")).to_be_visible()
        # Nothing runs off the side of the window: no sideways scrolling of the page.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{tab} is {overflow} px too wide at {width}"
    page.click("nav [data-tab=journal]")
    exchange = page.locator("#exchange").bounding_box()
    listing = page.locator(".journal-list").bounding_box()
    assert exchange and listing
    if width >= 1100:  # side by side, both in the first screen
        assert exchange["x"] > listing["x"] + listing["width"] - 1
    else:  # stacked, the opened exchange first
        assert exchange["y"] < listing["y"]
    assert exchange["x"] + exchange["width"] <= width
    context.close()
