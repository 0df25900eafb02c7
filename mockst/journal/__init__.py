"""The journal: every request and response the simulator saw, in a bounded ring, queryable.

The contract kit judges a connector by what it sent (which token, which app key, did it wait for
``Retry-After``, did it read every page), so the journal keeps what was on the wire, not what a
handler thought. It is plain ASGI middleware, outermost, so it sees the response the client got,
including injected faults and rate limits (the fault stage leaves a note in the ASGI scope).

Recording must cost next to nothing: a request keeps its headers packed into one bytes object and
its bodies up to a limit, and everything else (JSON decoding, token fingerprints, redaction,
operationId, tenant) is derived only when someone reads the entry, then memoized.
Secrets never leave through a read: bearer tokens become fingerprints, client secrets and issued
tokens are redacted; the app key is kept in full (it identifies the app, it does not authenticate).

The parts: ``entry`` (one exchange and its view), ``redaction`` (what a view may show), ``query``
(``JournalQuery`` and its filter), ``ring`` (the bounded ``Journal``), ``middleware`` (the ASGI
stage). Request facts shared with the fault stage live in ``mockst.wire``.
"""

from mockst.journal.entry import Entry
from mockst.journal.middleware import UNJOURNALED, JournalMiddleware
from mockst.journal.query import JournalQuery
from mockst.journal.redaction import (
    REDACTED,
    SECRET_IN_TEXT,
    SECRET_NAMES,
    is_secret_name,
    redact_query,
    token_view,
)
from mockst.journal.ring import (
    DEFAULT_BODY_BYTES,
    DEFAULT_SIZE,
    DEFAULT_TOTAL_BYTES,
    MAX_HEADER_BYTES,
    MAX_HEADERS,
    Journal,
)
from mockst.wire import (
    FAULT_KEY,
    HEADER_BYTES_KEY,
    OPERATIONS,
    OperationIndex,
    api_path,
    fingerprint,
    header,
    header_bytes,
    tenant_of,
    token_claims,
)

__all__ = [
    "DEFAULT_BODY_BYTES",
    "DEFAULT_SIZE",
    "DEFAULT_TOTAL_BYTES",
    "FAULT_KEY",
    "HEADER_BYTES_KEY",
    "MAX_HEADERS",
    "MAX_HEADER_BYTES",
    "OPERATIONS",
    "REDACTED",
    "SECRET_IN_TEXT",
    "SECRET_NAMES",
    "UNJOURNALED",
    "Entry",
    "Journal",
    "JournalMiddleware",
    "JournalQuery",
    "OperationIndex",
    "api_path",
    "fingerprint",
    "header",
    "header_bytes",
    "is_secret_name",
    "redact_query",
    "tenant_of",
    "token_claims",
    "token_view",
]
