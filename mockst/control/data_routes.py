"""Read-only control routes over one tenant's resource tables: what the inspector's data view shows.

The API answers in ServiceTitan's shapes, one operation and scope at a time; a person checking
what a connector wrote wants every table of the tenant at a glance and the rows it touched last,
without a token. These routes read the tables as the store keeps them and change nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request

from mockst.encoding import format_ticks
from mockst.errors import ApiError, field_error
from mockst.identity import service
from mockst.journal.redaction import redact
from mockst.store.row import Row
from mockst.store.world import World

if TYPE_CHECKING:
    from mockst.control.routes import ControlRoute

DEFAULT_ROWS = 20
MAX_ROWS = 200

QUERY_PARAMETERS: dict[tuple[str, str], list[dict[str, Any]]] = {
    ("GET", "/_mock/tenants/{tenant_id}/tables/{table}"): [
        {
            "name": "limit",
            "in": "query",
            "schema": {"type": "integer", "default": DEFAULT_ROWS, "maximum": MAX_ROWS},
            "description": "how many of the most recently changed rows",
        }
    ]
}


def _tenant_id(request: Request) -> int:
    text = request.path_params["tenant_id"]
    if not text.isdigit():
        raise field_error("tenant_id", f"The value '{text}' is not a valid id.")
    return int(text)


def _limit(request: Request) -> int:
    text = request.query_params.get("limit", "")
    if not text:
        return DEFAULT_ROWS
    if not text.isdigit() or not 1 <= int(text) <= MAX_ROWS:
        raise field_error("limit", f"A whole number from 1 to {MAX_ROWS}.")
    return int(text)


def list_tables(request: Request, _: None) -> Any:
    """Each resource table the tenant has, with its live and deleted row counts."""
    world: World = request.app.state.world
    tenant_id = _tenant_id(request)
    with world.reading():
        service.get_tenant(world, tenant_id)  # 404 for a tenant that does not exist
        data = world.tenants.get(tenant_id)
        tables = sorted(data.tables.values(), key=lambda t: t.name) if data else []
        counts = []
        for table in tables:
            live = len(table.in_id_order())
            counts.append(
                {"table": table.name, "rows": live, "deleted": len(table.in_change_order()) - live}
            )
    return {"tenantId": tenant_id, "tables": counts}


def latest_rows(request: Request, _: None) -> Any:
    """The rows of one table that changed last, newest first, secrets redacted."""
    world: World = request.app.state.world
    tenant_id = _tenant_id(request)
    name = request.path_params["table"]
    limit = _limit(request)
    with world.reading():
        service.get_tenant(world, tenant_id)
        data = world.tenants.get(tenant_id)
        table = data.tables.get(name) if data else None
        if table is None:
            raise ApiError(404, "Table not found.", {"table": [f"Tenant has no table '{name}'."]})
        ordered = table.in_change_order()
        newest = [Row(stored) for stored in reversed(ordered[-limit:])]
        rows = [_row_view(row) for row in newest]
        total = len(ordered)
    return {"tenantId": tenant_id, "table": name, "total": total, "rows": rows}


def _row_view(row: Row) -> dict[str, Any]:
    return {
        "id": row.id,
        "changedOn": format_ticks(row.changed_ticks),
        "deleted": row.deleted,
        # Rows are the simulator's own records; a resource may keep a secret-named field.
        "data": redact(row.data),
    }


def control_routes() -> list[ControlRoute]:
    from mockst.control.routes import ControlRoute

    return [
        ControlRoute(
            "GET", "/_mock/tenants/{tenant_id}/tables", list_tables, "Row counts per table"
        ),
        ControlRoute(
            "GET",
            "/_mock/tenants/{tenant_id}/tables/{table}",
            latest_rows,
            "The most recently changed rows of one table",
        ),
    ]
