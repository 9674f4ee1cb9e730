"""Extraction: one article's rows from its one spaCy parse.

In: a :class:`~analysis.reading.Document` and a :class:`~analysis.catalogue.beat.Beat`. Out: one
:class:`~analysis.extraction.pipeline.DocumentResult` per article: its rows for every per-article table
(records in the schema's column order), its counts, and the stages that failed.

:mod:`.nlp` chooses the spaCy pipeline; :mod:`.pipeline` parses each article once and runs the named stages
(:data:`~analysis.extraction.pipeline.STAGES`) over :class:`~analysis.extraction.parsed.ParsedDocument`;
:mod:`.doc_index` holds the per-document indexes every stage shares; :mod:`.linguistics` the linguistic
decisions more than one stage makes. The stages: :mod:`.mentions` (sentences, mentions), :mod:`.sources`
(attributions, claims), :mod:`.people`, :mod:`.figures` (figures, time expressions, and the consistency and
metric-origin checks), :mod:`.framing` (cues, tone, actions, frames). Nothing here reads views or writes
files.
"""
