"""One identity per source across a corpus (analysis.across.identity), on hand-made attributions of invented
people and bodies: what merges, in both directions, and that ids do not depend on row order."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.across.identity import (
    IDENTITY_ATTRIBUTION_COLUMNS,
    LINK_COLUMNS,
    source_identities,
    source_links,
    with_source_ids,
)
from analysis.building import schema
from analysis.catalogue.actors import Actor, Catalogue


def row(doc_id: str, source: str, source_type: str = "person", *, speaker: str | None = None,
        resolution: str = "name", variant: str = "") -> dict:
    """An attributions row as the identity reads it: the canonical source, its type, and how it was written."""
    return {"doc_id": doc_id, "source": source, "source_type": source_type,
            "speaker": source if speaker is None else speaker, "speaker_resolution": resolution,
            "name_variant": variant}


def attributions(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=IDENTITY_ATTRIBUTION_COLUMNS)


def people(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["doc_id", "source", "gender"])


def documents(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["doc_id", "outlet"])


def identify(*rows: dict, gender=(), outlets=None, catalogue=None, mentions=None):
    docs = sorted({r["doc_id"] for r in rows})
    outlets = outlets or {d: f"Outlet {d}" for d in docs}
    return source_identities(attributions(*rows), people(*gender), documents(*outlets.items()), catalogue,
                             mentions=mentions)


def ids(result, doc_id: str, source: str) -> str:
    links = result.links
    (found,) = links.loc[(links["doc_id"] == doc_id) & (links["source"] == source), "source_id"]
    return found


def test_full_name_surname_and_title_with_surname_are_one_person_across_articles():
    out = identify(
        row("a", "Darius Holloway"),
        row("b", "Holloway"),
        row("c", "President Holloway", speaker="President Holloway"),
        row("d", "Gov. Holloway"),
    )
    assert len(out.sources) == 1
    (source,) = out.sources.itertuples()
    assert source.name == "Darius Holloway"
    assert source.variants == "Darius Holloway | Gov. Holloway | Holloway | President Holloway"
    assert (source.source_type, source.articles, source.attributions, source.outlets) == ("person", 4, 4, 4)
    assert source.basis == "full name"
    assert out.links["matched_by"].tolist() == ["name", "surname", "surname", "surname"]
    schema.validate("sources", out.sources)
    schema.validate("source_outlets", out.source_outlets)


def test_the_name_is_the_most_fully_written_without_a_title():
    out = identify(row("a", "Mayor Oriel Tamsin Brack"), row("b", "Oriel Brack"), row("b", "Oriel Brack"))
    assert out.sources["name"].tolist() == ["Oriel Tamsin Brack"]


def test_two_full_names_with_different_given_names_are_two_people():
    out = identify(row("a", "Jana Brisk"), row("b", "Jonas Brisk"))
    assert len(out.sources) == 2
    assert ids(out, "a", "Jana Brisk") != ids(out, "b", "Jonas Brisk")
    assert sorted(out.sources["name"]) == ["Jana Brisk", "Jonas Brisk"]


def test_a_surname_shared_by_two_full_names_is_merged_with_neither():
    out = identify(row("a", "Jana Brisk"), row("b", "Jonas Brisk"), row("c", "Brisk"), row("d", "Ms Brisk"),
                   row("e", "Brisk"))
    full = {ids(out, "a", "Jana Brisk"), ids(out, "b", "Jonas Brisk")}
    short = [ids(out, d, s) for d, s in (("c", "Brisk"), ("d", "Ms Brisk"), ("e", "Brisk"))]
    assert not full & set(short)
    # any of the two in each article: an identity of that article only, never one across articles
    assert len(set(short)) == 3 and all(short)
    assert set(out.links.loc[out.links["source"].str.endswith("Brisk") & (out.links["doc_id"] >= "c"), "matched_by"]) == {
        "ambiguous"
    }
    assert sorted(out.sources.loc[out.sources["basis"] == "ambiguous short name", "articles"]) == [1, 1, 1]


def test_a_surname_with_one_full_name_is_that_person_but_not_when_its_article_names_another():
    mentions = pd.DataFrame(
        [("c", "Jonas Brisk", "PERSON"), ("c", "Brisk", "PERSON")], columns=["doc_id", "text", "label"]
    )
    out = identify(row("a", "Jana Brisk"), row("b", "Brisk"), row("c", "Brisk"), mentions=mentions)
    assert ids(out, "b", "Brisk") == ids(out, "a", "Jana Brisk")
    # article c writes "Jonas Brisk" (who is not quoted): its "Brisk" may be him
    assert ids(out, "c", "Brisk") not in ("", ids(out, "a", "Jana Brisk"))


def test_initials_go_to_the_full_name_they_fit():
    out = identify(row("a", "Jana Brisk"), row("b", "J. Brisk"), row("c", "K. Brisk"))
    assert ids(out, "b", "J. Brisk") == ids(out, "a", "Jana Brisk")
    assert ids(out, "c", "K. Brisk") != ids(out, "a", "Jana Brisk")


def test_different_middle_names_are_two_people_and_the_name_without_one_is_either():
    out = identify(row("a", "Lena A. Dorn"), row("b", "Lena B. Dorn"), row("c", "Lena Dorn"), row("d", "Lena Ann Dorn"))
    assert ids(out, "a", "Lena A. Dorn") != ids(out, "b", "Lena B. Dorn")
    assert ids(out, "c", "Lena Dorn") not in (ids(out, "a", "Lena A. Dorn"), ids(out, "b", "Lena B. Dorn"), "")
    # one middle initial everywhere is still one person
    alone = identify(row("a", "Lena A. Dorn"), row("c", "Lena Dorn"), row("d", "Lena Ann Dorn"))
    assert alone.links["source_id"].nunique() == 1


def test_transliterations_of_one_name_merge_and_short_surnames_must_match_exactly():
    out = identify(row("a", "Andriy Melnykov"), row("b", "Andrii Melnykov"), row("c", "Tam Le"), row("d", "Tam Lee"))
    assert ids(out, "a", "Andriy Melnykov") == ids(out, "b", "Andrii Melnykov")
    assert ids(out, "c", "Tam Le") != ids(out, "d", "Tam Lee")


def test_a_surname_that_no_full_name_explains_is_one_identity_across_the_corpus():
    out = identify(row("a", "Mr Quarrie"), row("b", "Quarrie"))
    assert ids(out, "a", "Mr Quarrie") == ids(out, "b", "Quarrie")
    assert out.sources["basis"].tolist() == ["short name only"]
    assert out.sources["name"].tolist() == ["Quarrie"]


def test_a_person_and_an_organisation_of_the_same_name_are_never_one():
    out = identify(row("a", "Orlen Vask"), row("b", "Orlen Vask", "institution"), row("c", "Vask", "institution"))
    person, body = ids(out, "a", "Orlen Vask"), ids(out, "b", "Orlen Vask")
    assert person != body and "" not in (person, body)
    assert ids(out, "c", "Vask") not in (person,)
    types = dict(zip(out.sources["source_id"], out.sources["source_type"]))
    assert types[person] == "person" and types[body] == "institution"
    # a catalogued person is not an organisation of that name either
    catalogue = Catalogue(("Vask",), (Actor("orlen_vask", "Orlen Vask", "person", "Vask", "PERSON"),))
    out = identify(row("a", "Orlen Vask"), row("b", "Orlen Vask", "institution"), catalogue=catalogue)
    assert ids(out, "a", "Orlen Vask") != ids(out, "b", "Orlen Vask")


def test_a_surname_the_article_typed_as_an_organisation_is_the_one_person_with_that_surname():
    # the small parser labels a bare "Holloway" an organisation where its article names nobody in full
    out = identify(row("a", "Darius Holloway"), row("b", "Holloway", "institution"))
    assert ids(out, "b", "Holloway") == ids(out, "a", "Darius Holloway")
    assert out.links["matched_by"].tolist() == ["name", "person_surname"]
    assert out.sources[["name", "source_type", "articles"]].values.tolist() == [["Darius Holloway", "person", 2]]


@pytest.mark.parametrize(
    "rows",
    [
        # two people of the corpus have that surname
        [row("a", "Jana Brisk"), row("b", "Jonas Brisk"), row("c", "Brisk", "institution")],
        # an organisation of the corpus is named with it
        [row("a", "Orlen Vask"), row("b", "Vask Holdings", "institution"), row("c", "Vask", "institution")],
        # an acronym, and a name of two words, are organisations' names
        [row("a", "Ilka Nato"), row("c", "NATO", "institution")],
        [row("a", "Orlen Vask"), row("c", "Orlen Vask", "institution")],
    ],
)
def test_an_organisation_stays_one_where_the_surname_is_not_one_persons(rows):
    out = identify(*rows)
    (organisation,) = [r for r in rows if r["doc_id"] == "c"]
    assert ids(out, "c", organisation["source"]) not in {ids(out, r["doc_id"], r["source"]) for r in rows if r is not organisation}
    assert out.links.loc[out.links["doc_id"] == "c", "source_class"].tolist() == ["organisation"]


def test_a_surname_typed_as_an_organisation_is_not_the_person_when_its_article_names_another():
    mentions = pd.DataFrame([("b", "Jonas Brisk", "PERSON")], columns=["doc_id", "text", "label"])
    out = identify(row("a", "Jana Brisk"), row("b", "Brisk", "institution"), mentions=mentions)
    assert ids(out, "b", "Brisk") != ids(out, "a", "Jana Brisk")


def test_organisations_merge_on_their_name_and_descriptions_get_no_identity():
    out = identify(
        row("a", "the Tallow Basin Authority", "government"),
        row("b", "Tallow Basin Authority's", "institution"),
        row("c", "The Tallow Basin Authority", "government"),
        row("a", "the council", "government"),
        row("b", "the council", "government"),
        row("c", "The U.N.", "institution"),
        row("d", "UN", "institution"),
    )
    assert ids(out, "a", "the Tallow Basin Authority") == ids(out, "b", "Tallow Basin Authority's") == ids(
        out, "c", "The Tallow Basin Authority")
    assert ids(out, "c", "The U.N.") == ids(out, "d", "UN")
    assert ids(out, "a", "the council") == "" and ids(out, "b", "the council") == ""
    authority = out.sources.set_index("name").loc["Tallow Basin Authority"]
    assert (authority["source_type"], authority["gender"], authority["basis"]) == ("government", "", "organisation name")


def test_catalogue_aliases_merge_into_the_catalogue_name():
    catalogue = Catalogue(
        ("Basin",),
        (
            Actor("ilse_marwood", "Ilse Marwood", "person", "Basin", "PERSON", aliases=("Marwood", "Ilse K. Marwood")),
            Actor("tallow_water", "Tallow Water Board", "institution", "Basin", "ORG", aliases=("TWB",)),
        ),
    )
    out = identify(
        row("a", "Ilse K. Marwood"),
        row("b", "Chair Marwood", speaker="Chair Marwood"),
        row("c", "TWB", "institution"),
        row("d", "the Tallow Water Board", "government"),
        catalogue=catalogue,
    )
    assert ids(out, "a", "Ilse K. Marwood") == ids(out, "b", "Chair Marwood")
    assert ids(out, "c", "TWB") == ids(out, "d", "the Tallow Water Board")
    names = dict(zip(out.sources["source_id"], out.sources["name"]))
    assert names[ids(out, "a", "Ilse K. Marwood")] == "Ilse Marwood"
    assert names[ids(out, "c", "TWB")] == "Tallow Water Board"
    types = dict(zip(out.sources["source_id"], out.sources["source_type"]))
    assert types[ids(out, "c", "TWB")] == "institution"
    assert set(out.links["matched_by"]) == {"catalogue"}


@pytest.mark.parametrize(
    "source, source_type",
    [
        ("a senior official", "anonymous"),
        ("Sources", "anonymous"),
        ("he", "unresolved"),
        ("a new report", "document"),
        ("Economists", "collective"),
        ("Ana Roslin and Teo Vardy", "person"),  # two people named together
    ],
)
def test_unnamed_unresolved_documents_and_groups_get_no_identity(source, source_type):
    out = identify(row("a", source, source_type), row("b", source, source_type))
    assert out.sources.empty and list(out.sources.columns) == schema.columns("sources")
    assert out.links["source_id"].tolist() == ["", ""]
    assert out.links["matched_by"].tolist() == ["", ""]


def test_a_role_tied_to_its_holder_by_the_article_is_that_person_and_an_untied_one_is_nobody():
    out = identify(
        row("a", "Ana Pruitt"),
        row("b", "Ana Pruitt", speaker="the governor", resolution="role"),
        row("c", "the governor", "anonymous", resolution="none"),
    )
    assert ids(out, "b", "Ana Pruitt") == ids(out, "a", "Ana Pruitt")
    assert ids(out, "c", "the governor") == ""
    assert out.sources["variants"].tolist() == ["Ana Pruitt"]  # a role is not a way of writing her name
    assert out.sources["articles"].tolist() == [2]


def test_gender_is_the_one_stated_and_unknown_when_articles_conflict():
    rows = [row("a", "Ines Corrado"), row("b", "Corrado"), row("c", "Bram Tolle"), row("d", "Bram Tolle")]
    gender = [("a", "Ines Corrado", "female"), ("b", "Corrado", "unknown"), ("c", "Bram Tolle", "male"),
              ("d", "Bram Tolle", "female")]
    out = identify(*rows, gender=gender)
    assert dict(zip(out.sources["name"], out.sources["gender"])) == {"Ines Corrado": "female", "Bram Tolle": "unknown"}


def test_counts_per_outlet_are_tidy():
    rows = [row("a", "Ines Corrado"), row("a", "Corrado", speaker="she", resolution="pronoun"), row("b", "Corrado"),
            row("c", "Ines Corrado"), row("d", "Ines Corrado")]
    out = identify(*rows, outlets={"a": "Harbour Wire", "b": "Harbour Wire", "c": "Valley Courier", "d": ""})
    assert out.source_outlets[["outlet", "articles", "attributions"]].values.tolist() == [
        ["", 1, 1], ["Harbour Wire", 2, 3], ["Valley Courier", 1, 1]
    ]
    assert out.sources[["articles", "attributions", "outlets"]].values.tolist() == [[4, 5, 2]]
    assert out.sources["variants"].tolist() == ["Corrado | Ines Corrado"]  # not "she"


def test_ids_and_rows_do_not_depend_on_the_order_of_the_input():
    rows = [
        row("a", "Darius Holloway"), row("b", "Holloway"), row("c", "Jana Brisk"), row("d", "Jonas Brisk"),
        row("e", "Brisk"), row("f", "the Tallow Basin Authority", "government"), row("g", "a senior official", "anonymous"),
        row("g", "Tallow Basin Authority", "institution"), row("h", "Mr Quarrie"),
    ]
    gender = [("a", "Darius Holloway", "male"), ("c", "Jana Brisk", "female")]
    first = identify(*rows, gender=gender)
    again = identify(*reversed(rows), gender=list(reversed(gender)))
    pd.testing.assert_frame_equal(first.sources, again.sources)
    pd.testing.assert_frame_equal(first.source_outlets, again.source_outlets)
    pd.testing.assert_frame_equal(first.links, again.links)
    # an id is the identity's, not its position: unrelated rows added elsewhere leave it as it was
    more = identify(row("z", "Pell Ostrander"), row("y", "Corrado"), *rows, gender=gender)
    assert ids(more, "a", "Darius Holloway") == ids(first, "a", "Darius Holloway")
    assert ids(more, "f", "the Tallow Basin Authority") == ids(first, "f", "the Tallow Basin Authority")


def test_with_source_ids_puts_the_identity_on_any_table_with_doc_id_and_source():
    rows = attributions(row("a", "Darius Holloway"), row("b", "Holloway"), row("b", "Holloway", "anonymous"),
                        row("b", "a senior official", "anonymous"))
    links = source_links(rows)
    assert list(links.columns) == LINK_COLUMNS
    figures = pd.DataFrame({"doc_id": ["b", "b", "a"], "source": ["Holloway", "", "Darius Holloway"], "figure_id": [0, 1, 2]})
    out = with_source_ids(figures, links)
    assert list(out.columns) == ["doc_id", "source", "figure_id", "source_id"]
    assert out["source_id"].tolist()[1] == ""
    assert out["source_id"].iloc[0] == out["source_id"].iloc[2] != ""
    # rows of a type that gets no identity keep none, whatever their source
    marked = with_source_ids(rows, links)
    assert marked["source_id"].tolist()[2:] == ["", ""]
    assert marked["source_id"].iloc[1] == marked["source_id"].iloc[0] != ""


def test_empty_tables():
    out = identify()
    assert out.sources.empty and out.source_outlets.empty and out.links.empty
    assert list(out.links.columns) == LINK_COLUMNS
    schema.validate("sources", out.sources)


# --- rules found by a hand check on a real corpus (invented names) --------------------------------------------


def test_a_generational_suffix_keeps_father_and_son_apart():
    out = identify(row("a", "Dara Quill Jr."), row("b", "Dara Quill"), row("c", "Quill"))
    assert ids(out, "a", "Dara Quill Jr.") != ids(out, "b", "Dara Quill")
    # the surname alone is the one full name without the suffix, never the Jr
    assert ids(out, "c", "Quill") == ids(out, "b", "Dara Quill")
    alone = identify(row("a", "Dara Quill Jr."), row("c", "Quill"), row("d", "Dara Quill Jr"))
    assert ids(alone, "c", "Quill") != ids(alone, "a", "Dara Quill Jr.")
    assert ids(alone, "d", "Dara Quill Jr") == ids(alone, "a", "Dara Quill Jr.")  # with or without the stop
    assert identify(row("a", "Dara Quill III"), row("b", "Dara Quill II")).links["source_id"].nunique() == 2


def test_the_name_shown_is_the_well_cased_variant():
    out = identify(row("a", "MIke Pellow"), row("b", "MIke Pellow"), row("c", "Mike Pellow"))
    assert out.sources["name"].tolist() == ["Mike Pellow"]
    assert out.sources["variants"].tolist() == ["MIke Pellow | Mike Pellow"]
    capitals = identify(row("a", "ORLA BRENT"), row("b", "ORLA BRENT"), row("c", "Orla Brent"))
    assert capitals.sources["name"].tolist() == ["Orla Brent"]
    # an organisation's name in capitals is how it is written
    body = identify(row("a", "NORTAL", "institution"), row("b", "NORTAL", "institution"))
    assert body.sources["name"].tolist() == ["NORTAL"]
    # alone, a slip of case is still the name
    assert identify(row("a", "MIke Pellow")).sources["name"].tolist() == ["MIke Pellow"]


@pytest.mark.parametrize("code", ["COVID-19", "H5N1", "MERS", "Patient 31"])
def test_a_code_the_parser_typed_as_a_person_is_no_person(code):
    out = identify(row("a", code), row("b", code))
    assert out.links["source_id"].tolist() == ["", ""] and out.sources.empty


@pytest.mark.parametrize("name", ["Quill", "Mr Quill", "Dara Quill", "J. R. Quill", "Orla Brent-Quill"])
def test_names_that_are_not_codes_stay_persons(name):
    assert identify(row("a", name)).links["source_id"].tolist() != [""]


METONYM_CATALOGUE = Catalogue(
    ("Valdoria",),
    (
        Actor("valdoria", "Valdoria", "government", "Valdoria", "GPE", aliases=("Valdorian Republic", "VR"),
              metonyms=("Kessel Palace", "Brannock", "Crown House"), demonyms=("Valdorians",)),
        Actor("pell_ostrander", "Pell Ostrander", "person", "Valdoria", "PERSON", aliases=("Ostrander",)),
    ),
)


def test_a_catalogue_alias_merges_and_a_body_that_stands_for_the_actor_does_not():
    written = {"a": "Valdoria", "b": "the Valdorian Republic", "c": "VR", "d": "Kessel Palace", "e": "Brannock",
               "f": "Crown House", "h": "Valdorians"}
    out = identify(*(row(d, s, "government") for d, s in written.items()), row("g", "Mr Ostrander"),
                   catalogue=METONYM_CATALOGUE)
    country = ids(out, "a", "Valdoria")
    # its name and its aliases are the country
    assert ids(out, "b", "the Valdorian Republic") == country == ids(out, "c", "VR")
    # a building or a body that stands for it is not: each keeps an identity of its own
    others = [ids(out, d, s) for d, s in (("d", "Kessel Palace"), ("e", "Brannock"), ("f", "Crown House"),
                                          ("h", "Valdorians"))]
    assert country not in others and len(set(others)) == 4 and "" not in others
    assert set(out.links.loc[out.links["doc_id"].isin(["d", "e", "f", "h"]), "matched_by"]) == {"name"}
    # a person's alias is that person
    assert out.sources.set_index("source_id").loc[ids(out, "g", "Mr Ostrander"), "name"] == "Pell Ostrander"


# --- by block: the same as all at once --------------------------------------------------------------------------


GIVEN = ["Dara", "Orla", "Pell", "Ines", "Jana", "Jonas", "Lena", "Bram"]
SURNAMES = ["Quill", "Brent", "Ostrander", "Corrado", "Brisk", "Tolle", "Halvern", "Vask"]
BODIES = ["Halvern Foods", "the Tallow Basin Authority", "Tallow Basin Authority's", "Valdorian Republic", "VR",
          "Kessel Palace", "the council", "NORTAL"]


def _generated_article(rng, doc_id: str) -> tuple[list[dict], list[tuple], list[tuple]]:
    """An article's identity rows drawn from a few names, so that blocks share surnames across articles."""
    rows, gender, mentions = [], [], []
    for _ in range(rng.randint(1, 5)):
        given, surname = rng.choice(GIVEN), rng.choice(SURNAMES)
        kind = rng.randrange(9)
        if kind == 0:
            rows.append(row(doc_id, f"{given} {surname}"))
        elif kind == 1:
            rows.append(row(doc_id, rng.choice(["", "Mr ", "Dr. ", "Gov. "]) + surname))
        elif kind == 2:
            rows.append(row(doc_id, surname, "institution"))
        elif kind == 3:
            rows.append(row(doc_id, f"{given} {surname} Jr."))
        elif kind == 4:
            rows.append(row(doc_id, rng.choice(BODIES), rng.choice(["institution", "government"])))
        elif kind == 5:
            rows.append(row(doc_id, f"{given[0]}. {surname}"))
        elif kind == 6:
            rows.append(row(doc_id, rng.choice(["a senior official", "he", "Mr Ostrander", "COVID-19"]),
                            rng.choice(["person", "anonymous", "unresolved"])))
        elif kind == 7:
            mentions.append((doc_id, f"{given} {surname}", "PERSON"))
        else:
            rows.append(row(doc_id, f"{given} {surname}", speaker="she", resolution="pronoun"))
    gender += [(doc_id, r["source"], rng.choice(["female", "male", "unknown"])) for r in rows if r["source_type"] == "person"]
    return rows, gender, mentions


