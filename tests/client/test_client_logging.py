"""Logs say what happened (method, path, status, attempt, waits) and never leak a secret."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest
from fakes import (
    APP_KEY,
    CLIENT_SECRET,
    TOKEN_PREFIX,
    FakeServiceTitan,
    async_client,
    rate_limited,
    sync_client,
)
from mockst_client import ServerError, ServiceTitanError, TokenError
from mockst_client._log import REDACTED, redact

SECRETS = (APP_KEY, CLIENT_SECRET, TOKEN_PREFIX, "Bearer ")


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked into: {text}"


def everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    parts = [caplog.text]
    for record in caplog.records:
        parts += [record.getMessage(), repr(record.args), repr(record.__dict__)]
    return "\n".join(parts)


def test_full_cycle_logs_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, httpx's included
    fake = FakeServiceTitan()
    fake.add_customers(30)
    fake.script("GET", "customers", rate_limited("7"), 503)
    fake.script("POST", "token", 503)
    fake.script("POST", "leads", 500)
    client, sleeps = sync_client(fake)
    errors: list[Exception] = []

    list(client.customers.iter_all(page_size=10))  # token (after a 503), 429, 503, three pages
    fake.revoke_tokens()
    client.customers.get(1)  # 401, refresh, retry
    list(client.customers.export().rows())
    try:
        client.leads.create({"summary": "x"})  # 500 on a POST: raised, not retried
    except ServerError as exc:
        errors.append(exc)
    bad, _ = sync_client(fake, client_secret="cs1.wrong")
    try:
        bad.customers.list()
    except TokenError as exc:
        errors.append(exc)

    assert fake.token_requests == 4 and len(sleeps) == 3 and len(errors) == 2
    logged = everything_logged(caplog)
    assert_no_secret(logged)
    for error in errors:
        assert_no_secret(str(error))
        assert_no_secret(repr(error))
    assert_no_secret(repr(client))

    # ...and the logs are still useful.
    assert "customers: status 429; retrying in 7.00s (attempt 3 of 5)" in logged
    assert "GET /crm/v2/tenant/4242/customers: status 503" in logged
    assert "token endpoint status 503" in logged
    assert "401 on GET /crm/v2/tenant/4242/customers/1" in logged
    assert "obtained access token (expires_in=900.0s" in logged
    assert "-> 200 (attempt" in logged
    assert REDACTED in logged  # headers were formatted, values withheld


def test_async_cycle_logs_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FakeServiceTitan()
    fake.script("GET", "customers", rate_limited("1"), httpx.ConnectError("reset"))

    async def run() -> None:
        client, _ = async_client(fake)
        async with client:
            await client.customers.list()
            fake.revoke_tokens()
            await client.customers.list()

    asyncio.run(run())
    assert fake.token_requests == 2
    assert_no_secret(everything_logged(caplog))
    assert "ConnectError" in caplog.text


def test_redact_hides_sensitive_names_in_any_case() -> None:
    redacted = redact(
        [
            ("Authorization", "Bearer abc"),
            ("st-app-key", "ak1.x"),
            ("client_secret", "cs1.x"),
            ("ACCESS_TOKEN", "t"),
            ("client_id", "cid.x"),
        ]
    )
    assert redacted == {
        "Authorization": REDACTED,
        "st-app-key": REDACTED,
        "client_secret": REDACTED,
        "ACCESS_TOKEN": REDACTED,
        "client_id": "cid.x",
    }


def test_error_messages_do_not_echo_request_bodies() -> None:
    fake = FakeServiceTitan()
    fake.script("POST", "token", httpx.Response(400, text="bad request"))
    client, _ = sync_client(fake)
    with pytest.raises(ServiceTitanError) as caught:
        client.customers.list()
    assert_no_secret(str(caught.value))
