"""The inspector, ``/_mock/ui``: a page over the control plane for a person to keep open.

It is static files only (HTML, CSS and a small script shipped in ``static/``): the script reads
and changes the world through the same ``/_mock/…`` routes a test calls, so the page holds no
state and adds no behaviour of its own. The files themselves hold no data, so they are served
without the control token; every call the script makes carries it (``mockst.control.access``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mockst.api import routing

STATIC = Path(__file__).parent / "static"
FILES = {
    "index.html": "text/html; charset=utf-8",
    "inspector.js": "text/javascript; charset=utf-8",
    "inspector.css": "text/css; charset=utf-8",
}
# The page runs only its own files, is never framed (its buttons mint secrets and wipe tenants:
# no clickjacking), and sends no Referer. Revalidated each load so an upgrade shows at once.
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


@cache
def _read(name: str) -> bytes:
    return (STATIC / name).read_bytes()


def _file(name: str) -> Response:
    return Response(_read(name), media_type=FILES[name], headers=HEADERS)


async def page(_: Request) -> Response:
    return _file("index.html")


async def asset(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in FILES:
        return routing.not_found(request.method, request.url.path).response()
    return _file(name)


def routes() -> list[Route]:
    return [
        Route("/_mock/ui", page, methods=["GET"]),
        Route("/_mock/ui/", page, methods=["GET"]),
        Route("/_mock/ui/{name}", asset, methods=["GET"]),
    ]
