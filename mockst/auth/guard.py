"""The guard in front of every CRM and Settings operation.

It answers one question — may this caller make this call? — from headers and the identity world
alone, in the order a gateway would: app key, then bearer token, then the connection behind it,
then environment, tenant, scope and booking-provider restriction. Each refusal is a named case
whose status comes from ``Config.auth_errors``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Literal, NamedTuple

from mockst.auth import tokens
from mockst.config import Config
from mockst.encoding import parse_datetime
from mockst.errors import ApiError
from mockst.identity import service
from mockst.identity.model import App, ClientSecret, Connection, ConnectionStatus, Tenant
from mockst.store.world import World

BookingScope = Literal["provider", "tenant"] | None

TITLES: dict[str, str] = {
    "missing_app_key": "Application key not present, check ST-App-Key header value.",
    "invalid_app_key": "Access denied due to invalid ST-App-Key.",
    "app_key_mismatch": "The ST-App-Key does not belong to the application of this token.",
    "missing_token": "Access denied due to missing access token.",
    "invalid_token": "The access token is invalid.",
    "expired_token": "The access token has expired.",
    "environment_mismatch": "The access token was issued for another environment.",
    "tenant_mismatch": "The access token was not issued for this tenant.",
    "insufficient_scope": "The token does not grant the scope this operation needs.",
    "booking_provider_restricted": "The connection is restricted to another booking provider.",
}


class Principal(NamedTuple):
    """Who is calling: the connection the token was issued to, and what it may do. (A named
    tuple: one is made on every API call.)"""

    connection: Connection
    app: App
    tenant: Tenant
    scopes: frozenset[str]
    token: tokens.TokenClaims


def refuse(config: Config, case: str, detail: str | None = None) -> ApiError:
    status = config.auth_errors[case]
    title = TITLES[case]
    headers = {}
    if status == 401:
        code = "insufficient_scope" if case == "insufficient_scope" else "invalid_token"
        headers["WWW-Authenticate"] = f'Bearer error="{code}", error_description="{title}"'
    error = ApiError(status, title, {"authorization": [detail or title]}, headers=headers)
    error.data = {"reason": case}
    return error


def _bearer(config: Config, header: str) -> str | None:
    header = header.strip()
    if not header:
        return None
    scheme, _, rest = header.partition(" ")
    if scheme.lower() == "bearer":
        return rest.strip() or None
    return header if config.accept_raw_token and " " not in header else None


class _Grant(NamedTuple):
    """A past yes, and what it rested on."""

    principal: Principal
    config: Config
    signing_key: str
    app_record: str  # the app's and the tenant's keys among the world's identity records
    tenant_record: str
    # With revoke_tokens_on_secret_deactivation: the client's secrets as they were (record key,
    # record), and how many secrets the world held. Deactivating one replaces its record; a new
    # secret (which could be deactivated next) changes the count. None: secrets do not matter.
    secrets: tuple[tuple[str, ClientSecret], ...] | None
    secret_count: int


# A connector sends the same app key and token for fifteen minutes: the guard's answer is kept
# per (headers, tenant, scope, booking provider) and given again while the records it rested on
# are the same objects (identity records are immutable: any change replaces them) and the token
# is within its lifetime. Refusals are never kept: they are recomputed, so each names its case.
MAX_GRANTS = 4096


def authorize(
    world: World,
    config: Config,
    headers: Mapping[str, str],
    path_tenant: int,
    scope: str,
    booking: BookingScope = None,
    booking_provider: int | None = None,
    now: datetime | None = None,
) -> Principal:
    """Who calls, or the refusal. ``now`` is the call's instant on the simulator clock (read
    here when not given)."""
    instant = now.timestamp() if now is not None else world.clock.timestamp()
    key = (
        headers.get("st-app-key"),
        headers.get("authorization"),
        path_tenant,
        scope,
        booking,
        booking_provider,
    )
    with world.reading():
        grant = world.grants.get(key)
        if grant is not None and _still_good(world, config, grant, instant):
            return grant.principal
        principal = _authorize(
            world, config, headers, path_tenant, scope, booking, booking_provider, instant
        )
        if len(world.grants) >= MAX_GRANTS:
            world.grants.clear()
        secrets = None
        if config.revoke_tokens_on_secret_deactivation:
            client_id = principal.connection.client_id
            secrets = tuple((str(s.id), s) for s in service.secrets_of(world, client_id))
        world.grants[key] = _Grant(
            principal,
            config,
            world.signing_key,
            world.app_keys[principal.app.app_key],
            str(principal.tenant.id),
            secrets,
            len(world.identity["secret"]),
        )
        return principal


def _still_good(world: World, config: Config, grant: _Grant, instant: float) -> bool:
    principal = grant.principal
    identity = world.identity
    return (
        grant.config is config
        and grant.signing_key == world.signing_key
        and principal.token.issued_at <= instant < principal.token.expires_at
        and identity["connection"].get(principal.connection.client_id) is principal.connection
        and identity["app"].get(grant.app_record) is principal.app
        and identity["tenant"].get(grant.tenant_record) is principal.tenant
        and (grant.secrets is None or _same_secrets(identity["secret"], grant))
    )


def _same_secrets(records: Mapping[str, ClientSecret], grant: _Grant) -> bool:
    assert grant.secrets is not None
    return len(records) == grant.secret_count and all(
        records.get(key) is record for key, record in grant.secrets
    )


def _authorize(
    world: World,
    config: Config,
    headers: Mapping[str, str],
    path_tenant: int,
    scope: str,
    booking: BookingScope,
    booking_provider: int | None,
    instant: float,
) -> Principal:
    """The guard's checks in a gateway's order; the caller holds the world's lock."""
    app_key = headers.get("st-app-key", "").strip()
    if not app_key:
        raise refuse(config, "missing_app_key")
    key_app = service.app_by_key(world, app_key)
    if key_app is None:
        raise refuse(config, "invalid_app_key")
    raw = _bearer(config, headers.get("authorization", ""))
    if raw is None:
        raise refuse(config, "missing_token")
    try:
        claims = tokens.verify(world.signing_key, raw, instant)
    except tokens.TokenRejected as exc:
        raise refuse(config, exc.case, exc.message) from None
    connection: Connection | None = world.get_identity("connection", claims.client_id)
    if connection is None or (
        config.revoke_tokens_on_disable and connection.status is not ConnectionStatus.ALLOWED
    ):
        raise refuse(config, "invalid_token", "The connection of this token is not allowed.")
    if config.revoke_tokens_on_secret_deactivation and _revoked_by_secret(world, claims):
        raise refuse(config, "invalid_token", "A client secret was deactivated since issue.")
    if connection.app_id != key_app.id:
        raise refuse(config, "app_key_mismatch")
    tenant = service.get_tenant(world, connection.tenant_id)
    if tenant.environment != config.environment:
        raise refuse(config, "environment_mismatch")
    if claims.tenant != path_tenant or connection.tenant_id != path_tenant:
        raise refuse(
            config,
            "tenant_mismatch",
            f"Token for tenant {claims.tenant}; path names tenant {path_tenant}.",
        )
    if scope not in claims.scopes:
        raise refuse(config, "insufficient_scope", f"This operation needs scope {scope}.")
    restriction = connection.booking_provider_id
    if restriction is not None:
        if booking == "provider" and booking_provider != restriction:
            raise refuse(
                config,
                "booking_provider_restricted",
                f"This connection may use booking provider {restriction} only.",
            )
        if booking == "tenant" and config.restricted_tenant_bookings == "deny":
            raise refuse(
                config,
                "booking_provider_restricted",
                "Tenant-scoped booking paths need a connection with No Restriction.",
            )
    return Principal(connection, key_app, tenant, claims.scopes, claims)


def _revoked_by_secret(world: World, claims: tokens.TokenClaims) -> bool:
    for secret in service.secrets_of(world, claims.client_id):
        if (
            secret.deactivated_on
            and parse_datetime(secret.deactivated_on).timestamp() >= claims.issued_at
        ):
            return True
    return False
