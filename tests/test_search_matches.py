"""Search results locate their phrase: spans of the whole text, whatever the case or spacing."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

import bluebook_data as bb
from bluebook_data._edition.names import fold_for_search, locate_phrase

_SENTENCES = bb.load().sentences()


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_every_match_quotes_the_text_and_folds_to_the_phrase(data: st.DataObject) -> None:
    """For a phrase cut from any sentence, each match is a span whose words are the phrase."""
    sentence = data.draw(st.sampled_from(_SENTENCES))
    start = data.draw(st.integers(0, len(sentence.text) - 1))
    end = data.draw(st.integers(start + 1, min(len(sentence.text), start + 40)))
    phrase = sentence.text[start:end]
    if not phrase.strip():
        return
    spelled = data.draw(st.sampled_from([phrase, phrase.upper(), "  ".join(phrase.split())]))
    found = bb.load().search(spelled)
    matches = found.matches()
    assert sentence in found
    assert len(matches) == len(found)
    for held, match in zip(found, matches, strict=True):
        assert match in held.span
        assert bb.text()[match.start : match.end] == match.text
        assert fold_for_search(match.text) == fold_for_search(spelled)


def test_matches_survive_pickling() -> None:
    """Results keep their phrase through pickling, so their matches are the same after."""
    found = bb.load().search("Central Asia")
    assert pickle.loads(pickle.dumps(found)).matches() == found.matches()


def test_a_phrase_not_in_the_text_is_not_located() -> None:
    """``locate_phrase`` answers None for a phrase that is not there, or has no words."""
    assert locate_phrase("Japan and Russia", "russia japan") is None
    assert locate_phrase("Japan", "   ") is None
    assert locate_phrase("Stra\u00dfe", "STRASSE") == (0, 6)
