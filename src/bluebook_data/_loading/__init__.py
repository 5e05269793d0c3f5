"""Loading: package data -> JSON -> cattrs -> checks -> :class:`~bluebook_data.Bluebook`.

The one place where a loader failure becomes a :class:`~bluebook_data.DataError`, and where the
loaded edition is kept.
"""
