"""From declarations to served requests: one ASGI stage for every API path, dispatching on method.

For each call: bind the tenant, run the guard, bind path and query, read and validate the body,
then run the handler inside one world transaction and render its result. Any ``ApiError`` on the
way becomes ``ApiErrorResponse``; nothing here knows about customers or bookings.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.datastructures import QueryParams
from starlette.responses import Response
from starlette.routing import compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

from mockst import bodies
from mockst.api import uploads
from mockst.api.decimals import decimal_writer
from mockst.api.family import Family
from mockst.api.operation import Call, Empty, Operation, Stream
from mockst.api.params import bind, path
from mockst.auth import guard
from mockst.config import Config
from mockst.encoding import JSONResponse, dumps, null_empty_collections
from mockst.errors import ApiError, validation_error
from mockst.ratelimit import RateLimiter, throttle
from mockst.store.world import World

LOG = logging.getLogger("mockst")
TENANT = path("tenant")
JSON_TYPES = ("application/json", "text/json")
JSON_MEDIA_TYPE = b"application/json; charset=utf-8"
BODY_READ_KEY = "mockst.body_read"  # set once the call has started on its body
REDIRECTS = (301, 302, 303, 307, 308)


class Location(bytes):
    """A redirecting operation's answer: where to, sent as the Location header."""


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


def request_headers(scope: Scope) -> dict[str, str]:
    """The request's headers by name, the first of repeated ones winning (as Starlette's
    ``Headers.get``): decoded once, where ``Headers`` would scan the list for each of the four
    the call reads. ASGI servers give names in lower case."""
    pairs = reversed(scope["headers"])
    return {name.decode("latin-1"): value.decode("latin-1") for name, value in pairs}


async def read_body(
    headers: Mapping[str, str], receive: Receive, op: Operation, config: Config
) -> BaseModel | None:
    assert op.body is not None
    try:
        raw = await bodies.read_body(
            receive, config.max_body_bytes, headers.get("content-length")
        )
    except bodies.BodyTooLarge:
        raise ApiError(413, "Request body too large.", headers=bodies.CLOSE) from None
    except bodies.BodyNotReceived:
        raise ApiError(400, "The request body was not received.") from None
    if not raw or raw.isspace():
        if op.body_required:
            raise validation_error({"": ["A non-empty request body is required."]})
        return None
    content_type = headers.get("content-type", "")
    if not _is_json(content_type):
        raise ApiError(
            415, "Unsupported Media Type", {"": [f"Expected JSON, got '{content_type}'."]}
        )
    try:
        return op.body.model_validate_json(raw, strict=True)
    except ValidationError as exc:
        raise validation_error(body_errors(exc)) from None


def _booking_provider(op: Operation, values: dict[str, Any]) -> int | None:
    if op.booking != "provider":
        return None
    raw = values.get("booking_provider")
    try:
        return int(raw) if raw is not None else None
    except (TypeError, ValueError):
        return None


