"""The pytest examples in ``docs/ci.md`` and ``docs/contracts.md`` run as written (issue 16),
against a small connector standing in for "your code", in a pytest of their own (the plugin
loads as it does in a user's project)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CONNECTOR = '''\
"""What the documents call your code: reads the customer export feed and books a job with
mockst_client."""
from mockst_client import ServiceTitanClient


class Connector:
    def __init__(self, env):
        self._env = env

    @classmethod
    def from_env(cls, env):
        return cls(env)

    def sync_customers(self):
        with ServiceTitanClient.from_env(self._env) as st:
            return [row for batch in st.customers.export() for row in batch.data]


def sync(env):
    return {c["id"]: c for c in Connector.from_env(env).sync_customers()}


def book(env, lead, service, start, days):
    """Books the lead's service into the first open slot, once (mockst_client's Scheduler)."""
    from datetime import timedelta

    from mockst_client import ExternalKey, JobRequest, Scheduler

    with ServiceTitanClient.from_env(env) as st:
        plan = Scheduler(st)
        customer, location = plan.customer_for(lead["name"], lead["phone"], lead["address"])
        job_type = plan.job_type(service)
        slot = plan.open_slots(job_type, start, start + timedelta(days=days))[0]
        request = JobRequest(customer, location, job_type, plan.campaign()["id"], slot)
        key = ExternalKey("5b7c1e9a-2f4d-4c1b-8e6a-0d9f3a2b1c7e", "lead", lead["phone"])
        return plan.book_job_once(request, key)
'''


def _examples(document: str) -> list[str]:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / document).read_text(), re.DOTALL)
    return [b for b in blocks if "def test_" in b]


def test_the_documented_plugin_examples_pass_as_written(tmp_path: Path) -> None:
    found = {doc: _examples(doc) for doc in ("docs/ci.md", "docs/contracts.md")}
    assert all(found.values()), found
    for doc, blocks in found.items():
        for number, block in enumerate(blocks):
            name = f"test_{Path(doc).stem}_{number}.py"
            (tmp_path / name).write_text(block)
    (tmp_path / "my_connector.py").write_text(CONNECTOR)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            str(tmp_path),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert re.search(r"\b6 passed\b", done.stdout), done.stdout[-2000:]
