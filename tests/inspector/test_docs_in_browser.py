"""The interactive API reference at ``/docs``, in real Chromium: it renders offline (no request
leaves the simulator), opens on CRM, switches to another family, and offers to authorize."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect


@pytest.fixture
def docs(browser: Any, simulator: str) -> Iterator[tuple[Any, list[str]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    elsewhere: list[str] = []

    def only_the_simulator(route: Any) -> None:
        if route.request.url.startswith(simulator):
            route.continue_()
        else:  # a CDN or any other host: the page must not need it
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_simulator)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{simulator}/docs")
    yield page, elsewhere
    context.close()
    assert not errors, f"the page's script failed: {errors}"


def test_the_reference_renders_offline_and_switches_family(docs: tuple[Any, list[str]]) -> None:
    page, elsewhere = docs
    expect(page.locator(".swagger-ui .opblock-summary-operation-id").first).to_be_visible()
    operations = page.locator(".swagger-ui .opblock-summary-operation-id")
    expect(operations.filter(has_text=re.compile(r"^Customers_GetList$"))).to_have_count(1)
    expect(page.get_by_role("button", name="Authorize")).to_be_visible()
    picker = page.locator(".topbar select")
    jpm = next(o for o in picker.locator("option").all_inner_texts() if "Job Planning" in o)
    picker.select_option(label=jpm)
    expect(operations.filter(has_text=re.compile(r"^Jobs_Create$"))).to_have_count(1)
    expect(operations.filter(has_text=re.compile(r"^Customers_GetList$"))).to_have_count(0)
    assert elsewhere == []
