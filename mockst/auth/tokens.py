"""Access tokens: JWTs carrying the claims ServiceTitan's carry.

The real tokens are RS256 from an IdentityServer (``typ: at+jwt``, ``client_id``, ``tenant`` as a
string, ``scope`` as an array, a 32-hex ``jti``). Ours have the same header type and claims, signed
HS256 with the world's own key: a connector must treat the token as opaque anyway, and a symmetric
key keeps the simulator free of key management. Lifetime comes from the simulator clock.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jwt

from mockst.identity.model import App, Connection

ALGORITHM = "HS256"


@dataclass(frozen=True)
class TokenClaims:
    client_id: str
    tenant: int
    scopes: frozenset[str]
    issued_at: int
    expires_at: int
    jti: str


class TokenRejected(Exception):
    """Why a bearer token does not work: ``invalid_token`` or ``expired_token``."""

    def __init__(self, case: str, message: str) -> None:
        super().__init__(message)
        self.case = case
        self.message = message


def issue(
    signing_key: str,
    connection: Connection,
    scopes: tuple[str, ...],
    now: float,
    lifetime: int,
    issuer: str,
) -> str:
    issued = int(now)
    claims: dict[str, Any] = {
        "iss": issuer,
        "nbf": issued,
        "iat": issued,
        "exp": issued + lifetime,
        "client_id": connection.client_id,
        "tenant": str(connection.tenant_id),
        "scope": list(scopes),
        "jti": secrets.token_hex(16).upper(),
    }
    return jwt.encode(claims, signing_key, algorithm=ALGORITHM, headers={"typ": "at+jwt"})


def verify(signing_key: str, token: str, now: float) -> TokenClaims:
    """Check signature and shape, then lifetime against the simulator clock (not the wall clock)."""
    result = _decode(signing_key, token)
    if now >= result.expires_at:
        raise TokenRejected("expired_token", "The access token has expired.")
    if now < result.issued_at:
        raise TokenRejected("invalid_token", "The access token is not valid yet.")
    return result


# A connector sends the same token for fifteen minutes: checking its signature once is enough.
# Only good tokens are remembered (a raise is not cached), and the key is part of the cache key.
@lru_cache(maxsize=4096)
def _decode(signing_key: str, token: str) -> TokenClaims:
    try:
        claims = jwt.decode(
            token,
            signing_key,
            algorithms=[ALGORITHM],
            options={
                "verify_exp": False,
                "verify_nbf": False,
                "verify_iat": False,
                "verify_iss": False,
                "verify_aud": False,
            },
        )
        return TokenClaims(
            client_id=str(claims["client_id"]),
            tenant=int(claims["tenant"]),
            scopes=frozenset(claims["scope"]),
            issued_at=int(claims["nbf"]),
            expires_at=int(claims["exp"]),
            jti=str(claims["jti"]),
        )
    except (jwt.PyJWTError, KeyError, TypeError, ValueError) as exc:
        raise TokenRejected("invalid_token", "The access token is invalid.") from exc


def token_scopes(app: App, connection: Connection) -> tuple[str, ...]:
    """The scopes of the app version the tenant accepted, not the app's latest."""
    if connection.accepted_version < 1:
        return ()
    return app.scopes_of(connection.accepted_version)
