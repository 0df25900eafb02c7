"""How a ServiceTitan operation is declared.

An ``Operation`` is everything the simulator knows about one official operation: its id, method,
path, scope, parameters, body and response models, declared errors, and the handler that applies
its rules. Routing, the guard, binding, the OpenAPI document and the coverage report all read the
same declaration, so none of them can drift from another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from mockst.api.family import DEFAULT_BASE, Family
from mockst.api.params import Param

if TYPE_CHECKING:
    from mockst.auth.guard import Principal
    from mockst.config import Config
    from mockst.store.table import Table
    from mockst.store.world import TenantData, World

# -- response shapes -------------------------------------------------------------------------


@dataclass(frozen=True)
class One:
    """A single object of ``model``."""

    model: type[BaseModel]


@dataclass(frozen=True)
class Page:
    """``PaginatedResponse_Of_<model>``: {page, pageSize, hasMore, totalCount, data}."""

    model: type[BaseModel]


@dataclass(frozen=True)
class Export:
    """``ExportResponse_Of_<model>``: {hasMore, continueFrom, data}."""

    model: type[BaseModel]


@dataclass(frozen=True)
class Many:
    """A bare JSON array of ``model``."""

    model: type[BaseModel]


@dataclass(frozen=True)
class Raw:
    """A bare JSON value described by ``schema`` (e.g. a nullable integer)."""

    schema: dict[str, Any]


@dataclass(frozen=True)
class Empty:
    """No body, as the official deletes and dismisses answer."""


@dataclass(frozen=True)
class Stream:
    """Bytes of ``media_type`` (a call recording): the handler returns ``bytes``."""

    media_type: str = "application/octet-stream"


Shape = One | Page | Export | Many | Raw | Empty | Stream


# -- the call a handler sees ------------------------------------------------------------------


@dataclass(slots=True)  # one per API call: slots make it cheaper to build and to read
class TenantContext:
    """One tenant's data at one instant: enough to read and change rows (control plane, seeds)."""

    world: World
    tenant: TenantData
    now: datetime

    @property
    def tenant_id(self) -> int:
        return self.tenant.tenant_id

    def table(self, name: str) -> Table:
        return self.tenant.table(name)


@dataclass(slots=True)
class Call(TenantContext):
    """A tenant context plus the caller and the bound request: what a handler sees."""

    config: Config
    principal: Principal
    path: dict[str, Any]
    query: dict[str, Any]
    body: Any


Handler = Callable[[Call], Any]


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    family: Family
    path: str  # relative to the tenant, e.g. "/customers/{id}"
    scope: str
    handler: Handler
    tag: str
    summary: str
    response: Shape = field(default_factory=Empty)
    path_params: tuple[Param, ...] = ()
    query: tuple[Param, ...] = ()
    body: type[BaseModel] | None = None
    body_required: bool = True
    errors: tuple[int, ...] = (400,)
    status: int = 200  # the success status the official document declares (201 creates…)
    # "provider": under /booking-provider/{booking_provider}; "tenant": tenant-scoped bookings.
    booking: Literal["provider", "tenant"] | None = None
    # Where the tenant sits under the family's server: "/tenant/{tenant}", or with a version where
    # the document's paths carry one (Telecom: "/v3/tenant/{tenant}").
    base: str = DEFAULT_BASE
    # Declared from the official document but not simulated yet: routed, guarded and documented,
    # answered by a placeholder (an empty page for lists, else 501). Coverage counts it planned.
    planned: bool = False
    # The body is a file (``mockst/api/uploads.py``): multipart, raw bytes or the declared JSON,
    # bounded by ``max_upload_bytes``; the handler gets an ``Upload``.
    upload: bool = False
    # The table a generic list reads whole (``Resource.list_op``): seeds and tests find a
    # resource's list through it.
    table: str | None = None

    @property
    def full_path(self) -> str:
        """The official path: ``/crm/v2/tenant/{tenant}/customers/{id}``."""
        return f"{self.family.server}{self.base}{self.path}"

    @property
    def document_path(self) -> str:
        """The path as the family's official document writes it (under its server URL)."""
        return f"{self.base}{self.path}"
