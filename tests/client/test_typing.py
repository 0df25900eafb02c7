"""The client's types, as a connector's type checker sees them: one set of resource helpers serves
both twins, so a slip in the generic plumbing would show only here (the tests run either way)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CLIENT = Path(__file__).resolve().parents[2] / "client" / "mockst_client"

USAGE = '''
from collections.abc import AsyncIterator, Awaitable, Iterator
from typing import Any, assert_type

from datetime import UTC, datetime

from mockst_client import (AsyncServiceTitanClient, ExternalKey, JobRequest, Scheduler,
                           ServiceTitanClient, Slot)
from mockst_client.paging import AsyncExportIterator, ExportIterator


def sync_client(st: ServiceTitanClient) -> None:
    assert_type(ServiceTitanClient.from_env(), ServiceTitanClient)
    assert_type(st.customers.iter_all(), Iterator[dict[str, Any]])
    assert_type(st.customers.export(), ExportIterator)
    assert_type(st.bookings.create({"name": "x"}), Any)
    assert_type(st.capacity.check("2027-03-02T00:00:00Z", "2027-03-03T00:00:00Z"), Any)
    plan = Scheduler(st)
    job_type = plan.job_type("Drain Cleaning")
    slots = plan.open_slots(job_type, datetime(2027, 3, 2, tzinfo=UTC),
                            datetime(2027, 3, 3, tzinfo=UTC))
    assert_type(slots, list[Slot])
    request = JobRequest(1, 2, job_type, 3, slots[0])
    assert_type(plan.book_job_once(request, ExternalKey("guid", "k", "v")), dict[str, Any])
    assert_type(plan.find_job(booking_id=4), dict[str, Any] | None)


async def async_client(st: AsyncServiceTitanClient) -> None:
    assert_type(AsyncServiceTitanClient.from_env(), AsyncServiceTitanClient)
    assert_type(st.customers.get(1), Awaitable[Any])
    assert_type(st.capacity.check("2027-03-02T00:00:00Z", "2027-03-03T00:00:00Z"), Awaitable[Any])
    assert_type(st.customers.iter_all(), AsyncIterator[dict[str, Any]])
    assert_type(st.customers.export(), AsyncExportIterator)
'''


def test_the_client_and_its_use_type_check(tmp_path: Path) -> None:
    usage = tmp_path / "usage.py"
    usage.write_text(USAGE)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            "--no-error-summary",
            str(CLIENT),
            str(usage),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
