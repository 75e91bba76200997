"""The search query reader (theme/assets/javascripts/workers/clausebook-query.js), rule by rule.

The worker runs this file; here it runs in headless Chromium on a blank page (no site needed), so
the rules are tested in the language they are written in. Each case: what a member types -> the
citation keys looked up (with their weights) and the words left. The index side writes keys with
generator/render/search_terms.py (tests/unit/test_search_terms.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest

QUERY_JS = (Path(__file__).resolve().parents[2] / "theme" / "assets" / "javascripts" / "workers"
            / "clausebook-query.js")


@pytest.fixture(scope="module")
def parse(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=QUERY_JS.read_text(encoding="utf-8"))
    yield lambda q: page.evaluate("q => ClausebookQuery.parse(q)", q)
    context.close()


def keys(result) -> dict[str, float]:
    return {c["key"]: c["weight"] for c in result["cites"]}


@pytest.mark.parametrize("query, expected", [
    # a plain decimal citation; its unpadded form too, a little lower
    ("12.05", {"12.05": 1, "12.5": 0.9}),
    # unpadded as typed: the index gives 12.05 the alias 12.5
    ("12.5", {"12.5": 1}),
    # Art / Article / Clause / Section keywords are dropped
    ("Art 12.05", {"12.05": 1, "12.5": 0.9}),
    ("Article 12.05", {"12.05": 1, "12.5": 0.9}),
    ("art. 12.05", {"12.05": 1, "12.5": 0.9}),
    ("Clause 23.4", {"23.4": 1}),
    # brackets continue the citation
    ("12.02(d)", {"12.02.d": 1, "12.2.d": 0.9}),
    ("12.02 (d)(1)", {"12.02.d.1": 1, "12.2.d.1": 0.9}),
    # a short letter or number after a citation continues it
    ("12.02 d", {"12.02.d": 1, "12.2.d": 0.9}),
    ("A.6.2(a)", {"a.6.2.a": 1}),
    # letters of understanding, however written
    ("LOU 3", {"lou.3": 1}),
    ("Letter 3", {"lou.3": 1}),
    ("Letter of Understanding No. 3", {"lou.3": 1}),
    ("LOU #3", {"lou.3": 1}),
    ("Side Letter 2", {"side.letter.2": 1}),
    ("Memorandum of Agreement 2", {"moa.2": 1}),
    # schedules and appendices keep their keyword
    ("Schedule A", {"schedule.a": 1}),
    ("Appendix B.3", {"appendix.b.3": 1}),
    # roman articles are cited in arabic
    ("Article XII Section 3", {"xii.3": 1, "12.3": 1}),
    ("XII.3", {"xii.3": 1, "12.3": 1}),
    ("Article XII", {"xii": 1, "12": 1}),
])
def test_citation_queries_become_the_index_keys(parse, query, expected):
    assert keys(parse(query)) == expected


def test_a_citation_with_an_agreement_word_keeps_the_word(parse):
    result = parse("sooke 12.05")
    assert keys(result) == {"12.05": 1, "12.5": 0.9}
    assert result["words"] == ["sooke"]


def test_topic_words_are_not_citations(parse):
    result = parse("overtime meal allowance")
    assert result["cites"] == []
    assert result["words"] == ["overtime", "meal", "allowance"]


def test_the_last_word_typed_is_a_prefix_until_a_space(parse):
    assert parse("overt")["last"] == "overt"
    assert parse("overt ")["last"] == ""


def test_a_word_after_a_citation_does_not_join_it(parse):
    result = parse("12.05 grievance")
    assert keys(result) == {"12.05": 1, "12.5": 0.9}
    assert result["words"] == ["grievance"]


def test_a_keyword_without_a_number_is_a_word(parse):
    assert parse("schedule of wages")["cites"] == []
    assert "schedule" in parse("schedule of wages")["words"]


def test_words_split_like_materials_search(parse):
    assert parse("employee's sick-leave (paid)")["words"] == ["employee's", "sick", "leave", "paid"]
