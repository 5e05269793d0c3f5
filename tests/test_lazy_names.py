"""The package's lazily served names: the records, the converter and the version."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import bluebook_data as bb
from bluebook_data import model

#: What ``import bluebook_data`` must not import: each costs more than the package itself.
HEAVY = ("attrs", "cattrs", "importlib_resources", "importlib.metadata", "bluebook_data.model")

_PROBE = """
import json, sys
before = set(sys.modules)
import bluebook_data
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def test_import_makes_no_records_and_imports_no_dependency() -> None:
    """``import bluebook_data`` imports neither attrs nor the records, cattrs nor metadata."""
    run = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    imported = set(json.loads(run.stdout))
    assert not imported & set(HEAVY)


@pytest.mark.parametrize("name", model.__all__)
def test_every_record_name_is_served_and_then_bound(name: str) -> None:
    """Each name of the model is the model's own object, bound in the package once asked for."""
    assert getattr(bb, name) is getattr(model, name)
    assert vars(bb)[name] is getattr(model, name)


def test_from_import_and_dir_see_the_lazy_names() -> None:
    """``from bluebook_data import ...`` works for them, and ``dir()`` lists every public name."""
    from bluebook_data import Engagement, converter

    assert Engagement is model.Engagement
    assert converter is bb.converter
    assert set(bb.__all__) <= set(dir(bb))


def test_unknown_names_are_attribute_errors() -> None:
    """A name the package does not have raises AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="has no attribute 'Engagements'"):
        _ = bb.Engagements
