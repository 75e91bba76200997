"""Citations in bulletins: the way stewards write them, linked to the right agreement's clause."""
from pathlib import Path

import pytest

from generator.model import DocMeta, Source
from generator.passes.bulletin_citations import link_bulletins
from generator.pipeline import load_document

ALPHA = "ARTICLE 12: GRIEVANCES\n\n12.05 Settling\n\nText.\n\n- a) first.\n\nLETTER OF UNDERSTANDING NO. 2\n\nRe: Two\n\nText.\n"
BETA = "ARTICLE 23: LEAVE\n\n23.4 Leave\n\nText.\n\nARTICLE 7: OTHER\n\n7.1 Rights\n\n7.1.1 Detail\n\n- a) item.\n"


def document(body, kind, slug, agreement=""):
    meta = DocMeta(title=f"{slug.title()} Agreement", slug=slug, kind=kind, short_title=slug.title(),
                   date="2021-05-11" if kind == "bulletin" else "", agreement=agreement)
    return load_document(Source(Path(f"content/x/{slug}.md"), meta, body, 1))


def run(sentence, agreement=""):
    docs = [document(ALPHA, "agreement", "sooke-2006"), document(BETA, "agreement", "rockies-2022"),
            document(f"May 11, 2021\n\n{sentence}\n", "bulletin", "news", agreement)]
    link_bulletins(docs)
    bulletin = docs[2]
    block = [b for n in bulletin.root.walk() for b in n.blocks if b.text == sentence][0]
    return [(sentence[a.start:a.end], a.target) for a in block.annotations], bulletin, docs


@pytest.mark.parametrize("sentence, agreement, expected", [
    ("See Article 12.05 of the Sooke agreement.", "", [("Article 12.05", "sooke-2006#12.05")]),
    ("See clause 7.1.1(a) today.", "rockies-2022", [("clause 7.1.1(a)", "rockies-2022#7.1.1.a")]),
    ("Read LOU #2 carefully.", "sooke-2006", [("LOU #2", "sooke-2006#LOU 2")]),
    ("Article 23.4 applies.", "rockies-2022", [("Article 23.4", "rockies-2022#23.4")]),
    ("As in sooke-2006 Article 12.05 and rockies-2022 Article 23.4.", "",
     [("sooke-2006 Article 12.05", "sooke-2006#12.05"), ("rockies-2022 Article 23.4", "rockies-2022#23.4")]),
])
def test_citation_shapes_in_bulletins(sentence, agreement, expected):
    assert run(sentence, agreement)[0] == expected


def test_an_ambiguous_citation_asks_which_agreement():
    found, bulletin, _ = run("Article 12.05 applies to everyone.")
    assert found == []
    (problem,) = bulletin.problems
    assert problem.level == "error" and "which agreement?" in problem.message and problem.line == 3


def test_an_unresolvable_citation_stays_text_and_names_the_nearest_citations():
    found, bulletin, _ = run("See Article 12.06 of the Sooke agreement.")
    assert found == []
    (problem,) = bulletin.problems
    assert problem.level == "error" and "not in sooke-2006" in problem.message and "12.05" in problem.message


def test_a_cited_clause_lists_the_bulletin_that_discusses_it():
    _, _, docs = run("See Article 12.05 of the Sooke agreement.")
    (clause,) = [n for n in docs[0].root.walk() if n.cite == "12.05"]
    assert [(d.title, d.date) for d in clause.discussed_in] == [("News Agreement", "2021-05-11")]
