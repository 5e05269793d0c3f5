"""Names as people type them: lookup keys, search folding, and suggestions after a miss."""

from __future__ import annotations

import pytest

import bluebook_data as bb
from bluebook_data._edition.names import NameTable, close_matches, fold_for_search, normalise_name


@pytest.mark.parametrize("code", range(128))
def test_every_ascii_character_is_kept_lowered_or_dropped(code: int) -> None:
    """An ASCII letter is lowered, a digit kept, and everything else dropped."""
    char = chr(code)
    assert normalise_name(f"x{char}y") == f"x{char.lower() if char.isalnum() else ''}y"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Area 51", "area51"),
        ("Côte d’Ivoire", "cotedivoire"),
        ("ÇANKAYA 51", "cankaya51"),
        ("Ｒｕｓｓｉａ ２", "russia2"),
        ("KAZAKHSTAN ı", "kazakhstani"),
        ("Straße", "strasse"),
        ("Ελλάδα", "ελλαδα"),
        ("\u00a0Tbilisi\u2003", "tbilisi"),
        ("", ""),
    ],
)
def test_other_names_fold_case_accents_and_width(name: str, key: str) -> None:
    """Beyond ASCII, case and width fold, accents and spaces go, and a dotless i is an i."""
    assert normalise_name(name) == key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Japan\u2019s \u2018Peace\u2019 \u201cTreaty\u201d", "japan's 'peace' \"treaty\""),
        ("\t Two\n\nlines \r\n", "two lines"),
        ("STRASSE Straße", "strasse strasse"),
    ],
)
def test_fold_for_search(text: str, folded: str) -> None:
    """Search folds case and typographic quotes, and makes each run of white space one space."""
    assert fold_for_search(text) == folded


def test_close_matches_are_the_closest_three_closest_first() -> None:
    """A typed start counts as closest; at most three are named, in order, none far off."""
    candidates = ["kinds", "kingdom", "queen", "kind_of", "king"]
    assert close_matches("kin", candidates) == ("kinds", "kingdom", "kind_of")
    assert close_matches("kin", candidates, n=1) == ("kinds",)
    assert close_matches("qeen", candidates) == ("queen",)
    assert close_matches("zzz", candidates) == ()


def _table(*names: tuple[str, str]) -> NameTable[str]:
    return NameTable(names, display=str.upper, error=bb.UnknownTopicError)


def test_a_name_finds_its_record_however_it_is_typed() -> None:
    """A lookup normalises the name given as the table normalised the names it holds."""
    table = _table(("Harbour Town", "harbour"), ("ferry-line", "ferry"))
    assert table.lookup("HARBOUR  town") == "harbour"
    assert table.lookup("Ferry Line!") == "ferry"


def test_the_first_record_given_a_name_keeps_it() -> None:
    """Two records answering to one name: the first keeps it."""
    table = _table(("Sato", "first"), ("sato", "second"), ("Kato", "third"))
    assert table.lookup("SATO") == "first"


def test_an_unknown_name_raises_the_tables_error_with_suggestions() -> None:
    """A failed lookup raises the table's own error, naming the query and the nearest names."""
    table = _table(("fisheries", "fish"), ("ferries", "ferry"), ("energy", "energy"))
    with pytest.raises(bb.UnknownTopicError) as caught:
        table.lookup("Fisheris")
    assert caught.value.query == "Fisheris"
    assert caught.value.suggestions == ("FISH",)
    assert str(caught.value) == "unknown topic 'Fisheris'; did you mean 'FISH'?"


@pytest.mark.parametrize(
    ("names", "suggestions"),
    [
        # Scores 0.9 and 0.8 against "abcdefghij": both within 0.1 of the best and past 0.78.
        (("abcdefghix", "abcdefghyz"), ("ABCDEFGHIX", "ABCDEFGHYZ")),
        # Scores 0.8 and 0.7: the second falls short of the 0.78 cut-off.
        (("abcdefghyz", "abcdefgxyz"), ("ABCDEFGHYZ",)),
        # Nothing reaches 0.78.
        (("abcdefgxyz", "abcdqrstuv"), ()),
    ],
)
def test_only_names_about_as_close_as_the_best_are_suggested(
    names: tuple[str, ...], suggestions: tuple[str, ...]
) -> None:
    """A suggestion reaches the cut-off and stands within the margin of the best one."""
    assert _table(*((name, name) for name in names)).suggest("abcdefghij") == suggestions


@pytest.mark.parametrize("name", ["?!", "", " "])
def test_a_name_without_letters_or_digits_has_no_suggestions(name: str) -> None:
    """With no letters or digits there is no key to compare, even with an empty key in the table."""
    assert _table(("!", "bang"), ("abc", "abc")).suggest(name) == ()


def test_suggestions_within_the_margin_are_all_given_best_first() -> None:
    """Every name within the margin of the best is suggested, best first, three at most."""
    table = _table(
        ("abcdefghiq", "a"), ("abcdefghqr", "b"), ("abcdefghqs", "c"), ("abcdefghqt", "d")
    )
    assert table.suggest("abcdefghij") == ("A", "B", "C")


def test_a_record_answering_to_several_close_names_is_suggested_once() -> None:
    """A record is named once among the suggestions, however many of its names are close."""
    table = _table(("abcdefghiq", "same"), ("abcdefghqr", "same"), ("abcdefghqs", "other"))
    assert table.suggest("abcdefghij") == ("SAME", "OTHER")


def test_an_empty_table_suggests_nothing() -> None:
    """With no names at all there is nothing to suggest."""
    assert _table().suggest("anything") == ()
