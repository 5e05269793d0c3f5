"""Authoring: the kit for editions of one's own.

``new`` starts an edition folder (:mod:`.scaffold`), ``check [--fix]`` checks it (:mod:`.check`),
the annotations file's JSON Schema (:mod:`.annotation_schema`), and the two commands as the command
line adds them (:mod:`.commands`). Both write through :mod:`.safe_write`, which follows no link and
loses nothing, and ``--fix`` keeps numbers as written with :mod:`.exact_json`.
"""
