"""The estimate tests' seeded tenant (``sales_refs``), as a fixture."""

from sales_refs import sales  # noqa: F401  (the fixture)
