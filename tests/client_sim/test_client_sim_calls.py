"""The reference client reads calls over a real socket: a call arrives from the phone system (the
control plane), is found by the caller's number (v3), linked to the job it booked (v2 update) and
read back from the export feed."""

from __future__ import annotations

from typing import Any

from mockst.seed import populate_tenant


def test_find_a_call_link_its_job_and_export_it(sim: Any, tenant: dict[str, Any]) -> None:
    tenant_id = int(tenant["tenantId"])
    populate_tenant(sim.world, tenant_id, seed=11, customers=6, bookings=2, history_days=20)
    arrived = sim.control.post(f"/_mock/tenants/{tenant_id}/calls", json={
        "from": "(512) 555-7311", "to": "(512) 555-0200", "duration": "00:04:10"})  # fmt: skip
    assert arrived.status_code == 200, arrived.text
    ident = arrived.json()["leadCall"]["id"]
    with sim.client(tenant) as st:
        found = st.calls.list(callerPhoneNumber="512-555-7311")["data"]
        assert [(c["id"], c["leadCall"]["id"]) for c in found] == [(0, ident)]
        assert found[0]["leadCall"]["duration"] == "00:04:10"
        job = st.jobs.list(page_size=1)["data"][0]
        blank = {"street": "", "unit": "", "country": "", "city": "", "state": "", "zip": ""}
        party = {"id": 0, "name": "", "address": blank, "contacts": []}
        st.calls.update(ident, {"jobId": job["id"], "excuseMemo": "", "tag": "",
                                "reason": {"name": "", "lead": True},
                                "customer": party, "location": party})  # fmt: skip
        assert st.calls.get(ident)["id"] == job["id"]
        assert st.jobs.get(job["id"])["leadCallId"] == ident
        exported = [row for batch in st.calls.export(include_recent_changes=True)
                    for row in batch.data]  # fmt: skip
        assert any(r["id"] == ident and r["job"]["id"] == job["id"] for r in exported)
