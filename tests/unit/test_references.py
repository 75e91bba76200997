"""Cross-references resolved against a document: each sentence -> the citations it links.

One small agreement holds every target; each case puts a sentence into clause 30.01 (or where
the case says) and reads back the annotations the pass made.
"""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.passes.references import annotate_references
from generator.statutes import Statutes
from tests.conftest import parse_text

AGREEMENT = """ARTICLE 10: UNION BUSINESS

10.08 Leave

- a) Bargaining Committee.
- b) Other Joint Committees.
- c) Permission.

ARTICLE 12: GRIEVANCES

12.05 Settling of Grievance

Step 1 The employee.

Step 2 The steward.

Step 3 The supervisor.

12.06 Policy Grievance

Text.

ARTICLE 13: ARBITRATION

13.01 Board

Text.

ARTICLE 14: DISCIPLINE

14.01 One

Text.

ARTICLE 15: SENIORITY

15.01 List

Text.

ARTICLE 16: PROMOTIONS

16.01 Method

Text.

ARTICLE 22: LAYOFFS & RECALLS

22.02 Notice

Text.

ARTICLE 24: LEAVE

24.02 Maternity

- a) Amount.
- g) Parental.

ARTICLE 30: TEST

30.01 Sentences

- a) first.
- b) second.
- c) SENTENCE

LETTER OF UNDERSTANDING NO. 1

Re: First

Text.

LETTER OF UNDERSTANDING NO. 3

Re: Third

Text.

SCHEDULE "A"

Wages.

SCHEDULE "B"

More wages.

APPENDIX 1

Text.
"""


def links(sentence: str):
    doc = parse_text(AGREEMENT.replace("SENTENCE", sentence))
    statutes = Statutes(urls={"labour relations code": "https://example.org/lrc"},
                        names=["Labour Relations Code"])
    for node in doc.root.walk():
        for block in node.blocks:
            block.annotations.clear()
    annotate_references(doc, statutes)
    (node,) = [n for n in doc.root.walk() if n.cite == "30.01.c"]
    text = node.blocks[0].text
    return [(text[a.start:a.end], a.target) for a in node.blocks[0].annotations], doc


@pytest.mark.parametrize("sentence, expected", [
    ("subject to Article 12.05 here", [("Article 12.05", "12.05")]),
    ("as in Articles 12 and 13 here", [("Articles 12", "12"), ("13", "13")]),
    ("as in Article 12 and 13 here", [("Article 12", "12"), ("13", "13")]),
    ("see Article 10.08, Clauses (a) and (b) above",
     [("Article 10.08", "10.08"), ("(a)", "10.08.a"), ("(b)", "10.08.b")]),
    ("under 24.02 (a) and 24.02 (g) here", [("24.02 (a)", "24.02.a"), ("24.02 (g)", "24.02.g")]),
    ("under Section 24.02 (a) here", [("Section 24.02 (a)", "24.02.a")]),
    ("all of Articles 14 through 16 apply", [("Articles 14", "14"), ("16", "16")]),
    ("Clauses 12.05, 12.06 and 13.01 apply", [("Clauses 12.05", "12.05"), ("12.06", "12.06"), ("13.01", "13.01")]),
    ("as in sub-clause (b) above", [("sub-clause (b)", "30.01.b")]),
    ("go to Step 3 of the grievance procedure", [("Step 3", "12.05.3")]),
    ("see Schedule 'A' for wages", [("Schedule 'A'", "Schedule A")]),
    ("see Schedule B for wages", [("Schedule B", "Schedule B")]),
    ("listed in Appendix 1 here", [("Appendix 1", "Appendix 1")]),
    ("see Letter of Understanding No. 1 here", [("Letter of Understanding No. 1", "LOU 1")]),
    ("see LOU #3 here", [("LOU #3", "LOU 3")]),
    ("Article 22 (Layoffs & Recalls) will not apply", [("Article 22", "22")]),
    ("section 50(2) of the Labour Relations Code applies",
     [("section 50(2) of the Labour Relations Code", "https://example.org/lrc")]),
])
def test_reference_resolves_to_its_targets(sentence, expected):
    assert links(sentence)[0] == expected


def test_range_cites_the_articles_in_between():
    _, doc = links("all of Articles 14 through 16 apply")
    (fifteen,) = [n for n in doc.root.walk() if n.cite == "15"]
    assert fifteen.referenced_by == ["30.01.c"]


