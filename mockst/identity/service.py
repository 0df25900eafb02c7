"""The onboarding rules: apps, tenants, connections and client secrets.

Every function changes the world inside one transaction and raises ``ApiError`` (409 for a rule,
404 for an unknown id, 400 for bad values) before changing anything.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import string
from collections.abc import Iterable
from dataclasses import replace

from mockst.encoding import format_datetime
from mockst.errors import ApiError, conflict, field_error
from mockst.identity.model import (
    App,
    ClientSecret,
    Connection,
    ConnectionStatus,
    CredentialMode,
    Environment,
    Tenant,
)
from mockst.store.world import World

# Booking provider tags are CRM data of the tenant, but a connection's restriction points at one.
BOOKING_PROVIDER_TAGS = "booking_provider_tags"

SCOPE_PATTERN = re.compile(r"^tn\.[a-z]+\.[a-z-]+:[rw]$")
_LOWER_ALNUM = string.ascii_lowercase + string.digits


def _token(alphabet: str, length: int) -> str:
    return "".join(secrets.choice(alphabet) for _ in range(length))


def new_client_id() -> str:
    return "cid." + _token(_LOWER_ALNUM, 25)


def hash_secret(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _now(world: World) -> str:
    return format_datetime(world.clock.now())


def _check_scopes(scopes: Iterable[str]) -> tuple[str, ...]:
    result = tuple(dict.fromkeys(scopes))
    bad = [s for s in result if not isinstance(s, str) or not SCOPE_PATTERN.match(s)]
    if bad:
        raise field_error("scopes", f"Not a ServiceTitan scope (tn.<module>.<resource>:r|w): {bad}")
    return result


# -- lookups ---------------------------------------------------------------------------------


def get_app(world: World, app_id: int) -> App:
    app = world.get_identity("app", str(app_id))
    if app is None:
        raise ApiError(404, "App not found.", {"appId": [f"No app with id {app_id}."]})
    return app


def app_by_key(world: World, app_key: str) -> App | None:
    """The app with this key, through the world's index of key → record key (kept with every
    identity write): an unknown key costs one lookup, not a pass over every app."""
    found = world.app_keys.get(app_key)
    if found is None:
        return None
    app = world.identity["app"].get(found)
    return app if app is not None and app.app_key == app_key else None


def get_tenant(world: World, tenant_id: int) -> Tenant:
    tenant = world.get_identity("tenant", str(tenant_id))
    if tenant is None:
        raise ApiError(404, "Tenant not found.", {"tenantId": [f"No tenant with id {tenant_id}."]})
    return tenant


def get_connection(world: World, client_id: str) -> Connection:
    connection = world.get_identity("connection", client_id)
    if connection is None:
        raise ApiError(404, "Connection not found.", {"clientId": [f"No client id {client_id}."]})
    return connection


def secrets_of(world: World, client_id: str) -> list[ClientSecret]:
    records = world.identity["secret"]
    keys = world.secrets_by_client.get(client_id, ())
    return sorted((records[key] for key in keys), key=lambda s: s.id)


def connections_of_tenant(world: World, tenant_id: int) -> list[Connection]:
    records = world.identity["connection"]
    return [records[key] for key in world.connections_by_tenant.get(tenant_id, ())]


def active_secrets(world: World, client_id: str) -> list[ClientSecret]:
    return [s for s in secrets_of(world, client_id) if s.active]


# -- apps and tenants ------------------------------------------------------------------------


def create_app(
    world: World,
    name: str,
    scopes: Iterable[str],
    *,
    organization: str = "",
    credential_mode: CredentialMode = CredentialMode.DEVELOPER,
    app_key: str | None = None,
) -> App:
    """A new app; ``app_key`` fixes its key (the demo's stable credentials), else a random one."""
    checked = _check_scopes(scopes)
    with world.transaction():
        if app_key is not None and app_by_key(world, app_key) is not None:
            raise conflict(f"App key {app_key} is taken by another app.", "appKey")
        app = App(
            id=world.new_id(),
            name=name,
            app_key=app_key or "ak1." + _token(_LOWER_ALNUM, 22),
            organization=organization,
            credential_mode=credential_mode,
            versions=(checked,),
            created_on=_now(world),
        )
        world.put_identity("app", str(app.id), app)
        return app


def change_app_scopes(world: World, app_id: int, scopes: Iterable[str]) -> App:
    """A scope change is a new app version; tenants keep the old scopes until they accept it."""
    checked = _check_scopes(scopes)
    with world.transaction():
        app = get_app(world, app_id)
        if checked == app.scopes:
            return app
        app = replace(app, versions=(*app.versions, checked))
        world.put_identity("app", str(app.id), app)
        return app


def create_tenant(
    world: World,
    name: str,
    environment: Environment,
    tenant_id: int | None = None,
    time_zone: str | None = None,
) -> Tenant:
    with world.transaction():
        if tenant_id is not None and world.get_identity("tenant", str(tenant_id)) is not None:
            raise conflict(f"Tenant {tenant_id} already exists.", "tenantId")
        tenant = Tenant(
            id=tenant_id if tenant_id is not None else world.new_tenant_id(),
            name=name,
            environment=environment,
            created_on=_now(world),
        )
        if time_zone is not None:
            tenant = replace(tenant, time_zone=check_time_zone(time_zone))
        world.put_identity("tenant", str(tenant.id), tenant)
        world.tenant_data(tenant.id)
        return tenant


def check_time_zone(name: str) -> str:
    """An IANA time zone name (``America/Denver``), or a 400 naming ``timeZone``."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "America", a folder
        message = f"'{name}' is not a time zone (e.g. America/Denver)."
        raise field_error("timeZone", message) from None
    return name


def set_time_zone(world: World, tenant_id: int, name: str) -> Tenant:
    with world.transaction():
        tenant = replace(get_tenant(world, tenant_id), time_zone=check_time_zone(name))
        world.put_identity("tenant", str(tenant.id), tenant)
        return tenant


# -- connections -----------------------------------------------------------------------------


def _check_booking_provider(world: World, tenant_id: int, booking_provider_id: int | None) -> None:
    if booking_provider_id is None:
        return
    tags = world.tenant_data(tenant_id).table(BOOKING_PROVIDER_TAGS)
    if tags.get(booking_provider_id) is None:
        raise field_error(
            "bookingProviderId",
            f"Tenant {tenant_id} has no booking provider tag {booking_provider_id}.",
        )


def connect(world: World, app_id: int, tenant_id: int, client_id: str | None = None) -> Connection:
    """The developer lists the tenant on the app: a client id exists, "Not Connected Yet".

    ``client_id`` fixes the id (the demo's stable credentials), else a random one is made."""
    with world.transaction():
        get_app(world, app_id)
        get_tenant(world, tenant_id)
        for existing in connections_of_tenant(world, tenant_id):
            if existing.app_id == app_id:
                return existing
        if client_id is not None and world.get_identity("connection", client_id) is not None:
            raise conflict(f"Client id {client_id} is taken by another connection.", "clientId")
        connection = Connection(
            client_id=client_id or new_client_id(),
            app_id=app_id,
            tenant_id=tenant_id,
            status=ConnectionStatus.NOT_CONNECTED_YET,
            accepted_version=0,
            booking_provider_id=None,
            created_on=_now(world),
        )
        world.put_identity("connection", connection.client_id, connection)
        return connection


def allow(
    world: World, client_id: str, booking_provider_id: int | None = None
) -> tuple[Connection, str | None]:
    """The tenant admin clicks Allow Access: the current app version's scopes are accepted.

    With tenant-admin credential management the first secret is generated here; its value is
    returned (once) as the second item.
    """
    with world.transaction():
        connection = get_connection(world, client_id)
        _check_booking_provider(world, connection.tenant_id, booking_provider_id)
        app = get_app(world, connection.app_id)
        connection = replace(
            connection,
            status=ConnectionStatus.ALLOWED,
            accepted_version=app.version,
            booking_provider_id=booking_provider_id,
        )
        world.put_identity("connection", client_id, connection)
        value = None
        if app.credential_mode is CredentialMode.TENANT_ADMIN and not active_secrets(
            world, client_id
        ):
            _, value = generate_secret(world, client_id)
        return connection, value


def accept_app_version(world: World, client_id: str) -> Connection:
    """ "Upgrade to New Version": the tenant accepts the app's latest scopes."""
    with world.transaction():
        connection = get_connection(world, client_id)
        if connection.status is ConnectionStatus.NOT_CONNECTED_YET:
            raise conflict("The tenant has not allowed this app yet.", "clientId")
        app = get_app(world, connection.app_id)
        connection = replace(connection, accepted_version=app.version)
        world.put_identity("connection", client_id, connection)
        return connection


def set_enabled(world: World, client_id: str, enabled: bool) -> Connection:
    with world.transaction():
        connection = get_connection(world, client_id)
        if connection.status is ConnectionStatus.NOT_CONNECTED_YET:
            raise conflict("The tenant has not allowed this app yet.", "clientId")
        status = ConnectionStatus.ALLOWED if enabled else ConnectionStatus.DISABLED
        connection = replace(connection, status=status)
        world.put_identity("connection", client_id, connection)
        return connection


def restrict(world: World, client_id: str, booking_provider_id: int | None) -> Connection:
    with world.transaction():
        connection = get_connection(world, client_id)
        _check_booking_provider(world, connection.tenant_id, booking_provider_id)
        connection = replace(connection, booking_provider_id=booking_provider_id)
        world.put_identity("connection", client_id, connection)
        return connection


# -- client secrets --------------------------------------------------------------------------


def generate_secret(
    world: World, client_id: str, max_active: int = 2, value: str | None = None
) -> tuple[ClientSecret, str]:
    """A new secret; the value is returned here and never again. Refused at ``max_active``.

    ``value`` fixes the secret (the demo's stable credentials); only its hash is kept."""
    with world.transaction():
        connection = get_connection(world, client_id)
        if connection.status is ConnectionStatus.NOT_CONNECTED_YET:
            raise conflict(
                "Not Connected Yet: the tenant must allow the app before a secret is generated.",
                "clientId",
            )
        active = active_secrets(world, client_id)
        if len(active) >= max_active:
            raise conflict(
                f"Only {max_active} active secrets are allowed at a time; deactivate one first.",
                "clientSecret",
            )
        if value is None:
            slot = 1 if not any(s.value_prefix.startswith("cs1.") for s in active) else 2
            value = f"cs{slot}." + _token(string.ascii_letters + string.digits, 40)
        secret = ClientSecret(
            id=world.new_id(),
            client_id=client_id,
            value_hash=hash_secret(value),
            value_prefix=value[:8],
            created_on=_now(world),
        )
        world.put_identity("secret", str(secret.id), secret)
        return secret, value


def deactivate_secret(world: World, client_id: str, secret_id: int) -> ClientSecret:
    with world.transaction():
        secret = world.get_identity("secret", str(secret_id))
        if secret is None or secret.client_id != client_id:
            raise ApiError(404, "Client secret not found.", {"secretId": [str(secret_id)]})
        if secret.active:
            secret = replace(secret, active=False, deactivated_on=_now(world))
            world.put_identity("secret", str(secret.id), secret)
        return secret


def verify_secret(world: World, client_id: str, value: str) -> ClientSecret | None:
    digest = hash_secret(value)
    for secret in active_secrets(world, client_id):
        if hmac.compare_digest(secret.value_hash, digest):
            return secret
    return None
