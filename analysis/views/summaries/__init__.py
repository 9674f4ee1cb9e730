"""Small tables the notebooks show, computed from the built tables: one module per notebook
(:mod:`.overview`, :mod:`.sourcing`, :mod:`.figures`, :mod:`.framing`) and :mod:`.compare` for outlets and
dates."""
