"""The field descriptions cover the model exactly."""

from __future__ import annotations

import attrs
import pytest

import bluebook_data as bb
from bluebook_data import model
from bluebook_data._tables.fields import (
    DESCRIPTIONS,
    RECORD_CLASSES,
    data_fields,
    describe,
    field_types,
)


def test_record_classes_are_every_attrs_class_of_the_model() -> None:
    """RECORD_CLASSES lists each attrs class of the model once."""
    attrs_classes = {
        getattr(model, name) for name in model.__all__ if attrs.has(getattr(model, name))
    } | {bb.Bluebook}
    assert set(RECORD_CLASSES) == attrs_classes
    assert len(RECORD_CLASSES) == len(attrs_classes)


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
def test_every_field_has_one_description(cls: type) -> None:
    """Each field has a non-empty description and no description names a missing field."""
    assert set(DESCRIPTIONS[cls.__name__]) == {field.name for field in data_fields(cls)}
    assert all(describe(cls, field.name).strip() for field in data_fields(cls))


def test_no_description_for_a_class_outside_the_model() -> None:
    """DESCRIPTIONS has no entry for a class that is not a record class."""
    assert set(DESCRIPTIONS) == {cls.__name__ for cls in RECORD_CLASSES}


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
def test_field_types_resolve_every_field(cls: type) -> None:
    """Every field's type resolves to a real type, the Bluebook's cached index notwithstanding."""
    types = field_types(cls)
    assert list(types) == [field.name for field in data_fields(cls)]
    assert not any(isinstance(hint, str) for hint in types.values())


def test_field_types_is_read_only() -> None:
    """The cached mapping cannot be changed by a caller."""
    with pytest.raises(TypeError):
        field_types(bb.Span)["start"] = str  # type: ignore[index]
