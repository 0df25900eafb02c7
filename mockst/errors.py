"""Errors as ServiceTitan shapes them.

API errors are ``ApiErrorResponse`` (RFC 7807 plus ``traceId``, ``errors``, ``data``); the token
endpoint answers OAuth-style. Handlers raise these exceptions; the routing layer renders them, so no
handler ever builds an error body by hand.
"""

from __future__ import annotations

import secrets
from typing import Any

from mockst.encoding import JSONResponse

# The problem-type URIs ASP.NET Core uses for each status, which ServiceTitan's API runs on.
PROBLEM_TYPES: dict[int, str] = {
    400: "https://tools.ietf.org/html/rfc7231#section-6.5.1",
    401: "https://tools.ietf.org/html/rfc7235#section-3.1",
    403: "https://tools.ietf.org/html/rfc7231#section-6.5.3",
    404: "https://tools.ietf.org/html/rfc7231#section-6.5.4",
    405: "https://tools.ietf.org/html/rfc7231#section-6.5.5",
    409: "https://tools.ietf.org/html/rfc7231#section-6.5.8",
    413: "https://tools.ietf.org/html/rfc7231#section-6.5.11",
    415: "https://tools.ietf.org/html/rfc7231#section-6.5.13",
    429: "https://tools.ietf.org/html/rfc6585#section-4",
    500: "https://tools.ietf.org/html/rfc7231#section-6.6.1",
    501: "https://tools.ietf.org/html/rfc7231#section-6.6.2",
    502: "https://tools.ietf.org/html/rfc7231#section-6.6.3",
    503: "https://tools.ietf.org/html/rfc7231#section-6.6.4",
    504: "https://tools.ietf.org/html/rfc7231#section-6.6.5",
}

VALIDATION_TITLE = "One or more validation errors occurred."


def new_trace_id() -> str:
    """A W3C traceparent, the form ASP.NET puts in ``traceId``."""
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-00"


class ApiError(Exception):
    """Any failure of an API call; rendered as ``ApiErrorResponse``."""

    def __init__(
        self,
        status: int,
        title: str,
        errors: dict[str, list[str]] | None = None,
        data: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(title)
        self.status = status
        self.title = title
        self.errors = errors or {}
        self.data = data or {}
        self.headers = headers or {}

    def body(self, trace_id: str | None = None) -> dict[str, Any]:
        return {
            "type": PROBLEM_TYPES.get(self.status, "about:blank"),
            "title": self.title,
            "status": self.status,
            "traceId": trace_id or new_trace_id(),
            "errors": self.errors,
            "data": self.data,
        }

    def response(self) -> JSONResponse:
        return JSONResponse(self.body(), status_code=self.status, headers=self.headers)


def validation_error(errors: dict[str, list[str]]) -> ApiError:
    return ApiError(400, VALIDATION_TITLE, errors)


def field_error(field: str, message: str) -> ApiError:
    return validation_error({field: [message]})


def not_found(what: str, ident: object) -> ApiError:
    return ApiError(404, f"{what} not found.", {"id": [f"{what} with id {ident} was not found."]})


def conflict(message: str, field: str = "") -> ApiError:
    return ApiError(409, message, {field: [message]} if field else {})


# Where the token endpoint puts the cause of a refusal, for the developer reading it: the real
# endpoint's body is only {"error": "invalid_client"}, and a client that works against mockst must
# not come to rely on more.
DESCRIPTION_HEADER = "X-Mockst-Error-Description"


class OAuthError(Exception):
    """A token-endpoint failure (RFC 6749 §5.2): ``{"error": ...}``, the cause in a header."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status

    def response(self) -> JSONResponse:
        return JSONResponse(
            {"error": self.error},
            status_code=self.status,
            headers={
                "Cache-Control": "no-store",
                "Pragma": "no-cache",
                DESCRIPTION_HEADER: self.description,
            },
        )
