"""Ids and paths of citations keep non-ASCII letters distinct, stay valid CSS identifiers (usable
as `#id` in querySelector without escaping), and are unchanged for ASCII citations."""
import re

import pytest

from generator.tree.citations import anchor, page_slug, short_path

# A CSS identifier (CSS Syntax 3, without escapes): letters, digits, '-', '_' and any code point
# from U+0080; it may not start with a digit or '-' + digit.
CSS_IDENT = re.compile(r"-?[A-Za-z_\u0080-\U0010FFFF][A-Za-z0-9_\u0080-\U0010FFFF-]*")
NON_ASCII = ["Annexe É.1", "Annexe E.1", "Annexe 1", "Annexe Е.1", "Lettre d’entente nº 3", "Anhang Ä.2",
             "Appendix Ⅱ", "Annexe É.1.ç", "Art. 2–3"]


@pytest.mark.parametrize("cite, expected", [
    ("12.05.a", "cl-12-05-a"), ("LOU 3.B", "cl-lou-3-b"), ("Schedule 'A'", "cl-schedule-a"),
    ("A.6.7.c.i", "cl-a-6-7-c-i"), ("22.6.notes.1", "cl-22-6-notes-1"),
])
def test_ascii_citations_keep_their_anchors(cite, expected):
    assert anchor(cite) == expected


@pytest.mark.parametrize("cite, page, short", [
    ("12", "article-12", "12"), ("A.6", "article-a-6", "a.6"), ("LOU 3.A", "lou-3-a", "lou-3.a"),
    ("Local LOU 2", "local-lou-2", "local-lou-2"), ("a--b", "a-b", "a--b"),
])
def test_ascii_citations_keep_their_pages_and_short_paths(cite, page, short):
    assert (page_slug(cite), short_path(cite)) == (page, short)


def test_accented_letters_do_not_collapse_into_another_citation():
    anchors = [anchor(c) for c in NON_ASCII]
    assert len(set(anchors)) == len(anchors)
    assert anchor("Annexe É.1") == "cl-annexe-é-1" and anchor("Annexe 1") == "cl-annexe-1"
    assert len({short_path(c) for c in NON_ASCII}) == len(NON_ASCII)
    assert len({page_slug(c) for c in NON_ASCII}) == len(NON_ASCII)


def test_a_decomposed_accent_gives_the_same_anchor_as_the_composed_one():
    assert anchor("Annexe E\u0301.1") == anchor("Annexe \u00c9.1")


def test_non_ascii_anchors_are_css_identifiers_without_punctuation():
    for cite in NON_ASCII:
        assert CSS_IDENT.fullmatch(anchor(cite)), cite
        assert not re.search(r"[\s'\"’.()<>#&]", anchor(cite)), cite
