"""Evidence written as a quote: find where in the text it stands, and only if it stands once.

An author may cite the text by quoting it, in the shape of a W3C ``TextQuoteSelector``
(``{"exact": ..., "prefix": ..., "suffix": ...}``), instead of counting offsets. Each quote is
resolved to the one place where the prefix, the quote and the suffix stand together.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from bluebook_data._loading.occurrences import occurrences
from bluebook_data._loading.validate import CITING

__all__ = ["Resolution", "resolve_quotes", "without_quotes"]

_QUOTE_KEYS: Final = frozenset({"type", "exact", "prefix", "suffix"})
#: How many places an ambiguous quote's message lists, and up to how many it counts: a quote
#: standing everywhere in a long text would otherwise cost the whole text to count.
_SHOWN: Final = 5
_COUNTED: Final = 100


def _is_quote(item: object) -> bool:
    return isinstance(item, dict) and "exact" in item


def _evidence_lists(document: Any) -> list[tuple[str, list[Any]]]:
    """Return each record's evidence list that is a list, with its field path."""
    records = document.get("records") if isinstance(document, dict) else None
    if not isinstance(records, dict):
        return []
    found = []
    for kind in CITING:
        items = records.get(kind)
        if not isinstance(items, list):
            continue
        for position, record in enumerate(items):
            evidence = record.get("evidence") if isinstance(record, dict) else None
            if isinstance(evidence, list):
                found.append((f"$.records.{kind}[{position}].evidence", evidence))
    return found


def _whole(quote: dict[str, Any]) -> str:
    """Return the prefix, the quote and the suffix, as they must stand together in the text."""
    return str(quote.get("prefix", "")) + str(quote["exact"]) + str(quote.get("suffix", ""))


def _problem(quote: dict[str, Any], path: str) -> str | None:
    """Say what is wrong with a quote's shape, or None."""
    extra = quote.keys() - _QUOTE_KEYS
    if extra:
        return f"a quote takes exact, prefix and suffix, not {', '.join(sorted(extra))} @ {path}"
    for key in ("exact", "prefix", "suffix"):
        if key in quote and not isinstance(quote[key], str):
            return f"a quote's {key} must be a string @ {path}.{key}"
    if not quote["exact"]:
        return f"a quote's exact text is empty @ {path}.exact"
    return None


@attrs.frozen
class Resolution:
    """The annotations with their quotes resolved, what could not be, and how many were.

    ``document`` holds each resolved quote as its span and leaves out those that could not be
    resolved, which ``problems`` names, so that structuring it reports only the rest.
    """

    document: Any
    problems: list[str]
    resolved: int


def resolve_quotes(document: Any, text: str) -> Resolution:
    """Resolve every quote in ``document``'s evidence to the one place it stands in ``text``.

    The document given is left as it is; one without quotes is returned itself, uncopied. A quote
    that stands nowhere, or in more than one place, is named with the places it could mean. The
    text is searched once for all the quotes, not once for each.
    """
    with_quotes = _with_quotes(document)
    sound = [item for _, evidence in with_quotes for item in evidence if _is_sound(item)]
    found = occurrences(text, map(_whole, sound), _COUNTED + 1)
    problems: list[str] = []
    replaced: dict[int, list[Any]] = {}
    unresolved: list[tuple[int, dict[str, Any], list[int], str]] = []
    resolved = 0
    for path, evidence in with_quotes:
        kept = []
        for position, item in enumerate(evidence):
            if not _is_quote(item):
                kept.append(item)
                continue
            where = f"{path}[{position}]"
            problem = _problem(item, where)
            places = None if problem else _places(item, found)
            if problem is not None:
                problems.append(problem)
            elif places is None:
                problems.append(_too_costly(item, where))
            elif len(places) == 1:
                start, exact = places[0], item["exact"]
                kept.append({"start": start, "end": start + len(exact), "text": exact})
                resolved += 1
            else:  # its message waits for one more search, made for all of them at once
                unresolved.append((len(problems), item, places, where))
                problems.append("")
        replaced[id(evidence)] = kept
    alone = occurrences(
        text, (item["exact"] for _, item, places, _ in unresolved if not places), _SHOWN
    )
    for at, item, places, where in unresolved:
        problems[at] = _unresolved(item, places, alone.get(item["exact"]) or [], where)
    return Resolution(_rebuilt(document, replaced), problems, resolved)


def _is_sound(item: object) -> bool:
    return _is_quote(item) and _problem(item, "") is None  # type: ignore[arg-type]


def _places(quote: dict[str, Any], found: dict[str, list[int] | None]) -> list[int] | None:
    """Return where ``quote`` itself starts, wherever its prefix, it and its suffix stand.

    None if the search gave up on it (see :func:`occurrences`).
    """
    places = found[_whole(quote)]
    if places is None:
        return None
    prefix = len(quote.get("prefix", ""))
    return [place + prefix for place in places]


def _too_costly(quote: dict[str, Any], where: str) -> str:
    return (
        f"the quote {quote['exact']!r} is in a text too repetitive to place it within the work "
        f"allowed for the text's size; give a longer prefix or suffix, or its offsets @ {where}"
    )


def without_quotes(document: Any) -> Any:
    """Return ``document`` without the evidence written as quotes, for a text that is not read."""
    replaced = {
        id(evidence): [item for item in evidence if not _is_quote(item)]
        for _, evidence in _with_quotes(document)
    }
    return _rebuilt(document, replaced)


def _with_quotes(document: Any) -> list[tuple[str, list[Any]]]:
    """Return the evidence lists that hold a quote, with their field paths."""
    return [
        (path, evidence)
        for path, evidence in _evidence_lists(document)
        if any(map(_is_quote, evidence))
    ]


def _unresolved(quote: dict[str, Any], places: list[int], alone: list[int], where: str) -> str:
    exact = quote["exact"]
    if places:
        counted = len(places)
        shown = ", ".join(map(str, places[:_SHOWN]))
        if counted > _COUNTED:
            return (
                f"the quote {exact!r} stands in more than {_COUNTED} places, at {shown} and "
                f"more; add a prefix or suffix to choose one @ {where}"
            )
        more = f" and {counted - _SHOWN} more" if counted > _SHOWN else ""
        return (
            f"the quote {exact!r} stands in {counted} places, at {shown}{more}; "
            f"add a prefix or suffix to choose one @ {where}"
        )
    if alone:
        shown = ", ".join(map(str, alone[:_SHOWN]))
        return (
            f"the quote {exact!r} stands at {shown}, but not with the prefix and suffix given "
            f"@ {where}"
        )
    return f"the quote {exact!r} is not in the text @ {where}"


def _rebuilt(value: Any, replaced: dict[int, list[Any]]) -> Any:
    """Copy the containers of ``value``, putting each replaced evidence list in its place."""
    if not replaced:
        return value
    if isinstance(value, list):
        if id(value) in replaced:
            return replaced[id(value)]
        return [_rebuilt(item, replaced) for item in value]
    if isinstance(value, dict):
        return {key: _rebuilt(item, replaced) for key, item in value.items()}
    return value
