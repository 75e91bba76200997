"""The shortcuts that make the passes cheaper must not change what they find: a term variant's
fixed parts (passes/terms.py), the one search over all texts for "used again" (passes/definitions.py),
the statute table's name check (statutes.py)."""
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.passes.terms import FOLDS_TO_ASCII, _fixed_parts, _pattern, variants
from generator.statutes import Statutes
from tests.conftest import parse_text


pytestmark = pytest.mark.usefixtures("no_site_terms")  # tests/conftest.py


TERMS = ["Employee", "Regular Employee", "Teachers Teaching on Call", "TTOC", "Board", "Activities Supervisor",
         "Co-op Student", "Day", "B.C. Day", "Employer's Representative", "family member", "Layoff", "PD"]
TEXTS = ["Regular Employees' and REGULAR EMPLOYEE's rights; an employee, the employees.",
         "A Teacher Teaching on Call and two teachers teaching on call; TTOCs and TTOC's lists.",
         "The Board's Activity Supervisors and the activities supervisor met on B.C. Day, a Day off.",
         "Co-op students, Coop Student and co op student; the EMPLOYER'S REPRESENTATIVE and Family Members.",
         "Layoffs, LAYOFF and the layoff; PD days and Pd."]


@pytest.mark.parametrize("term", TERMS)
def test_every_match_of_a_variant_contains_its_fixed_parts(term):
    pattern, parts = _pattern(term), _fixed_parts(term)
    assert parts and all(part == part.lower() and part.isascii() for part in parts)
    for text in TEXTS:
        for m in pattern.finditer(text):
            assert all(part in m.group(0).lower() for part in parts), (term, m.group(0), parts)


def test_the_fixed_parts_are_the_letters_each_word_keeps_in_every_form():
    assert _fixed_parts("Teachers Teaching on Call") == ("teacher", "teaching", "call")  # "on": too short
    assert _fixed_parts("Activities Supervisor") == ("activit", "supervisor")  # y or ies
    assert _fixed_parts("Employee") == ("employee",)
    assert _fixed_parts("B.C. Day") == ("b.c.", "day")  # not a word: written as it is
    assert _fixed_parts("Day") == ("day",)
    assert _fixed_parts("PD") == ("pd",)  # no run of three: the longest
    assert _fixed_parts("Employé") == ("employ",)  # only ASCII: re's case rules are not str.lower()'s
    assert _fixed_parts("Ébène") == ("ne",)
    assert _fixed_parts("Éé") == ()  # nothing fixed: every paragraph is searched


def test_a_letter_re_matches_to_an_ascii_letter_still_finds_the_term():
    """Python's re (ignoring case) reads "ſ" (long s) as s; str.lower() does not, so a text
    holding one is searched with every pattern, as before the stem check."""
    assert "\u017f" in FOLDS_TO_ASCII
    doc = parse_text('ARTICLE 1 DEFINITIONS\n\n1.01 "Regular Supervisor" means a supervisor on staff.\n\n'
                     "ARTICLE 2 WORK\n\n2.01 Hours\n\nEach regular \u017fupervisor works days.\n")
    node = next(n for n in doc.root.walk() if n.cite == "2.01")
    text = node.blocks[0].text
    if "\u017f" not in text:
        pytest.skip("the cleaner rewrote the long s")
    marked = [text[a.start:a.end] for a in node.blocks[0].annotations if a.kind == "term"]
    found = [m.group(0) for v in variants(doc.glossary) for m in v.pattern.finditer(text)]
    assert marked == found == ["regular \u017fupervisor"]


def test_abbreviations_used_again_in_their_own_paragraph_or_a_title_count():
    again_here = parse_text("ARTICLE 1 PAY\n\n1.01 Rates\n\nThe Workers' Compensation Board (WCB) decides; "
                            "the WCB pays.\n\n1.02 Claims\n\nClaims are paid.\n")
    only_once = parse_text("ARTICLE 1 PAY\n\n1.01 Rates\n\nThe Workers' Compensation Board (WCB) decides.\n\n"
                           "1.02 Claims\n\nClaims are paid.\n")
    in_a_title = parse_text("ARTICLE 1 PAY\n\n1.01 Rates\n\nThe Workers' Compensation Board (WCB) decides.\n\n"
                            "1.02 WCB Claims\n\nClaims are paid.\n")
    assert [d.aliases for d in again_here.glossary] == [["WCB"]]
    assert [d.aliases for d in only_once.glossary] == []
    assert [d.aliases for d in in_a_title.glossary] == [["WCB"]]


