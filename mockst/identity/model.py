"""What the developer portal and a tenant's settings hold, as plain data.

The onboarding every vendor guide walks through is clicks in two UIs; these records are what those
clicks leave behind. They are frozen: a change makes a new record, which keeps undo and persistence
simple.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from typing import Any, TypeVar


class Environment(StrEnum):
    PRODUCTION = "production"
    INTEGRATION = "integration"


class CredentialMode(StrEnum):
    """Who generates client secrets (the portal's "Client Credentials Management" choice)."""

    TENANT_ADMIN = "tenantAdmin"  # the pair is generated when the tenant admin allows the app
    DEVELOPER = "developer"  # "I, the app developer, will configure the credentials…"


class ConnectionStatus(StrEnum):
    NOT_CONNECTED_YET = "notConnectedYet"
    ALLOWED = "allowed"
    DISABLED = "disabled"


@dataclass(frozen=True)
class App:
    id: int
    name: str
    app_key: str
    organization: str
    credential_mode: CredentialMode
    # Scopes of every version; a scope change appends a version that each tenant must accept.
    versions: tuple[tuple[str, ...], ...]
    created_on: str

    @property
    def version(self) -> int:
        return len(self.versions)

    @property
    def scopes(self) -> tuple[str, ...]:
        return self.versions[-1]

    def scopes_of(self, version: int) -> tuple[str, ...]:
        return self.versions[version - 1]


@dataclass(frozen=True)
class Tenant:
    id: int
    name: str
    environment: Environment
    created_on: str
    # Where the business is: capacity frames are its local days and hours (an IANA name). Not
    # US/Eastern on purpose: a connector that reads local times as UTC shows it at once.
    time_zone: str = "America/Los_Angeles"


@dataclass(frozen=True)
class Connection:
    """An app allowed (or about to be) on one tenant; owns the client id."""

    client_id: str
    app_id: int
    tenant_id: int
    status: ConnectionStatus
    accepted_version: int  # 0 until the tenant first allows the app
    booking_provider_id: int | None  # "Restriction by booking provider": None = no restriction
    created_on: str


@dataclass(frozen=True)
class ClientSecret:
    id: int
    client_id: str
    value_hash: str  # the value itself is shown once, at generation, and never stored
    value_prefix: str
    created_on: str
    active: bool = True
    deactivated_on: str | None = None


T = TypeVar("T")


def to_json(record: Any) -> dict[str, Any]:
    return asdict(record)


def from_json(kind: type[T], data: dict[str, Any]) -> T:
    values = dict(data)
    for f in fields(kind):  # type: ignore[arg-type]
        if f.name == "versions":
            values[f.name] = tuple(tuple(v) for v in values[f.name])
        elif f.name in ("environment", "credential_mode", "status"):
            values[f.name] = {
                "environment": Environment,
                "credential_mode": CredentialMode,
                "status": ConnectionStatus,
            }[f.name](values[f.name])
    return kind(**values)


IDENTITY_KINDS: dict[str, type[Any]] = {
    "app": App,
    "tenant": Tenant,
    "connection": Connection,
    "secret": ClientSecret,
}
IDENTITY_KEYS: dict[str, str] = {
    "app": "id",
    "tenant": "id",
    "connection": "client_id",
    "secret": "id",
}
