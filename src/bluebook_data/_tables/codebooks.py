"""What the codebooks allow: the rules every export puts on codes, ids, offsets and addresses.

A :class:`Rule` holds what a field's type alone does not say: the values it may take, the pattern
a code follows, the range of a number. :data:`FIELD_RULES` gives the rule of each field of the
model that has one, so that the flat tables, the JSON Schemas, the data package and the SQLite
database all refuse what the codebooks refuse, from one list. The sources:

- PLOVER event types and quad categories: the PLOVER README, :data:`PLOVER_README_URL`.
- PLOVER modes: the Open Event Data Alliance's CAMEO to PLOVER table, :data:`PLOVER_TABLE_URL`,
  which also writes several values in one cell separated by ``;``.
- CAMEO codes: two to four digits whose first two are the root code, 01 to 20, as the CAMEO
  codebook numbers them (``04`` consult, ``042`` make a visit, ``0311`` a four-digit code). The
  codebook's full list is not shipped, so a code of the right shape that the codebook lacks
  (``049``) passes; ``999`` and ``42`` do not.
- ISO 3166-1 codes: two or three capital letters, or three digits. Wikidata item ids: ``Q`` and
  a number without leading zeros.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

__all__ = [
    "CAMEO_TO_PLOVER",
    "CODED_FIELDS",
    "FIELD_RULES",
    "PLOVER_EVENT_TYPES",
    "PLOVER_MODES",
    "PLOVER_QUAD_CLASS",
    "PLOVER_README_URL",
    "PLOVER_TABLE_URL",
    "Rule",
    "plover_of_cameo",
    "rule_of",
]

#: The Open Event Data Alliance's CAMEO to PLOVER conversion table (draft 0.8, 17 September 2021).
PLOVER_TABLE_URL: Final = (
    "https://github.com/openeventdata/PLOVER/blob/5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f/"
    "CAMEO2PLOVER-2021.txt"
)

#: The PLOVER README that lists the event types and their quad categories.
PLOVER_README_URL: Final = (
    "https://github.com/openeventdata/PLOVER/blob/0f1c8b6b402c664cbf0093c49233edcd15c840ce/"
    "README.md"
)

#: PLOVER event type and mode of each CAMEO code the data uses, after :data:`PLOVER_TABLE_URL`.
#: CAMEO 044 (meet at a third location) maps to mode ``third-party``. The New York (UN General
#: Assembly) and Antalya (G20) summits could be read as ``multilateral``, but PLOVER keeps that
#: mode for meetings held in a multilateral forum, and these were bilateral meetings on its
#: margins; ``third-party`` also keeps the PLOVER fields in step with their CAMEO code.
CAMEO_TO_PLOVER: Final[Mapping[str, tuple[str, str | None]]] = MappingProxyType(
    {
        "036": ("AGREE", None),
        "040": ("CONSULT", None),
        "042": ("CONSULT", "visit"),
        "043": ("CONSULT", "visit"),
        "044": ("CONSULT", "third-party"),
        "046": ("CONSULT", None),
    }
)

#: The quad category of each PLOVER event type, numbered as the GDELT codebook numbers CAMEO's
#: quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
#: conflict.
PLOVER_QUAD_CLASS: Final[Mapping[str, int]] = MappingProxyType(
    {
        **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
        **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
        **dict.fromkeys(("DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION"), 3),
        **dict.fromkeys(("PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"), 4),
    }
)

#: The PLOVER event types, in the README's order of its CAMEO table.
PLOVER_EVENT_TYPES: Final[tuple[str, ...]] = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE",
    "ASSAULT", "FIGHT", "CRIME",
)  # fmt: skip

#: Every mode the CAMEO to PLOVER table gives, and ``multilateral``, the mode the PLOVER manual
#: gives a meeting held in a multilateral forum.
PLOVER_MODES: Final[tuple[str, ...]] = (
    "phone", "visit", "host", "third-party", "multilateral", "release", "return", "ease",
    "access", "disarm", "ceasefire", "withdraw", "investigate", "assist", "change", "yield",
    "meet", "disapprove", "relations", "restrict", "ban", "political", "expel", "violence",
    "territory", "demo", "hunger", "boycott", "obstruct", "riot", "police", "troops",
    "discontinue", "confiscate", "curfew", "martial-law", "arrest", "deport", "destroy",
    "abduct", "beat", "sexual", "torture", "suicide-attack", "explosives", "assassinate",
    "cleansing", "firearms", "heavy-weapons", "unconventional",
)  # fmt: skip


@attrs.frozen(kw_only=True)
class Rule:
    """What a field may hold beyond its type: values, a pattern, a range (each optional)."""

    choices: tuple[str, ...] = ()
    pattern: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    #: Whether the choices are categories (dictionary encoded in Arrow) or codes kept as text.
    categorical: bool = True
    #: SQLite GLOB patterns, any of which a value matches whole: the pattern where SQL can say it.
    globs: tuple[str, ...] = ()


#: An ISO 3166-1 alpha-2 code.
ALPHA2: Final = Rule(pattern="^[A-Z]{2}$", globs=("[A-Z][A-Z]",))
#: An ISO 3166-1 alpha-3 code.
ALPHA3: Final = Rule(pattern="^[A-Z]{3}$", globs=("[A-Z][A-Z][A-Z]",))
#: An absolute http or https address, with no white space in it.
URL: Final = Rule(pattern="^https?://[^\\s/?#]+[^\\s]*$", globs=("http://?*", "https://?*"))
_CAMEO_ROOTS: Final = ("0[1-9]", "1[0-9]", "20")
#: A CAMEO code: a root code, 01 to 20, and up to two more digits; text, never a number.
CAMEO: Final = Rule(
    pattern="^(0[1-9]|1[0-9]|20)[0-9]{0,2}$",
    globs=tuple(root + "[0-9]" * extra for root in _CAMEO_ROOTS for extra in range(3)),
)
#: An offset into the text.
OFFSET: Final = Rule(minimum=0)
_WIKIDATA: Final = Rule(pattern="^Q[1-9][0-9]*$")
#: A state number of the Correlates of War or Gleditsch and Ward lists: three digits at most.
_STATE_NUMBER: Final = Rule(minimum=2, maximum=999)

#: The rule of each field that has one, by record class name and field name.
FIELD_RULES: Final[Mapping[tuple[str, str], Rule]] = MappingProxyType(
    {
        ("Country", "code"): ALPHA2,
        ("Country", "alpha3"): ALPHA3,
        ("Country", "numeric"): Rule(pattern="^[0-9]{3}$", globs=("[0-9][0-9][0-9]",)),
        ("Country", "wikidata"): _WIKIDATA,
        ("Country", "cow"): _STATE_NUMBER,
        ("Country", "gw"): _STATE_NUMBER,
        ("Person", "wikidata"): _WIKIDATA,
        ("Engagement", "cameo"): CAMEO,
        ("Engagement", "plover_event"): Rule(choices=PLOVER_EVENT_TYPES),
        ("Engagement", "plover_mode"): Rule(choices=PLOVER_MODES),
        ("Reference", "url"): URL,
        ("Bluebook", "url"): URL,
        ("Span", "start"): OFFSET,
        ("Span", "end"): OFFSET,
        ("Paragraph", "index"): Rule(minimum=1),
    }
)


def rule_of(cls: type, field: str) -> Rule | None:
    """Return the rule of one field of a record class, or None where its type says all.

    >>> import bluebook_data as bb
    >>> rule_of(bb.Country, "alpha3").pattern
    '^[A-Z]{3}$'
    """
    return FIELD_RULES.get((cls.__name__, field))


#: The fields that hold a CAMEO code and the PLOVER type and mode converted from it: on the
#: records and the engagements table, and on the events table.
CODED_FIELDS: Final[tuple[tuple[str, str, str], ...]] = (
    ("cameo", "plover_event", "plover_mode"),
    ("cameo_code", "event_type", "event_mode"),
)


def plover_of_cameo(names: set[str]) -> tuple[str, str, str] | None:
    """Return the CAMEO, PLOVER type and PLOVER mode fields among ``names``, if all are there.

    Where they are, each CAMEO code of :data:`CAMEO_TO_PLOVER` fixes the other two, as the
    conversion table does.

    >>> plover_of_cameo({"id", "cameo", "plover_event", "plover_mode"})
    ('cameo', 'plover_event', 'plover_mode')
    """
    for fields in CODED_FIELDS:
        if set(fields) <= names:
            return fields
    return None
