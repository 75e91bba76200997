"""Units whose headings the PDF lost: numbers and titles from the TOC, starts from a hint."""
from pathlib import Path

from generator.model import DocMeta, Hints, Source
from generator.pipeline import load_document

BODY = """- Section 1 – Name 3
- Section 2 – Meetings 3
- Section 3 – Officers 4
- Section 4 – Duties 4
- Appendix “A” Rules of Order 9

The name of this Local shall be Local 1.
- Regular meetings shall be held monthly.
- A quorum shall be 10 members.
- The order of business is as follows:
- Opening of session
- Adjournment
- President
(Article B.2.2) - Vice-President
- The President shall:
- preside at all meetings;
- sign all cheques.
- The Treasurer shall:
- keep the books.
- The President shall take the chair.
- No member shall speak twice.
- All motions other than those named in Rule 2 need a seconder; see Section 2(b).
"""
STARTS = {"Section 1": "The name of this Local", "Section 2": "Regular meetings", "Section 3": "President",
          "Section 4": "The President shall:", "Appendix A": "The President shall take"}


def bylaws(starts=STARTS):
    meta = DocMeta(title="Bylaws", slug="bylaws", kind="bylaws", hints=Hints(starts=starts, external_articles="CUPE Constitution"))
    return load_document(Source(Path("content/bylaws/bylaws.md"), meta, BODY, 1))


def cited(doc):
    return [(n.cite, n.title) for n in doc.root.walk() if n.cite and n.kind != "clause"]


def test_units_get_number_and_title_from_the_toc_and_start_at_the_hint():
    doc = bylaws()
    assert cited(doc) == [("Section 1", "Name"), ("Section 2", "Meetings"),
                          ("Section 3", "Officers"), ("Section 4", "Duties"), ("Appendix A", "Rules of Order")]
    inferred = [p.line for p in doc.problems if "boundary inferred" in p.message]
    assert inferred == [7, 8, 13, 15, 20]


def test_bullets_get_supplied_letters_and_a_list_after_a_colon_stays_in_its_item():
    doc = bylaws()
    items = [n.cite for n in doc.root.walk() if n.kind == "clause"]
    assert items[:3] == ["Section 2.a", "Section 2.b", "Section 2.c"]  # the agenda is part of 2.c
    assert "Section 2.d" not in items
    assert [n.cite for n in doc.root.walk() if n.cite.startswith("Section 4.")] == ["Section 4.a", "Section 4.b"]
    assert [n.cite for n in doc.root.walk() if n.cite.startswith("Appendix A.")] == ["Appendix A.1", "Appendix A.2", "Appendix A.3"]


def test_a_reference_glued_before_a_bullet_closes_the_item_before_it():
    doc = bylaws()
    (first,) = [n for n in doc.root.walk() if n.cite == "Section 3.a"]
    assert [b.text for b in first.blocks] == ["President", "(Article B.2.2)"]
    (second,) = [n for n in doc.root.walk() if n.cite == "Section 3.b"]
    assert second.blocks[0].text == "Vice-President"


def test_supplied_numbers_are_cited_by_the_text():
    doc = bylaws()
    (rule,) = [n for n in doc.root.walk() if n.cite == "Appendix A.3"]
    targets = [a.target for b in rule.blocks for a in b.annotations if a.kind == "xref"]
    assert targets == ["Appendix A.2", "Section 2.b"]


def test_a_hint_that_matches_nothing_is_a_located_error():
    doc = bylaws({**STARTS, "Section 9": "Nothing like this"})
    (problem,) = [p for p in doc.problems if p.level == "error"]
    assert "'Section 9' is not in the document's table of contents" in problem.message
