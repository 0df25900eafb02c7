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

from mockst.api.params import Param

if TYPE_CHECKING:
    from mockst.auth.guard import Principal
    from mockst.config import Config
    from mockst.store.table import Table
    from mockst.store.world import TenantData, World

Module = Literal["crm", "settings"]
MODULE_TITLES: dict[str, str] = {"crm": "CRM", "settings": "Settings"}


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
    """200 with no body, as the official deletes and dismisses answer."""


Shape = One | Page | Export | Many | Raw | Empty


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
    module: Module
    path: str  # relative to /{module}/v2/tenant/{tenant}, e.g. "/customers/{id}"
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
    # "provider": under /booking-provider/{booking_provider}; "tenant": tenant-scoped bookings.
    booking: Literal["provider", "tenant"] | None = None

    @property
    def full_path(self) -> str:
        return f"/{self.module}/v2/tenant/{{tenant}}{self.path}"
