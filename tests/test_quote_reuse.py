"""quote_reuse: the same quotation printed by several articles, matched after normalising, on hand-made
attributions (expected groups written from the texts) and on one small built corpus."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import analysis
from analysis.building import schema
from analysis.across import ATTRIBUTION_COLUMNS, DOCUMENT_COLUMNS
from analysis.across.quote_reuse import (
    MATCH_THRESHOLD,
    MAX_CANDIDATES_PER_KEY,
    normalise_quote,
    quote_reuse,
    similarity,
)

PLEDGE = "We will not surrender a single metre of our land, and we will rebuild every house"


def _documents(*docs: tuple[str, str, str]) -> pd.DataFrame:
    """A documents table from (doc_id, outlet, published) triples, ``published_at`` read from ``published`` as
    the build does; the other columns are placeholders."""
    rows = [
        {"doc_id": d, "path": f"{d}.txt", "title": "", "outlet": o, "url": "", "published": p,
         "published_at": pd.to_datetime(p, utc=True, errors="coerce"), "n_chars": 0, "n_words": 0, "n_sentences": 0,
         "sha256": "0" * 64}
        for d, o, p in docs
    ]
    return schema.Documents.validate(pd.DataFrame(rows, columns=list(schema.Documents.to_schema().columns)))


def _attribution(doc_id: str, text: str, content: str, speaker: str, source: str, *, kind: str = "direct",
                 attribution_id: int = 0, source_type: str = "person") -> dict:
    """An attributions row whose content and speaker are found in ``text`` (the article as written)."""
    start, speaker_start = text.index(content), text.index(speaker)
    cue_start = speaker_start + len(speaker) + 1
    return {
        "doc_id": doc_id, "sentence_id": 0, "start": min(start, speaker_start), "end": cue_start + 4,
        "text": text[min(start, speaker_start) : cue_start + 4], "attribution_id": attribution_id, "kind": kind,
        "speaker": speaker, "speaker_start": speaker_start, "speaker_end": speaker_start + len(speaker),
        "source": source, "source_type": source_type, "role": "", "side": "unknown", "cue": "said",
        "cue_start": cue_start, "cue_end": cue_start + 4, "cue_lemma": "say", "cue_stance": "neutral",
        "content": content, "content_start": start, "content_end": start + len(content), "via": "", "addressee": "",
        "name_variant": "", "speaker_resolution": "name",
    }


def _attributions(*rows: dict) -> pd.DataFrame:
    columns = list(schema.Attributions.to_schema().columns)
    # source_id is filled across the corpus; these rows come as an article's extraction leaves them
    return schema.Attributions.validate(pd.DataFrame([{"source_id": "", **row} for row in rows], columns=columns))


def _article(content: str, speaker: str) -> str:
    return f"“{content},” {speaker} said on Tuesday."


def test_normalising_ignores_case_marks_punctuation_and_cut_conjunctions():
    assert normalise_quote("“We WILL rebuild — every house…”") == "we will rebuild every house"
    assert normalise_quote("don’t give up, and") == normalise_quote("Don't give up")
    assert normalise_quote("...but we will rebuild") == "we will rebuild"


def test_same_quote_re_punctuated_in_two_outlets_is_one_group_and_the_earlier_is_first():
    # "zulu" was published a day before "alpha": publication time, not doc_id, decides the first printing
    late, early = _article(PLEDGE, "Zelensky"), _article(PLEDGE.replace(", and", ";").upper(), "Zelensky")
    out = quote_reuse(
        _attributions(
            _attribution("alpha", late, PLEDGE, "Zelensky", "Volodymyr Zelensky"),
            _attribution("zulu", early, PLEDGE.replace(", and", ";").upper(), "Zelensky", "Volodymyr Zelensky"),
        ),
        _documents(("alpha", "AP", "March 7, 2024"), ("zulu", "Reuters", "2024-03-06")),
    )
    schema.QuoteReuse.validate(out)
    assert out["doc_id"].tolist() == ["zulu", "alpha"]
    assert out["group_id"].tolist() == [0, 0]
    assert out["first_printed"].tolist() == [True, False]
    assert out["same_source"].tolist() == [True, True]
    assert out["outlet"].tolist() == ["Reuters", "AP"]
    assert out["published_at"].tolist() == [pd.Timestamp("2024-03-06", tz="UTC"), pd.Timestamp("2024-03-07", tz="UTC")]
    assert out["n_outlets"].tolist() == [2, 2] and out["n_articles"].tolist() == [2, 2]
    assert out["text"].tolist() == [PLEDGE.replace(", and", ";").upper(), PLEDGE]
    texts = {"alpha": late, "zulu": early}
    assert all(texts[r.doc_id][r.start : r.end] == r.text for r in out.itertuples())
    assert all(texts[r.doc_id][r.speaker_start : r.speaker_end] == r.speaker for r in out.itertuples())


def test_quote_trimmed_at_either_end_still_matches():
    trimmed_start = "we will rebuild every house"  # five words: too short to match on its own
    trimmed = "not surrender a single metre of our land"
    full_text, trimmed_text, short_text = (
        _article(PLEDGE, "Zelensky"), _article(trimmed, "Zelensky"), _article(trimmed_start, "Zelensky")
    )
    out = quote_reuse(
        _attributions(
            _attribution("a", full_text, PLEDGE, "Zelensky", "Volodymyr Zelensky"),
            _attribution("b", trimmed_text, trimmed, "Zelensky", "Volodymyr Zelensky"),
            _attribution("c", short_text, trimmed_start, "Zelensky", "Volodymyr Zelensky"),
        ),
        _documents(("a", "Reuters", "2024-03-05"), ("b", "AP", "2024-03-06"), ("c", "BBC", "2024-03-07")),
    )
    assert out["doc_id"].tolist() == ["a", "b"]
    assert out["similarity"].tolist() == [100.0, 100.0]


def test_a_spelling_variant_still_matches_but_a_changed_word_in_a_short_quote_does_not():
    american = PLEDGE.replace("metre", "meter")
    short, changed = "the port is fully under our control", "the port is fully under their control"
    rows = [
        _attribution("a", _article(PLEDGE, "Zelensky"), PLEDGE, "Zelensky", "Volodymyr Zelensky"),
        _attribution("b", _article(american, "Zelensky"), american, "Zelensky", "Volodymyr Zelensky"),
        _attribution("a", _article(short, "Kiper"), short, "Kiper", "Oleh Kiper", attribution_id=1),
        _attribution("b", _article(changed, "Kiper"), changed, "Kiper", "Oleh Kiper", attribution_id=1),
    ]
    out = quote_reuse(_attributions(*rows), _documents(("a", "Reuters", "2024-03-05"), ("b", "AP", "2024-03-06")))
    assert out["text"].tolist() == [PLEDGE, american]


def test_same_quote_from_different_speakers_is_one_group_with_same_source_false():
    text_a, text_b = _article(PLEDGE, "Zelensky"), _article(PLEDGE, "Kuleba")
    out = quote_reuse(
        _attributions(
            _attribution("a", text_a, PLEDGE, "Zelensky", "Volodymyr Zelensky"),
            _attribution("b", text_b, PLEDGE, "Kuleba", "Dmytro Kuleba"),
        ),
        _documents(("a", "Reuters", "2024-03-05"), ("b", "AP", "2024-03-06")),
    )
    assert out["source"].tolist() == ["Volodymyr Zelensky", "Dmytro Kuleba"]
    assert out["same_source"].tolist() == [True, False]
    assert out["speaker_match"].tolist() == ["same", "different"]


@pytest.mark.parametrize(
    "first, reprint, match",
    [
        # (speaker as written, canonical source, source type) of the first printing and of the reprint
        (("Novak", "Lena Novak", "person"), ("Ms Novak", "LENA NOVAK", "person"), "same"),
        # one person across the corpus, however each article writes the name (identity, not the string)
        (("Lena Novak", "Lena Novak", "person"), ("Novak", "Novak", "person"), "same"),
        (("Lena Novak", "Lena Novak", "person"), ("President Novak", "President Novak", "person"), "same"),
        # a person and a body of the same name are two sources
        (("Novak", "Lena Novak", "person"), ("Lena Novak", "Lena Novak", "institution"), "different"),
        (("Novak", "Lena Novak", "person"), ("Haddad", "Yusuf Haddad", "person"), "different"),
        (("Novak", "Lena Novak", "person"), ("she", "she", "unresolved"), "unknown"),
        # the first printing names no one: the reprint is the first that does, the others' reference
        (("he", "he", "unresolved"), ("Haddad", "Yusuf Haddad", "person"), "same"),
        (("Novak", "Lena Novak", "person"), ("a senior official", "a senior official", "anonymous"), "unknown"),
        (("the ministry", "Ministry of Health", "government"), ("the ministry", "Ministry of Health", "government"),
         "same"),
    ],
)
def test_a_reprint_names_another_speaker_only_when_both_speakers_are_resolved(first, reprint, match):
    rows = [
        _attribution(doc, _article(PLEDGE, speaker), PLEDGE, speaker, source, source_type=source_type)
        for doc, (speaker, source, source_type) in (("a", first), ("b", reprint))
    ]
    out = quote_reuse(_attributions(*rows), _documents(("a", "Reuters", "2024-03-05"), ("b", "AP", "2024-03-06")))
    assert out["speaker_match"].tolist()[1] == match
    assert out["same_source"].tolist()[1] == (match == "same")


def test_a_surname_two_people_of_the_corpus_share_is_neither_same_nor_different():
    # "Brisk" may be Jana or Jonas Brisk: its identity is its article's, and it settles nothing
    speakers = (("Jana Brisk", "Jana Brisk"), ("Brisk", "Brisk"), ("Jana Brisk", "Jana Brisk"))
    rows = [_attribution(doc, _article(PLEDGE, speaker), PLEDGE, speaker, source)
            for doc, (speaker, source) in zip("abc", speakers)]
    other = "the harbour would stay closed all week"  # Jonas Brisk, quoted elsewhere, paraphrased
    rows.append(_attribution("d", _article(other, "Jonas Brisk"), other, "Jonas Brisk", "Jonas Brisk", kind="indirect"))
    documents = _documents(("a", "Wire", "2024-03-01"), ("b", "Wire", "2024-03-02"), ("c", "Wire", "2024-03-03"),
                           ("d", "Wire", "2024-03-04"))
    out = quote_reuse(_attributions(*rows), documents)
    assert out["speaker_match"].tolist() == ["same", "unknown", "same"]
    assert out["source_id"].iloc[0] == out["source_id"].iloc[2] != out["source_id"].iloc[1]


def test_given_links_decide_the_speaker():
    rows = [_attribution(doc, _article(PLEDGE, "Novak"), PLEDGE, "Novak", "Lena Novak") for doc in "ab"]
    links = pd.DataFrame({"doc_id": ["a", "b"], "source": ["Lena Novak", "Lena Novak"], "source_class": ["person"] * 2,
                          "source_id": ["id-one", "id-two"], "matched_by": ["name", "name"]})
    out = quote_reuse(_attributions(*rows), _documents(("a", "Wire", "2024-03-01"), ("b", "Wire", "2024-03-02")),
                      links=links)
    assert out["speaker_match"].tolist() == ["same", "different"]
    assert out["source_id"].tolist() == ["id-one", "id-two"]


def test_speakers_are_compared_with_the_first_printing_that_names_one():
    speakers = (("she", "she", "unresolved"), ("Novak", "Lena Novak", "person"), ("Novak", "Lena Novak", "person"),
                ("Haddad", "Yusuf Haddad", "person"), ("a spokesman", "a spokesman", "anonymous"))
    docs = "abcde"
    rows = [_attribution(doc, _article(PLEDGE, speaker), PLEDGE, speaker, source, source_type=source_type)
            for doc, (speaker, source, source_type) in zip(docs, speakers)]
    documents = _documents(*((doc, "Wire", f"2024-03-0{i + 1}") for i, doc in enumerate(docs)))
    out = quote_reuse(_attributions(*rows), documents)
    assert out["speaker_match"].tolist() == ["unknown", "same", "same", "different", "unknown"]


def test_a_quote_sharing_only_its_opening_words_is_another_quotation():
    bad, moment = "This is going to be bad", "This is going to be a defining moment"
    rows = [
        _attribution("a", _article(bad, "Weber"), bad, "Weber", "Ingrid Weber"),
        _attribution("b", _article(moment, "Mensah"), moment, "Mensah", "Kwame Mensah"),
        _attribution("c", _article("this is going to be bad", "Weber"), "this is going to be bad", "Weber",
                     "Ingrid Weber"),
    ]
    documents = _documents(("a", "Reuters", "2024-03-05"), ("b", "AP", "2024-03-06"), ("c", "BBC", "2024-03-07"))
    out = quote_reuse(_attributions(*rows), documents)
    assert out[["group_id", "doc_id"]].values.tolist() == [[0, "a"], [0, "c"]]
    assert out["similarity"].tolist() == [100.0, 100.0]
    assert similarity(normalise_quote(bad), normalise_quote(moment)) < MATCH_THRESHOLD
    # a reprint cut at its end is still the same quotation
    assert similarity(normalise_quote(moment), normalise_quote(f"{moment} for this town")) == 100.0


def test_a_printing_joins_a_group_only_if_it_matches_the_first_printing():
    # each printing differs from the one before by one word in fourteen (ratio 93): the first and the last
    # differ by two (ratio 86), so the last is not a reprint of the first
    first = "the council will open the new bridge to traffic before the end of May"
    second = "the council will open the new bridge to traffic before the end of June"
    third = "the company will open the new bridge to traffic before the end of June"
    assert similarity(normalise_quote(first), normalise_quote(second)) >= MATCH_THRESHOLD
    assert similarity(normalise_quote(second), normalise_quote(third)) >= MATCH_THRESHOLD
    assert similarity(normalise_quote(first), normalise_quote(third)) < MATCH_THRESHOLD
    rows = [_attribution(doc, _article(q, "Moreau"), q, "Moreau", "Daniel Moreau")
            for doc, q in (("a", first), ("b", second), ("c", third))]
    documents = _documents(("a", "Reuters", "2024-03-05"), ("b", "AP", "2024-03-06"), ("c", "BBC", "2024-03-07"))
    out = quote_reuse(_attributions(*rows), documents)
    assert out["doc_id"].tolist() == ["a", "b"]
    assert (out["similarity"] >= MATCH_THRESHOLD).all()


def test_different_quotes_sharing_most_words_do_not_match():
    ours = "Our troops have repelled every attack on the city since Monday"
    theirs = "Their troops have launched every attack on the city since Monday"
    calm = "The situation on the front line is difficult but under control"
    worse = "The situation on the front line is difficult and getting worse"
    rows = [
        _attribution("a", _article(ours, "Syrskyi"), ours, "Syrskyi", "Oleksandr Syrskyi"),
        _attribution("b", _article(theirs, "Syrskyi"), theirs, "Syrskyi", "Oleksandr Syrskyi"),
        _attribution("a", _article(calm, "Syrskyi"), calm, "Syrskyi", "Oleksandr Syrskyi", attribution_id=1),
        _attribution("b", _article(worse, "Syrskyi"), worse, "Syrskyi", "Oleksandr Syrskyi", attribution_id=1),
    ]
    out = quote_reuse(_attributions(*rows), _documents(("a", "Reuters", "2024-03-05"), ("b", "AP", "2024-03-06")))
    assert out.empty


def test_short_quotes_indirect_speech_and_one_article_repeats_are_not_reuse():
    short = "he said no"
    paraphrase = "the army would hold the city at any cost this winter"
    rows = [
        _attribution("a", _article(short, "Peskov"), short, "Peskov", "Dmitry Peskov"),
        _attribution("b", _article(short, "Peskov"), short, "Peskov", "Dmitry Peskov"),
        _attribution("a", _article(paraphrase, "Peskov"), paraphrase, "Peskov", "Dmitry Peskov", kind="indirect",
                     attribution_id=1),
        _attribution("b", _article(paraphrase, "Peskov"), paraphrase, "Peskov", "Dmitry Peskov", kind="indirect",
                     attribution_id=1),
        _attribution("a", _article(PLEDGE, "Zelensky"), PLEDGE, "Zelensky", "Volodymyr Zelensky", attribution_id=2),
        _attribution("a", _article(PLEDGE, "Zelensky"), PLEDGE, "Zelensky", "Volodymyr Zelensky", attribution_id=3),
    ]
    out = quote_reuse(_attributions(*rows), _documents(("a", "Reuters", "2024-03-05"), ("b", "AP", "2024-03-06")))
    assert out.empty


def test_groups_are_numbered_in_order_of_first_printing_and_undated_articles_come_last():
    other = "Every village on the river has been shelled at least once this week"
    rows = [
        _attribution("a_undated", _article(PLEDGE, "Zelensky"), PLEDGE, "Zelensky", "Volodymyr Zelensky"),
        _attribution("b", _article(other, "Prokudin"), other, "Prokudin", "Oleksandr Prokudin"),
        _attribution("c", _article(other, "Prokudin"), other, "Prokudin", "Oleksandr Prokudin"),
        _attribution("c", _article(PLEDGE, "Zelensky"), PLEDGE, "Zelensky", "Volodymyr Zelensky", attribution_id=1),
    ]
    documents = _documents(("a_undated", "", ""), ("b", "Reuters", "2024-03-05"), ("c", "AP", "2024-03-06"))
    out = quote_reuse(_attributions(*rows), documents)
    assert list(zip(out["group_id"], out["doc_id"], out["first_printed"])) == [
        (0, "b", True), (0, "c", False), (1, "c", True), (1, "a_undated", False)
    ]
    assert out["published_at"].isna().tolist() == [False, False, False, True]
    assert out["n_outlets"].tolist() == [2, 2, 1, 1]  # the undated article has no outlet either


def test_published_at_column_wins_over_the_published_text():
    rows = [
        _attribution("a", _article(PLEDGE, "Zelensky"), PLEDGE, "Zelensky", "Volodymyr Zelensky"),
        _attribution("b", _article(PLEDGE, "Zelensky"), PLEDGE, "Zelensky", "Volodymyr Zelensky"),
    ]
    documents = _documents(("a", "Reuters", "2024-03-01"), ("b", "AP", "2024-03-09")).assign(
        published_at=pd.to_datetime(["2024-03-10T12:00:00Z", "2024-03-09T08:00:00Z"], utc=True)
    )
    out = quote_reuse(_attributions(*rows), documents)
    assert out["doc_id"].tolist() == ["b", "a"]
    assert out["published_at"].iloc[0] == pd.Timestamp("2024-03-09 08:00", tz="UTC")


def test_without_published_at_the_published_text_is_read():
    rows = [
        _attribution("a", _article(PLEDGE, "Zelensky"), PLEDGE, "Zelensky", "Volodymyr Zelensky"),
        _attribution("b", _article(PLEDGE, "Zelensky"), PLEDGE, "Zelensky", "Volodymyr Zelensky"),
        _attribution("c", _article(PLEDGE, "Zelensky"), PLEDGE, "Zelensky", "Volodymyr Zelensky"),
    ]
    documents = _documents(("a", "Reuters", "not a date"), ("b", "AP", "March 7, 2024"), ("c", "BBC", "2024-03-06"))
    out = quote_reuse(_attributions(*rows), documents.drop(columns="published_at", errors="ignore"))
    assert out["doc_id"].tolist() == ["c", "b", "a"]
    assert out["published_at"].tolist() == [
        pd.Timestamp("2024-03-06", tz="UTC"), pd.Timestamp("2024-03-07", tz="UTC"), pd.NaT
    ]


def test_a_quote_reprinted_beyond_the_blocking_cap_is_still_one_group():
    n = MAX_CANDIDATES_PER_KEY * 3
    ids = [f"d{i:03d}" for i in range(n)]
    text = _article(PLEDGE, "Zelensky")
    out = quote_reuse(
        _attributions(*(_attribution(d, text, PLEDGE, "Zelensky", "Volodymyr Zelensky") for d in ids)),
        _documents(*((d, "Wire", f"2024-03-{1 + i % 28:02d}") for i, d in enumerate(ids))),
    )
    assert len(out) == n and set(out["group_id"]) == {0}
    assert out["first_printed"].sum() == 1 and out["n_outlets"].iloc[0] == 1


def test_empty_inputs_and_a_single_article_give_an_empty_table_with_the_columns():
    columns = list(schema.QuoteReuse.to_schema().columns)
    empty = quote_reuse(_attributions(), _documents())
    assert empty.empty and list(empty.columns) == columns
    schema.QuoteReuse.validate(empty)
    text = _article(PLEDGE, "Zelensky")
    single = quote_reuse(
        _attributions(_attribution("a", text, PLEDGE, "Zelensky", "Volodymyr Zelensky")),
        _documents(("a", "Reuters", "2024-03-05")),
    )
    assert single.empty and list(single.columns) == columns
    assert str(single["published_at"].dtype) == "datetime64[ns, UTC]"


def test_built_corpus_with_sidecar_metadata(tmp_path, nlp):
    articles = {
        "kyiv_wire": ("Reuters", "2024-03-05",
                      f"“{PLEDGE},” President Volodymyr Zelensky said on Tuesday.\n\nThe talks ended without a deal.\n"),
        "kyiv_daily": ("Kyiv Independent", "March 6, 2024",
                       "Zelensky spoke in Kyiv.\n\n“We will not surrender a single metre of our land; we will rebuild "
                       "every house,” Zelensky said.\n"),
    }
    for name, (outlet, published, text) in articles.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(json.dumps({"outlet": outlet, "published": published}))
    tables = analysis.build(tmp_path, nlp=nlp)
    # only the columns the build reads back for it
    out = quote_reuse(tables.attributions[ATTRIBUTION_COLUMNS], tables.documents[DOCUMENT_COLUMNS])
    schema.QuoteReuse.validate(out)
    assert out["doc_id"].tolist() == ["kyiv_wire", "kyiv_daily"]
    assert out["first_printed"].tolist() == [True, False]
    assert out["same_source"].tolist() == [True, True]
    assert out["speaker_match"].tolist() == ["same", "same"]
    assert out["text"].tolist() == [PLEDGE, "We will not surrender a single metre of our land; we will rebuild every house"]
    assert all(tables.text_of(r.doc_id)[r.start : r.end] == r.text for r in out.itertuples())


def test_blocks_join_printings_that_share_a_word_run_and_matching_them_apart_gives_the_same_groups():
    from analysis.across.quote_reuse import match_blocks, match_groups

    texts = [normalise_quote(t) for t in [
        PLEDGE,                                                        # 0
        "The water has reached the second floor of the hospital",      # 1
        "we will not surrender a single metre of our land",            # 2: a trimmed reprint of 0
        "Nobody told us the dam would be opened tonight",              # 3
        "the water has reached the second floor of the hospital now",  # 4: a reprint of 1
        "we will not let them take the harbour",                       # 5: shares only "we will not" with 0 and 2
        "No comment",                                                  # 6: too short to match anything
    ]]
    blocks = match_blocks(texts)
    assert blocks == [[0, 2, 5], [1, 4]]
    whole = match_groups(texts)
    roots = list(range(len(texts)))
    for members in blocks:
        for member, root in zip(members, match_groups([texts[i] for i in members])):
            roots[member] = members[root]
    assert roots == whole == [0, 1, 0, 3, 1, 5, 6]


@pytest.mark.parametrize(
    "first, reprint, match",
    [
        # two unnamed speakers described alike, tied to one name, in reprints of one statement
        ("a Harbour Board spokesman", "a Harbour Board spokesperson", "same_description"),
        ("A Harbour Board spokeswoman", "a Harbour Board spokeswoman", "same_description"),
        # described differently, or by nothing that names whom they speak for: no telling
        ("a Harbour Board spokesman", "a Port Authority spokesman", "unknown"),
        ("a senior official", "a senior official", "unknown"),
        ("Senior officials", "senior officials", "unknown"),
        ("a spokesman", "a spokeswoman", "unknown"),
    ],
)
def test_unnamed_speakers_described_alike_are_same_description_never_same(first, reprint, match):
    rows = [
        _attribution(doc, _article(PLEDGE, speaker), PLEDGE, speaker, speaker, source_type="anonymous")
        for doc, speaker in (("a", first), ("b", reprint))
    ]
    out = quote_reuse(_attributions(*rows), _documents(("a", "Reuters", "2024-03-05"), ("b", "AP", "2024-03-06")))
    assert out["speaker_match"].tolist() == [match, match]
    assert out["same_source"].tolist() == [False, False]


def test_a_description_settles_nothing_where_a_printing_names_the_speaker():
    speakers = (("Lena Novak", "Lena Novak", "person"), ("a Harbour Board spokesman", "a Harbour Board spokesman", "anonymous"),
                ("a Harbour Board spokesman", "a Harbour Board spokesman", "anonymous"))
    rows = [_attribution(doc, _article(PLEDGE, speaker), PLEDGE, speaker, source, source_type=source_type)
            for doc, (speaker, source, source_type) in zip("abc", speakers)]
    documents = _documents(*((doc, "Wire", f"2024-03-0{i + 1}") for i, doc in enumerate("abc")))
    out = quote_reuse(_attributions(*rows), documents)
    assert out["speaker_match"].tolist() == ["same", "unknown", "unknown"]
