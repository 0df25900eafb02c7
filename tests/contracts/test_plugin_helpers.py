"""The plugin's journal marks, clock helpers and per-test fault clean-up (issue 16)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx


def test_a_mark_leaves_the_set_up_traffic_out(st_tenant, st_journal):
    with st_tenant.client() as st:
        list(st.customers.iter_all())
    assert len(st_journal.tokens()) == 1
    mark = st_journal.mark()
    assert st_journal.entries() == [] and st_journal.api() == []
    httpx.get(f"{st_tenant.crm}/customers", headers=st_tenant.headers())
    assert [e.operation_id for e in st_journal.api()] == ["Customers_GetList"]
    assert len(st_journal.tokens()) == 1  # the headers() token only
    assert all(e.id > mark for e in st_journal.entries())
    assert len(st_journal.tokens(since=st_journal.start)) == 2  # the whole test
    assert len(st_journal.api(since=st_journal.start)) == 2


def test_settle_puts_new_rows_into_the_export_feed(st_tenant, st_clock):
    address = {"street": "1 Main St", "city": "Austin", "state": "TX", "zip": "78701",
               "country": "USA"}  # fmt: skip
    with st_tenant.client() as st:
        st.customers.create({"name": "Fresh", "type": "Residential", "address": address,
                             "locations": [{"name": "Home", "address": address}]})  # fmt: skip
        assert [r for b in st.customers.export() for r in b.data] == []  # 15 minutes' wait
    before = st_clock.now()
    st_clock.settle()
    assert st_clock.now() - before >= timedelta(seconds=900)
    with st_tenant.client() as st:
        assert [r["name"] for b in st.customers.export() for r in b.data] == ["Fresh"]


def test_the_clock_freezes_jumps_and_is_restored(st_clock):
    start = st_clock.now()
    frozen = st_clock.freeze()
    assert st_clock.now() == frozen == st_clock.now()
    at = datetime(2030, 5, 1, 12, tzinfo=UTC)
    assert st_clock.set(at) == at and st_clock.now() == at  # still frozen
    st_clock.set(at, frozen=False)
    assert st_clock.now() >= at
    st_clock.freeze(at=at)
    assert st_clock.now() == at
    st_clock.restore()
    assert abs(st_clock.now() - start) < timedelta(seconds=5)
    assert not st_clock._clock.frozen


SESSION = """
import httpx

def test_a_adds_a_fault_and_moves_the_clock(mockst_server, st_clock):
    mockst_server.faults.add({"path": "/nowhere*", "status": 503})
    httpx.post(f"{mockst_server.base_url}/_mock/faults", json={"path": "/else*", "status": 500})
    assert len(mockst_server.faults.rules) == 3
    st_clock.advance(minutes=600)
    st_clock.freeze()

def test_b_sees_only_the_session_rule_and_an_unmoved_clock(mockst_server, st_clock):
    assert [r.rule.path for r in mockst_server.faults.rules] == ["/session*"]
    assert not mockst_server.world.clock.frozen
    assert abs(mockst_server.world.clock.snapshot()["offsetSeconds"]) < 1
"""

CONFTEST = """
import pytest

@pytest.fixture(scope="session", autouse=True)
def session_rule(mockst_server):
    mockst_server.faults.add({"path": "/session*", "status": 502})
"""


def test_faults_and_clock_moves_of_a_test_are_undone_after_it(tmp_path: Path) -> None:
    (tmp_path / "test_order.py").write_text(SESSION)
    (tmp_path / "conftest.py").write_text(CONFTEST)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
         str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True, env=dict(os.environ), timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert re.search(r"\b2 passed\b", done.stdout)
