"""Lists: filters, sort and the page envelope, the same for every resource.

Row data keeps date-times as the strings ServiceTitan writes. Those trim trailing zeros, so their
length varies and their string order is not time order; filters and sorts compare them through
``sortable_stamp`` (a few string operations, never a parse), at tick precision, so a stamp read
from a response and sent back as a filter selects its own row exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice
from operator import attrgetter
from typing import Any

from pydantic import BaseModel

from mockst.api.operation import Call
from mockst.api.params import Param, parse_id_list
from mockst.encoding import format_datetime, sortable_stamp
from mockst.errors import validation_error
from mockst.store.table import Row, Table

PAGE_PARAMS = (
    Param("page", "int32"),
    Param("pageSize", "int32"),
    Param("includeTotal", "bool"),
)

ACTIVE_VALUES = ("True", "Any", "False")
# The ``active`` argument most lists take, as most documents name its enum.
ACTIVE = Param("active", "enum", enum=ACTIVE_VALUES, enum_name="ActiveRequestArg")


@dataclass(frozen=True)
class Filter:
    """A query parameter that narrows a list: ``test(row, value)`` keeps a row."""

    param: Param
    test: Callable[[Row, Any], bool]
    prepare: Callable[[Any, Call], Any] | None = None  # e.g. parse "1,2,3" once per call
    default: Any = None  # applied when the parameter is absent
    # For a prepared value, a one-argument test that does what ``test`` does, faster (run on
    # every row of a list: the default ``active=True`` filter is on almost every call).
    predicate: Callable[[Any], Callable[[Row], bool]] | None = None


def stamp_order(stamp: str | None) -> str:
    """A row's stamp in time order; a missing one comes before every instant."""
    return sortable_stamp(stamp) if stamp else ""


def stamp_at_least(field: str) -> Callable[[Row, Any], bool]:
    """``field`` at or after a value prepared by ``wire_instant``."""
    return lambda row, value: stamp_order(row.get(field)) >= value


def stamp_before(field: str) -> Callable[[Row, Any], bool]:
    """``field`` before a value prepared by ``wire_instant``."""
    return lambda row, value: stamp_order(row.get(field)) < value


def wire_instant(value: Any, _call: Call | None = None) -> str:
    """A bound date-time parameter (its ticks kept) in the order ``stamp_order`` gives rows."""
    return sortable_stamp(format_datetime(value))


def date_filters(created: str = "createdOn", modified: str = "modifiedOn") -> tuple[Filter, ...]:
    """createdBefore/createdOnOrAfter/modifiedBefore/modifiedOnOrAfter, in the official order."""
    result = []
    for name, test in (
        ("createdBefore", stamp_before(created)),
        ("createdOnOrAfter", stamp_at_least(created)),
        ("modifiedBefore", stamp_before(modified)),
        ("modifiedOnOrAfter", stamp_at_least(modified)),
    ):
        if created if name.startswith("created") else modified:
            result.append(Filter(Param(name, "datetime"), test, wire_instant))
    return tuple(result)


def ids_filter(name: str = "ids", field: str | None = None) -> Filter:
    """Comma-separated ids (at most ``Config.max_ids``) matched against ``field`` or the row id."""

    def prepare(value: Any, call: Call) -> set[int] | None:
        ids = parse_id_list(name, value, call.config.max_ids)
        return set(ids) if ids is not None else None

    def test(row: Row, wanted: set[int]) -> bool:
        return (row.get(field) if field else row.id) in wanted

    return Filter(Param(name, "string"), test, prepare)


def active_filter(enum_name: str = "Crm.V2.ActiveRequestArg") -> Filter:
    """``active=True|Any|False``; only active rows unless asked otherwise."""

    def predicate(value: str) -> Callable[[Row], bool]:
        if value == "Any":
            return _anything
        return _is_active if value == "True" else _is_inactive

    def test(row: Row, value: str) -> bool:
        return predicate(value)(row)

    return Filter(
        Param("active", "enum", enum=ACTIVE_VALUES, enum_name=enum_name),
        test,
        default="True",
        predicate=predicate,
    )


