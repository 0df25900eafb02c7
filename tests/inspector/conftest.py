"""Browser tests of the inspector: real Chromium, driven by Playwright, over a real socket.

The browser is Debian's ``chromium`` (``.ci/run`` installs it), so Playwright downloads nothing.
One browser per module keeps the walk fast; each test opens its own page and onboards its own
tenant on the module's simulator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from mockst.app import create_app
from mockst.config import Config
from mockst.testing import api_headers, chromium_executable, serve, take_token

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (the test extra has it)"
)

TIMEOUT_MS = 5000


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_executable()
    if executable is None:
        pytest.skip("no Chromium executable (apt-get install chromium, or set MOCKST_CHROMIUM)")
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def simulator() -> Iterator[str]:
    # Rate limits off: a test's bursts are not what it checks.
    with serve(create_app(config=Config(rate_limit=0))) as url:
        yield url


@pytest.fixture
def http(simulator: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=simulator, timeout=10) as client:
        yield client


@pytest.fixture
def onboard(http: httpx.Client) -> Callable[..., dict[str, Any]]:
    """A quickstarted tenant with a token and ready API headers."""

    def run(**options: Any) -> dict[str, Any]:
        creds = http.post("/_mock/quickstart", json=options).raise_for_status().json()
        creds["token"] = take_token(http, creds["clientId"], creds["clientSecret"])
        creds["headers"] = api_headers(creds, creds["token"])
        creds["customers"] = f"/crm/v2/tenant/{creds['tenantId']}/customers"
        return creds

    return run


@pytest.fixture
def page(browser: Any, simulator: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    opened.set_default_timeout(TIMEOUT_MS)
    playwright_api.expect.set_options(timeout=TIMEOUT_MS)
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.goto(f"{simulator}/_mock/ui")
    yield opened
    context.close()
    assert not errors, f"the page's script failed: {errors}"
