"""Control routes for operating the simulator: journal, fault schedule, health and readiness.

``mockst.control.routes`` appends these to its ``ROUTES``, so they are served and documented like
every other ``/_mock/…`` route. The objects behind them are also on ``app.state`` (``journal``,
``faults``, ``rate_limiter``) for tests that run the app in-process.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from starlette.requests import Request

from mockst.encoding import parse_datetime
from mockst.errors import ApiError, field_error
from mockst.faults import FaultRules, FaultSchedule
from mockst.journal import Journal, JournalQuery

if TYPE_CHECKING:
    from mockst.control.routes import ControlRoute

JOURNAL_FILTERS = (
    "tenant",
    "clientId",
    "operation",
    "status",
    "method",
    "kind",
    "path",
    "since",
    "until",
    "afterId",
    "limit",
    "bodies",
)
DEFAULT_LIMIT = 1000

# Query parameters of the control routes that take them, for the OpenAPI document.
_STRING = {"type": "string"}
QUERY_PARAMETERS: dict[tuple[str, str], list[dict[str, Any]]] = {
    ("GET", "/_mock/journal"): [
        {"name": name, "in": "query", "schema": schema, "description": text}
        for name, schema, text in (
            ("tenant", {"type": "integer", "format": "int64"}, "tenant id in the path"),
            ("clientId", _STRING, "client id of the token (or of the token request)"),
            ("operation", _STRING, "operationId, e.g. Customers_GetList"),
            ("status", _STRING, "a status (429) or a class (4xx)"),
            ("method", _STRING, "HTTP method"),
            ("kind", {"enum": ["api", "token", "control", "other"]}, "what was called"),
            ("path", _STRING, "path glob, e.g. /crm/v2/tenant/*/customers*"),
            ("since", {"type": "string", "format": "date-time"}, "simulator time, inclusive"),
            ("until", {"type": "string", "format": "date-time"}, "simulator time, inclusive"),
            ("afterId", {"type": "integer"}, "only entries with a larger id (for polling)"),
            ("limit", {"type": "integer", "default": DEFAULT_LIMIT}, "the most recent n"),
            ("bodies", {"type": "boolean", "default": True}, "false: leave bodies out"),
        )
    ]
}


def _journal(request: Request) -> Journal:
    return request.app.state.journal


def _faults(request: Request) -> FaultSchedule:
    return request.app.state.faults


def _int_param(params: Any, name: str) -> int | None:
    text = params.get(name)
    if text is None or text == "":
        return None
    try:
        return int(text)
    except ValueError:
        raise field_error(name, f"The value '{text}' is not a valid integer.") from None


def _time_param(params: Any, name: str):
    text = params.get(name)
    if not text:
        return None
    try:
        return parse_datetime(text)
    except ValueError:
        raise field_error(name, "Expected an ISO-8601 date-time.") from None


def journal_query(params: Any) -> JournalQuery:
    """The journal filters from query parameters (also what the in-process API accepts)."""
    unknown = sorted(set(params.keys()) - set(JOURNAL_FILTERS))
    if unknown:
        raise field_error(unknown[0], f"Unknown filter; use {', '.join(JOURNAL_FILTERS)}.")
    status = params.get("status") or None
    if status is not None:
        text = status.strip().lower()
        if not (text.isdigit() or (len(text) == 3 and text[0].isdigit() and text[1:] == "xx")):
            raise field_error("status", "Use a status (429) or a class (4xx).")
    limit = _int_param(params, "limit")
    return JournalQuery(
        tenant=_int_param(params, "tenant"),
        client_id=params.get("clientId") or None,
        operation=params.get("operation") or None,
        status=status,
        method=params.get("method") or None,
        kind=params.get("kind") or None,
        path=params.get("path") or None,
        since=_time_param(params, "since"),
        until=_time_param(params, "until"),
        after_id=_int_param(params, "afterId"),
        limit=DEFAULT_LIMIT if limit is None else max(0, limit),
    )


def get_journal(request: Request, _: None) -> Any:
    params = request.query_params
    query = journal_query(params)
    bodies = params.get("bodies", "true").lower() not in ("0", "false", "no")
    journal = _journal(request)
    return {**journal.stats(), "entries": journal.query(query, bodies)}


def get_journal_entry(request: Request, _: None) -> Any:
    """One exchange whole, as ``GET /_mock/journal`` shows it (what the inspector opens)."""
    text = request.path_params["entry_id"]
    entry = _journal(request).get(int(text)) if text.isdigit() else None
    if entry is None:
        detail = f"No journal entry {text}: never made, or dropped from the ring."
        raise ApiError(404, "Journal entry not found.", {"id": [detail]})
    return entry.view()


def clear_journal(request: Request, _: None) -> Any:
    return {"cleared": _journal(request).clear()}


def list_faults(request: Request, _: None) -> Any:
    return _faults(request).views()


def add_faults(request: Request, body: FaultRules) -> Any:
    return _faults(request).add(body.rules())


def clear_faults(request: Request, _: None) -> Any:
    return {"cleared": _faults(request).clear()}


def delete_fault(request: Request, _: None) -> Any:
    text = request.path_params["fault_id"]
    if not text.isdigit() or not _faults(request).remove(int(text)):
        raise ApiError(404, "Fault rule not found.", {"id": [f"No fault rule {text}."]})
    return {"deleted": int(text)}


def health(request: Request, _: None) -> Any:
    """Liveness: the process answers."""
    return {"status": "ok"}


def readiness_checks(app: Any) -> dict[str, str]:
    checks: dict[str, str] = {}
    world = getattr(app.state, "world", None)
    checks["world"] = "ok" if world is not None else "not loaded"
    store = getattr(world, "persistence", None) if world is not None else None
    if store is None:
        checks["state"] = "in memory"
    else:
        checks["state"] = _state_writable(world, store)
    return checks


def _state_writable(world: Any, store: Any) -> str:
    path = getattr(store, "path", None)
    if path is not None and not os.access(path, os.W_OK):
        return f"not writable: {path}"
    db = getattr(store, "db", None)
    if db is None:
        return "ok"
    try:
        with world.reading():  # no transaction of ours is open on the shared connection
            db.execute("BEGIN IMMEDIATE")  # takes the write lock: proves we could write
            db.execute("ROLLBACK")
    except Exception as exc:  # sqlite3.Error, or a closed database (ProgrammingError)
        return f"not writable: {exc}"
    return "ok"


def ready(request: Request, _: None) -> Any:
    """Readiness: the world is loaded and, with --state, the file takes writes. 503 otherwise."""
    checks = readiness_checks(request.app)
    if all(v in ("ok", "in memory") for v in checks.values()):
        return {"status": "ready", "checks": checks}
    raise ApiError(503, "Service Unavailable", {"": ["The simulator is not ready."]}, checks)


def control_routes() -> list[ControlRoute]:
    from mockst.control.routes import ControlRoute

    return [
        ControlRoute("GET", "/_mock/journal", get_journal, "Read the journal (filters: query)"),
        ControlRoute(
            "GET", "/_mock/journal/{entry_id}", get_journal_entry, "Read one journal entry"
        ),
        ControlRoute("DELETE", "/_mock/journal", clear_journal, "Clear the journal"),
        ControlRoute("GET", "/_mock/faults", list_faults, "List fault rules with hit counters"),
        ControlRoute("POST", "/_mock/faults", add_faults, "Add fault rules", FaultRules),
        ControlRoute("DELETE", "/_mock/faults", clear_faults, "Remove every fault rule"),
        ControlRoute("DELETE", "/_mock/faults/{fault_id}", delete_fault, "Remove a fault rule"),
        ControlRoute("GET", "/_mock/health", health, "Liveness"),
        ControlRoute("GET", "/_mock/ready", ready, "Readiness (world loaded, state writable)"),
    ]
