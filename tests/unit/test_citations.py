"""Citations and ids: computed once, from the citation alone (table tests, as in bluebell)."""
import pytest

from generator.tree.citations import anchor, child_cite, clean_num, next_value, page_slug, short_path


@pytest.mark.parametrize("marker, num", [
    ("(a)", "a"), ("a)", "a"), ("a.", "a"), ("A.", "a"), ("1)", "1"), ("1.", "1"), ("(1)", "1"),
    ("i.", "i"), ("(iv)", "iv"), ("iv)", "iv"), ("- b)", "b"), ("24.1**", "24.1"), ("12.05", "12.05"),
])
def test_clean_num_strips_brackets_bullets_and_case(marker, num):
    assert clean_num(marker) == num


@pytest.mark.parametrize("parent, num, cite", [
    ("12.05", "a", "12.05.a"), ("A.6.7.c", "i", "A.6.7.c.i"), ("LOU 3", "B", "LOU 3.B"), ("", "12", "12"),
])
def test_child_cite_appends_the_number_to_the_parent(parent, num, cite):
    assert child_cite(parent, num) == cite


@pytest.mark.parametrize("cite, html_id", [
    ("12.05", "cl-12-05"), ("12.05.a", "cl-12-05-a"), ("24.02.g.2.b.i", "cl-24-02-g-2-b-i"),
    ("A.6.7.c.i", "cl-a-6-7-c-i"), ("LOU 3", "cl-lou-3"), ("LOU 3.B", "cl-lou-3-b"),
    ("Schedule A", "cl-schedule-a"), ("Appendix B.3", "cl-appendix-b-3"), ("LOU 2022-1", "cl-lou-2022-1"),
])
def test_anchor_starts_with_a_letter_and_is_css_safe(cite, html_id):
    assert anchor(cite) == html_id
    assert html_id[0].isalpha() and all(c.isalnum() or c == "-" for c in html_id)


@pytest.mark.parametrize("cite, page", [
    ("12", "article-12"), ("A.6", "article-a-6"), ("LOU 3.A", "lou-3-a"), ("Schedule A", "schedule-a"),
    ("Local LOU 2", "local-lou-2"), ("LOU 9 Appendix A", "lou-9-appendix-a"), ("Preamble", "preamble"),
])
def test_page_slug_of_a_unit(cite, page):
    assert page_slug(cite) == page


@pytest.mark.parametrize("cite, path", [
    ("12.05", "12.05"), ("LOU 3", "lou-3"), ("LOU 3.B", "lou-3.b"), ("A.6.2.a", "a.6.2.a"),
    ("Schedule A", "schedule-a"),
])
def test_short_path_is_the_citation_lower_cased_with_dashes_for_spaces(cite, path):
    assert short_path(cite) == path


@pytest.mark.parametrize("style, value, following", [
    ("letter", "a", "b"), ("letter", "h", "i"), ("roman", "iii", "iv"), ("roman", "viii", "ix"),
    ("number", "9", "10"), ("step", "2", "3"),
])
def test_next_value_in_each_numbering_style(style, value, following):
    assert next_value(style, value) == following


def test_anchor_depends_on_the_citation_only():
    assert anchor("12.05") == anchor("12.05")
    assert anchor("12.05") != anchor("12.06")
