"""The shortcuts that make the passes cheaper must not change what they find: a term variant's
stem (passes/terms.py), the one search over all texts for "used again" (passes/definitions.py),
the statute table's name check (statutes.py)."""
import re

import pytest

from generator.passes.terms import FOLDS_TO_ASCII, _pattern, _stem, variants
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
def test_every_match_of_a_variant_contains_its_stem(term):
    pattern, stem = _pattern(term), _stem(term)
    assert stem == stem.lower() and stem.isascii()
    for text in TEXTS:
        for m in pattern.finditer(text):
            assert stem in m.group(0).lower(), (term, m.group(0), stem)


def test_the_stem_is_the_longest_fixed_part_of_a_word():
    assert _stem("Teachers Teaching on Call") == "teach"  # all but 3 letters of a word are fixed
    assert _stem("Activities Supervisor") == "activit"  # the first of the longest
    assert _stem("B.C. Day") == "b.c."  # not a word: written as it is
    assert _stem("Day") == ""  # three letters: no part is fixed, so every paragraph is searched
    assert _stem("Employé") == "empl"
    assert _stem("Ébène") == ""  # not ASCII: re's case rules are not str.lower()'s


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

    found = [Variant(t.lower(), _pattern(t), len(t.split()) == 1, False, _stem(t)) for t in TERMS]
    blocks = [SimpleNamespace(text=t) for t in TEXTS + ["", "Employee", "employee employee", "\u017fupervisor Layoff"]]
    index = _StemIndex(found, blocks)
    for block in blocks:
        lowered, fold = block.text.lower(), bool(FOLDS_TO_ASCII.intersection(block.text))
        expected = [v for v in found if fold or not v.stem or v.stem in lowered]
        assert index.variants(block) == expected
        assert [v for v in found if v.pattern.search(block.text)] == \
            [v for v in index.variants(block) if v.pattern.search(block.text)]
