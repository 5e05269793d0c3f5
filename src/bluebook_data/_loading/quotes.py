"""Evidence written as a quote: find where in the text it stands, and only if it stands once.

An author may cite the text by quoting it, in the shape of a W3C ``TextQuoteSelector``
(``{"exact": ..., "prefix": ..., "suffix": ...}``), instead of counting offsets. Each quote is
resolved to the one place where the prefix, the quote and the suffix stand together.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from bluebook_data._loading.validate import CITING

__all__ = ["Resolution", "resolve_quotes", "without_quotes"]

_QUOTE_KEYS: Final = frozenset({"type", "exact", "prefix", "suffix"})
#: How many places an ambiguous quote's message lists.
_SHOWN: Final = 5


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


def _places(text: str, quote: dict[str, Any]) -> list[int]:
    prefix, exact, suffix = quote.get("prefix", ""), quote["exact"], quote.get("suffix", "")
    whole = prefix + exact + suffix
    places = []
    found = text.find(whole)
    while found != -1:
        places.append(found + len(prefix))
        found = text.find(whole, found + 1)
    return places


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
    that stands nowhere, or in more than one place, is named with the places it could mean.
    """
    problems: list[str] = []
    replaced: dict[int, list[Any]] = {}
    resolved = 0
    for path, evidence in _with_quotes(document):
        kept = []
        for position, item in enumerate(evidence):
            where = f"{path}[{position}]"
            if not _is_quote(item):
                kept.append(item)
                continue
            problem = _problem(item, where)
            places = [] if problem else _places(text, item)
            if problem is None and len(places) == 1:
                start, exact = places[0], item["exact"]
                kept.append({"start": start, "end": start + len(exact), "text": exact})
                resolved += 1
            else:
                problems.append(problem or _unresolved(item, text, places, where))
        replaced[id(evidence)] = kept
    return Resolution(_rebuilt(document, replaced), problems, resolved)


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


def _unresolved(quote: dict[str, Any], text: str, places: list[int], where: str) -> str:
    exact = quote["exact"]
    if places:
        shown = ", ".join(map(str, places[:_SHOWN]))
        more = f" and {len(places) - _SHOWN} more" if len(places) > _SHOWN else ""
        return (
            f"the quote {exact!r} stands in {len(places)} places, at {shown}{more}; "
            f"add a prefix or suffix to choose one @ {where}"
        )
    alone = _places(text, {"exact": exact})
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