def test_statutes_are_found_as_whole_words_and_longest_first():
    statutes = Statutes(urls={"school act": "https://a", "labour relations code": "https://c"},
                        names=["Labour Relations Code", "School Act"])
    text = "Under the School Act and the Labour Relations Code, not the SchoolActs nor a Code."
    assert [(text[s:e], url) for s, e, url in statutes.find(text)] == [
        ("School Act", "https://a"), ("Labour Relations Code", "https://c")]
    assert statutes.find("Nothing here.") == []
    assert statutes.candidates("no statute here") == []
    assert statutes.candidates("under the Employment Standards Act") == ["Employment Standards Act"]


def test_the_fold_set_is_every_letter_re_matches_to_an_ascii_letter():
    """The stem check is exact only if FOLDS_TO_ASCII holds all of them (checked over the BMP;
    the astral planes hold no such letter)."""
    folds = {chr(cp) for cp in range(128, 0x10000)
             if re.fullmatch("[a-z]", chr(cp), re.IGNORECASE)}
    assert folds == set(FOLDS_TO_ASCII)


def test_the_stem_index_gives_each_block_the_variants_that_may_match_in_order():
    from types import SimpleNamespace

    from generator.passes.terms import Variant, _StemIndex

    found = [Variant(t.lower(), _pattern(t), len(t.split()) == 1, False, _fixed_parts(t)) for t in TERMS]
    blocks = [SimpleNamespace(text=t) for t in TEXTS + ["", "Employee", "employee employee", "\u017fupervisor Layoff",
                                                       "Teaching on call, not teachers", "regular"]]
    index = _StemIndex(found, blocks)
    for block in blocks:
        lowered, fold = block.text.lower(), bool(FOLDS_TO_ASCII.intersection(block.text))
        expected = [v for v in found if fold or all(part in lowered for part in v.parts)]
        assert index.variants(block) == expected
        assert [v for v in found if v.pattern.search(block.text)] == \
            [v for v in index.variants(block) if v.pattern.search(block.text)]


WORDS = ["Employee", "employees", "EMPLOYEE", "Teacher", "teaching", "on", "Call", "Activity", "activities",
         "Supervisor", "B.C.", "Day", "days", "PD", "Pd", "TTOC", "TTOCs", "Board", "Co-op", "Student", "of",
         "Employé", "EMPLOYÉ", "Ébène", "ébène", "Layoff", "\u017fupervisor", "\u0130", "\u212aey"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=4),
       st.lists(st.lists(st.sampled_from(WORDS + [" ", "-", "'s", ".", "s"]), max_size=12).map(" ".join), max_size=5))
def test_the_index_never_drops_a_variant_that_matches(terms, texts):
    """Whatever the terms and the texts, a block's variants (fixed-parts index) find exactly the
    matches that every variant of the glossary finds there."""
    from types import SimpleNamespace

    from generator.passes.terms import Variant, _StemIndex

    found = [Variant(t, _pattern(t), len(t.split()) == 1, False, _fixed_parts(t)) for t in terms]
    blocks = [SimpleNamespace(text=t) for t in texts]
    index = _StemIndex(found, blocks)
    for block in blocks:
        every = [(v.key, m.span()) for v in found for m in v.pattern.finditer(block.text)]
        assert [(v.key, m.span()) for v in index.variants(block) for m in v.pattern.finditer(block.text)] == every


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["a", "Board", "the", "employees'", "’s", " ", "  ", ". ", "(", "\n", "-", "x" * 70,
                                 "B.C.", "é", "\u017f"]), max_size=30).map("".join), st.data())
def test_the_word_before_a_use_is_read_from_the_end_as_from_the_whole_text(text, data):
    from generator.passes.terms import _word_before

    start = data.draw(st.integers(0, len(text)), label="start")
    whole = re.search(r"([\w'’]+)\W{0,2}$", text[:start])
    assert _word_before(text, start) == (whole.group(1) if whole else "")


LETTERS = st.lists(st.sampled_from(["T", "TO", "TTOC", "a", "aa", "s", "'s", "’s", "-", " ", "\0", "é", "Act", "act"]),
                   max_size=40).map("".join)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["TTOC", "T", "TO", "aa", "a", "Act", "Act s", "s", "a a", "é"]), min_size=1, max_size=3),
       LETTERS)