async def run(
    world: World,
    config: Config,
    op: Operation,
    scope: Scope,
    receive: Receive,
    path_params: dict[str, str],
    limiter: RateLimiter | None = None,
) -> bytes | None:
    """The operation's JSON answer (None for an empty one), or an ``ApiError``."""
    text = path_params["tenant"]
    if text.isascii() and text.isdigit() and len(text) < 19:  # the usual case, bound at once
        tenant_id = int(text)
    else:
        tenant_id = bind((TENANT,), path_params)["tenant"]
    raw_path = {k: v for k, v in path_params.items() if k != "tenant"}
    headers = request_headers(scope)
    now = world.clock.now()  # one instant for the whole call: token lifetime and the handler
    principal = guard.authorize(
        world,
        config,
        headers,
        tenant_id,
        op.scope,
        op.booking,
        _booking_provider(op, raw_path),
        now=now,
    )
    if limiter is not None and limiter.rate > 0:
        throttle(limiter, (principal.app.app_key, tenant_id), scope)
    path_values = _bound(op, op.path_params, tuple(raw_path.items()), raw_path)
    query_values = _bound(op, op.query, scope["query_string"], scope["query_string"])
    scope[BODY_READ_KEY] = True  # from here on, the body is read or lingered over
    body: Any = None
    if op.upload:
        body = await uploads.read_upload(headers, receive, config.max_upload_bytes)
    elif op.body is not None:
        body = await read_body(headers, receive, op, config)
    with world.transaction():
        call = Call(
            world=world,
            config=config,
            principal=principal,
            tenant=world.tenant_data(tenant_id),
            path=path_values,
            query=query_values,
            body=body,
            now=now,
        )
        result = op.handler(call)
    if op.status in REDIRECTS:
        return Location(str(result).encode("latin-1"))
    if isinstance(op.response, Empty):
        return None
    if isinstance(op.response, Stream):
        return result  # bytes as they are (a call recording)
    data = dumps(result)
    if config.empty_collections == "null":
        data = null_empty_collections(data)
    if config.decimal_places is not None:
        data = decimal_writer(config.decimal_places)(data)
    return data


# (operation, raw path values or query string) → bound values. A connector sends the same few
# paths and queries again and again; binding is a pure function of the two, and a refused value
# raises, so is never kept.
_BOUND: dict[tuple[int, Any], dict[str, Any]] = {}
MAX_BOUND = 4096


def _bound(
    op: Operation, params: tuple[Any, ...], raw: Hashable, source: Mapping[str, str] | bytes
) -> dict[str, Any]:
    """``params`` bound from ``source`` (the raw path values, or the query string), kept under
    ``raw`` (the same, hashable)."""
    key = (id(op), raw)  # operations live as long as the process
    values = _BOUND.get(key)
    if values is None:
        values = bind(params, QueryParams(source) if isinstance(source, bytes) else source)
        if len(_BOUND) >= MAX_BOUND:
            _BOUND.clear()
        _BOUND[key] = values
    return dict(values)  # each call its own dict


def render_error(config: Config, exc: ApiError) -> Response:
    reason = exc.data.get("reason")
    if config.auth_error_body == "apim" and reason in guard.TITLES:
        body = {"statusCode": exc.status, "message": exc.title}
        return JSONResponse(body, status_code=exc.status, headers=exc.headers)
    return exc.response()


def _route_order(path: str) -> tuple[tuple[int, str], ...]:
    # Literal segments before parameters, so /customers/contacts is never read as /customers/{id}.
    return tuple((1 if s.startswith("{") else 0, s) for s in path.split("/"))


@dataclass(frozen=True)
class _Path:
    pattern: re.Pattern[str]
    ops: dict[str, Operation]  # by method
    allowed: str  # for 405's Allow header


