"""The Job Planning settings: booking conversion and inactive references, switched off."""

from __future__ import annotations

import pytest
from job_refs import Refs

from mockst.config import Config
from mockst.testing import TenantApi


@pytest.fixture
def config() -> Config:
    return Config(job_converts_booking=False, job_refuses_inactive=False)


def test_switched_off(api: TenantApi, refs: Refs) -> None:
    booking = refs.booking()
    made = api.call("Jobs_Create", json=refs.job(bookingId=booking["id"],
                                                 campaignId=refs.retired_campaign))
    assert made.status_code == 200, made.text
    assert made.json()["bookingId"] == booking["id"]
    assert api.call("Bookings_Get", id=booking["id"]).json()["status"] == "New"