_is_active: Callable[[Row], bool] = attrgetter("active")


def _is_inactive(row: Row) -> bool:
    return not row.active


def _anything(_row: Row) -> bool:
    return True


def contains(name: str, field: str | None = None) -> Filter:
    """Case-insensitive substring match on a string field."""
    key = field or name
    return Filter(
        Param(name, "string"),
        lambda row, value: value.lower() in str(row.get(key) or "").lower(),
    )


def equals(name: str, field: str | None = None, kind: str = "string") -> Filter:
    """Exact match; strings compare case-insensitively, as SQL Server's default collation does."""
    key = field or name
    if kind == "string":
        return Filter(
            Param(name, "string"),
            lambda row, value: str(row.get(key) or "").lower() == value.lower(),
        )
    return Filter(Param(name, kind), lambda row, value: row.get(key) == value)  # type: ignore[arg-type]


STANDARD_SORT: dict[str, str] = {"Id": "id", "ModifiedOn": "modifiedOn", "CreatedOn": "createdOn"}
SORT_PARAM = Param("sort", "string")


def sort_rows(rows: list[Row], text: str | None, fields: dict[str, str] | None) -> list[Row]:
    """``+Field`` / ``-Field`` (a bare name ascends); the default order is by id."""
    if not text or not text.strip() or not fields:
        return sorted(rows, key=lambda r: r.id)
    text = text.strip()
    descending = text.startswith("-")
    name = text.lstrip("+-").strip()
    by_lower = {k.lower(): v for k, v in fields.items()}
    key = by_lower.get(name.lower())
    if key is None:
        allowed = ", ".join(fields)
        raise validation_error({"sort": [f"Sorting by '{name}' is not supported. Use: {allowed}."]})
    # ServiceTitan names its date-time fields "…On" (createdOn, modifiedOn, soldOn): those sort
    # as instants, not as the trimmed strings they are.
    order = stamp_order if key.endswith("On") else None
    return sorted(rows, key=lambda r: (_sortable(r.get(key), order), r.id), reverse=descending)


def _sortable(value: Any, order: Callable[[str], str] | None) -> tuple[int, Any]:
    # None sorts first; mixed types never meet because a field has one type.
    if value is None:
        return (0, 0)
    return (1, order(value) if order else value)


def page_window(call: Call) -> tuple[int, int]:
    page = call.query.get("page")
    size = call.query.get("pageSize")
    page = 1 if page is None else page
    size = call.config.default_page_size if size is None else size
    errors: dict[str, list[str]] = {}
    if page < 1:
        errors["page"] = ["The page must be 1 or greater."]
    if size < 1:
        errors["pageSize"] = ["The pageSize must be 1 or greater."]
    elif size > call.config.max_page_size:
        if call.config.page_size_overflow == "clamp":
            size = call.config.max_page_size
        else:
            errors["pageSize"] = [f"The pageSize must be {call.config.max_page_size} or less."]
    if errors:
        raise validation_error(errors)
    return page, size


def active_filters(call: Call, filters: Sequence[Filter]) -> list[tuple[Filter, Any]]:
    """The filters this call uses, each with its prepared value."""
    active: list[tuple[Filter, Any]] = []
    for f in filters:
        value = call.query.get(f.param.name)
        if value is None:
            value = f.default
        if value is None:
            continue
        if f.prepare is not None:
            value = f.prepare(value, call)
            if value is None:
                continue
        active.append((f, value))
    return active


def row_test(active: list[tuple[Filter, Any]]) -> Callable[[Row], bool] | None:
    """One test for all of a call's filters, or None when no filter applies."""
    tests = [f.predicate(v) if f.predicate else partial(_test_with, f.test, v) for f, v in active]
    tests = [t for t in tests if t is not _anything]
    if not tests:
        return None
    if len(tests) == 1:
        return tests[0]
    return lambda row: all(test(row) for test in tests)


