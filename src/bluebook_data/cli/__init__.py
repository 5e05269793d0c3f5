"""The ``bluebook-data`` command: the query helpers as subcommands that print readable tables.

Every listing also prints ``--format json``, ``jsonl``, ``csv``, ``tsv`` or ``markdown``, each
record kind has a page, and ``export DIR`` writes a Frictionless data package. Every failure the
user can cause (an unknown name, a bad option) ends with exit status 2 and one line on standard
error that names what was meant, never a traceback.

The parser (:mod:`.parser`) names each subcommand's module, which is imported only when that
subcommand runs, so a query pays for neither the exports nor the authoring kit.
"""

from bluebook_data.cli.main import main, run

__all__ = ["main", "run"]
