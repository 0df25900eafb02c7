"""The ASGI application: auth server, every API family, control plane and documents."""

from __future__ import annotations

from contextlib import asynccontextmanager
from functools import cache, partial
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from mockst import docs_page, openapi
from mockst.api import registry, routing
from mockst.auth.token_endpoint import token_endpoint
from mockst.config import Config
from mockst.control import routes as control
from mockst.encoding import JSONResponse, dumps_to_keep
from mockst.errors import ApiError
from mockst.faults import FaultMiddleware, FaultSchedule
from mockst.journal import Journal, JournalMiddleware
from mockst.ratelimit import RateLimiter
from mockst.store.world import World
from mockst.wire import api_path

HOME_PAGE = """<!doctype html>
<html><head><title>mockst</title><meta charset="utf-8"></head>
<body>
<h1>mockst: a local ServiceTitan</h1>
<ul>
<li><a href="/docs">/docs</a>: the API reference, by family; try calls from it</li>
<li><a href="/openapi.json">/openapi.json</a>: the OpenAPI 3.1 document</li>
<li><a href="/_mock/health">/_mock/health</a>, <a href="/_mock/clock">/_mock/clock</a>,
<a href="/_mock/journal">/_mock/journal</a>: the control plane (JSON; see the README)</li>
<li><code>POST /connect/token</code>: client-credentials tokens for the API at
<code>/{family}/v2/tenant/{tenant}/&hellip;</code></li>
</ul>
</body></html>
"""

DOCS_PAGE = """<!doctype html>
<html><head><title>mockst API</title><meta charset="utf-8"></head>
<body>
<h1>mockst: a local ServiceTitan</h1>
<p>The machine-readable document is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).
The interactive reference needs the <code>swagger-ui-py</code> package (a dependency of mockst:
reinstall mockst to get it).</p>
{body}
</body></html>
"""


@cache
def _table_html() -> str:
    """The plain list of operations, where Swagger UI's files are not installed."""
    doc = openapi.build_document()
    rows = []
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            scope = ""
            for requirement in op.get("security", []):
                scope = " ".join(requirement.get("oauth", []))
            rows.append(
                f"<tr><td>{method.upper()}</td><td><code>{path}</code></td>"
                f"<td>{op.get('operationId', '')}</td><td>{scope}</td>"
                f"<td>{op.get('summary', '')}</td></tr>"
            )
    table = (
        "<table border=1 cellpadding=4><tr><th>method</th><th>path</th><th>operationId</th>"
        "<th>scope</th><th>summary</th></tr>" + "".join(rows) + "</table>"
    )
    return DOCS_PAGE.format(body=table)


# Built on first request, not at start: a server that is never asked for its document (most are)
# is spared building it (a quarter of a second on a 2-core machine).
@cache
def _document_json(family: str = "") -> bytes:
    document = openapi.build_document()
    if family:
        document = docs_page.family_document(document, family)
    return dumps_to_keep(document)


async def openapi_json(request: Request) -> Response:
    """The document, or one family's part of it (``?family=crm``: what /docs shows)."""
    family = request.query_params.get("family", "").strip().lower()
    try:
        body = _document_json(family)
    except ApiError as exc:
        return exc.response()
    return Response(body, media_type=JSONResponse.media_type)


async def docs(_: Request) -> Response:
    if docs_page.assets_dir() is None:
        return HTMLResponse(_table_html())
    return HTMLResponse(docs_page.PAGE)


async def docs_file(request: Request) -> Response:
    """Swagger UI's files (only those the page loads), the page's script and its style."""
    name = request.path_params["name"]
    if name == "init.js":
        return Response(docs_page.init_js(), media_type="text/javascript")
    if name == "page.css":
        return Response(docs_page.CSS, media_type="text/css")
    folder = docs_page.assets_dir()
    if folder is None or name not in docs_page.ASSETS:
        return routing.not_found(request.method, request.url.path).response()
    return FileResponse(folder / name, headers={"Cache-Control": "public, max-age=86400"})


class Simulator(Starlette):
    """Starlette for the token endpoint, control plane and documents. API paths (any family's
    ``{server}/tenant/{tenant}/…``) go straight to ``api``: the journal and fault stages around
    the API's own dispatcher, which answers its own errors, unexpected ones too. Starlette's
    error and exception stages would wrap every call and every message sent for nothing."""

    def __init__(self, api: ASGIApp, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.api = api
        self.api_path = api_path()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.api_path.match(scope["path"]):
            await self.api(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def create_app(
    world: World | None = None, config: Config | None = None, control_token: str | None = None
) -> Simulator:
    """``control_token``: when given, the control plane needs it (``mockst.control.access``)."""
    world = world or World()
    config = config or Config()

    async def home(_: Request) -> Response:
        return HTMLResponse(HOME_PAGE)

    async def not_found(request: Request, exc: Exception) -> Response:
        if isinstance(exc, HTTPException) and exc.status_code == 405:
            detail = f"No operation at {request.method} {request.url.path}."
            headers = dict(exc.headers or {})
            return ApiError(405, "Method Not Allowed", {"": [detail]}, headers=headers).response()
        return routing.not_found(request.method, request.url.path).response()

    async def server_error(_: Request, exc: Exception) -> Response:
        # Reaching this is a simulator bug; still answer in ServiceTitan's shape.
        return routing.server_error(exc).response()

    @asynccontextmanager
    async def lifespan(_: Starlette):
        yield
        if world.persistence is not None:
            world.persistence.close()

    journal = Journal(
        world.clock, config.journal_size, config.journal_body_bytes, config.journal_total_bytes
    )
    faults = FaultSchedule()
    # Rate limits run on the wall clock: they are about real request pacing (mockst.ratelimit).
    rate_limiter = RateLimiter(config.rate_limit, per=1.0)
    token_rate_limiter = RateLimiter(config.token_rate_limit, per=60.0)

    journal_stage = partial(JournalMiddleware, journal=journal)
    fault_stage = partial(
        FaultMiddleware,
        schedule=faults,
        token_limiter=token_rate_limiter,
        max_header_count=config.max_header_count,
        max_header_bytes=config.max_header_bytes,
    )
    api = journal_stage(
        fault_stage(
            routing.ApiDispatcher(
                routing.no_operation,
                world,
                config,
                registry.families(),
                registry.family_operations,
                limiter=rate_limiter,
            )
        )
    )
    app = Simulator(
        api,
        routes=[
            Route("/connect/token", token_endpoint, methods=["POST"]),
            Route("/openapi.json", openapi_json, methods=["GET"]),
            Route("/docs", docs, methods=["GET"]),
            Route("/docs/{name}", docs_file, methods=["GET"]),
            Route("/docs/assets/{name}", docs_file, methods=["GET"]),
            Route("/", home, methods=["GET"]),
            *control.routes(),
        ],
        exception_handlers={404: not_found, 405: not_found, 500: server_error},
        lifespan=lifespan,
        # Plain ASGI callables, outermost first: the journal sees what the client saw. The same
        # journal, schedule and limiters as the API's stages.
        middleware=[Middleware(journal_stage), Middleware(fault_stage)],
    )
    app.state.world = world
    app.state.config = config
    app.state.control_token = control_token or None
    app.state.journal = journal
    app.state.faults = faults
    app.state.rate_limiter = rate_limiter
    app.state.token_rate_limiter = token_rate_limiter
    return app
