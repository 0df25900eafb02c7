"""Request and response bodies of the control plane (``/_mock/…``), the simulator's own API."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from mockst.identity.model import App, ClientSecret, Connection, CredentialMode, Environment, Tenant


def every_scope() -> list[str]:
    """Every scope some family's operation asks for: what an app gets unless it names its own."""
    from mockst.api import registry  # the registry imports every family: not at import time

    return sorted(registry.scopes())


class ControlModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AppCreate(ControlModel):
    name: str = Field(min_length=1, max_length=200)
    scopes: list[str] = Field(default_factory=every_scope)
    organization: str = ""
    credentialMode: CredentialMode = CredentialMode.DEVELOPER


class AppScopes(ControlModel):
    scopes: list[str]


class TenantCreate(ControlModel):
    name: str = Field(min_length=1, max_length=200)
    environment: Environment | None = None  # default: the server's environment
    id: int | None = Field(default=None, ge=1, le=2**63 - 1)
    timeZone: str | None = Field(default=None, max_length=64)  # default America/Los_Angeles


class TenantTimeZone(ControlModel):
    timeZone: str = Field(min_length=1, max_length=64)


class TagCreate(ControlModel):
    tagName: str = Field(min_length=1, max_length=200)
    description: str = ""


class ConnectionCreate(ControlModel):
    appId: int
    tenantId: int
    allow: bool = True  # False leaves it "Not Connected Yet", as listing the tenant on the app does
    bookingProviderId: int | None = None


class Allow(ControlModel):
    bookingProviderId: int | None = None


class Restriction(ControlModel):
    bookingProviderId: int | None


class ClockAdvance(ControlModel):
    seconds: float = Field(ge=-10 * 365 * 86400, le=10 * 365 * 86400)


class ClockSet(ControlModel):
    now: str | None = None
    frozen: bool | None = None


class Quickstart(ControlModel):
    tenantName: str = Field(default="Demo Plumbing & HVAC", min_length=1, max_length=200)
    tenantId: int | None = Field(default=None, ge=1, le=2**63 - 1)
    appName: str = Field(default="My Integration", min_length=1, max_length=200)
    scopes: list[str] = Field(default_factory=every_scope)
    bookingProviderTag: str = Field(default="My Integration", min_length=1, max_length=200)
    restrictToBookingProvider: bool = False
    credentialMode: CredentialMode = CredentialMode.DEVELOPER


class TenantSeed(ControlModel):
    seed: int = Field(default=1, ge=0, le=2**31)
    customers: int = Field(default=300, ge=0, le=20_000)
    historyDays: int = Field(default=730, ge=1, le=3650)


# -- views -----------------------------------------------------------------------------------


def app_view(app: App) -> dict[str, Any]:
    return {
        "id": app.id,
        "name": app.name,
        "appKey": app.app_key,
        "organization": app.organization,
        "credentialMode": app.credential_mode.value,
        "version": app.version,
        "scopes": list(app.scopes),
        "createdOn": app.created_on,
    }


def tenant_view(tenant: Tenant) -> dict[str, Any]:
    return {
        "id": tenant.id,
        "name": tenant.name,
        "environment": tenant.environment.value,
        "createdOn": tenant.created_on,
        "timeZone": tenant.time_zone,
    }


def connection_view(
    connection: Connection, app: App, secrets: list[ClientSecret]
) -> dict[str, Any]:
    return {
        "clientId": connection.client_id,
        "appId": connection.app_id,
        "tenantId": connection.tenant_id,
        "status": connection.status.value,
        "acceptedVersion": connection.accepted_version,
        "appVersion": app.version,
        "scopes": list(app.scopes_of(connection.accepted_version))
        if connection.accepted_version
        else [],
        "bookingProviderId": connection.booking_provider_id,
        "createdOn": connection.created_on,
        "clientSecrets": [secret_view(s) for s in secrets],
    }


def secret_view(secret: ClientSecret) -> dict[str, Any]:
    return {
        "id": secret.id,
        "valuePrefix": secret.value_prefix,
        "createdOn": secret.created_on,
        "active": secret.active,
        "deactivatedOn": secret.deactivated_on,
    }
