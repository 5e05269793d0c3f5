"""The exceptions bluebook-data raises, all derived from :class:`BluebookError`.

Each exception passes its constructor arguments to ``Exception.__init__`` so that it pickles, and
keeps them as attributes, so that code can react to the wrong value without parsing the message.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BluebookError",
    "DataError",
    "InvalidFilterError",
    "MissingExtraError",
    "UnknownCountryError",
    "UnknownEngagementError",
    "UnknownNameError",
    "UnknownPersonError",
    "UnknownTopicError",
]


#: The Unicode categories a terminal could act on: controls (C0, DEL, C1), format characters (the
#: bidirectional overrides and isolates, zero-width marks), surrogates, and line and paragraph
#: separators. Letters, marks and spaces of every script are kept.
ACTIVE_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


# Not in __all__: the package's own loader and display use it; it is no part of the API.
def inert(text: str) -> str:
    r"""Return ``text`` with every control, format and separator character as its escape.

    A string a folder supplies may hold ESC, an OSC sequence, a carriage return, a line break, a
    C1 control or a bidirectional override; printed raw, it could retitle the terminal, rewrite
    what is on screen or forge a line such as "no problems". Each such character is written as its
    Python escape (``\x1b``, ``\n``, ``\u202e``); letters, marks and spaces of every script stay.

    >>> print(inert("Title\x1b]0;owned\x07\nno problems"))
    Title\x1b]0;owned\x07\nno problems
    >>> inert("Тбилиси, 東京\u3000ok")
    'Тбилиси, 東京\u3000ok'
    """
    if text.isprintable():  # every character of those categories is unprintable
        return text
    # Imported here: importing the package must stay cheap, and most strings never need it.
    import unicodedata

    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if not char.isprintable() and unicodedata.category(char) in ACTIVE_CATEGORIES
        else char
        for char in text
    )


class BluebookError(Exception):
    """Base class of every error this package raises on purpose."""


class DataError(BluebookError):
    """A shipped data file is missing, corrupt, or does not match the text it annotates.

    Attributes:
        file: The name of the data file at fault.
        problems: One line per problem, each ending in the field path (``@ $.engagements[3].date``).

    Both are kept as they were found; the message, ``str(error)``, shows them :func:`inert`, so
    that printing the error cannot act on a terminal whatever control characters a folder put in
    a name or a key.
    """

    def __init__(self, file: str, problems: tuple[str, ...]) -> None:
        super().__init__(file, problems)
        self.file = file
        self.problems = problems

    def __str__(self) -> str:
        return f"{inert(self.file)}: " + "; ".join(map(inert, self.problems))


class UnknownNameError(BluebookError, LookupError):
    """A lookup found nothing for the name it was given.

    Attributes:
        query: The value that was looked up, as given.
        suggestions: The nearest known names, best first (possibly empty).
    """

    what = "name"

    def __init__(self, query: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(query, suggestions)
        self.query = query
        self.suggestions = suggestions

    def __str__(self) -> str:
        message = f"unknown {self.what} {self.query!r}"
        if self.suggestions:
            *others, last = (repr(suggestion) for suggestion in self.suggestions)
            choices = f"{', '.join(others)} or {last}" if others else last
            message += f"; did you mean {choices}?"
        return message


class UnknownCountryError(UnknownNameError):
    """No country has this name, alias or ISO code."""

    what = "country"


class UnknownPersonError(UnknownNameError):
    """No person has this name, family name or id."""

    what = "person"


class UnknownTopicError(UnknownNameError):
    """No topic has this id or label."""

    what = "topic"


class UnknownEngagementError(UnknownNameError):
    """No engagement has this id."""

    what = "engagement"


class InvalidFilterError(BluebookError, ValueError):
    """A filter or query was given a value outside the set it accepts.

    Attributes:
        field: The filter's name (``"kind"``, ``"status"``, ``"region"``, ``"query"``).
        value: The value that was given.
        allowed: The values the filter accepts (empty where they cannot be listed).
        hint: What was expected, where ``allowed`` cannot say it.
    """

    def __init__(
        self, field: str, value: object, allowed: tuple[str, ...] = (), hint: str = ""
    ) -> None:
        super().__init__(field, value, allowed, hint)
        self.field = field
        self.value = value
        self.allowed = allowed
        self.hint = hint

    def __str__(self) -> str:
        expected = self.hint or "expected one of: " + ", ".join(repr(a) for a in self.allowed)
        close = self._closest()
        hint = f"did you mean {close!r}? " if close else ""
        return f"invalid {self.field} {self.value!r}; {hint}{expected}"

    def _closest(self) -> str | None:
        # A value the user started to type ("summit") or mistyped ("vist").
        if not isinstance(self.value, str) or not self.value.strip():
            return None
        typed = self.value.strip().casefold()
        starting = [a for a in self.allowed if a.casefold().startswith(typed)]
        if len(starting) == 1:
            return starting[0]
        # Only an error message needs difflib; the import waits for one.
        import difflib

        # Stricter than difflib's default, which would read "meeting" as one of several kinds.
        close = difflib.get_close_matches(typed, self.allowed, n=1, cutoff=0.75)
        return close[0] if close else None


class MissingExtraError(BluebookError, ImportError):
    """A function needs an optional dependency that is not installed.

    Attributes:
        feature: The function that was called (``"to_pandas"``).
        extra: The extra that installs what it needs (``"pandas"``).
        name: The module that could not be imported, as on any :class:`ImportError`.
    """

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(feature, extra, module)
        self.feature = feature
        self.extra = extra
        self.name = module

    def __str__(self) -> str:
        return (
            f"{self.feature} needs {self.name}, which is not installed; install the extra with "
            f"pip install 'bluebook-data[{self.extra}]'"
        )
