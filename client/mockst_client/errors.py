"""Typed errors, so a connector can react to what went wrong instead of parsing messages.

ServiceTitan answers API failures with an ``ApiErrorResponse``
(``{type, title, status, traceId, errors: {field: [messages]}, data}``) and token failures
OAuth-style (``{"error": "invalid_client", "error_description": ...}``). Gateways in front of the
API may answer with other shapes (plain text, ``{"statusCode", "message"}``), so every parser here
falls back to something readable instead of raising while building the error.
"""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "ForbiddenError",
    "NotFoundError",
    "RateLimitedError",
    "ServerError",
    "ServiceTitanError",
    "TokenError",
    "api_error_from_response",
    "token_error_from_response",
]

#: Longest slice of a non-JSON body kept in an error message: enough to recognise an HTML error
#: page or a gateway message, short enough to keep logs readable.
_BODY_SNIPPET = 200


class ServiceTitanError(Exception):
    """Base class of every error this client raises on purpose."""


class ConfigurationError(ServiceTitanError, ValueError):
    """The client was given missing or contradictory settings (caught before any request)."""


class TokenError(ServiceTitanError):
    """The token endpoint refused to issue an access token.

    ``error`` is the OAuth error code (``invalid_client``, ``unsupported_grant_type``...), or
    ``None`` when the body was not OAuth-shaped (a gateway page, a 5xx).
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        error: str | None = None,
        error_description: str | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.error = error
        self.error_description = error_description
        self.response = response


class ApiError(ServiceTitanError):
    """A ServiceTitan API call answered with a non-2xx status.

    The attributes mirror ``ApiErrorResponse`` so callers can show field errors to a user
    (``errors``) and quote ``trace_id`` when they contact ServiceTitan support.
    """

    def __init__(
        self,
        *,
        status: int,
        title: str,
        type: str | None = None,  # the wire name, kept so the fields read like the JSON
        trace_id: str | None = None,
        errors: dict[str, list[str]] | None = None,
        data: dict[str, Any] | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        self.status = status
        self.title = title
        self.type = type
        self.trace_id = trace_id
        self.errors = errors or {}
        self.data = data or {}
        self.response = response
        super().__init__(self._message())

    @property
    def status_code(self) -> int:
        """Alias of ``status`` for code written against httpx's naming."""
        return self.status

    def _message(self) -> str:
        where = ""
        if self.response is not None:
            request = self.response.request
            where = f" ({request.method} {request.url.path})"
        parts = [f"{self.status} {self.title}{where}"]
        for field, messages in self.errors.items():
            parts.append(f"{field}: {'; '.join(messages)}")
        if self.trace_id:
            parts.append(f"traceId={self.trace_id}")
        return " | ".join(parts)


class BadRequestError(ApiError):
    """400: the request failed validation; ``errors`` names the offending fields."""


class AuthenticationError(ApiError):
    """401: the bearer token or app key was refused, even after one token refresh."""


class ForbiddenError(ApiError):
    """403: the connection lacks a scope or is restricted to another booking provider."""


class NotFoundError(ApiError):
    """404: no such record for this tenant (or not visible to this connection)."""


class ConflictError(ApiError):
    """409: the request conflicts with the tenant's state (unknown customer, duplicate tag...)."""


class RateLimitedError(ApiError):
    """429 that persisted after the client's bounded retries.

    ``retry_after`` is the server's last ``Retry-After`` in seconds, if it sent one.
    """

    def __init__(self, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(**kwargs)


class ServerError(ApiError):
    """5xx that persisted after retries, or any 5xx on a non-idempotent call (never retried)."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitedError,
}


def _json_object(response: httpx.Response) -> dict[str, Any] | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def _snippet(response: httpx.Response) -> str:
    text = response.text.strip()
    if not text:
        return response.reason_phrase or "error"
    return text if len(text) <= _BODY_SNIPPET else text[:_BODY_SNIPPET] + "..."


def _field_errors(raw: Any) -> dict[str, list[str]]:
    # Spec says map<string, string[]>; tolerate a bare string per field rather than lose it.
    if not isinstance(raw, dict):
        return {}
    return {
        str(field): [str(m) for m in messages] if isinstance(messages, list) else [str(messages)]
        for field, messages in raw.items()
    }


def api_error_from_response(
    response: httpx.Response, *, retry_after: float | None = None
) -> ApiError:
    """Build the typed error for a failed API response (the caller decides to raise it)."""
    status = response.status_code
    body = _json_object(response) or {}
    # ApiErrorResponse uses "title"; an Azure APIM gateway answer uses "message".
    title = body.get("title") or body.get("message") or _snippet(response)
    fields: dict[str, Any] = {
        "status": status,
        "title": str(title),
        "type": body.get("type"),
        "trace_id": body.get("traceId"),
        "errors": _field_errors(body.get("errors")),
        "data": body.get("data") if isinstance(body.get("data"), dict) else None,
        "response": response,
    }
    if status == 429:
        return RateLimitedError(retry_after=retry_after, **fields)
    if status >= 500:
        return ServerError(**fields)
    return _BY_STATUS.get(status, ApiError)(**fields)


def token_error_from_response(response: httpx.Response) -> TokenError:
    """Build a :class:`TokenError` from the token endpoint's failed (or malformed) answer."""
    body = _json_object(response) or {}
    error = body.get("error")
    description = body.get("error_description")
    detail = error or _snippet(response)
    if description:
        detail = f"{detail}: {description}"
    return TokenError(
        f"token request failed with {response.status_code}: {detail}",
        status_code=response.status_code,
        error=str(error) if error else None,
        error_description=str(description) if description else None,
        response=response,
    )