def test_a_pattern_tried_where_its_words_are_printed_finds_what_finditer_finds(words, text):
    """passes/literal.py: the used-again pattern of definitions.py, and a word counted as a word."""
    from generator.passes.definitions import _reuse_pattern, _word_pattern
    from generator.passes.literal import finditer_from_words

    for pattern, starts in ((_reuse_pattern(tuple(words)), words), (_word_pattern(words[0]), words[:1])):
        assert [m.span() for m in finditer_from_words(pattern, text, starts)] == \
            [m.span() for m in pattern.finditer(text)]


TITLES = ["Normal Work Week", "Sick Leave", "İlk", "ilk", "Layoff", "Employé", "K", "A Day"]
FOLDED_CASE = str.maketrans({"s": "\u017f", "i": "\u0131", "k": "\u212a", "I": "\u0130"})
OPENINGS = st.lists(st.sampled_from(["The ", "the  ", "A ", "an\t", "An", "THE ", " ", "x ", "\u0131", "\u017f", "\u212a",
                                     "\u0130"]), max_size=2).map("".join)


@st.composite
def titled_paragraphs(draw):
    """A clause title, and a paragraph that may open with it or another title (in some case, after
    an article) and a verb."""
    own = draw(st.sampled_from(TITLES))
    title = draw(st.sampled_from([own, own, own, *TITLES, own.replace("İ", "i")]))
    case = draw(st.sampled_from([str, str.lower, str.upper, str.title, lambda t: t.translate(FOLDED_CASE)]))
    verb = draw(st.sampled_from([" is a ", " shall be the ", " means ", "  includes:", " is", " was a "]))
    return own, draw(OPENINGS) + case(title) + verb + draw(st.sampled_from(["", "worker.", "\u0130"]))


@settings(max_examples=500, deadline=None, derandomize=True)
@given(titled_paragraphs())
@example(("Sick Leave", "The \u017fick leave is a day."))  # re reads ſ as s, ı and İ as i, K as k
@example(("Sick Leave", "S\u0131cK Leave is a day."))
@example(("İlk", "ilk is a day."))
@example(("Normal Work Week", "An\t NORMAL work week means"))
def test_a_paragraph_skipped_for_its_clause_title_never_opens_with_it(title_and_text):
    """definitions._titled tries its pattern only where _may_open_with says the title may open it."""
    from generator.passes.definitions import _may_open_with, _titled_pattern

    title, text = title_and_text
    if not _may_open_with(text, title):
        assert _titled_pattern(title).match(text) is None


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["In this Agreement", "in this article", "The following definitions", "THE FOLLOWING TERMS",
                                 "the fo\u0131\u0131owing words", "the fol\u0130owing words", ":", ": ", " apply", ".",
                                 ". ", "\n", "In  this Clause", "following"]), max_size=6).map("".join))
def test_a_paragraph_skipped_as_no_lead_in_never_is_one(text):
    from generator.passes.definitions import LEAD_IN, _may_lead_in

    if not _may_lead_in(text):
        assert LEAD_IN.search(text) is None


@pytest.mark.parametrize("name", ["au-enterprise", "bc-decimal", "county-mou", "federal", "pdf-heavy", "us-school"])
def test_glossary_parts_found_on_the_way_down_are_those_of_each_node_s_ancestors(name):
    """definitions._glossary_parts decides each node from its ancestors known on the way down; the
    same as looking each node's ancestors up (tree.chain), as it did before."""
    from pathlib import Path

    from generator.passes.definitions import LEAD_IN, Tree, _glossary_parts
    from generator.passes.def_find import is_definitions_heading
    from generator.pipeline import load_document
    from generator.sources import read_source

    root = Path(__file__).resolve().parents[2]
    document = load_document(read_source(root / "tests" / "corpus" / f"{name}.md", "agreement", root))
    tree = Tree(document)
    expected = []
    for node in document.root.walk():
        if node.kind in ("document", "group"):
            continue
        chain = tree.chain(node)
        if is_definitions_heading(node.title) and not any(is_definitions_heading(n.title) for n in chain[1:]):
            expected.append((node, 0, ""))
            continue
        if any(is_definitions_heading(n.title) for n in chain):
            continue
        for i, b in enumerate(node.blocks):
            lead = LEAD_IN.search(b.text) if b.kind == "para" else None
            if is_definitions_heading(b.text) or lead:
                start = i if lead and b.text[lead.end():].strip() else i + 1
                if start < len(node.blocks) or node.children:
                    expected.append((node, start, lead.group(0) if lead else ""))
                break
    assert expected and _glossary_parts(document, tree) == expected
