"""The countries' codes agree with code tables this project did not write.

ISO 3166-1 codes are checked against pycountry's copy of the ISO list; the Correlates of War and
Gleditsch-Ward state numbers against the R ``countrycode`` package's table (its ``cown`` and
``gwn`` columns, as the ``countrycode`` port ships it) and against ``country_converter``'s own
``GWcode`` column. Each check skips if its table is not installed.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import attrs
import importlib_resources
import pytest

import bluebook_data as bb

_BOOK = bb.load()
_COUNTRIES = {country.code: country for country in _BOOK.records.countries}
_COW_LIST = "https://correlatesofwar.org/data-sets/state-system-membership"
_GW_LIST = "http://www.ksgleditsch.com/data-4.html"


def _ids() -> list[str]:
    return sorted(_COUNTRIES)


def _country_converter_gw_codes() -> dict[str, int]:
    """Read country_converter's table itself: its converter class fails on some pandas releases."""
    pytest.importorskip("country_converter")
    table = importlib_resources.files("country_converter") / "country_data.tsv"
    rows = csv.DictReader(io.StringIO(table.read_text("utf-8")), delimiter="\t")
    return {row["ISO2"]: int(row["GWcode"]) for row in rows if row["GWcode"].isdigit()}


@pytest.mark.parametrize("code", _ids())
def test_iso_codes_match_pycountry(code: str) -> None:
    """Alpha-2, alpha-3 and numeric codes are those of one entry of the ISO 3166-1 list."""
    pycountry = pytest.importorskip("pycountry")
    country = _COUNTRIES[code]
    entry = pycountry.countries.get(alpha_2=code)
    assert entry is not None, code
    assert (entry.alpha_3, entry.numeric) == (country.alpha3, country.numeric)


@pytest.mark.parametrize("code", _ids())
def test_state_numbers_match_countrycode(code: str) -> None:
    """The COW and Gleditsch-Ward numbers are those the countrycode table gives the ISO code."""
    countrycode = pytest.importorskip("countrycode")
    country = _COUNTRIES[code]
    assert countrycode.countrycode(code, origin="iso2c", destination="cown") == country.cow
    assert countrycode.countrycode(code, origin="iso2c", destination="gwn") == country.gw


@pytest.mark.parametrize("code", _ids())
def test_gleditsch_ward_numbers_match_country_converter(code: str) -> None:
    """The Gleditsch-Ward number is the one in country_converter's GWcode column."""
    assert _country_converter_gw_codes()[code] == _COUNTRIES[code].gw


@pytest.mark.parametrize("code", _ids())
def test_every_country_has_both_state_numbers_and_cites_both_lists(code: str) -> None:
    """Each of the ten states has both numbers, resting on the COW list and Gleditsch and Ward's."""
    country = _COUNTRIES[code]
    assert country.cow is not None
    assert country.gw is not None
    assert {_COW_LIST, _GW_LIST} <= {reference.url for reference in country.references}


def test_state_numbers_are_columns_of_the_countries_table() -> None:
    """The countries table carries both numbers as integers, ready to join on."""
    rows = {row["code"]: row for row in bb.to_records("countries")}
    assert (rows["RU"]["cow"], rows["RU"]["gw"]) == (365, 365)
    assert (rows["GE"]["cow"], rows["GE"]["gw"]) == (372, 372)


def test_a_former_name_finds_the_country_and_is_not_an_alias() -> None:
    """グルジア, dropped in April 2015, is a former name of Georgia, not a current alias."""
    georgia = bb.country("グルジア")
    assert georgia.code == "GE"
    assert "グルジア" in georgia.former_names
    assert "グルジア" not in georgia.aliases


def test_state_numbers_must_be_whole_numbers_of_at_most_three_digits() -> None:
    """A state number outside 2-999, or not an int, is refused when the record is made."""
    japan = _COUNTRIES["JP"]
    wrong_numbers: tuple[Any, ...] = (0, 1000, "740", 740.0)
    for wrong in wrong_numbers:
        with pytest.raises((ValueError, TypeError)):
            attrs.evolve(japan, cow=wrong)
        with pytest.raises((ValueError, TypeError)):
            attrs.evolve(japan, gw=wrong)
    assert attrs.evolve(japan, gw=None).gw is None
