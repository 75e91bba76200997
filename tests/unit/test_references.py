"""Cross-references resolved against a document: each sentence -> the citations it links.

One small agreement holds every target; each case puts a sentence into clause 30.01 (or where
the case says) and reads back the annotations the pass made.
"""
import pytest

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
