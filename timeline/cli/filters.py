"""The query filters as one block of options, shared by every command that selects events.

Owns which filter options a command gets and how they become an EventQuery; no database work.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from timeline.cli.options import (
    ActorFilter,
    AsOfOption,
    DeletedOption,
    CountryFilter,
    DateFrom,
    DateTo,
    KindFilter,
    LimitOption,
    MatchOption,
    SourceFilter,
    StatusFilter,
    TagFilter,
    TextFilter,
)
from timeline.store import EventQuery, Match

__all__ = ["with_filters"]

# (parameter name, Typer annotation, default), in the order `--help` lists them.
_FILTERS: tuple[tuple[str, Any, Any], ...] = (
    ("date_from", DateFrom, None),
    ("date_to", DateTo, None),
    ("match", MatchOption, Match.OVERLAPS),
    ("kind", KindFilter, None),
    ("tag", TagFilter, None),
    ("actor", ActorFilter, None),
    ("country", CountryFilter, None),
    ("status", StatusFilter, None),
    ("source", SourceFilter, None),
    ("text", TextFilter, None),
    ("limit", LimitOption, None),
    ("deleted", DeletedOption, False),
    ("as_of", AsOfOption, None),
)


def _event_query(values: dict[str, Any]) -> EventQuery:
    lists = {name: values[name] or [] for name in ("kind", "tag", "actor", "country", "status", "source")}
    return EventQuery(date_from=values["date_from"], date_to=values["date_to"], match=values["match"],
                      text=values["text"], limit=values["limit"], deleted=values["deleted"],
                      as_of=values["as_of"], **lists)


def with_filters(command: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command the filter options; it receives them as one `event_query: EventQuery` argument.

    Typer reads options from the signature, so the wrapper shows Typer the command's own
    parameters followed by the filters, and hands the command an EventQuery instead.
    """
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "event_query"]
    filters = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
               for name, annotation, default in _FILTERS]

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name, _, _ in _FILTERS}
        return command(*args, event_query=_event_query(values), **kwargs)

    run.__signature__ = inspect.Signature(own + filters)  # type: ignore[attr-defined]
    return run
