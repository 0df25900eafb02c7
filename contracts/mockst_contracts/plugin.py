"""pytest plugin (entry point ``mockst``): a simulator, tenants, the journal and the clock.

Fixtures:

``mockst_server`` (session)
    A simulator on a free port, in-process: ``.base_url``, ``.app``, ``.world``, ``.journal``,
    ``.faults``. Configured by the ``mockst_config`` fixture (override it; by default rate limits
    are off so property tests may call as fast as they like).
``st_tenant``
    A freshly onboarded tenant per test: ``.tenant_id``, ``.app_key``, ``.client_id``,
    ``.client_secret``, ``.booking_provider_id`` (the connection's), ``.other_provider_id``,
    ``.env()`` (the ``ST_*`` variables), ``.headers()`` (app key + a bearer token) and
    ``.client()`` (a ``mockst_client.ServiceTitanClient``).
``st_journal``
    The requests of this test's tenant, as ``JournalEntry`` items: ``.entries()``,
    ``.api()``, ``.tokens()``, each since the last ``.mark()`` (or the test's start), or since
    the mark given as ``since=``.
``st_clock``
    The simulator's clock: ``.now()``, ``.advance(seconds=0, minutes=0)``, ``.settle()`` (past
    the export feeds' recency wait), ``.freeze(at=None)``, ``.set(when, frozen=None)``,
    ``.restore()``; restored after each test.

Fault rules added during a test (``mockst_server.faults.add`` or ``POST /_mock/faults``) are
removed after it: the server is shared by the session.

Strategies for property tests are in ``mockst_contracts.strategies``. This module imports only
pytest at load time, so installing mockst without the contract kit's extras never breaks pytest.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest

_names = itertools.count(1)


@dataclass
class MockstServer:
    base_url: str
    app: Any

    @property
    def world(self) -> Any:
        return self.app.state.world

    @property
    def journal(self) -> Any:
        return self.app.state.journal

    @property
    def faults(self) -> Any:
        return self.app.state.faults


class TenantHandle:
    """A tenant onboarded for one test, and the credentials of its connection."""

    def __init__(self, server: MockstServer, tenant: Any) -> None:
        self._server = server
        self._tenant = tenant
        self._token: str | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tenant, name)

    def env(self, **extra: str) -> dict[str, str]:
        return {**self._tenant.env(), **extra}

    def headers(self) -> dict[str, str]:
        import httpx

        from mockst.testing import take_token

        if self._token is None:
            with httpx.Client(base_url=self._server.base_url) as http:
                self._token = take_token(http, self.client_id, self.client_secret)
        return {"ST-App-Key": self.app_key, "Authorization": f"Bearer {self._token}"}

    @property
    def crm(self) -> str:
        return self.family_url("crm")

    def family_url(self, family: str, version: str = "") -> str:
        """The tenant's base URL in an API family: ``family_url("jpm")`` ->
        ``…/jpm/v2/tenant/7``; Telecom carries its version in its paths: ``("telecom", "v3")``."""
        from mockst.api import registry

        server = registry.family(family).server
        version_part = f"/{version}" if version else ""
        return f"{self._server.base_url}{server}{version_part}/tenant/{self.tenant_id}"

    def client(self, **options: Any) -> Any:
        from mockst_client import ServiceTitanClient

        return ServiceTitanClient.from_env(self.env(), **options)


class JournalView:
    """The journal entries of one tenant since the test started, or since a mark.

    Set-up traffic (``st_tenant.client()`` creating what the connector will read) is journaled
    like the connector's own; ``mark()`` draws the line so that assertions judge only what
    follows it."""

    def __init__(self, journal: Any, tenant: TenantHandle, after_id: int) -> None:
        self._journal = journal
        self._tenant = tenant
        self.start = after_id  # the mark of the test's start
        self._after = after_id

    def mark(self) -> int:
        """From now on ``entries()``, ``api()`` and ``tokens()`` show only newer requests;
        returns the mark, for ``since=`` later."""
        from mockst_contracts.journal import last_id

        self._after = last_id(self._journal)
        return self._after

    def entries(self, since: int | None = None) -> list[Any]:
        """This tenant's requests after the mark ``since`` (default: the last ``mark()``, or
        the test's start; ``since=st_journal.start`` shows the whole test)."""
        from mockst_contracts.journal import entries_after

        tenant = str(self._tenant.tenant_id)
        after = self._after if since is None else since
        return [
            e
            for e in entries_after(self._journal, after)
            if str(e.tenant_id) == tenant or e.client_id == self._tenant.client_id
        ]

    def api(self, since: int | None = None) -> list[Any]:
        return [e for e in self.entries(since) if e.kind == "api"]

    def tokens(self, since: int | None = None) -> list[Any]:
        return [e for e in self.entries(since) if e.kind == "token"]


