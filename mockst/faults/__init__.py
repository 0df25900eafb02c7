"""The fault stage: rate limits, then scheduled faults (errors, latency, dropped connections).

Rules come from the control plane (``POST /_mock/faults``), the CLI (``--fault 'k=v,…'``,
``--faults FILE``) or Python (``app.state.faults.add(...)``). A rule matches calls by operationId
or path glob, method and tenant; fires on every nth matching call, on the first n, with a seeded
probability (the same seed gives the same sequence), or on every call; and then:

- ``status``: answers 4xx/5xx in ``ApiErrorResponse`` shape (429 with ``Retry-After``);
- ``latency``: waits (fixed, uniform or lognormal milliseconds), then goes on or applies the rest;
- ``drop``: closes the connection without a response (the client sees "server disconnected").

Faults happen *before* the handler, so a faulted write changes nothing and a connector that
retries blindly is caught creating duplicates only when it ignores the answer. ``after=true`` runs
the handler first and then replaces its answer with the status (or drops the connection): "the
write succeeded but the response was lost", the case that makes a blind retry of a POST unsafe.

Every injected fault leaves a note in the ASGI scope that the journal records with the entry.

The parts: ``rules`` (the rule model and its CLI and file forms), ``schedule`` (the rules in
force, matching and firing), ``middleware`` (the ASGI stage).
"""

from mockst.faults.middleware import (
    EXEMPT,
    MAX_TOKEN_FORM,
    TITLES,
    ConnectionDropped,
    FaultMiddleware,
    drop_connection,
)
from mockst.faults.rules import (
    MAX_LATENCY_MS,
    SPEC_KEYS,
    FaultRule,
    FaultRules,
    Latency,
    load_file,
    parse_spec,
)
from mockst.faults.schedule import FaultSchedule, Fired

__all__ = [
    "EXEMPT",
    "MAX_LATENCY_MS",
    "MAX_TOKEN_FORM",
    "SPEC_KEYS",
    "TITLES",
    "ConnectionDropped",
    "FaultMiddleware",
    "FaultRule",
    "FaultRules",
    "FaultSchedule",
    "Fired",
    "Latency",
    "drop_connection",
    "load_file",
    "parse_spec",
]
