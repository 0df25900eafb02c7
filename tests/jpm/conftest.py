"""The job tests' seeded tenant (``job_refs``), as a fixture."""

from job_refs import refs  # noqa: F401  (the fixture)
