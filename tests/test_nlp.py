"""The pipeline's tokenizer is the model's own, read from the model's saved files, but for the special cases of
a glued multiplier's abbreviation ("m.", "k."), which :func:`analysis.extraction.nlp.without_glued_multipliers`
drops."""

from __future__ import annotations

import spacy
import srsly

from analysis.extraction.nlp import model_name


def _saved_tokenizer(nlp) -> dict:
    # as the model package saved it, read here without the pipeline's loader
    return srsly.msgpack_loads((nlp.path / "tokenizer").read_bytes())


def test_tokenizer_is_the_models_own_but_for_glued_multipliers(nlp):
    saved = _saved_tokenizer(nlp)
    ours = srsly.msgpack_loads(nlp.tokenizer.to_bytes(exclude=["vocab"]))
    assert set(ours) == set(saved) - {"vocab"}
    for field in set(ours) - {"exceptions"}:
        assert ours[field] == saved[field], field
    dropped = set(saved["exceptions"]) - set(ours["exceptions"])
    assert {"m.", "k.", "b."} <= dropped
    assert all(len(text) == 2 and text.endswith(".") and text[0].islower() for text in dropped)
    assert {text: saved["exceptions"][text] for text in ours["exceptions"]} == ours["exceptions"]
    # longer abbreviations stay whole
    assert {"a.m.", "p.m.", "Jan."} <= set(ours["exceptions"])


def test_tokenizer_splits_as_spacy_loads_it_but_for_glued_multipliers(nlp):
    # spaCy's own loader, for reference: every text below tokenizes the same but for the multiplier's stop
    reference = spacy.load(model_name(), exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                                  "ner", "senter"])
    same = ("Dr. J. K. Rowling met Mr. Smith at 9 a.m. on Jan. 5, didn't she? U.S. prices rose 4% (e.g. bread).",
            "Visit https://example.org/a-b or mail news@example.org -- at 10:30pm, 3.5km away.")
    for text in same:
        assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in reference.tokenizer(text)]
    assert [t.text for t in reference.tokenizer("Revenue was $4m. Profit fell.")][3:5] == ["4", "m."]
    assert [t.text for t in nlp.tokenizer("Revenue was $4m. Profit fell.")][3:6] == ["4", "m", "."]
