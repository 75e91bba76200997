"""`clausebook serve` re-parses only the sources that changed (generator/doc_cache.py), and what
it generates then is exactly what a clean build generates, cross-document links included."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import build as build_module
from generator import terms_config
from generator.doc_cache import DocumentCache

AGREEMENT = """---
title: "{title}"
short_title: "{short}"
---
ARTICLE 1 – DEFINITIONS

1.01 "Employee" means a person employed by the Board in the bargaining unit.

ARTICLE 12 – GRIEVANCE PROCEDURE

12.01 Stewards

The Board recognizes the Union's right to select stewards. An Employee may ask a steward.

12.05 Settling of Grievance

A grievance not settled at step one goes to step two within ten days, as the Labour Relations Code says.
"""

BULLETIN = """---
title: "Grievances"
date: 2026-12-01
---
Article 12.05 of the {name} agreement says how a grievance is settled.
"""

STATUTES = """- name: Labour Relations Code
  url: https://example.org/lrc
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A small site: two agreements and a bulletin citing one of them."""
    root = tmp_path / "repo"
    write(root / "content/agreements/alpha-2020.md", AGREEMENT.format(title="Alpha Agreement", short="Alpha 2020"))
    write(root / "content/agreements/beta-2021.md", AGREEMENT.format(title="Beta Agreement", short="Beta 2021"))
    write(root / "content/bulletins/2026-12-01-grievances.md", BULLETIN.format(name="Alpha"))
    write(root / "site_config/site.yml", 'name: "Test local"\n')
    write(root / "site_config/statutes.yml", STATUTES)
    monkeypatch.chdir(root)
    monkeypatch.setattr(build_module, "CACHE", DocumentCache())
    saved = terms_config.current()
    yield root
    terms_config.use(saved)


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The sources load_document actually ran on, in order."""
    seen: list[str] = []
    real = build_module.load_document

    def counting(source, statutes=None):
        seen.append(source.path.name)
        return real(source, statutes)
    monkeypatch.setattr(build_module, "load_document", counting)
    return seen


def clean_build(root: Path, monkeypatch) -> build_module.Build:
    """What `clausebook build` generates: no cache at all."""
    with monkeypatch.context() as m:
        m.setattr(build_module, "CACHE", None)
        return build_module.generate(root, root / "clean-docs")


def same_output(cached: build_module.Build, clean: build_module.Build) -> None:
    assert cached.rendered.files == clean.rendered.files
    assert cached.rendered.nav == clean.rendered.nav
    assert [str(p) for p in cached.all_problems()] == [str(p) for p in clean.all_problems()]


def test_a_rebuild_with_nothing_changed_parses_nothing(repo, parsed):
    build_module.generate(repo, repo / "docs")
    parsed.clear()
    build_module.generate(repo, repo / "docs")
    assert parsed == []


def test_after_one_agreement_changes_only_it_is_parsed_and_the_output_equals_a_clean_build(repo, parsed, monkeypatch):
    build_module.generate(repo, repo / "docs")
    path = repo / "content/agreements/beta-2021.md"
    path.write_text(path.read_text(encoding="utf-8").replace("ten days", "twelve days"), encoding="utf-8")
    parsed.clear()
    rebuilt = build_module.generate(repo, repo / "docs")
    assert parsed == ["beta-2021.md"]
    assert "twelve days" in rebuilt.rendered.files["beta-2021/article-12.md"]
    same_output(rebuilt, clean_build(repo, monkeypatch))


def test_a_bulletin_that_now_cites_another_agreement_moves_its_discussed_in_without_reparsing_them(repo, parsed, monkeypatch):
    first = build_module.generate(repo, repo / "docs")
    assert "Discussed in" in first.rendered.files["alpha-2020/article-12.md"]
    write(repo / "content/bulletins/2026-12-01-grievances.md", BULLETIN.format(name="Beta"))
    parsed.clear()
    rebuilt = build_module.generate(repo, repo / "docs")
    assert parsed == ["2026-12-01-grievances.md"]
    assert "Discussed in" not in rebuilt.rendered.files["alpha-2020/article-12.md"]
    assert "Discussed in" in rebuilt.rendered.files["beta-2021/article-12.md"]
    same_output(rebuilt, clean_build(repo, monkeypatch))


def test_a_changed_statutes_table_invalidates_every_cached_document(repo, parsed, monkeypatch):
    build_module.generate(repo, repo / "docs")
    write(repo / "site_config/statutes.yml", STATUTES.replace("example.org/lrc", "example.org/code"))
    parsed.clear()
    rebuilt = build_module.generate(repo, repo / "docs")
    assert sorted(parsed) == ["2026-12-01-grievances.md", "alpha-2020.md", "beta-2021.md"]
    assert "example.org/code" in rebuilt.rendered.files["alpha-2020/article-12.md"]
    same_output(rebuilt, clean_build(repo, monkeypatch))


def test_a_changed_terms_config_invalidates_every_cached_document(repo, parsed, monkeypatch):
    build_module.generate(repo, repo / "docs")
    write(repo / "site_config/terms.yml", "alpha-2020:\n  suppress: [Employee]\n")
    parsed.clear()
    rebuilt = build_module.generate(repo, repo / "docs")
    assert sorted(parsed) == ["2026-12-01-grievances.md", "alpha-2020.md", "beta-2021.md"]
    same_output(rebuilt, clean_build(repo, monkeypatch))


def test_unknown_statutes_are_reported_from_cached_documents_as_from_parsed_ones(repo, monkeypatch):
    write(repo / "site_config/statutes.yml", "[]\n")  # the Labour Relations Code is now unknown
    build_module.generate(repo, repo / "docs")
    rebuilt = build_module.generate(repo, repo / "docs")  # every document from the cache
    assert build_module.CACHE.hits >= 3
    assert any("Labour Relations Code" in str(p) for p in rebuilt.all_problems())
    same_output(rebuilt, clean_build(repo, monkeypatch))


def test_an_edit_undone_is_parsed_by_content_not_by_date(repo, parsed):
    build_module.generate(repo, repo / "docs")
    path = repo / "content/agreements/alpha-2020.md"
    original = path.read_text(encoding="utf-8")
    stamp = path.stat().st_mtime
    path.write_text(original.replace("ten days", "nine days"), encoding="utf-8")
    os.utime(path, (stamp, stamp))  # same date, other content: still parsed
    parsed.clear()
    assert "nine days" in build_module.generate(repo, repo / "docs").rendered.files["alpha-2020/article-12.md"]
    assert parsed == ["alpha-2020.md"]


def test_unchanged_generated_pages_keep_their_modification_time(repo):
    build_module.generate(repo, repo / "docs")
    untouched = repo / "docs/alpha-2020/article-12.md"
    os.utime(untouched, (1_000_000, 1_000_000))
    path = repo / "content/agreements/beta-2021.md"
    path.write_text(path.read_text(encoding="utf-8").replace("ten days", "twelve days"), encoding="utf-8")
    build_module.generate(repo, repo / "docs")
    assert untouched.stat().st_mtime == 1_000_000
    assert "twelve days" in (repo / "docs/beta-2021/article-12.md").read_text(encoding="utf-8")
