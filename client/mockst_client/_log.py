"""The client's logger and the redaction it applies before anything reaches it.

Connector logs end up in support tickets and log aggregators. The rule is simple: log method, path,
status, attempt and waits; never a header value, token or secret. :func:`redact` exists for the few
places that format headers or form fields at DEBUG level, so even those show only that a value was
present.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

logger = logging.getLogger("mockst_client")

#: Names (compared case-insensitively) whose values are replaced by :data:`REDACTED`.
SENSITIVE = frozenset({"authorization", "st-app-key", "client_secret", "access_token"})
REDACTED = "[redacted]"


def redact(items: Mapping[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    """Copy headers or form fields with every sensitive value replaced."""
    pairs = items.items() if isinstance(items, Mapping) else items
    return {name: REDACTED if name.lower() in SENSITIVE else value for name, value in pairs}