class ClockHandle:
    """The simulator's clock for one test; where it stood is restored after the test."""

    def __init__(self, world: Any, config: Any) -> None:
        self._clock = world.clock
        self._config = config
        self._saved = self._clock.snapshot()

    def now(self) -> datetime:
        return self._clock.now()

    def advance(self, seconds: float = 0, minutes: float = 0) -> datetime:
        return self._clock.advance(seconds + 60 * minutes)

    def settle(self) -> datetime:
        """Move past the export feeds' recency wait (``export_recent_seconds``, 15 minutes by
        default), so every row written so far is in the feeds. Tokens taken before then have
        expired too (they last as long): a connector must take a new one."""
        return self._clock.advance(self._config.export_recent_seconds + 1)

    def freeze(self, at: datetime | None = None) -> datetime:
        """Stop the clock (at ``at``, or now): stamps and expiries stand still until ``set``,
        ``advance`` or ``restore``."""
        return self._clock.set(at, frozen=True) if at is not None else self._clock.freeze()

    def set(self, when: datetime, frozen: bool | None = None) -> datetime:
        """Jump to ``when`` (timezone-aware); ``frozen`` None keeps the clock's mode."""
        return self._clock.set(when, frozen=frozen)

    def restore(self) -> datetime:
        """Back to where the clock stood when the test started, running or frozen as it was."""
        self._clock.restore(self._saved)
        return self._clock.now()


@pytest.fixture(scope="session")
def mockst_config() -> Any:
    """The simulator's configuration (override to change defaults, e.g. enable rate limits)."""
    from mockst.config import Config

    return Config(rate_limit=0, token_rate_limit=0)


@pytest.fixture(scope="session")
def mockst_server(mockst_config: Any) -> Iterator[MockstServer]:
    """A simulator on a free port for the whole session (``.base_url``, ``.app``, ``.world``)."""
    from mockst.app import create_app
    from mockst.store.world import World
    from mockst.testing import serve

    app = create_app(World(), mockst_config)
    with serve(app) as base_url:
        yield MockstServer(base_url, app)


@pytest.fixture
def st_tenant(mockst_server: MockstServer) -> TenantHandle:
    """A new tenant with an allowed connection, two booking providers and fresh credentials."""
    import httpx

    from mockst_contracts.provision import onboard

    with httpx.Client(base_url=mockst_server.base_url) as http:
        tenant = onboard(http, f"test tenant {next(_names)}")
    return TenantHandle(mockst_server, tenant)


@pytest.fixture
def st_schedule(mockst_server: MockstServer, st_tenant: TenantHandle) -> Any:
    """The tenant's scheduling world (``mockst_contracts.schedule.ScheduleHandle``): ``.load()``,
    ``.busy_week()``, ``.frame(day, window)``, ``.window``, ``.ids``. Empty until loaded."""
    from mockst_contracts.schedule import ScheduleHandle

    return ScheduleHandle(mockst_server.world, mockst_server.app.state.config, st_tenant.tenant_id)


@pytest.fixture
def st_journal(mockst_server: MockstServer, st_tenant: TenantHandle) -> JournalView:
    """The journal entries of this test's tenant (``.entries()``, ``.api()``, ``.tokens()``,
    since ``.mark()``)."""
    from mockst_contracts.journal import last_id

    return JournalView(mockst_server.journal, st_tenant, last_id(mockst_server.journal))


@pytest.fixture
def st_clock(mockst_server: MockstServer) -> Iterator[ClockHandle]:
    """The simulator's clock: ``.now()``, ``.advance()``, ``.settle()``, ``.freeze()``,
    ``.set()``, ``.restore()``; restored after the test, so the next one starts unmoved."""
    handle = ClockHandle(mockst_server.world, mockst_server.app.state.config)
    yield handle
    handle.restore()


@pytest.fixture(autouse=True)
def _mockst_faults_cleared(request: pytest.FixtureRequest) -> Iterator[None]:
    """Remove the fault rules a test added: the server, and so its schedule, is the session's.

    Autouse, but it touches nothing in a test that does not use the simulator."""
    if "mockst_server" not in request.fixturenames:
        yield
        return
    faults = request.getfixturevalue("mockst_server").faults
    before = {rule.id for rule in faults.rules}
    yield
    for rule in list(faults.rules):
        if rule.id not in before:
            faults.remove(rule.id)
