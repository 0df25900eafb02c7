"""Images: bounded uploads (multipart, raw, JSON) and GET by path, 302 to the stored bytes."""

from __future__ import annotations

from mockst.testing import TenantApi


def test_an_uploaded_image_comes_back_by_its_path(api: TenantApi) -> None:
    url = api.url("Images_Post")
    sent = api.client.post(url, headers=api.headers,
                           files={"file": ("furnace.png", b"\x89PNG-bytes", "image/png")})
    assert sent.status_code == 201, sent.text
    path = sent.json()["path"]
    assert path.startswith(f"Images/{api.tenant_id}/") and path.endswith(".png")
    found = api.client.get(api.url("Images_Get"), params={"path": path}, headers=api.headers,
                           follow_redirects=False)
    assert found.status_code == 302 and found.content == b""
    blob = api.client.get(found.headers["location"])
    assert blob.status_code == 200 and blob.content == b"\x89PNG-bytes"
    assert blob.headers["content-type"] == "image/png"
    assert api.call("Images_Get", params={"path": path[:-4] + ".PNG"}).status_code == 404
    assert api.call("Images_Get", params={"path": "Other/x.png"}).status_code == 400
    assert api.call("Images_Get").status_code == 400


def test_raw_and_json_uploads(api: TenantApi) -> None:
    url = api.url("Images_Post")
    raw = api.client.post(url, headers={**api.headers, "Content-Type": "image/jpeg"},
                          content=b"jpeg")
    assert raw.status_code == 201 and raw.json()["path"].endswith((".jpg", ".jpeg"))
    assert api.call("Images_Post", json={"file": "abc"}).status_code == 201
    assert api.call("Images_Post", json={}).status_code == 400
