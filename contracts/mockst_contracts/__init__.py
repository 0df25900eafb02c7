"""mockst's contract kit: prove that a ServiceTitan connector behaves, and that mockst does.

* ``mockst verify -- COMMAND``: runs a connector under named scenarios (``scenarios``) on fresh
  simulators and judges it with named checks (``checks``) from the request journal and the
  resulting state; reports in Markdown, JUnit XML and JSON (``report``). The task a connector
  performs is in ``task``; ``examples/reference_connector.py`` does it with ``mockst_client``.
* ``strategies``: hypothesis strategies for valid ServiceTitan entities and whole worlds.
* the pytest plugin (``plugin``, registered as ``mockst``): ``mockst_server``, ``st_tenant``,
  ``st_journal`` and ``st_clock`` fixtures.

Importing this package is cheap; hypothesis is imported only by what needs it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["VerifyOptions", "verify"]


def __getattr__(name: str) -> Any:
    if name in ("VerifyOptions", "verify"):
        from mockst_contracts import runner

        return getattr(runner, name)
    raise AttributeError(name)
