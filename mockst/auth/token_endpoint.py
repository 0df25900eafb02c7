"""``POST /connect/token``: the OAuth 2.0 client-credentials grant, and nothing else.

Errors follow RFC 6749 §5.2 as IdentityServer renders them (400 ``{"error": "invalid_client"}``),
which is what the real endpoint's JWTs suggest it runs on. Every credential failure is the same
``invalid_client``, whatever the cause, so the endpoint never tells a caller which half was wrong.
The body is only ``{"error": ...}``, as the real one is; the cause is in the
``X-Mockst-Error-Description`` header for the developer reading it.
"""

from __future__ import annotations

import base64
import binascii
from urllib.parse import unquote_plus

from starlette.requests import Request
from starlette.responses import Response

from mockst import bodies
from mockst.auth import tokens
from mockst.config import Config
from mockst.encoding import JSONResponse
from mockst.errors import OAuthError
from mockst.identity import service
from mockst.identity.model import ConnectionStatus
from mockst.store.world import World

FORM = "application/x-www-form-urlencoded"
MAX_FORM_BYTES = 16_384


def _basic_credentials(header: str) -> tuple[str, str] | None:
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic" or not value:
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise OAuthError("invalid_client", "The Basic credentials are not valid base64.") from None
    client_id, sep, secret = decoded.partition(":")
    if not sep:
        raise OAuthError("invalid_client", "The Basic credentials lack a ':'.")
    return unquote_plus(client_id), unquote_plus(secret)


async def _read_form(request: Request) -> dict[str, str]:
    # Read (up to the limit) before judging it: an answer sent over an unread body resets the
    # connection of a client still sending it.
    try:
        body = await bodies.read_body(
            request.receive, MAX_FORM_BYTES, request.headers.get("content-length")
        )
    except bodies.BodyTooLarge:
        raise OAuthError("invalid_request", "The request body is over 16 KiB.", 413) from None
    except bodies.BodyNotReceived:
        raise OAuthError("invalid_request", "The request body was not received.") from None
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != FORM:
        raise OAuthError("invalid_request", f"The request must be {FORM}.")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise OAuthError("invalid_request", "The request body is not UTF-8.") from None
    form: dict[str, str] = {}
    for pair in text.split("&"):
        if not pair:
            continue
        key, _, value = pair.partition("=")
        key, value = unquote_plus(key), unquote_plus(value)
        if key in form:
            raise OAuthError("invalid_request", f"Parameter '{key}' is repeated.")
        form[key] = value
    return form


def issue_token(world: World, config: Config, form: dict[str, str], basic: tuple[str, str] | None):
    """The grant's rules, apart from HTTP: returns the token response body or raises OAuthError."""
    grant = form.get("grant_type")
    if not grant:
        raise OAuthError("invalid_request", "grant_type is missing.")
    if grant != "client_credentials":
        raise OAuthError("unsupported_grant_type", f"Grant type '{grant}' is not supported.")
    if basic and ("client_id" in form or "client_secret" in form):
        raise OAuthError("invalid_request", "Send client credentials in one place only.")
    client_id, secret = basic or (form.get("client_id", ""), form.get("client_secret", ""))
    if not client_id:
        raise OAuthError("invalid_client", "client_id is missing.")
    with world.reading():
        connection = world.get_identity("connection", client_id)
        if connection is None:
            raise OAuthError("invalid_client", "Unknown client_id.")
        if not secret or service.verify_secret(world, client_id, secret) is None:
            raise OAuthError("invalid_client", "The client secret is wrong or deactivated.")
        if connection.status is not ConnectionStatus.ALLOWED:
            raise OAuthError(
                "invalid_client",
                "The tenant has disabled this app."
                if connection.status is ConnectionStatus.DISABLED
                else "The tenant has not allowed this app yet.",
            )
        tenant = service.get_tenant(world, connection.tenant_id)
        if tenant.environment != config.environment:
            raise OAuthError(
                "invalid_client",
                f"These are {tenant.environment} credentials; this is the "
                f"{config.environment} auth server.",
            )
        app = service.get_app(world, connection.app_id)
        granted = tokens.token_scopes(app, connection)
        requested = form.get("scope", "").split()
        if requested:
            unknown = [s for s in requested if s not in granted]
            if unknown:
                raise OAuthError(
                    "invalid_scope", f"Not granted to this client: {' '.join(unknown)}"
                )
            granted = tuple(s for s in granted if s in requested)
        token = tokens.issue(
            world.signing_key,
            connection,
            granted,
            world.clock.timestamp(),
            config.token_lifetime,
            config.issuer,
        )
    return {
        "access_token": token,
        "expires_in": config.token_lifetime,
        "token_type": "Bearer",
        "scope": " ".join(granted),
    }


async def token_endpoint(request: Request) -> Response:
    world: World = request.app.state.world
    config: Config = request.app.state.config
    try:
        basic = _basic_credentials(request.headers.get("authorization", ""))
        form = await _read_form(request)
        body = issue_token(world, config, form, basic)
    except OAuthError as exc:
        response = exc.response()
        if exc.status == 413:
            response.headers.update(bodies.CLOSE)
        return response
    return JSONResponse(body, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})
