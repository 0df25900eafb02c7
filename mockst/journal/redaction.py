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
SECRET_KEYS = frozenset({"clientSecret", "client_secret", "access_token", "signingKey"})
SECRET_IN_TEXT = re.compile(
    rb'"(clientSecret|client_secret|access_token|signingKey)"\s*:\s*"[^"]*"'
)


def redact_token(token: str) -> str:
    return f"{REDACTED} {fingerprint(token)}"


def redact(value: Any) -> Any:
    """A decoded JSON body with every secret field redacted (issued tokens keep a fingerprint)."""
    if isinstance(value, dict):
        return {
            k: (
                redact_token(v)
                if k == "access_token" and isinstance(v, str)
                else REDACTED
                if k in SECRET_KEYS
                else redact(v)
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [redact(v) for v in value]
    return value


def redact_text(raw: bytes) -> str:
    """A body that cannot be decoded whole (a truncated head): secret fields blanked in place."""
    return SECRET_IN_TEXT.sub(rb'"\1":"' + REDACTED.encode() + b'"', raw).decode("utf-8", "replace")


def redact_form(form: dict[str, str]) -> dict[str, str]:
    """The token endpoint's form, without its client secret."""
    return {k: (REDACTED if k == "client_secret" else v) for k, v in form.items()}


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
