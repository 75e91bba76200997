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


# Issue 11: the way stewards write, against agreements written by hand in the scheme of CITATIONS.md.
from tests.unit.hand_trees import hand_document  # noqa: E402

COUNTY = """
article: 12 | Grievance Procedure
  clause: 12.3 | Steps
    clause: 12.3.b
article: 17 | Leave
  clause: 17.6 | Bereavement
article: 23 | Benefits
  clause: 23.4 | Dental
    clause: 23.4.1
      clause: 23.4.1.c
lou: LOU 2 | Job Share
  clause: LOU 2.2
  clause: LOU 2.3
appendix: Appendix A | Wages
  clause: Appendix A.A-1 | Rates
    clause: Appendix A.A-1.d
"""
OTHER = """
article: 17 | Other
  clause: 17.6 | Not this one
"""


def steward(*paragraphs, agreement=""):
    """Link a bulletin of these paragraphs against the county agreement and another one:
    [(printed, target)] over the whole bulletin, and the bulletin."""
    county = hand_document(COUNTY, "deschutes-county-2025", title="Deschutes County and AFSCME Local 3997",
                           short_title="Deschutes County")
    other = hand_document(OTHER, "sooke-2006", title="Sooke School District and CUPE 459", short_title="Sooke")
    spec = "\n".join(f"> {p}" for p in paragraphs)
    bulletin = hand_document(spec, "news", kind="bulletin", date="2026-01-05", agreement=agreement)
    link_bulletins([county, other, bulletin])
    found = [(b.text[a.start:a.end], a.target) for b in bulletin.root.blocks for a in b.annotations]
    return found, bulletin


C = "deschutes-county-2025#"


@pytest.mark.parametrize("paragraphs, agreement, expected", [
    (["Read LOU #2, paragraph 2 first."], "deschutes-county-2025", [("LOU #2, paragraph 2", C + "LOU 2.2")]),
    (["Read LOU #2 first. Then paragraph 3 of the Letter says more."], "deschutes-county-2025",
     [("LOU #2", C + "LOU 2"), ("paragraph 3 of the Letter", C + "LOU 2.3")]),
    (["Wages are in Appendix A, paragraph A-1(d)."], "deschutes-county-2025",
     [("Appendix A, paragraph A-1(d)", C + "Appendix A.A-1.d")]),
    (["Under the Deschutes County agreement, bereavement leave is 17.6 and dental is 23.4.1(c)."], "",
     [("17.6", C + "17.6"), ("23.4.1(c)", C + "23.4.1.c")]),
    (["Our Deschutes County agreement is clear. See 17.6."], "", [("17.6", C + "17.6")]),
    (["Bereavement leave is 17.6."], "deschutes-county-2025", [("17.6", C + "17.6")]),
    (["The Deschutes County agreement changed this year.", "Article 17.6 is new."], "",
     [("Article 17.6", C + "17.6")]),
    (["See Article XII Section 3 on steps."], "deschutes-county-2025", [("Article XII Section 3", C + "12.3")]),
    (["See XII.3 on steps."], "deschutes-county-2025", [("XII.3", C + "12.3")]),
    (["See Section 3(b) of Article XII."], "deschutes-county-2025", [("Section 3(b) of Article XII", C + "12.3.b")]),
    (["See Art. XII, Sec. 3(b)."], "deschutes-county-2025", [("Art. XII, Sec. 3(b)", C + "12.3.b")]),
    (["Read para. 3 of LOU #2."], "deschutes-county-2025", [("para. 3 of LOU #2", C + "LOU 2.3")]),
])
def test_steward_shorthand_in_bulletins(paragraphs, agreement, expected):
    assert steward(*paragraphs, agreement=agreement)[0] == expected


@pytest.mark.parametrize("paragraphs, agreement", [
    (["Bereavement leave is 17.6 now."], ""),  # no agreement named: a number is only a number
    (["Our dues went up 2.5% and the meeting is at 7.30."], "deschutes-county-2025"),
    (["Under section 15 of the Union's by-laws, the executive decides."], "deschutes-county-2025"),
    (["Under section 208 of the Public Employee Collective Bargaining Act we may strike."], "deschutes-county-2025"),
    (["As paragraph 2 above says, come to the meeting."], "deschutes-county-2025"),
])
def test_numbers_and_outside_documents_in_bulletins_are_not_linked(paragraphs, agreement):
    found, bulletin = steward(*paragraphs, agreement=agreement)
    assert found == [] and bulletin.problems == []


def test_the_agreement_named_in_the_sentence_before_wins_over_front_matter():
    found, _ = steward("The Sooke agreement is older. Its 17.6 differs.", agreement="deschutes-county-2025")
    assert found == [("17.6", "sooke-2006#17.6")]


def test_a_named_agreement_shorthand_that_does_not_exist_is_reported():
    found, bulletin = steward("See Section 9 of Article XII.", agreement="deschutes-county-2025")
    assert found == []
    (problem,) = bulletin.problems
    assert problem.level == "error" and "not in deschutes-county-2025 (no 12.9)" in problem.message


def test_a_bulletins_lou_is_the_agreements_own_letter_not_a_template_printed_earlier():
    spec = "article: 1 | Scope\nlou: LOU 2022-1 | Provincial template\n  clause: LOU 2022-1.2\nlou: LOU 1 | Local letter\n  clause: LOU 1.2"
    agreement = hand_document(spec, "rockies-2022", short_title="Rockies")
    bulletin = hand_document("> Read LOU #1, paragraph 2 first.", "news", kind="bulletin", date="2026-01-05",
                             agreement="rockies-2022")
    link_bulletins([agreement, bulletin])
    assert [a.target for a in bulletin.root.blocks[0].annotations] == ["rockies-2022#LOU 1.2"]
