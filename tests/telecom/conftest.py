"""The call tests' seeded tenant (``call_refs``), as a fixture."""

from call_refs import phones  # noqa: F401  (the fixture)
