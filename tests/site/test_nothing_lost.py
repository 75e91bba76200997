"""Nothing is lost: every word of every source body reaches the built pages, except what the
cleaner removed as an artifact (and listed in the report)."""
import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.build import load
from generator.clean.inline import clean_inline

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[^\W_]+")


def words(text: str) -> Counter:
    return Counter(w.lower() for w in WORD.findall(text))


def page_words(html_path: Path) -> Counter:
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("article.md-content__inner") or soup.body
    return words(main.get_text(" "))


def built_pages(site: Path, doc) -> list[Path]:
    if doc.source.meta.kind == "bulletin":  # a blog post: bulletins/<yyyy>/<mm>/<dd>/<slug>/
        return [p for p in (site / "bulletins").glob(f"*/*/*/{doc.slug}/index.html")]
    if doc.source.meta.kind == "page":
        return [site / doc.slug / "index.html"]
    return [p for p in (site / doc.slug).rglob("index.html") if "http-equiv=\"refresh\"" not in
            p.read_text(encoding="utf-8")[:600]]


@pytest.fixture(scope="module")
def documents(built_site):
    return load(ROOT).documents


def test_every_source_was_built(documents):
    assert {d.source.meta.kind for d in documents} == {"agreement", "bylaws", "bulletin"}


@pytest.mark.parametrize("slug", ["sooke-2006", "college-rockies-2022", "new-westminster-2022",
                                  "local-476-bylaws", "2021-05-11-it-tech-support",
                                  "2026-12-01-linking-clauses"])
def test_every_word_of_the_source_is_on_the_site_except_removed_artifacts(documents, site_dir, slug):
    doc = next(d for d in documents if d.slug == slug)
    source = Counter()
    for raw in doc.source.lines:
        source += words(clean_inline(raw).text)
    removed = Counter()
    for artifact in doc.removed:
        removed += words(artifact.text)
    expected = source - removed
    on_site = Counter()
    for page in built_pages(site_dir, doc):
        on_site += page_words(page)
    missing = expected - on_site
    assert not missing, f"{sum(missing.values())} words of {slug} are not on the site: {missing.most_common(20)}"


def test_removed_artifacts_are_listed_in_the_report_with_their_lines(site_dir):
    import json
    report = json.loads((site_dir / "sooke-2006" / "report.json").read_text(encoding="utf-8"))
    kinds = {item["kind"] for item in report["removed"]}
    assert {"toc", "page-number", "ocr-noise", "union-label"} <= kinds
    toc = next(item for item in report["removed"] if item["kind"] == "toc")
    assert toc["lines"] == [25, 148]  # seed lines 15-138 (the file's front matter is 10 lines)