def _test_with(test: Callable[[Row, Any], bool], value: Any, row: Row) -> bool:
    return test(row, value)


def apply_filters(call: Call, rows: Iterable[Row], filters: Sequence[Filter]) -> list[Row]:
    test = row_test(active_filters(call, filters))
    return list(rows) if test is None else list(filter(test, rows))


def project(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """``data`` cut to exactly the fields of ``model``, in the model's order."""
    return {key: data.get(key) for key in wire_fields(model)}


_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {}


def wire_fields(model: type[BaseModel]) -> tuple[str, ...]:
    fields = _FIELDS.get(model)
    if fields is None:
        fields = _FIELDS[model] = tuple(
            info.alias or name for name, info in model.model_fields.items()
        )
    return fields


def page_of(
    call: Call,
    rows: Table | Iterable[Row],
    model: type[BaseModel],
    filters: Sequence[Filter] = (),
    sort: dict[str, str] | None = None,
    render: Callable[[Row], dict[str, Any]] | None = None,
    view: Hashable | None = None,
) -> dict[str, Any]:
    """Filter, sort and cut one page, and wrap it in the page envelope.

    Given a whole ``Table`` and no ``sort``, rows are already in id order; then a page without
    ``includeTotal`` stops filtering as soon as it knows whether another page follows, so page 1
    of a tenant with 100,000 customers costs what page 1 of a small one does. A table also keeps
    each row's rendered JSON per ``view`` (by default the model; a custom ``render`` must name its
    own view, e.g. the model and the external-data GUID it shows), so an unchanged row is rendered
    once, not on every page that shows it; and whole pages, so a page asked for again before the
    table changes (a connector polling for news) is not filtered again.
    """
    page, size = page_window(call)
    start = (page - 1) * size
    counted = bool(call.query.get("includeTotal"))
    sort_text = call.query.get("sort")
    shown = render or (lambda row: project(row.data, model))
    if isinstance(rows, Table) and not (sort_text and sort_text.strip() and sort):
        active = active_filters(call, filters)
        key: Hashable | None = None
        if view is not None or render is None:
            key = (view or model, start, size, counted, *((f.param.name, v) for f, v in active))
            try:
                hash(key)
            except TypeError:  # a prepared value such as a set of ids: not kept
                key = None
        kept_page = rows.page(key) if key is not None else None
        if kept_page is None:
            test = row_test(active)
            source = map(Row, rows.in_id_order())
            kept = source if test is None else filter(test, source)
            ordered = list(kept if counted else islice(kept, start + size + 1))
            window = ordered[start : start + size]
            if key is None:
                data: list[Any] = [shown(row) for row in window]
            else:
                data = rows.rendered_rows(window, view or model, shown)
            kept_page = (data, len(ordered) > start + size, len(ordered) if counted else None)
            if key is not None:
                rows.keep_page(key, kept_page, len(window))
        data, has_more, total = kept_page
        return _envelope(page, size, has_more, total, list(data))
    source = map(Row, rows.in_id_order()) if isinstance(rows, Table) else rows
    ordered = sort_rows(apply_filters(call, source, filters), sort_text, sort)
    window = ordered[start : start + size]
    if isinstance(rows, Table) and (view is not None or render is None):
        data = rows.rendered_rows(window, view or model, shown)
    else:
        data = [shown(row) for row in window]
    total = len(ordered) if counted else None
    return _envelope(page, size, len(ordered) > start + size, total, data)


def _envelope(
    page: int, size: int, has_more: bool, total: int | None, data: list[Any]
) -> dict[str, Any]:
    return {"page": page, "pageSize": size, "hasMore": has_more, "totalCount": total, "data": data}