@pytest.mark.parametrize("sentence", [
    "a premium of $15.00 per hour", "shifts of (7.5) hours", "24.5 hours per week", "an increase of 2.5%",
    "on July 1, 2006 and June 30, 2010", "phone 250-555-1234",
    "Clause 5 of the BCTF Code of Ethics applies", "Article 6.1 of their Memorandum of Agreement",
    "Camosun College – CUPE 2081: Articles 14 Job Descriptions and LOA #1 Re: Job Evaluation",
])
def test_numbers_that_are_not_references_are_not_linked(sentence):
    assert links(sentence)[0] == []


def test_a_reference_to_a_missing_clause_is_reported_and_not_linked():
    found, doc = links("see clause 39.01(a) here")
    assert found == []
    assert any("clause 39.01(a) referenced at line" in p.message and "does not exist" in p.message
               for p in doc.problems)


def test_the_cited_clause_learns_who_cites_it():
    _, doc = links("subject to Article 12.05 here")
    (target,) = [n for n in doc.root.walk() if n.cite == "12.05"]
    assert target.referenced_by == ["30.01.c"]


# Issue 11: the other styles, on trees written by hand in the scheme of CITATIONS.md.
from tests.unit.hand_trees import links_at  # noqa: E402

ROMAN_SECTIONS = """
article: 7 | Hours of Work
  clause: 7.1
  clause: 7.2
article: 12 | Grievance Procedure
  clause: 12.1 | Definitions
  clause: 12.2 | Informal Resolution
    clause: 12.2.a
    clause: 12.2.b
  clause: 12.3 | Steps
    clause: 12.3.a
    clause: 12.3.b
      clause: 12.3.b.1
    clause: 12.3.c
article: 14 | Discipline
  clause: 14.1
  clause: 14.2
  clause: 14.3
    clause: 14.3.a
appendix: Appendix A | Wages
lou: Side Letter 2 | Split Shifts
exhibit: Exhibit A | Grievance Form
attachment: Attachment B | Map
"""


@pytest.mark.parametrize("where, sentence, expected", [
    ("14.1", "as in Article XII, Section 3(b) here", [("Article XII, Section 3(b)", "12.3.b")]),
    ("14.1", "under Article XII here", [("Article XII", "12")]),
    ("12.2", "see Section 3 of this Article", [("Section 3 of this Article", "12.3")]),
    ("14.1", "see Section 3(b) of Article XII", [("Section 3(b) of Article XII", "12.3.b")]),
    ("14.1", "Article XII Section 3 applies", [("Article XII Section 3", "12.3")]),
    ("14.1", "see Article VII, Sections 1 and 2", [("Article VII", "7"), ("1", "7.1"), ("2", "7.2")]),
    ("12.3.c", "the time limits of subsection B above", [("subsection B", "12.3.b")]),
    ("12.3.c", "as in paragraph (b)(1) of this Section", [("paragraph (b)(1) of this Section", "12.3.b.1")]),
    ("14.3.a", "see Section 2", [("Section 2", "14.2")]),
    ("12.1", "see Section 2", [("Section 2", "12.2")]),
    ("14.1", "Side Letter No. 2 applies", [("Side Letter No. 2", "Side Letter 2")]),
    ("14.1", "use Exhibit A and Attachment B", [("Exhibit A", "Exhibit A"), ("Attachment B", "Attachment B")]),
    ("14.1", "Sections 12.1 through 12.3 apply", [("Sections 12.1", "12.1"), ("12.3", "12.3")]),
])
def test_roman_article_with_restarting_sections(where, sentence, expected):
    assert links_at(ROMAN_SECTIONS, where, sentence)[0] == expected


def test_these_by_laws_are_the_document_itself_but_the_unions_by_laws_are_not():
    spec = "section: Section 7 | Officers\n  clause: Section 7.g\nsection: Section 12 | Elections"
    assert links_at(spec, "Section 12", "under Section 7(G) of these By-Laws")[0] == [("Section 7(G)", "Section 7.g")]
    assert links_at(ROMAN_SECTIONS, "14.1", "under section 7 of the Union's By-Laws")[0] == []


def test_an_article_printed_with_zeros_is_the_article():
    spec = "article: 7 | Hours\n  clause: 7.01\narticle: 13 | Leave\n  clause: 13.01"
    assert links_at(spec, "13.01", "as in Article 7.00 here")[0] == [("Article 7.00", "7")]


def test_a_range_of_sections_cites_the_sections_in_between():
    _, doc = links_at(ROMAN_SECTIONS, "14.1", "Sections 12.1 through 12.3 apply")
    (middle,) = [n for n in doc.root.walk() if n.cite == "12.2"]
    assert middle.referenced_by == ["14.1"]


ARTICLE_SECTIONS = """
article: 7 | Hours of Work
  clause: 7.1
  clause: 7.2 | Overtime
    clause: 7.2.a
    clause: 7.2.b
      clause: 7.2.b.1
article: 14 | Seniority
  clause: 14.3
  clause: 14.4
  clause: 14.5
  clause: 14.6
"""


