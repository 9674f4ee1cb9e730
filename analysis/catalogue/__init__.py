"""The catalogue: what a corpus brings about its beat, as data.

In: the packaged actor catalogue and lexicons (``analysis/data/``), and a corpus folder's ``actors.yaml`` and
``corpus.yaml``. Out: a :class:`~analysis.catalogue.actors.Catalogue` of actors with their aliases, types and
sides, and a :class:`~analysis.catalogue.beat.Beat` (catalogue plus tone adjustment) that every extraction
stage reads; :mod:`.discovery` lists the names a corpus mentions that the catalogue does not know yet.
"""
