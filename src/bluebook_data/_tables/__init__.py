"""Tables: the records as flat rows, the shape every export writes.

The columns of each record class, derived field by field from the model, with their
descriptions; the actor-recipient event rows; and the POLECAT and ICEWS layouts of those rows.
"""