class ApiDispatcher:
    """Plain ASGI stage that serves every API operation itself; anything else goes on to ``app``.

    It sits inside the journal and fault stages and in front of Starlette's router: a path is
    split once, only the paths of its resource (``/crm/v2/tenant/{tenant}/customers…``)
    are tried, literal segments before parameters, and the answer is sent as two ASGI messages.
    Starlette's Request, Response, router and exception stage cost an API call more than the
    rest of the simulator's work on it did (``docs/benchmarks.md``).
    """

    def __init__(
        self,
        app: ASGIApp,
        world: World,
        config: Config,
        families: Sequence[Family],
        load: Callable[[Family], Sequence[Operation]],
        limiter: RateLimiter | None = None,
    ) -> None:
        self.app = app
        self.limiter = limiter  # the API rate limit, taken once the guard said yes
        self.world = world
        self.config = config
        self._load = load
        # A family's operations are imported and routed on the first call to its server: most
        # runs use few families, and start-up need not build models nobody calls. Keyed by the
        # server's first segment (the family's name): one lookup a call, not a scan.
        self._pending = {family.server.split("/")[1]: family for family in families}
        self._families: dict[tuple[str, str], list[_Path]] = defaultdict(list)

    def _route(self, family: Family) -> None:
        by_path: dict[str, dict[str, Operation]] = defaultdict(dict)
        for op in self._load(family):
            by_path[op.full_path][op.method] = op
        for full_path in sorted(by_path, key=_route_order):
            ops = by_path[full_path]
            pattern = compile_path(full_path)[0]
            entry = _Path(pattern, ops, ", ".join(sorted(ops)))
            self._families[_family(full_path)].append(entry)

    def _route_family_of(self, path: str) -> None:
        family = self._pending.pop(path.split("/", 2)[1], None)  # ASGI paths start with "/"
        if family is not None:
            self._route(family)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = scope["path"]
            if self._pending:
                self._route_family_of(path)
            matched: list[tuple[_Path, dict[str, str]]] = []
            for entry in self._families.get(_family(path), ()):
                match = entry.pattern.match(path)
                if match is None:
                    continue
                # One path may be declared twice with its parameter named apart (Dispatch's
                # GET /zones/{id} and PATCH /zones/{zoneId}): the one with the method serves.
                method = scope["method"]
                if method in entry.ops or (method == "HEAD" and "GET" in entry.ops):
                    await self._serve(entry, match.groupdict(), scope, receive, send)
                    return
                matched.append((entry, match.groupdict()))
            if matched:  # no method of the path: 405, allowing what every declaration allows
                methods = {m for entry, _ in matched for m in entry.ops}
                refused = _Path(matched[0][0].pattern, {}, ", ".join(sorted(methods)))
                await self._serve(refused, matched[0][1], scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def _serve(
        self, entry: _Path, params: dict[str, str], scope: Scope, receive: Receive, send: Send
    ) -> None:
        method = scope["method"]
        op = entry.ops.get(method) or (entry.ops.get("GET") if method == "HEAD" else None)
        try:
            if op is None:
                raise ApiError(405, "Method Not Allowed", headers={"Allow": entry.allowed})
            body = await run(self.world, self.config, op, scope, receive, params, self.limiter)
        except ApiError as exc:
            if not scope.get(BODY_READ_KEY):
                await bodies.discard_unread(request_headers(scope), receive)
            await render_error(self.config, exc)(scope, receive, send)
            return
        except Exception as exc:  # a simulator bug: logged, still answered in ServiceTitan's shape
            LOG.exception("%s %s failed", method, scope["path"])
            await server_error(exc).response()(scope, receive, send)
            return
        content = body or b""
        headers = [(b"content-length", str(len(content)).encode("latin-1"))]
        if isinstance(body, Location):
            content, headers = b"", [(b"location", bytes(body)), (b"content-length", b"0")]
        elif isinstance(op.response, Stream):
            headers.append((b"content-type", op.response.media_type.encode("latin-1")))
        elif body is not None:
            headers.append((b"content-type", JSON_MEDIA_TYPE))
        await send({"type": "http.response.start", "status": op.status, "headers": headers})
        await send({"type": "http.response.body", "body": content})


async def no_operation(scope: Scope, receive: Receive, send: Send) -> None:
    """The answer for a path under a tenant that names no operation."""
    await not_found(scope["method"], scope["path"]).response()(scope, receive, send)


def not_found(method: str, path: str) -> ApiError:
    return ApiError(404, "Not Found", {"": [f"No operation at {method} {path}."]})


def server_error(exc: BaseException) -> ApiError:
    return ApiError(500, "An unexpected error occurred.", data={"exception": type(exc).__name__})


def _family(path: str) -> tuple[str, str]:
    # "/crm/v2/tenant/{tenant}/customers/…" -> ("/crm/v2", "customers"); "/telecom/v3/tenant/…"
    # -> ("/telecom/v3", "calls"): the server and version, then the resource's first segment.
    prefix, found, rest = path.partition("/tenant/")
    if not found:
        return ("", "")
    parts = rest.split("/", 2)
    return (prefix, parts[1]) if len(parts) > 1 else ("", "")
