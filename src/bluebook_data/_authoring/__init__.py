"""Authoring: the kit for editions of one's own.

``new`` starts an edition folder (:mod:`.scaffold`), ``check [--fix]`` checks it (:mod:`.check`),
the annotations file's JSON Schema (:mod:`.annotation_schema`), and the two commands as the command
line adds them (:mod:`.commands`).
"""
