"""Linguistic decisions that more than one extractor makes, each in one module so that sourcing and framing
decide them alike: the voice of a verb (:mod:`.voice`), what a relative pronoun stands for
(:mod:`.antecedents`) and which side a phrase names (:mod:`.sides`)."""
