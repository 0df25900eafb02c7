"""``call_top_level_id``: the job's id at the top of a call row (the default), or 0 on every row,
as one live probe of v3 saw (§15 U20)."""

from __future__ import annotations

import pytest
from call_refs import Phones

from mockst.config import Config


@pytest.fixture
def config() -> Config:
    return Config(call_top_level_id="zero")


def test_the_top_level_id_can_be_always_zero(phones: Phones) -> None:
    made = phones.arrive(jobId=phones.job).json()
    assert made["id"] == 0 and made["jobNumber"]
    ident = made["leadCall"]["id"]
    assert phones.api.call("Calls_GetDetails", id=ident).json()["id"] == 0
    listed = phones.api.call("Calls_GetCalls", params={"ids": [ident]}).json()["data"]
    assert listed[0]["id"] == 0 and listed[0]["jobNumber"] == made["jobNumber"]
