"""Where the client connects and with which credentials.

The same connector code must run against production, ServiceTitan's integration (sandbox)
environment and a local simulator. The first two are named environments; anything else is given as
an explicit pair of URLs. Half a pair is refused: mixing a simulator's token server with the real
API (or the reverse) only ever fails later and more confusingly.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from .errors import ConfigurationError

__all__ = ["ENVIRONMENTS", "ClientConfig", "Environment", "config_from_env"]

Environment = Literal["production", "integration"]

#: Hosts of ServiceTitan's two environments (auth server, API gateway).
ENVIRONMENTS: dict[str, tuple[str, str]] = {
    "production": ("https://auth.servicetitan.io", "https://api.servicetitan.io"),
    "integration": (
        "https://auth-integration.servicetitan.io",
        "https://api-integration.servicetitan.io",
    ),
}


@dataclass(frozen=True)
class ClientConfig:
    """Validated connection settings. Secrets are kept out of ``repr`` so they never hit a log."""

    auth_url: str
    api_url: str
    tenant_id: int
    app_key: str = field(repr=False)
    client_id: str
    client_secret: str = field(repr=False)
    booking_provider_id: int | None = None

    @property
    def token_url(self) -> str:
        return f"{self.auth_url}/connect/token"

    @classmethod
    def build(
        cls,
        *,
        tenant_id: int | str,
        app_key: str,
        client_id: str,
        client_secret: str,
        environment: Environment | str | None = None,
        auth_url: str | None = None,
        api_url: str | None = None,
        booking_provider_id: int | str | None = None,
    ) -> ClientConfig:
        """Check and normalise constructor arguments; raise :class:`ConfigurationError`."""
        missing = [
            name
            for name, value in (
                ("tenant_id", tenant_id),
                ("app_key", app_key),
                ("client_id", client_id),
                ("client_secret", client_secret),
            )
            if value in (None, "")
        ]
        if missing:
            raise ConfigurationError(f"missing required setting(s): {', '.join(missing)}")
        resolved_auth, resolved_api = _resolve_urls(environment, auth_url, api_url)
        return cls(
            auth_url=resolved_auth,
            api_url=resolved_api,
            tenant_id=_as_id("tenant_id", tenant_id),
            app_key=app_key,
            client_id=client_id,
            client_secret=client_secret,
            booking_provider_id=(
                None
                if booking_provider_id in (None, "")
                else _as_id("booking_provider_id", booking_provider_id)
            ),
        )


def _resolve_urls(
    environment: str | None, auth_url: str | None, api_url: str | None
) -> tuple[str, str]:
    if auth_url or api_url:
        if not (auth_url and api_url):
            raise ConfigurationError("give both auth_url and api_url, or neither")
        if environment is not None:
            raise ConfigurationError("give either environment or auth_url/api_url, not both")
        return auth_url.rstrip("/"), api_url.rstrip("/")
    name = environment or "production"
    try:
        return ENVIRONMENTS[name]
    except KeyError:
        choices = ", ".join(sorted(ENVIRONMENTS))
        raise ConfigurationError(f"unknown environment {name!r} (choose {choices})") from None


def _as_id(name: str, value: int | str) -> int:
    # ServiceTitan ids are int64; an id with stray characters is a copy-paste mistake.
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ConfigurationError(f"{name} must be a number, got {value!r}") from None
    if number <= 0:
        raise ConfigurationError(f"{name} must be positive, got {number}")
    return number


def config_from_env(environ: Mapping[str, str] | None = None) -> ClientConfig:
    """Read the ``ST_*`` variables the contract kit (and most deployments) provide.

    ``ST_AUTH_URL`` + ``ST_API_URL`` win when present; otherwise ``ST_ENVIRONMENT``
    (default ``production``) picks ServiceTitan's hosts. ``ST_BOOKING_PROVIDER_ID`` is optional.
    """
    env = os.environ if environ is None else environ

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    required = ("ST_TENANT_ID", "ST_APP_KEY", "ST_CLIENT_ID", "ST_CLIENT_SECRET")
    missing = [name for name in required if get(name) is None]
    if missing:
        raise ConfigurationError(f"missing environment variable(s): {', '.join(missing)}")
    auth_url, api_url = get("ST_AUTH_URL"), get("ST_API_URL")
    explicit = auth_url is not None or api_url is not None
    return ClientConfig.build(
        tenant_id=get("ST_TENANT_ID") or "",
        app_key=get("ST_APP_KEY") or "",
        client_id=get("ST_CLIENT_ID") or "",
        client_secret=get("ST_CLIENT_SECRET") or "",
        environment=None if explicit else get("ST_ENVIRONMENT"),
        auth_url=auth_url,
        api_url=api_url,
        booking_provider_id=get("ST_BOOKING_PROVIDER_ID"),
    )
