"""What every resource helper builds on: a path, a verb, and the client's generic calls.

Resource helpers are written once for both clients. They only compose paths and parameters and
hand them to the client's three generic calls (``request``, ``iter_all``, ``export``); whether the
result is a value or an awaitable, an iterator or an async iterator, is the client's business. The
type parameters carry that through to callers:

* ``R`` what a single call returns (``Any`` for the sync client, ``Awaitable[Any]`` for async);
* ``P`` what reading every row returns (``Iterator[dict]`` / ``AsyncIterator[dict]``);
* ``E`` what an export returns (``ExportIterator`` / ``AsyncExportIterator``).

Bodies and results are plain dicts in ServiceTitan's JSON shape (camelCase keys, as in the official
OpenAPI documents), and list filters are passed through under ServiceTitan's query names, so the
API reference is the documentation for every argument.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from ..paging import DEFAULT_PAGE_SIZE

R = TypeVar("R", covariant=True)
P = TypeVar("P", covariant=True)
E = TypeVar("E", covariant=True)

Json = dict[str, Any]
Params = Mapping[str, Any]


class Api(Protocol[R, P, E]):
    """The part of a client that resource helpers use."""

    @property
    def booking_provider_id(self) -> int | None: ...

    def request(
        self,
        method: str,
        module: str,
        resource: str,
        *,
        params: Params | None = None,
        json: Any = None,
    ) -> R: ...

    def iter_all(
        self,
        module: str,
        resource: str,
        *,
        params: Params | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> P: ...

    def export(
        self,
        module: str,
        feed: str,
        *,
        from_: str | None = None,
        include_recent_changes: bool = False,
    ) -> E: ...


class Resource(Generic[R, P, E]):
    """Base of the resource helpers; ``module`` is the API family (``crm`` or ``settings``)."""

    module: ClassVar[str] = "crm"

    def __init__(self, api: Api[R, P, E]) -> None:
        self._api = api

    def _get(self, path: str, params: Params | None = None) -> R:
        return self._api.request("GET", self.module, path, params=params)

    def _page(
        self, path: str, page: int, page_size: int, include_total: bool, filters: Params
    ) -> R:
        params = {**filters, "page": page, "pageSize": page_size, "includeTotal": include_total}
        return self._api.request("GET", self.module, path, params=params)

    def _all(self, path: str, page_size: int, filters: Params) -> P:
        return self._api.iter_all(self.module, path, params=filters, page_size=page_size)

    def _post(self, path: str, body: Any = None) -> R:
        return self._api.request("POST", self.module, path, json=body)

    def _patch(self, path: str, body: Any) -> R:
        return self._api.request("PATCH", self.module, path, json=body)

    def _put(self, path: str, body: Any = None) -> R:
        return self._api.request("PUT", self.module, path, json=body)

    def _delete(self, path: str) -> R:
        return self._api.request("DELETE", self.module, path)

    def _export(self, feed: str, from_: str | None, include_recent_changes: bool) -> E:
        return self._api.export(
            self.module, feed, from_=from_, include_recent_changes=include_recent_changes
        )


__all__ = ["DEFAULT_PAGE_SIZE", "Api", "E", "Json", "P", "Params", "R", "Resource"]
