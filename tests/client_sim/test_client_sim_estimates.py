"""The reference client's estimate helpers against the simulator, over a real socket."""

from __future__ import annotations

from typing import Any

import pytest
from mockst_client.errors import ServiceTitanError

from mockst.seed import populate_tenant


def test_estimates_on_a_job(sim: Any, tenant: dict[str, Any]) -> None:
    populate_tenant(sim.world, tenant["tenantId"], seed=8, customers=20)
    with sim.client(tenant) as st:
        job = next(iter(st.jobs.iter_all(page_size=10)))
        service = next(iter(st.services.iter_all(page_size=10)))
        technician = next(iter(st.technicians.iter_all(page_size=10)))["id"]
        made = st.estimates.create({"jobId": job["id"], "name": "Good",
                                    "items": [{"skuId": service["id"], "quantity": 2}]})
        assert made["customerId"] == job["customerId"] and made["subtotal"] > 0
        item = st.estimates.put_item(made["id"], {"skuName": service["code"]})
        assert item["estimateId"] == made["id"]
        assert st.estimates.delete_item(made["id"], item["id"]) is None
        assert st.estimates.sell(made["id"], technician)["status"]["name"] == "Sold"
        with pytest.raises(ServiceTitanError) as refused:
            st.estimates.sell(made["id"], technician)
        assert refused.value.status_code == 400
        assert st.estimates.unsell(made["id"]) is None
        assert st.estimates.dismiss(made["id"]) is None
        moves = [c["newStatus"] for c in st.estimates.status_changes(made["id"])]
        assert moves == ["Open", "Sold", "Open", "Dismissed"]
        listed = st.estimates.list(jobId=job["id"], status="Dismissed")["data"]
        assert made["id"] in [e["id"] for e in listed]
        assert st.estimates.items(estimateId=made["id"])["data"][0]["qty"] == 2
        fed = [row for batch in st.estimates.export(include_recent_changes=True)
               for row in batch.data]
        assert fed[-1]["id"] == made["id"] and fed[-1]["status"]["name"] == "Dismissed"
        assert st.estimates.get(made["id"])["items"][0]["sku"]["id"] == service["id"]
