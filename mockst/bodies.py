"""Reading a request body without ever holding more than the route's limit.

Every route has a limit (the token endpoint 16 KiB, the API ``max_body_bytes``, the control plane
its own, a world import a larger one). A body over it is refused with 413 once the limit is passed,
and what the client is still sending is read and dropped, up to ``LINGER_BYTES``, before the
answer goes out: a client that sends its whole body before reading (urllib, requests) then sees
the 413 instead of a reset connection, as nginx's lingering close gives it. Past that bound the
connection is closed: draining a client that never stops is no one's job.
"""

from __future__ import annotations

from typing import Any

LINGER_BYTES = 64 * 1024 * 1024
CLOSE = {"Connection": "close"}  # the 413 ends the connection: its leftovers are not a request


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"The request body is over {limit} bytes.")
        self.limit = limit


class BodyNotReceived(Exception):
    """The client went away while sending."""


def _declared(content_length: str | None) -> int | None:
    text = (content_length or "").strip()
    return int(text) if text.isascii() and text.isdigit() else None


async def read_body(receive: Any, limit: int, content_length: str | None = None) -> bytes:
    """The whole body, or ``BodyTooLarge`` once it passes ``limit`` (after lingering)."""
    declared = _declared(content_length)
    if declared is not None and declared > limit:
        if declared <= LINGER_BYTES:
            await discard(receive)
        raise BodyTooLarge(limit)
    chunks: list[bytes] = []
    size, more = 0, True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            raise BodyNotReceived
        chunk = message.get("body", b"")
        size += len(chunk)
        more = message.get("more_body", False)
        if size > limit:
            if more:
                await discard(receive, seen=size)
            raise BodyTooLarge(limit)
        chunks.append(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


async def discard(receive: Any, seen: int = 0) -> None:
    """Read and drop the rest of the body, up to ``LINGER_BYTES`` in all."""
    more = True
    while more and seen < LINGER_BYTES:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        more = message.get("more_body", False)


async def discard_unread(headers: Any, receive: Any) -> None:
    """Linger over a body nothing read (a call refused before its body mattered), when the
    request says it has one and it is within the bound."""
    declared = _declared(headers.get("content-length"))
    chunked = "chunked" in headers.get("transfer-encoding", "").lower()
    if (declared and declared <= LINGER_BYTES) or (chunked and declared is None):
        await discard(receive)
