"""Fixtures of the reliability tests: ``spawn`` runs ``mockst serve`` in its own process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from reliability_helpers import Server, start_server


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    servers: list[Server] = []

    def run(*args: str) -> Server:
        server = start_server(tmp_path / "server.log", *args)
        servers.append(server)
        return server

    yield run
    for server in servers:
        if server.alive():
            server.process.kill()
            server.process.wait(timeout=15)
