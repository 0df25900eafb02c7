"""How an API family declares itself: once, in its package's ``__init__``.

A family is one of ServiceTitan's APIs (CRM, Settings, Job Planning…), served from one official
OpenAPI document. Its package (``mockst/<name>/``, named after the document's URL segment) sets
``FAMILY = Family(...)``; the registry finds it there, and everything that lists families (routing,
the journal's tenant matching, coverage, the fidelity tests, the scopes a quickstart app gets, the
OpenAPI document's title, the seed) reads these declarations. No list of family names is kept
anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from mockst.seed.story import Story

DEFAULT_BASE = "/tenant/{tenant}"


@dataclass(frozen=True)
class Family:
    """One API family, as its official document describes it."""

    name: str  # the package and URL segment: "crm", "equipmentsystems"
    title: str  # for people: "CRM", "Job Planning and Management"
    document: str  # the official document's file name: "crm-v2.json"
    server: str  # the path of the document's server URL: "/crm/v2", "/telecom"
    # Families whose data this one reads or changes (DESIGN.md: dependencies run one way, in the
    # direction the business flows). Seeds run in this order; a test holds the imports to it.
    uses: tuple[str, ...] = ()
    # Every scope its operations ask for (the document's security requirements), declared so that
    # granting them imports nothing; a test holds the list to the operations.
    scopes: tuple[str, ...] = ()
    # "module:function" of the seed hook, ``function(story)``: adds the family's rows to a demo
    # or ``mockst seed`` world. None: the family seeds nothing yet.
    seed: str | None = None

    def __post_init__(self) -> None:
        if not self.name.isidentifier() or self.name != self.name.lower():
            raise ValueError(f"a family name is a lower-case identifier: {self.name!r}")
        if not self.server.startswith("/") or self.server.endswith("/"):
            raise ValueError(f"a server path starts and does not end with '/': {self.server}")

    def seed_hook(self) -> Callable[[Story], None] | None:
        if self.seed is None:
            return None
        module, _, function = self.seed.partition(":")
        hook: Callable[[Story], None] = getattr(import_module(module), function)
        return hook
