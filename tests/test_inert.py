"""Strings a folder supplies, shown inert: nothing a terminal acts on, nothing lost in JSON."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bluebook_data._display.inert import inert, inert_json

_ACTIVE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _active(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) in _ACTIVE]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", r"\x1b[2J"),  # ESC: a CSI sequence clearing the screen
        ("\x1b]0;owned\x07", r"\x1b]0;owned\x07"),  # OSC: retitle the terminal, ended by BEL
        ("ok\rno problems", r"ok\rno problems"),  # CR: write over the line
        ("a\nb", r"a\nb"),  # LF: a line of its own
        ("\x9b31m", r"\x9b31m"),  # C1 CSI
        ("\x85", r"\x85"),  # C1 next line
        ("\x7f", r"\x7f"),  # DEL
        ("\u202egnp.exe", r"\u202egnp.exe"),  # bidirectional override
        ("\u2066x\u2069", r"\u2066x\u2069"),  # bidirectional isolate
        ("a\u2028b\u2029c", r"a\u2028b\u2029c"),  # line and paragraph separators
        ("\U000e0041", r"\U000e0041"),  # a tag character, invisible
        ("\ud800", r"\ud800"),  # a lone surrogate
        ("\t", r"\t"),
    ],
)
def test_inert_escapes_what_a_terminal_acts_on(raw: str, shown: str) -> None:
    """Each control, format or separator character is written as its Python escape."""
    assert inert(raw) == shown


@pytest.mark.parametrize(
    "kept", ["Тбилиси", "東京\u3000大阪", "Ağrı Dağı", "naïve café", "emoji 🇯🇵", "a\\x1b", ""]
)
def test_inert_keeps_every_script(kept: str) -> None:
    """Letters, marks and spaces of any script, and a backslash, are shown as they are."""
    assert inert(kept) == kept


@given(st.text())
def test_inert_leaves_nothing_active(text: str) -> None:
    """Whatever the string, its inert form holds no active character, so stays on one line."""
    shown = inert(text)
    assert _active(shown) == []
    assert len(shown.splitlines()) <= 1


@given(
    st.recursive(
        st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=20,
    )
)
def test_inert_json_reads_back_exactly(value: object) -> None:
    """JSON made inert holds no active character but its layout, and parses to the same value."""
    shown = inert_json(json.dumps(value, ensure_ascii=False, indent=2))
    assert set(_active(shown)) <= {"\n"}
    assert json.loads(shown) == value
