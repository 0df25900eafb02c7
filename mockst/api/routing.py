"""From declarations to Starlette routes: one endpoint per path, dispatching on method.

For each call: bind the tenant, run the guard, bind path and query, read and validate the body,
then run the handler inside one world transaction and render its result. Any ``ApiError`` on the
way becomes ``ApiErrorResponse``; nothing here knows about customers or bookings.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.datastructures import URLPath
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, NoMatchFound, Route
from starlette.types import Receive, Scope, Send

from mockst.api.operation import Call, Empty, Operation
from mockst.api.params import bind, path
from mockst.auth import guard
from mockst.config import Config
from mockst.encoding import JSONResponse, dumps
from mockst.errors import ApiError, validation_error
from mockst.store.world import World

TENANT = path("tenant")
ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
JSON_TYPES = ("application/json", "text/json")


def _is_json(content_type: str) -> bool:
    media = content_type.split(";")[0].strip().lower()
    return media in JSON_TYPES or media.endswith("+json")


def _error_key(loc: tuple[Any, ...]) -> str:
    key = ""
    for part in loc:
        if isinstance(part, int):
            key += f"[{part}]"
        else:
            key += f".{part}" if key else str(part)
    return key


def body_errors(exc: ValidationError) -> dict[str, list[str]]:
    """pydantic's errors keyed by the JSON path of the bad field, ASP.NET style."""
    errors: dict[str, list[str]] = {}
    for err in exc.errors(include_url=False, include_context=False, include_input=False):
        if err["type"] == "json_invalid":
            errors.setdefault("$", []).append(f"The JSON value could not be parsed: {err['msg']}")
            continue
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        key = _error_key(loc)
        message = (
            f"The {loc[-1]} field is required." if err["type"] == "missing" and loc else err["msg"]
        )
        errors.setdefault(key or "$", []).append(message)
    return errors


async def read_body(request: Request, op: Operation, config: Config) -> BaseModel | None:
    assert op.body is not None
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > config.max_body_bytes:
        raise ApiError(413, "Request body too large.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > config.max_body_bytes:
            raise ApiError(413, "Request body too large.")
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        if op.body_required:
            raise validation_error({"": ["A non-empty request body is required."]})
        return None
    content_type = request.headers.get("content-type", "")
    if not _is_json(content_type):
        raise ApiError(
            415, "Unsupported Media Type", {"": [f"Expected JSON, got '{content_type}'."]}
        )
    try:
        return op.body.model_validate_json(raw, strict=True)
    except ValidationError as exc:
        raise validation_error(body_errors(exc)) from None


def _bind_tenant(request: Request) -> int:
    return bind((TENANT,), request.path_params)["tenant"]


def _booking_provider(op: Operation, values: dict[str, Any]) -> int | None:
    if op.booking != "provider":
        return None
    raw = values.get("booking_provider")
    try:
        return int(raw) if raw is not None else None
    except (TypeError, ValueError):
        return None


async def run(request: Request, op: Operation) -> Response:
    world: World = request.app.state.world
    config: Config = request.app.state.config
    tenant_id = _bind_tenant(request)
    raw_path = {k: v for k, v in request.path_params.items() if k != "tenant"}
    principal = guard.authorize(
        world,
        config,
        request.headers,
        tenant_id,
        op.scope,
        op.booking,
        _booking_provider(op, raw_path),
    )
    path_values = bind(op.path_params, raw_path)
    query_values = bind(op.query, request.query_params)
    body = await read_body(request, op, config) if op.body is not None else None
    with world.transaction():
        call = Call(
            world=world,
            config=config,
            principal=principal,
            tenant=world.tenant_data(tenant_id),
            path=path_values,
            query=query_values,
            body=body,
            now=world.clock.now(),
        )
        result = op.handler(call)
    if isinstance(op.response, Empty):
        return Response(status_code=200)
    return Response(dumps(result), media_type="application/json; charset=utf-8")


def render_error(config: Config, exc: ApiError) -> Response:
    reason = exc.data.get("reason")
    if config.auth_error_body == "apim" and reason in guard.TITLES:
        body = {"statusCode": exc.status, "message": exc.title}
        return JSONResponse(body, status_code=exc.status, headers=exc.headers)
    return exc.response()


def endpoint(ops: dict[str, Operation]):
    allowed = ", ".join(sorted(ops))

    async def dispatch(request: Request) -> Response:
        op = ops.get(request.method)
        if op is None:
            if request.method == "HEAD" and "GET" in ops:
                op = ops["GET"]
            else:
                error = ApiError(405, "Method Not Allowed", headers={"Allow": allowed})
                return error.response()
        try:
            return await run(request, op)
        except ApiError as exc:
            return render_error(request.app.state.config, exc)

    return dispatch


def _route_order(path: str) -> tuple[tuple[int, str], ...]:
    # Literal segments before parameters, so /customers/contacts is never read as /customers/{id}.
    return tuple((1 if s.startswith("{") else 0, s) for s in path.split("/"))


def routes(operations: list[Operation]) -> list[BaseRoute]:
    by_path: dict[str, dict[str, Operation]] = defaultdict(dict)
    for op in operations:
        by_path[op.full_path][op.method] = op
    ordered = [
        Route(p, endpoint(by_path[p]), methods=ALL_METHODS)
        for p in sorted(by_path, key=_route_order)
    ]
    return [OperationIndex(ordered)]


class OperationIndex(BaseRoute):
    """Every API route behind one index keyed by module and first resource segment.

    Starlette tries routes one by one, a regular expression each; here a path is split once and
    only the routes of its resource family (``/crm/v2/tenant/{tenant}/customers…``) are tried, in
    the same literal-first order.
    """

    def __init__(self, ordered: list[Route]) -> None:
        self.routes = ordered
        self._families: dict[tuple[str, str], list[Route]] = defaultdict(list)
        for route in ordered:
            self._families[_family(route.path)].append(route)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http":
            for route in self._families.get(_family(scope["path"]), ()):
                match, child = route.matches(scope)
                if match is not Match.NONE:
                    return match, {**child, "mockst.route": route}
        return Match.NONE, {}

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        await scope["mockst.route"].handle(scope, receive, send)

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        raise NoMatchFound(name, path_params)


def _family(path: str) -> tuple[str, str]:
    # "/crm/v2/tenant/{tenant}/customers/…" -> ("crm", "customers")
    parts = path.split("/", 6)
    return (parts[1], parts[5]) if len(parts) > 5 else ("", "")
