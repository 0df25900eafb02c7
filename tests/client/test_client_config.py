"""Construction: environments, explicit URLs, from_env, and what is refused."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from fakes import API_URL, AUTH_URL, TENANT, FakeServiceTitan, credentials
from mockst_client import (
    AsyncServiceTitanClient,
    ClientConfig,
    ConfigurationError,
    ServiceTitanClient,
    config_from_env,
)

ENV = {
    "ST_AUTH_URL": "http://127.0.0.1:8080",
    "ST_API_URL": "http://127.0.0.1:8080/",
    "ST_TENANT_ID": "1234567",
    "ST_APP_KEY": "ak1.env",
    "ST_CLIENT_ID": "cid.env",
    "ST_CLIENT_SECRET": "cs1.env",
}

KEYS = {"tenant_id": 1, "app_key": "ak1.x", "client_id": "cid.x", "client_secret": "cs1.x"}


def test_from_env_with_explicit_urls() -> None:
    client = ServiceTitanClient.from_env(ENV)
    assert client.config.auth_url == "http://127.0.0.1:8080"
    assert client.config.token_url == "http://127.0.0.1:8080/connect/token"
    assert client.url("crm", "customers") == "http://127.0.0.1:8080/crm/v2/tenant/1234567/customers"
    assert client.tenant_id == 1234567
    assert client.booking_provider_id is None


def test_from_env_reads_the_booking_provider() -> None:
    client = ServiceTitanClient.from_env({**ENV, "ST_BOOKING_PROVIDER_ID": "77"})
    assert client.booking_provider_id == 77


def test_from_env_builds_the_async_twin_with_its_options() -> None:
    fake = FakeServiceTitan()
    fake.add_customers(3)
    keys = credentials()
    env = {
        "ST_AUTH_URL": keys["auth_url"],
        "ST_API_URL": keys["api_url"],
        "ST_TENANT_ID": str(keys["tenant_id"]),
        "ST_APP_KEY": keys["app_key"],
        "ST_CLIENT_ID": keys["client_id"],
        "ST_CLIENT_SECRET": keys["client_secret"],
        "ST_BOOKING_PROVIDER_ID": "77",
    }
    client = AsyncServiceTitanClient.from_env(
        env, booking_provider_id=78, transport=fake.async_transport(), clock=fake.clock
    )
    assert type(client) is AsyncServiceTitanClient
    assert client.booking_provider_id == 78  # the option wins over the variable

    async def read() -> dict[str, Any]:
        async with client:
            return await client.customers.get(2)  # the resource helpers call back into it

    assert asyncio.run(read())["name"] == "Customer 2"


def test_from_env_urls_win_over_environment() -> None:
    config = config_from_env({**ENV, "ST_ENVIRONMENT": "integration"})
    assert config.api_url == "http://127.0.0.1:8080"


@pytest.mark.parametrize(
    ("environment", "auth", "api"),
    [
        (None, "https://auth.servicetitan.io", "https://api.servicetitan.io"),
        ("production", "https://auth.servicetitan.io", "https://api.servicetitan.io"),
        (
            "integration",
            "https://auth-integration.servicetitan.io",
            "https://api-integration.servicetitan.io",
        ),
    ],
)
def test_named_environments(environment: str | None, auth: str, api: str) -> None:
    env = {k: v for k, v in ENV.items() if k not in ("ST_AUTH_URL", "ST_API_URL")}
    if environment:
        env["ST_ENVIRONMENT"] = environment
    config = config_from_env(env)
    assert (config.auth_url, config.api_url) == (auth, api)
    client = ServiceTitanClient(**KEYS, environment=environment)  # type: ignore[arg-type]
    assert client.config.api_url == api


def test_from_env_passes_options_through() -> None:
    fake = FakeServiceTitan()
    env = {
        "ST_AUTH_URL": AUTH_URL,
        "ST_API_URL": API_URL,
        "ST_TENANT_ID": str(TENANT),
        "ST_APP_KEY": credentials()["app_key"],
        "ST_CLIENT_ID": credentials()["client_id"],
        "ST_CLIENT_SECRET": credentials()["client_secret"],
    }
    with ServiceTitanClient.from_env(env, transport=fake.transport()) as client:
        client.customers.list()
    assert fake.token_requests == 1

    async def run() -> None:
        async with AsyncServiceTitanClient.from_env(env, transport=fake.async_transport()) as ac:
            await ac.customers.list()

    asyncio.run(run())
    assert fake.count("GET", "customers") == 2


def test_from_env_reads_os_environ_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    assert ServiceTitanClient.from_env().tenant_id == 1234567


def test_from_env_names_every_missing_variable() -> None:
    with pytest.raises(ConfigurationError) as caught:
        config_from_env({"ST_TENANT_ID": "1", "ST_APP_KEY": " "})
    message = str(caught.value)
    assert "ST_APP_KEY" in message and "ST_CLIENT_ID" in message and "ST_CLIENT_SECRET" in message
    assert "ST_TENANT_ID" not in message


@pytest.mark.parametrize(
    "bad",
    [
        {"auth_url": "http://x"},  # half a pair
        {"auth_url": "http://x", "api_url": "http://y", "environment": "production"},
        {"environment": "staging"},
        {"tenant_id": "12a"},
        {"tenant_id": 0},
        {"client_secret": ""},
        {"booking_provider_id": "abc"},
    ],
)
def test_contradictory_or_invalid_settings_are_refused(bad: dict) -> None:
    with pytest.raises(ConfigurationError):
        ServiceTitanClient(**{**KEYS, **bad})


def test_transport_and_http_client_are_exclusive() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    with httpx.Client() as http, pytest.raises(ConfigurationError):
        ServiceTitanClient(**KEYS, transport=transport, http_client=http)


def test_a_given_http_client_is_used_and_not_closed() -> None:
    fake = FakeServiceTitan()
    http = httpx.Client(transport=fake.transport())
    with ServiceTitanClient(**credentials(), http_client=http) as client:
        client.customers.list()
    assert not http.is_closed
    http.close()


def test_secrets_stay_out_of_reprs() -> None:
    config = ClientConfig.build(**KEYS, booking_provider_id=5)
    assert "cs1.x" not in repr(config) and "ak1.x" not in repr(config)
    with ServiceTitanClient(**KEYS) as client:
        assert "cs1.x" not in repr(client) and "ak1.x" not in repr(client)
        assert "tenant_id=1" in repr(client)