@pytest.mark.parametrize("where, sentence, expected", [
    ("14.3", "under Section 7.2(B) here", [("Section 7.2(B)", "7.2.b")]),
    ("14.3", "under Section 7.2, Paragraph B here", [("Section 7.2, Paragraph B", "7.2.b")]),
    ("14.3", "under Section 7.2(B)(1) here", [("Section 7.2(B)(1)", "7.2.b.1")]),
    ("14.3", "see Paragraph B of Section 7.2", [("Paragraph B of Section 7.2", "7.2.b")]),
    ("7.2.b", "as in subsection A above", [("subsection A", "7.2.a")]),
    ("7.1", "Sections 14.3 through 14.6 apply", [("Sections 14.3", "14.3"), ("14.6", "14.6")]),
])
def test_article_with_decimal_sections_and_lettered_paragraphs(where, sentence, expected):
    assert links_at(ARTICLE_SECTIONS, where, sentence)[0] == expected


def test_sections_through_cites_each_section_between():
    _, doc = links_at(ARTICLE_SECTIONS, "7.1", "Sections 14.3 through 14.6 apply")
    assert [n.cite for n in doc.root.walk() if n.referenced_by == ["7.1"]] == ["14.3", "14.4", "14.5", "14.6"]


CONTINUOUS = """
part: Part A | Preliminary
  clause: 1 | Title
  clause: 2 | Definitions
part: Part B | Remuneration
  clause: 12 | Salary
    clause: 12.1
    clause: 12.3
      clause: 12.3.a
        clause: 12.3.a.i
      clause: 12.3.b
  clause: 23 | Leave
    clause: 23.4
      clause: 23.4.a
      clause: 23.4.b
appendix: Appendix 1 | Classifications
"""


@pytest.mark.parametrize("where, sentence, expected", [
    ("1", "see clause 23.4(b) here", [("clause 23.4(b)", "23.4.b")]),
    ("1", "see subclause 23.4 here", [("subclause 23.4", "23.4")]),
    ("1", "see paragraph 23.4(b) here", [("paragraph 23.4(b)", "23.4.b")]),
    ("1", "under clause 12.3(a)(i) here", [("clause 12.3(a)(i)", "12.3.a.i")]),
    ("23.4.b", "subject to paragraph (a) of this subclause", [("paragraph (a) of this subclause", "23.4.a")]),
    ("12.3.b", "see clause 1", [("clause 1", "1")]),
    ("12.3.b", "see clause 23", [("clause 23", "23")]),
    ("1", "Subclauses 12.1 and 12.3 apply", [("Subclauses 12.1", "12.1"), ("12.3", "12.3")]),
    ("1", "in Part B", [("Part B", "Part B")]),
    ("2", "listed in Appendix 1", [("Appendix 1", "Appendix 1")]),
])
def test_australian_parts_with_continuous_clauses(where, sentence, expected):
    assert links_at(CONTINUOUS, where, sentence)[0] == expected


@pytest.mark.parametrize("where, sentence", [
    ("14.1", "under section 15 of the Union's by-laws"),
    ("14.1", "under section 208 of the Public Employee Collective Bargaining Act"),
    ("14.1", "as allowed by s.190 of the Fair Work Act"),
    ("14.1", "under 230.1(a) of the Labor Code"),
    ("14.1", "Section 125 of the Internal Revenue Code"),
    ("14.1", "Article 12 and I agree"),
    ("14.1", "Part time staff work 7.5 hours and 1.5 times the rate"),
])
def test_outside_documents_and_numbers_are_not_clauses(where, sentence):
    found, _ = links_at(ROMAN_SECTIONS, where, sentence)
    assert [(printed, target) for printed, target in found if not target.startswith("http")] == \
        ([("Article 12", "12")] if "Article 12" in sentence else [])


REFERENCE_FRAGMENTS = ["Article", "Articles", "Section", "Subclauses", "sub-clause", "Paragraph", "subsection",
                       "XII", "VII", "I", "B", "2", "3", "12.3", "14.9", "A.6", "(b)", "(B)", "(1)", ", ", " and ",
                       " through ", " ", " of this Article", " of this Section", " of this subclause",
                       " of Article XII", " of the Letter", " of Section 7.2", " above", "Side Letter No. 2",
                       "Exhibit A", "Part B", "LOU #2, paragraph 2", "XII.3", "Step 2", "this Article"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(REFERENCE_FRAGMENTS), max_size=15))
def test_resolving_any_reference_like_text_never_raises(parts):
    found, _ = links_at(ROMAN_SECTIONS, "12.3.b", "".join(parts))
    assert all(printed for printed, _ in found)
