"""Linguistic decisions that more than one extractor makes, each in one module so that sourcing and framing
decide them alike: the voice of a verb (:mod:`.voice`), what a relative pronoun stands for
(:mod:`.antecedents`), which side a phrase names (:mod:`.sides`) and what is page furniture, left out by every
stage (:mod:`.furniture`)."""
