"""The control plane, ``/_mock/…``: what people do in ServiceTitan's UIs, as JSON calls.

Each route is declared once (method, path, body model, summary) and serves both the HTTP API and
the OpenAPI document. Handlers are thin: the rules live in ``mockst.identity.service``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mockst import bodies
from mockst.api.routing import body_errors
from mockst.clock import ClockOutOfRange
from mockst.config import Config
from mockst.control import access
from mockst.control import models as m
from mockst.control.call_routes import control_routes as call_control_routes
from mockst.control.field_routes import control_routes as field_control_routes
from mockst.control.ops_routes import control_routes as ops_control_routes
from mockst.control.quickstart import add_booking_provider_tag, quickstart
from mockst.encoding import JSONResponse, format_datetime, parse_datetime
from mockst.errors import ApiError, field_error, validation_error
from mockst.identity import service
from mockst.store import snapshot
from mockst.store.world import World

Handler = Callable[[Request, Any], Any]


@dataclass(frozen=True)
class ControlRoute:
    method: str
    path: str
    handler: Handler
    summary: str
    body: type[BaseModel] | None = None


def _world(request: Request) -> World:
    return request.app.state.world


def _config(request: Request) -> Config:
    return request.app.state.config


def _int(request: Request, name: str) -> int:
    text = request.path_params[name]
    try:
        return int(text)
    except ValueError:
        raise field_error(name, f"The value '{text}' is not a valid id.") from None


def _connection_view(world: World, client_id: str) -> dict[str, Any]:
    connection = service.get_connection(world, client_id)
    app = service.get_app(world, connection.app_id)
    return m.connection_view(connection, app, service.secrets_of(world, client_id))


# -- handlers ----------------------------------------------------------------------------------


def create_app(request: Request, body: m.AppCreate) -> Any:
    app = service.create_app(
        _world(request),
        body.name,
        body.scopes,
        organization=body.organization,
        credential_mode=body.credentialMode,
    )
    return m.app_view(app)


def list_apps(request: Request, _: None) -> Any:
    return [m.app_view(a) for a in _world(request).identity["app"].values()]


def get_app(request: Request, _: None) -> Any:
    return m.app_view(service.get_app(_world(request), _int(request, "app_id")))


def change_scopes(request: Request, body: m.AppScopes) -> Any:
    return m.app_view(
        service.change_app_scopes(_world(request), _int(request, "app_id"), body.scopes)
    )


def create_tenant(request: Request, body: m.TenantCreate) -> Any:
    environment = body.environment or _config(request).environment
    tenant = service.create_tenant(_world(request), body.name, environment, body.id, body.timeZone)
    return m.tenant_view(tenant)


def set_time_zone(request: Request, body: m.TenantTimeZone) -> Any:
    tenant_id = _int(request, "tenant_id")
    return m.tenant_view(service.set_time_zone(_world(request), tenant_id, body.timeZone))


def list_tenants(request: Request, _: None) -> Any:
    return [m.tenant_view(t) for t in _world(request).identity["tenant"].values()]


def get_tenant(request: Request, _: None) -> Any:
    return m.tenant_view(service.get_tenant(_world(request), _int(request, "tenant_id")))


def reset_tenant(request: Request, _: None) -> Any:
    world = _world(request)
    tenant_id = _int(request, "tenant_id")
    with world.transaction():
        service.get_tenant(world, tenant_id)
        world.drop_tenant_data(tenant_id)
        for connection in service.connections_of_tenant(world, tenant_id):
            if connection.booking_provider_id is not None:
                service.restrict(world, connection.client_id, None)
    return {"tenantId": tenant_id, "reset": True}


def seed_tenant(request: Request, body: m.TenantSeed) -> Any:
    """The demo story added to a tenant (``mockst.seed``): what ``--demo`` gives its tenant."""
    from mockst.seed import populate_tenant  # imports every family: on first use only

    world = _world(request)
    tenant_id = _int(request, "tenant_id")
    with world.transaction():
        service.get_tenant(world, tenant_id)
    counts = populate_tenant(world, tenant_id, seed=body.seed, customers=body.customers,
                             history_days=body.historyDays, config=_config(request))  # fmt: skip
    return {"tenantId": tenant_id, "added": counts}


def create_tag(request: Request, body: m.TagCreate) -> Any:
    tenant_id = _int(request, "tenant_id")
    tag_id = add_booking_provider_tag(_world(request), tenant_id, body.tagName, body.description)
    return {"id": tag_id, "tagName": body.tagName, "description": body.description}


def create_connection(request: Request, body: m.ConnectionCreate) -> Any:
    world = _world(request)
    with world.transaction():
        connection = service.connect(world, body.appId, body.tenantId)
        secret = None
        if body.allow:
            connection, secret = service.allow(world, connection.client_id, body.bookingProviderId)
        elif body.bookingProviderId is not None:
            raise field_error("bookingProviderId", "A restriction is chosen when allowing access.")
        view = _connection_view(world, connection.client_id)
    if secret is not None:
        view["clientSecret"] = secret
    return view


def list_connections(request: Request, _: None) -> Any:
    world = _world(request)
    return [_connection_view(world, c) for c in world.identity["connection"]]


def get_connection(request: Request, _: None) -> Any:
    return _connection_view(_world(request), request.path_params["client_id"])


def allow(request: Request, body: m.Allow) -> Any:
    world = _world(request)
    client_id = request.path_params["client_id"]
    _, secret = service.allow(world, client_id, body.bookingProviderId)
    view = _connection_view(world, client_id)
    if secret is not None:
        view["clientSecret"] = secret
    return view


def _connection_action(action: Callable[[World, str], Any], name: str) -> Handler:
    def handler(request: Request, _: None) -> Any:
        world = _world(request)
        client_id = request.path_params["client_id"]
        action(world, client_id)
        return _connection_view(world, client_id)

    handler.__name__ = name  # names the operation in the OpenAPI document
    return handler


def restrict(request: Request, body: m.Restriction) -> Any:
    world = _world(request)
    client_id = request.path_params["client_id"]
    service.restrict(world, client_id, body.bookingProviderId)
    return _connection_view(world, client_id)


def generate_secret(request: Request, _: None) -> Any:
    client_id = request.path_params["client_id"]
    secret, value = service.generate_secret(
        _world(request), client_id, _config(request).max_active_secrets
    )
    return {**m.secret_view(secret), "clientId": client_id, "clientSecret": value}


def list_secrets(request: Request, _: None) -> Any:
    world = _world(request)
    client_id = request.path_params["client_id"]
    service.get_connection(world, client_id)
    return [m.secret_view(s) for s in service.secrets_of(world, client_id)]


def deactivate_secret(request: Request, _: None) -> Any:
    secret = service.deactivate_secret(
        _world(request), request.path_params["client_id"], _int(request, "secret_id")
    )
    return m.secret_view(secret)


def run_quickstart(request: Request, body: m.Quickstart) -> Any:
    return quickstart(_world(request), _config(request), body, str(request.base_url))


def clock_view(world: World) -> dict[str, Any]:
    return {"now": format_datetime(world.clock.now()), "frozen": world.clock.frozen}


def get_clock(request: Request, _: None) -> Any:
    return clock_view(_world(request))


def advance_clock(request: Request, body: m.ClockAdvance) -> Any:
    world = _world(request)
    with world.transaction() as txn:
        try:
            world.clock.advance(body.seconds)
        except ClockOutOfRange as exc:
            raise field_error("seconds", str(exc)) from None
        txn.meta.add("clock")
    return clock_view(world)


def set_clock(request: Request, body: m.ClockSet) -> Any:
    world = _world(request)
    instant: datetime = world.clock.now()
    if body.now is not None:
        try:
            instant = parse_datetime(body.now)
        except ValueError:
            raise field_error("now", "Expected an ISO-8601 date-time.") from None
    with world.transaction() as txn:
        try:
            world.clock.set(instant, frozen=body.frozen)
        except ClockOutOfRange as exc:
            raise field_error("now", str(exc)) from None
        txn.meta.add("clock")
    return clock_view(world)


def reset_world(request: Request, _: None) -> Any:
    world = _world(request)
    with world.transaction():
        world.reset()
    return {"reset": True}


def export_world(request: Request, _: None) -> Any:
    doc = snapshot.export_world(_world(request))
    # The signing key forges tokens of any tenant and lifetime: only for a caller who asks.
    wanted = request.query_params.get("includeSigningKey", "").lower()
    if wanted not in ("true", "1"):
        doc.pop("signingKey", None)
    return doc


def import_world(request: Request, body: Any) -> Any:
    if not isinstance(body, dict):
        raise field_error("$", "A mockst world document is a JSON object.")
    try:
        snapshot.import_world(_world(request), body)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise field_error("$", f"Not a mockst world document: {exc}") from None
    return {"imported": True}


def get_config(request: Request, _: None) -> Any:
    return _config(request).as_json()


ROUTES: list[ControlRoute] = [
    ControlRoute("POST", "/_mock/quickstart", run_quickstart, "Onboard in one call", m.Quickstart),
    ControlRoute("POST", "/_mock/apps", create_app, "Register an app", m.AppCreate),
    ControlRoute("GET", "/_mock/apps", list_apps, "List apps"),
    ControlRoute("GET", "/_mock/apps/{app_id}", get_app, "Get an app"),
    ControlRoute(
        "PUT",
        "/_mock/apps/{app_id}/scopes",
        change_scopes,
        "Change scopes (new version)",
        m.AppScopes,
    ),
    ControlRoute("POST", "/_mock/tenants", create_tenant, "Create a tenant", m.TenantCreate),
    ControlRoute("GET", "/_mock/tenants", list_tenants, "List tenants"),
    ControlRoute("GET", "/_mock/tenants/{tenant_id}", get_tenant, "Get a tenant"),
    ControlRoute(
        "POST", "/_mock/tenants/{tenant_id}/reset", reset_tenant, "Forget one tenant's data"
    ),
    ControlRoute(
        "PUT",
        "/_mock/tenants/{tenant_id}/time-zone",
        set_time_zone,
        "Set a tenant's time zone (capacity's local days)",
        m.TenantTimeZone,
    ),
    ControlRoute(
        "POST",
        "/_mock/tenants/{tenant_id}/seed",
        seed_tenant,
        "Add the demo story to a tenant",
        m.TenantSeed,
    ),
    ControlRoute(
        "POST",
        "/_mock/tenants/{tenant_id}/booking-provider-tags",
        create_tag,
        "Add a booking provider tag",
        m.TagCreate,
    ),
    ControlRoute(
        "POST",
        "/_mock/connections",
        create_connection,
        "Connect an app to a tenant",
        m.ConnectionCreate,
    ),
    ControlRoute("GET", "/_mock/connections", list_connections, "List connections"),
    ControlRoute("GET", "/_mock/connections/{client_id}", get_connection, "Get a connection"),
    ControlRoute("POST", "/_mock/connections/{client_id}/allow", allow, "Allow access", m.Allow),
    ControlRoute(
        "POST",
        "/_mock/connections/{client_id}/disable",
        _connection_action(lambda w, c: service.set_enabled(w, c, False), "disable_connection"),
        "Disable",
    ),
    ControlRoute(
        "POST",
        "/_mock/connections/{client_id}/enable",
        _connection_action(lambda w, c: service.set_enabled(w, c, True), "enable_connection"),
        "Enable",
    ),
    ControlRoute(
        "POST",
        "/_mock/connections/{client_id}/accept-version",
        _connection_action(service.accept_app_version, "accept_app_version"),
        "Upgrade to the app's new version",
    ),
    ControlRoute(
        "PUT",
        "/_mock/connections/{client_id}/restriction",
        restrict,
        "Restrict to a booking provider (or none)",
        m.Restriction,
    ),
    ControlRoute(
        "POST",
        "/_mock/connections/{client_id}/secrets",
        generate_secret,
        "Generate a client secret",
    ),
    ControlRoute("GET", "/_mock/connections/{client_id}/secrets", list_secrets, "List secrets"),
    ControlRoute(
        "POST",
        "/_mock/connections/{client_id}/secrets/{secret_id}/deactivate",
        deactivate_secret,
        "Deactivate a client secret",
    ),
    ControlRoute("GET", "/_mock/clock", get_clock, "Read the clock"),
    ControlRoute("PUT", "/_mock/clock", set_clock, "Set or freeze the clock", m.ClockSet),
    ControlRoute(
        "POST", "/_mock/clock/advance", advance_clock, "Advance the clock", m.ClockAdvance
    ),
    ControlRoute("POST", "/_mock/reset", reset_world, "Forget the whole world"),
    ControlRoute("GET", "/_mock/world", export_world, "Export the world as JSON"),
    ControlRoute("PUT", "/_mock/world", import_world, "Replace the world from JSON"),
    ControlRoute("GET", "/_mock/config", get_config, "Read the configuration"),
]
ROUTES.extend(ops_control_routes())  # journal, faults, health, readiness
ROUTES.extend(field_control_routes())  # a technician's steps, a job completed
ROUTES.extend(call_control_routes())  # a call arrives from the phone system


async def _parse(request: Request, model: type[BaseModel] | None, raw_json: bool) -> Any:
    config = _config(request)
    limit = config.max_world_bytes if raw_json else config.max_control_body_bytes
    try:
        raw = await bodies.read_body(request.receive, limit, request.headers.get("content-length"))
    except bodies.BodyTooLarge:
        message = {"": [f"At most {limit} bytes here."]}
        raise ApiError(413, "Request body too large.", message, None, bodies.CLOSE) from None
    except bodies.BodyNotReceived:
        raise ApiError(400, "The request body was not received.") from None
    access.check_body_type(request, raw)
    if raw_json:
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise validation_error({"$": [f"The JSON value could not be parsed: {exc}"]}) from None
    if model is None:
        return None
    try:
        return model.model_validate_json(raw or b"{}")
    except ValidationError as exc:
        raise validation_error(body_errors(exc)) from None


def _endpoint(route: ControlRoute) -> Callable[[Request], Awaitable[Response]]:
    raw_json = route.handler is import_world

    async def endpoint(request: Request) -> Response:
        try:
            access.check_request(request, request.app.state.control_token)
        except ApiError as exc:  # refused before its body mattered: linger over it
            await bodies.discard_unread(request.headers, request.receive)
            return exc.response()
        try:
            body = await _parse(request, route.body, raw_json)
            return JSONResponse(route.handler(request, body))
        except ApiError as exc:
            return exc.response()

    return endpoint


def routes() -> list[Route]:
    by_path: dict[str, list[ControlRoute]] = {}
    for route in ROUTES:
        by_path.setdefault(route.path, []).append(route)
    result = []
    for path_, group in by_path.items():
        for route in group:
            result.append(Route(path_, _endpoint(route), methods=[route.method]))
    return result
