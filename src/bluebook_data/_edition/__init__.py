"""An edition in memory: the :class:`Bluebook`, its indexes and the query methods that read them.

Built on the records alone; it knows nothing of files, which :mod:`bluebook_data._loading` reads.
"""
