"""Reading a whole collection: page envelopes and export continuation feeds.

Two mechanisms, two purposes (ServiceTitan's "transactional vs export APIs"):

* **Pages** (``{page, pageSize, hasMore, totalCount, data}``) are for targeted reads. We ask for
  page 1, 2, ... until ``hasMore`` is false. Pages are positional, so rows created or deleted while
  reading can shift between pages; use exports for a reliable full sync.
* **Exports** (``{hasMore, continueFrom, data}``) are for syncing. Each answer carries a
  ``continueFrom`` token; passing it back as ``from`` continues exactly where the last batch ended,
  and a stored token resumes a sync days later with nothing missed and nothing repeated. So the
  iterators here hand every batch back *with* its token: store ``batch.continue_from`` after you
  have stored ``batch.data``, and a crash can never skip rows.

The fetching itself is injected (a callable per page / per token) so the sync and async clients
share this logic and tests can drive it without HTTP.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ._log import logger
from .errors import ServiceTitanError

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "AsyncExportIterator",
    "ExportBatch",
    "ExportIterator",
    "aiter_pages",
    "check_page_size",
    "iter_pages",
]

Json = dict[str, Any]

#: Big enough to keep the number of calls (and rate-limit pressure) low, well under the maximum.
DEFAULT_PAGE_SIZE = 500
#: Largest ``pageSize`` ServiceTitan documents (partner portal: 1 to 5000).
MAX_PAGE_SIZE = 5000


def check_page_size(page_size: int) -> int:
    """Refuse sizes the API would reject or clamp, before spending a request on them."""
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}, got {page_size}")
    return page_size


def _envelope(body: Any, kind: str) -> Json:
    if not isinstance(body, dict):
        raise ServiceTitanError(f"expected a {kind} object, got {type(body).__name__}")
    return body


def _has_next(body: Json, page: int) -> bool:
    if not body.get("hasMore"):
        return False
    if not body.get("data"):
        # hasMore with an empty page would make us loop forever; stop and say so.
        logger.warning("page %d claimed hasMore but had no rows; stopping", page)
        return False
    return True


def iter_pages(fetch: Callable[[int], Any]) -> Iterator[Json]:
    """Yield page envelopes from page 1 until ``hasMore`` is false."""
    page = 1
    while True:
        body = _envelope(fetch(page), "page")
        yield body
        if not _has_next(body, page):
            return
        page += 1


async def aiter_pages(fetch: Callable[[int], Awaitable[Any]]) -> AsyncIterator[Json]:
    """Async twin of :func:`iter_pages`."""
    page = 1
    while True:
        body = _envelope(await fetch(page), "page")
        yield body
        if not _has_next(body, page):
            return
        page += 1


@dataclass(frozen=True)
class ExportBatch:
    """One answer of an export feed.

    ``continue_from`` is the token to resume *after* this batch; ``has_more`` false means the feed
    is caught up (ServiceTitan suggests polling again in 5 to 10 minutes, from this token).
    """

    data: list[Json]
    continue_from: str
    has_more: bool


def _batch(response: Any) -> ExportBatch:
    body = _envelope(response, "export")
    token = body.get("continueFrom")
    has_more = bool(body.get("hasMore"))
    # Without a token there is nothing to resume from, so a sync could silently start over.
    if not isinstance(token, str) or (has_more and not token):
        raise ServiceTitanError("export response has no continueFrom token")
    return ExportBatch(data=list(body.get("data") or []), continue_from=token, has_more=has_more)


class ExportIterator(Iterator[ExportBatch]):
    """Iterate an export feed batch by batch, following ``continueFrom`` while ``hasMore``.

    ``continue_from`` always holds the token to resume from: the ``from`` given at the start, then
    the token of the last batch handed out.
    """

    def __init__(self, fetch: Callable[[str | None], Any], from_: str | None = None) -> None:
        self._fetch = fetch
        self.continue_from = from_
        self._done = False

    def __iter__(self) -> ExportIterator:
        return self

    def __next__(self) -> ExportBatch:
        if self._done:
            raise StopIteration
        batch = _batch(self._fetch(self.continue_from))
        self.continue_from = batch.continue_from
        self._done = not batch.has_more
        return batch

    def rows(self) -> Iterator[Json]:
        """Every row, for callers that do not need to checkpoint between batches."""
        for batch in self:
            yield from batch.data


class AsyncExportIterator(AsyncIterator[ExportBatch]):
    """Async twin of :class:`ExportIterator`."""

    def __init__(
        self, fetch: Callable[[str | None], Awaitable[Any]], from_: str | None = None
    ) -> None:
        self._fetch = fetch
        self.continue_from = from_
        self._done = False

    def __aiter__(self) -> AsyncExportIterator:
        return self

    async def __anext__(self) -> ExportBatch:
        if self._done:
            raise StopAsyncIteration
        batch = _batch(await self._fetch(self.continue_from))
        self.continue_from = batch.continue_from
        self._done = not batch.has_more
        return batch

    async def rows(self) -> AsyncIterator[Json]:
        """Every row, for callers that do not need to checkpoint between batches."""
        async for batch in self:
            for row in batch.data:
                yield row
