"""One call for the whole onboarding a vendor guide walks through.

App with CRM and Settings scopes → tenant → booking provider tag → connection allowed (optionally
restricted to the tag) → client secret. Returns the five credentials a connector needs, plus the
booking provider id and the URLs.
"""

from __future__ import annotations

from typing import Any

from mockst.api.operation import TenantContext
from mockst.config import Config
from mockst.control.models import Quickstart
from mockst.crm.booking_provider_tags import create_tag
from mockst.identity import service
from mockst.store.world import World


def add_booking_provider_tag(world: World, tenant_id: int, name: str, description: str = "") -> int:
    with world.transaction():
        service.get_tenant(world, tenant_id)
        ctx = TenantContext(world, world.tenant_data(tenant_id), world.clock.now())
        return int(create_tag(ctx, name, description).id)


def quickstart(
    world: World,
    config: Config,
    request: Quickstart,
    base_url: str,
    *,
    app_key: str | None = None,
    client_id: str | None = None,
    secret: str | None = None,
) -> dict[str, Any]:
    """``app_key``, ``client_id`` and ``secret`` fix those values (the demo's stable
    credentials); left out, they are random as in the developer portal."""
    with world.transaction():
        app = service.create_app(
            world,
            request.appName,
            request.scopes,
            credential_mode=request.credentialMode,
            app_key=app_key,
        )
        tenant = service.create_tenant(
            world, request.tenantName, config.environment, request.tenantId
        )
        tag_id = add_booking_provider_tag(world, tenant.id, request.bookingProviderTag)
        connection = service.connect(world, app.id, tenant.id, client_id)
        restriction = tag_id if request.restrictToBookingProvider else None
        # A tenant-admin app gets its first secret when allowed: the fixed one is not used there.
        connection, value = service.allow(world, connection.client_id, restriction)
        if value is None:
            _, value = service.generate_secret(
                world, connection.client_id, config.max_active_secrets, value=secret
            )
    return credentials(world, config, connection.client_id, value, tag_id, base_url)


def credentials(
    world: World, config: Config, client_id: str, secret: str, tag_id: int, base_url: str
) -> dict[str, Any]:
    """What a connector is configured with, as the vendor guides list it."""
    connection = service.get_connection(world, client_id)
    app = service.get_app(world, connection.app_id)
    base = base_url.rstrip("/")
    return {
        "tenantId": connection.tenant_id,
        "appKey": app.app_key,
        "clientId": client_id,
        "clientSecret": secret,
        "bookingProviderId": tag_id,
        "environment": config.environment.value,
        "authUrl": base,
        "apiUrl": base,
        "tokenUrl": f"{base}/connect/token",
        "appId": app.id,
        "scopes": list(app.scopes),
    }
