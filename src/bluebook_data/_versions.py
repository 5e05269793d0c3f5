"""Version numbers of the shipped data, which move apart from the package's own version."""

from typing import Final

__all__ = ["DATA_VERSION", "SCHEMA_VERSION"]

#: The release of the annotations; bumped on every change to the shipped records.
DATA_VERSION: Final = "2016.4.0"

#: The layout of the annotations file that this code reads.
SCHEMA_VERSION: Final = 2
