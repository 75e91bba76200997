"""Permanent links: a citation's URL depends on the citation only. Adding, removing or retitling
one clause of a real agreement never moves another clause's URL."""
from pathlib import Path

import pytest

from generator.pipeline import load_document
from generator.render.data import clause_entries
from generator.sources import read_source

ROOT = Path(__file__).resolve().parents[2]


def urls(body: str) -> dict[str, str]:
    source = read_source(ROOT / "content/agreements/sooke-2006.md", "agreement", ROOT)
    source.body = body
    return {e.cite: e.url for e in clause_entries(load_document(source))}


@pytest.fixture(scope="module")
def original():
    body = (ROOT / "content/agreements/sooke-2006.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    return body, urls(body)


def unchanged(before: dict, after: dict, except_: set) -> list[str]:
    return [c for c in before if c not in except_ and after.get(c) != before[c]]


def test_retitling_a_clause_moves_no_url(original):
    body, before = original
    after = urls(body.replace("12.05 <u>Settling of Grievance</u>", "12.05 <u>How Grievances Are Settled</u>"))
    assert unchanged(before, after, set()) == []


def test_adding_a_clause_moves_no_other_url(original):
    body, before = original
    marker = "#### 12.06 **Policy Grievance**"
    assert body.count(marker) == 1
    after = urls(body.replace(marker, "## 12.13 New Clause Added Before 12.06\n\nNew text.\n\n" + marker))
    assert "12.13" in after
    assert unchanged(before, after, set()) == []


def test_removing_a_clause_moves_no_other_url(original):
    body, before = original
    start = body.index("#### 12.06 **Policy Grievance**")
    end = body.index("## 12.07 Board Grievance")
    after = urls(body[:start] + body[end:])
    gone = {c for c in before if c == "12.06" or c.startswith("12.06.")}
    assert unchanged(before, after, gone) == []
    assert "12.06" not in after


def test_an_article_out_of_order_is_reported_not_silently_filed(original):
    body, before = original
    a, b, c = (body.index(f"ARTICLE {n}: ", body.index("WHEREAS")) for n in (35, 36, 37))
    source = read_source(ROOT / "content/agreements/sooke-2006.md", "agreement", ROOT)
    source.body = body[:a] + body[b:c] + body[a:b] + body[c:]
    problems = [p.message for p in load_document(source).problems]
    assert any("'ARTICLE 35' comes after Article 36" in m for m in problems)
