"""What a read of the journal may show: secrets leave only as fingerprints or ``[redacted]``.

The journal keeps the wire as it was, secrets included (redacting on the way in would cost every
request); this module is applied on the way out, when an entry is read. Bearer tokens become
fingerprints (enough to tell "same token" from "new token", never enough to reuse one), client
secrets, signing keys and issued tokens are redacted. The app key is not a secret: it identifies
the app, it does not authenticate, and checks compare it in full.
"""

from __future__ import annotations

import re
from typing import Any

from mockst.wire import bearer, fingerprint, token_claims

REDACTED = "[redacted]"
# Field names whose values are secrets, compared with case, "_" and "-" ignored: ``client_secret``,
# ``Client_Secret`` and ``clientSecret`` are one name. ``password`` is the employees' and
# technicians' login password (Settings v2 takes it on create and update).
SECRET_NAMES = frozenset(
    {"clientsecret", "accesstoken", "refreshtoken", "signingkey", "password", "controltoken"}
)
_SECRET_NAME = (
    r"(?:client[_-]?secret|access[_-]?token|refresh[_-]?token|signing[_-]?key|password"
    r"|control[_-]?token)"
)
SECRET_IN_TEXT = re.compile(rb'"(' + _SECRET_NAME.encode() + rb')"\s*:\s*"[^"]*"', re.I)
SECRET_IN_QUERY = re.compile(r"((?:^|[?&;\s])" + _SECRET_NAME + r"=)[^&;\s]*", re.I)
BEARER_IN_TEXT = re.compile(r"(?i)^\s*bearer\s+(\S+)")


def is_secret_name(name: str) -> bool:
    return name.replace("_", "").replace("-", "").lower() in SECRET_NAMES


def redact_token(token: str) -> str:
    return f"{REDACTED} {fingerprint(token)}"


def redact(value: Any) -> Any:
    """A decoded JSON body with every secret field redacted (issued tokens keep a fingerprint)."""
    if isinstance(value, dict):
        return {k: _redact_field(k, v) for k, v in value.items()}
    if isinstance(value, list):
        return [redact(v) for v in value]
    return value


def _redact_field(name: Any, value: Any) -> Any:
    if not (isinstance(name, str) and is_secret_name(name)):
        return redact(value)
    if name == "access_token" and isinstance(value, str):
        return redact_token(value)
    return REDACTED


def redact_text(raw: bytes) -> str:
    """A body that cannot be decoded whole (a truncated head, a form that is not the token
    endpoint's): secret fields blanked in place, JSON-style and form-style."""
    text = SECRET_IN_TEXT.sub(rb'"\1":"' + REDACTED.encode() + b'"', raw).decode("utf-8", "replace")
    return redact_query(text)


def redact_query(text: str) -> str:
    """A query string (or a logged path with one) with secret parameters blanked."""
    return SECRET_IN_QUERY.sub(lambda m: m.group(1) + REDACTED, text)


def redact_form(form: dict[str, str]) -> dict[str, str]:
    """The token endpoint's form, without its client secret."""
    return {k: (REDACTED if is_secret_name(k) else v) for k, v in form.items()}


def redact_headers(headers: dict[str, str]) -> dict[str, str]:
    """Request headers as the journal shows them: a bearer token in any header becomes its
    fingerprint, a header named like a secret is blanked."""
    shown = {}
    for name, value in headers.items():
        if name in ("authorization", "proxy-authorization"):
            shown[name] = redacted_authorization(value)
        elif found := BEARER_IN_TEXT.match(value):
            shown[name] = f"Bearer {redact_token(found.group(1))}"
        elif any(word in name for word in ("secret", "password", "token", "cookie")):
            shown[name] = REDACTED
        else:
            shown[name] = value
    return shown


def redacted_authorization(value: str) -> str:
    token = bearer(value)
    if token is not None:
        return f"Bearer {redact_token(token)}"
    scheme = value.strip().partition(" ")[0]
    return f"{scheme} {REDACTED}"


def token_view(token: str) -> dict[str, Any]:
    """What the journal shows of an access token: its fingerprint and the claims that matter."""
    claims = token_claims(token) or {}
    return {
        "fingerprint": fingerprint(token),
        "jti": claims.get("jti"),
        "clientId": claims.get("client_id"),
        "tenant": claims.get("tenant"),
        "issuedAt": claims.get("iat"),
        "expiresAt": claims.get("exp"),
    }
