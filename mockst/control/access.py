"""Who may use the control plane: the simulator holds credentials, and the control plane mints them.

Three rules, checked before a control route reads its body:

* with a control token set (``--control-token``, ``MOCKST_CONTROL_TOKEN``), every route but
  liveness and readiness needs ``Authorization: Bearer <token>`` (401 otherwise);
* a request whose ``Origin`` is not the server's own is refused (403), token or not: a web page
  the developer visits must not advance the clock, mint secrets or wipe the world;
* a body, when there is one, must be JSON (415): a browser sends a cross-site form or text body
  without asking first, but never a JSON one.
"""

from __future__ import annotations

import hmac

from starlette.requests import Request

from mockst.errors import ApiError

OPEN_PATHS = frozenset({"/_mock/health", "/_mock/ready"})  # the Docker health check calls these
JSON_MEDIA = ("application/json", "text/json")


def _own_origin(request: Request) -> str:
    host = request.headers.get("host", "")
    return f"{request.url.scheme}://{host}".lower()


def check_request(request: Request, control_token: str | None) -> None:
    """Raise the ``ApiError`` that refuses ``request``, or return."""
    if request.url.path in OPEN_PATHS:
        return
    origin = request.headers.get("origin")
    if origin is not None and origin.rstrip("/").lower() != _own_origin(request):
        raise ApiError(
            403,
            "Cross-site requests to the control plane are refused.",
            {"origin": [f"Origin '{origin}' is not this server's own."]},
        )
    if control_token:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), control_token.encode()
        ):
            title = "The control plane needs its control token."
            challenge = f'Bearer error="invalid_token", error_description="{title}"'
            raise ApiError(
                401,
                title,
                {"authorization": ["Send Authorization: Bearer <control token>."]},
                headers={"WWW-Authenticate": challenge},
            )


def check_body_type(request: Request, body: bytes) -> None:
    """A non-empty body must say it is JSON."""
    if not body or body.isspace():
        return
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    if media in JSON_MEDIA or media.endswith("+json"):
        return
    raise ApiError(
        415,
        "Unsupported Media Type",
        {"": [f"The control plane takes JSON bodies; got '{content_type}'."]},
    )
