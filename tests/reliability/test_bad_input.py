"""Bad input against a real server: every answer is a clear 4xx, never a 5xx, and it stays up."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from reliability_helpers import new_customer, onboard, start_server

JSON = {"content-type": "application/json"}
FORM = {"content-type": "application/x-www-form-urlencoded"}


def _raw(url: str, request: bytes) -> bytes:
    """Send bytes as they are (no client would send these) and read the status line."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    return data.split(b"\r\n", 1)[0]


def _chunks(count: int, size: int) -> Iterator[bytes]:
    for _ in range(count):
        yield b"a" * size


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    process = start_server(tmp_path_factory.mktemp("bad") / "server.log", "--rate-limit", "0")
    yield process.url
    process.process.kill()
    process.process.wait(timeout=15)


def test_bodies(server: str) -> None:
    with httpx.Client(base_url=server, timeout=30) as http:
        creds = onboard(http)
        headers = {**creds["headers"], **JSON}
        customers = f"{creds['crm']}/customers"
        big = b'{"name":"' + b"a" * 2_000_000 + b'"}'
        cases = {
            "oversized": (customers, big, headers, 413),
            "oversized, chunked": (customers, _chunks(40, 65_536), headers, 413),
            "garbage": (customers, bytes(range(256)) * 8, headers, 400),
            "nested arrays": (customers, b"[" * 100_000 + b"]" * 100_000, headers, 400),
            "nested objects": (customers, b'{"a":' * 5_000 + b"1" + b"}" * 5_000, headers, 400),
            "invalid UTF-8": (customers, b'{"name":"\xff\xfe"}', headers, 400),
            "not JSON": (customers, b"name=x", {**creds["headers"], **FORM}, 415),
            "token form, oversized": ("/connect/token", b"a" * 2_000_000, FORM, 413),
            "token form, invalid UTF-8": ("/connect/token", b"grant_type=\xff", FORM, 400),
            "control, nested": ("/_mock/tenants", b"[" * 100_000 + b"]" * 100_000, JSON, 400),
            "control, garbage": ("/_mock/world", bytes(range(256)), JSON, 400),
        }
        got = {}
        for name, (path, body, sent_headers, _) in cases.items():
            method = "PUT" if path == "/_mock/world" else "POST"
            got[name] = http.request(method, path, content=body, headers=sent_headers).status_code
        assert got == {name: case[3] for name, case in cases.items()}
        # Nothing was created by any of it, and good input still works.
        assert http.get(customers, headers=creds["headers"]).json()["data"] == []
        ok = http.post(customers, headers=creds["headers"], json=new_customer("Fine"))
        assert ok.status_code == 200
        assert http.get("/_mock/journal", params={"status": "5xx"}).json()["entries"] == []


def test_header_floods_and_broken_requests(server: str) -> None:
    huge = b"GET /_mock/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n"
    many = (
        b"GET /_mock/health HTTP/1.1\r\nHost: x\r\n"
        + b"".join(b"X-H%d: v\r\n" % i for i in range(5_000))
        + b"\r\n"
    )
    assert _raw(server, huge) == b"HTTP/1.1 431 Request Header Fields Too Large"
    assert _raw(server, many) == b"HTTP/1.1 431 Request Header Fields Too Large"
    assert _raw(server, b"\x00\x01 garbage\r\n\r\n") == b"HTTP/1.1 400 Bad Request"
    assert _raw(server, b"GET /\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n").startswith(b"HTTP/1.1 4")
    assert _raw(server, b"POST /connect/token HTTP/1.1\r\nContent-Length: x\r\n\r\n") == (
        b"HTTP/1.1 400 Bad Request"
    )
    with httpx.Client(base_url=server, timeout=10) as http:
        assert http.get("/_mock/health").json() == {"status": "ok"}
        flood = http.get("/_mock/clock", headers=[(f"X-{i}", "v") for i in range(150)])
        assert flood.status_code == 431 and flood.json()["status"] == 431
        # The journal keeps a flood's head only.
        (entry,) = http.get("/_mock/journal", params={"path": "/_mock/clock"}).json()["entries"]
        assert len(entry["request"]["headers"]) <= 101
        assert entry["fault"] == {"kind": "header_limit"}