def test_identities_by_block_equal_identities_made_whole_through_adds_changes_and_removes(tmp_path):
    import random

    from analysis.across import stage
    from analysis.across.identity import IDENTITY_MENTION_COLUMNS, PEOPLE_COLUMNS

    rng = random.Random(7)
    articles = {f"d{i:03d}": _generated_article(rng, f"d{i:03d}") for i in range(60)}

    def chunked() -> stage.ChunkTables:
        docs = sorted(articles)
        chunk_ids = [f"c{docs[i]}" for i in range(0, len(docs), 4)]
        members = {c: docs[i : i + 4] for c, i in zip(chunk_ids, range(0, len(docs), 4))}

        def read(ids, table, columns):
            picked = [d for c in ids for d in members[c]]
            if table == "attributions":
                frame = attributions(*(r for d in picked for r in articles[d][0]))
            elif table == "people":
                frame = people(*(g for d in picked for g in articles[d][1]))
            elif table == "mentions":
                frame = pd.DataFrame([m for d in picked for m in articles[d][2]], columns=IDENTITY_MENTION_COLUMNS)
            else:
                frame = documents(*((d, f"Outlet {int(d[1:]) % 3}") for d in picked))
            return frame[columns]

        # a chunk's id names its articles' rows, as a build's does
        named = [c + str(hash(repr([articles[d] for d in members[c]])) & 0xFFFFFFFF) for c in chunk_ids]
        by_id = dict(zip(named, chunk_ids))
        return stage.ChunkTables(named, lambda ids, table, columns: read([by_id[i] for i in ids], table, columns))

    def check() -> int:
        chunks = chunked()
        made, resolved = stage.source_identity_tables(chunks, tmp_path / "across", METONYM_CATALOGUE)
        rows = [r for d in sorted(articles) for r in articles[d][0]]
        whole = source_identities(
            attributions(*rows), people(*(g for d in sorted(articles) for g in articles[d][1])),
            documents(*((d, f"Outlet {int(d[1:]) % 3}") for d in sorted(articles))), METONYM_CATALOGUE,
            mentions=pd.DataFrame([m for d in sorted(articles) for m in articles[d][2]], columns=IDENTITY_MENTION_COLUMNS))
        for name in ("sources", "source_outlets", "links"):
            pd.testing.assert_frame_equal(getattr(made, name), getattr(whole, name), obj=name)
        assert PEOPLE_COLUMNS  # the people table is read by the columns the module lists
        return resolved

    first = check()
    assert first > 10 and len(set(chunked().ids)) == 15
    assert check() == 0  # nothing changed: every block kept
    articles["d060"] = _generated_article(rng, "d060")  # added
    added = check()
    assert 0 < added < first
    articles["d013"] = ([row("d013", "Dara Quill"), row("d013", "Quill", "institution")], [], [])  # changed
    assert 0 < check() < first
    del articles["d007"]  # removed
    check()
    # kept links that cannot be read are nothing kept: every block is resolved again, to the same tables
    (tmp_path / "across" / "identity_links.parquet").write_bytes(b"not a Parquet file")
    assert check() > 10
    assert check() == 0
    # a new full name with a surname that short names wait for resolves them in every article at once
    articles["d061"] = ([row("d061", "Bram Vask")], [], [("d061", "Bram Vask", "PERSON")])
    check()
