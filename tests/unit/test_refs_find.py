"""The reference finder: which spans of a sentence name other parts of the document."""
import pytest

from generator.passes.refs_find import find_references


def shapes(text):
    out = []
    for ref in find_references(text):
        out.append((ref.kind, [(i.num, i.subs) for i in ref.items], ref.relative))
    return out


@pytest.mark.parametrize("text, expected", [
    ("subject to Article 15.02", [("article", [("15.02", [])], "")]),
    ("procedures outlined in Article 12 and 13.", [("article", [("12", []), ("13", [])], "")]),
    ("Articles 12 and 13 of this Agreement", [("article", [("12", []), ("13", [])], "")]),
    ("See Article 10.08, Clauses (a) and (b) above", [("article", [("10.08", []), ("", ["a"]), ("", ["b"])], "above")]),
    ("in clause 39.01(a) of", [("clause", [("39.01", ["a"])], "")]),
    ("under 24.02 (a) and 24.02 (g)", [("bare", [("24.02", ["a"]), ("24.02", ["g"])], "")]),
    ("Section 24.04 (a) applies", [("section", [("24.04", ["a"])], "")]),
    ("see Article A.6.2.a", [("article", [("A.6.2.a", [])], "")]),
    ("Article A.5.1 and A.5.2 above", [("article", [("A.5.1", []), ("A.5.2", [])], "above")]),
    ("Articles 14 through 16", [("article", [("14", []), ("16", [])], "")]),
    ("Clauses 7.4, 9.6, 19.4 and 20.2", [("clause", [("7.4", []), ("9.6", []), ("19.4", []), ("20.2", [])], "")]),
    ("as in sub-clause (b) above", [("subclause", [("", ["b"])], "above")]),
    ("at Step 3 of the grievance procedure", [("step", [("3", [])], "")]),
    ("See Schedule 'A'.", [("schedule", [("A", [])], "")]),
    ("in Schedule B", [("schedule", [("B", [])], "")]),
    ("listed in Appendix 1", [("appendix", [("1", [])], "")]),
    ("Letter of Understanding No. 1", [("lou", [("1", [])], "")]),
    ("see LOU #3", [("lou", [("3", [])], "")]),
    ("Article 22 (Layoffs & Recalls) will not apply", [("article", [("22", [])], "")]),
    ("Article A6 applies", [("article", [("A6", [])], "")]),
])
def test_reference_shapes(text, expected):
    assert shapes(text) == expected


def test_each_number_of_a_list_has_its_own_span():
    text = "Clauses 7.4, 9.6 and 20.2"
    (ref,) = find_references(text)
    assert [text[i.start:i.end] for i in ref.items] == ["7.4", "9.6", "20.2"]


def test_a_range_remembers_where_it_starts():
    (ref,) = find_references("Articles 14 through 16")
    assert ref.items[1].range_from is ref.items[0]


@pytest.mark.parametrize("text", [
    "a premium of $15.00 per hour", "shifts of (7.5) hours", "24.5 hours per week", "an increase of 2.5%",
    "on July 1, 2006", "call 250-555-1234", "effective 2022-07-01",
])
def test_numbers_that_are_not_references(text):
    assert [r for r in find_references(text) if r.kind != "statute"] == []


def test_a_statute_section_is_a_statute_not_a_clause():
    refs = find_references("pursuant to Section 50(2) of the Labour Relations Code.")
    assert [(r.kind, r.name) for r in refs] == [("statute", "Labour Relations Code")]
