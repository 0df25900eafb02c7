"""An upload over ``max_upload_bytes``, or a broken form, is refused and writes nothing."""

from __future__ import annotations

import pytest

from mockst.config import Config
from mockst.store.world import World
from mockst.testing import TenantApi


@pytest.fixture
def config() -> Config:
    return Config(max_upload_bytes=10)


def test_a_bad_upload_writes_nothing(world: World, api: TenantApi) -> None:
    url = api.url("Images_Post")
    big = api.client.post(url, headers=api.headers, files={"file": ("a.png", b"x" * 64)})
    assert big.status_code == 413
    broken = api.client.post(url, content=b"--zz\r\nx", headers={
        **api.headers, "Content-Type": "multipart/form-data; boundary=zz"})
    assert broken.status_code == 400
    no_file = api.client.post(url, headers=api.headers, data={"name": "x"})
    assert no_file.status_code == 400
    assert list(world.tenant_data(api.tenant_id).table("uploads").rows()) == []
    # the bound is on the whole body, form and all
    small = api.client.post(url, content=b"x" * 10, headers={**api.headers,
                                                             "Content-Type": "image/png"})
    assert small.status_code == 201
