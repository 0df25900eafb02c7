"""``POST /connect/token`` in the simulator's OpenAPI document.

The token endpoint is not a family's operation (no official document declares it), so it is
described here by hand, from what ``mockst.auth.token_endpoint`` does: the form it reads, the
token it answers with and its OAuth errors, which are not ``ApiErrorResponse``."""

from __future__ import annotations

from typing import Any

AUTH_TAG = "Auth (token endpoint)"
OAUTH_ERRORS = ["invalid_client", "invalid_request", "unsupported_grant_type", "invalid_scope"]

_FORM = {
    "type": "object",
    "required": ["grant_type"],
    "properties": {
        "grant_type": {"type": "string", "enum": ["client_credentials"]},
        "client_id": {
            "type": "string",
            "description": "The connection's client id (cid.…); or send it with the secret "
            "as HTTP Basic credentials.",
        },
        "client_secret": {"type": "string", "description": "One of its active client secrets."},
        "scope": {
            "type": "string",
            "description": "Space-separated scopes to narrow the token to; left out: every "
            "scope the app has and the tenant accepted.",
        },
    },
}

_TOKEN = {
    "type": "object",
    "required": ["access_token", "expires_in", "token_type", "scope"],
    "properties": {
        "access_token": {"type": "string", "description": "A JWT for the Authorization header."},
        "expires_in": {"type": "integer", "description": "Seconds it lasts (900)."},
        "token_type": {"type": "string", "enum": ["Bearer"]},
        "scope": {"type": "string", "description": "The scopes granted, space-separated."},
    },
}


def _error(description: str, codes: list[str], headers: dict[str, Any]) -> dict[str, Any]:
    return {
        "description": description,
        "headers": headers,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {"type": "string", "enum": codes}},
                }
            }
        },
    }


_DESCRIBED = {
    "X-Mockst-Error-Description": {
        "description": "Why (the simulator's own header; the body is only the error code, as "
        "the real endpoint's is).",
        "schema": {"type": "string"},
    }
}


def token_operation() -> dict[str, Any]:
    return {
        "tags": [AUTH_TAG],
        "summary": "Take an access token (OAuth 2.0 client credentials)",
        "description": "The auth server's only grant. Send the client id and secret in the form "
        "or as HTTP Basic credentials; use the token as `Authorization: Bearer TOKEN` with "
        "`ST-App-Key` on every API call. Every credential failure (unknown client id, wrong or "
        "deactivated secret, connection not allowed or disabled, another environment) is the "
        "same `invalid_client`.",
        "operationId": "Auth_Token",
        "security": [],
        "requestBody": {
            "required": True,
            "content": {"application/x-www-form-urlencoded": {"schema": _FORM}},
        },
        "responses": {
            "200": {
                "description": "A token",
                "headers": {
                    "Cache-Control": {"schema": {"type": "string", "enum": ["no-store"]}},
                },
                "content": {"application/json": {"schema": _TOKEN}},
            },
            "400": _error("An OAuth error (RFC 6749 §5.2)", OAUTH_ERRORS, _DESCRIBED),
            "413": _error("The form is over 16 KiB", ["invalid_request"], _DESCRIBED),
            "429": _error(
                "Token requests too fast for this client id (only with a token rate limit)",
                ["slow_down"],
                {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}},
            ),
        },
    }
