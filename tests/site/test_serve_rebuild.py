"""`clausebook serve` rebuilds (MkDocs dirty builds, generator/serve_state.py): after one word
changed in one agreement, only that agreement's changed page is rendered and written again, and
the preview is then exactly what a clean `clausebook build` makes; a change to what every page
shows (an article's title is in every page's menu) rebuilds the whole site.

These tests build a small site with MkDocs in this process, as serve runs it (same process,
`mkdocs.commands.build.build(dirty=True)`), and pin which files were rewritten (a file not
written again keeps its exact modification time), not how long it took."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import build as build_module
from generator import cli, serve_state, terms_config
from generator.doc_cache import DocumentCache

ROOT = Path(__file__).resolve().parents[2]
SERVE_URL = "http://127.0.0.1:8000/"

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

A grievance not settled at step one goes to step two within ten days of the meeting.
"""

BULLETIN = """---
title: "Grievances"
date: 2026-12-01
---
Article 12.05 of the Alpha agreement says how a grievance is settled.
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A small site with this repository's mkdocs.yml, theme and hooks: two agreements and a
    bulletin citing Alpha 12.05."""
    root = tmp_path / "repo"
    write(root / "content/agreements/alpha-2020.md", AGREEMENT.format(title="Alpha Agreement", short="Alpha 2020"))
    write(root / "content/agreements/beta-2021.md", AGREEMENT.format(title="Beta Agreement", short="Beta 2021"))
    write(root / "content/bulletins/2026-12-01-grievances.md", BULLETIN)
    write(root / "site_config/site.yml", 'name: "Test local"\n')
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    (root / "generator").mkdir()
    shutil.copy(ROOT / "generator/mkdocs_hooks.py", root / "generator/mkdocs_hooks.py")
    (root / "build/docs").mkdir(parents=True)
    monkeypatch.chdir(root)
    monkeypatch.setattr(build_module, "CACHE", DocumentCache())
    monkeypatch.setattr(serve_state, "SERVE", serve_state.ServeState())
    cli.quiet_dirty_warning()
    saved = terms_config.current()
    yield root
    terms_config.use(saved)
    _mkdocs_build(root, root / "site-reset", dirty=False)  # leave MkDocs' plugins as a build finds them


def _mkdocs_build(root: Path, site: Path, dirty: bool) -> None:
    """One build as `clausebook serve` (dirty) or `clausebook build` (clean) runs it; MkDocs keeps
    its plugins between builds in one process, as serve does."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve" if dirty else "build", dirty=dirty)
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL, dirty=dirty)


def serve_rebuild(root: Path) -> None:
    _mkdocs_build(root, root / "site", dirty=True)


def clean_build(root: Path, monkeypatch) -> Path:
    with monkeypatch.context() as m:
        m.setattr(build_module, "CACHE", None)
        m.setattr(serve_state, "SERVE", None)
        _mkdocs_build(root, root / "site-clean", dirty=False)
    return root / "site-clean"


def stamps(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def rewritten(before: dict[str, int], folder: Path) -> set[str]:
    after = stamps(folder)
    return {rel for rel, stamp in after.items() if before.get(rel) != stamp}


def assert_same_tree(served: Path, clean: Path) -> None:
    files = set(stamps(served))
    assert files == set(stamps(clean))
    differ = [rel for rel in sorted(files) if (served / rel).read_bytes() != (clean / rel).read_bytes()]
    assert differ == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_one_word_changed_rewrites_only_that_page_and_the_preview_equals_a_clean_build(repo, monkeypatch):
    serve_rebuild(repo)
    site, docs = repo / "site", repo / "build/docs"
    site_before, docs_before = stamps(site), stamps(docs)
    edit(repo / "content/agreements/beta-2021.md", "ten days", "twelve days")
    serve_rebuild(repo)

    assert not serve_state.SERVE.full
    assert rewritten(docs_before, docs) == {"beta-2021/article-12.md"}
    html_written = {rel for rel in rewritten(site_before, site) if rel.endswith(".html")}
    assert "beta-2021/article-12/index.html" in html_written
    for untouched in ("alpha-2020/article-12/index.html", "alpha-2020/index.html",
                      "beta-2021/article-1/index.html", "beta-2021/index.html", "alpha-2020/12.05/index.html"):
        assert untouched in site_before and untouched not in html_written, untouched
    assert "twelve days" in (site / "beta-2021/article-12/index.html").read_text(encoding="utf-8")
    alpha_12 = (site / "alpha-2020/article-12/index.html").read_text(encoding="utf-8")
    assert "Discussed in" in alpha_12 and "2026-12-01-grievances/" in alpha_12  # the bulletin still links

    assert_same_tree(site, clean_build(repo, monkeypatch))


def test_a_rebuild_with_nothing_changed_writes_no_page_and_no_data_file(repo):
    serve_rebuild(repo)
    before = stamps(repo / "site")
    serve_rebuild(repo)
    written = rewritten(before, repo / "site")
    assert not serve_state.SERVE.full
    assert not any(rel.startswith(("alpha-2020/", "beta-2021/")) for rel in written), written
    assert "search/cb/meta.json" not in written


def test_a_changed_title_is_in_every_pages_menu_so_the_whole_site_is_rebuilt(repo, monkeypatch):
    serve_rebuild(repo)
    edit(repo / "content/agreements/beta-2021.md", "GRIEVANCE PROCEDURE", "GRIEVANCES")
    serve_rebuild(repo)
    assert serve_state.SERVE.full
    assert "GRIEVANCES" in (repo / "site/beta-2021/article-1/index.html").read_text(encoding="utf-8")
    assert_same_tree(repo / "site", clean_build(repo, monkeypatch))


def test_a_changed_theme_file_rebuilds_the_whole_site(repo):
    serve_rebuild(repo)
    css = repo / "theme/assets/clausebook.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    serve_rebuild(repo)
    assert serve_state.SERVE.full


def test_a_rebuild_stopped_half_way_makes_the_next_one_full(repo, monkeypatch):
    import mkdocs.commands.build as mkdocs_build

    serve_rebuild(repo)
    edit(repo / "content/agreements/beta-2021.md", "ten days", "twelve days")

    def crash(*args, **kwargs):
        raise RuntimeError("stopped half-way")
    with monkeypatch.context() as m:
        m.setattr(mkdocs_build, "_build_page", crash)
        with pytest.raises(RuntimeError):
            serve_rebuild(repo)
    serve_rebuild(repo)
    assert serve_state.SERVE.full
    assert_same_tree(repo / "site", clean_build(repo, monkeypatch))


def test_only_the_changed_documents_markdown_is_rendered_again(repo, monkeypatch):
    from generator.render import pages

    serve_rebuild(repo)
    rendered = []
    structured, plain = pages.render_structured, pages.render_plain
    monkeypatch.setattr(pages, "render_structured", lambda env, doc, files: rendered.append(doc.slug) or structured(env, doc, files))
    monkeypatch.setattr(pages, "render_plain", lambda env, doc, files, others: rendered.append(doc.slug) or plain(env, doc, files, others))
    edit(repo / "content/agreements/beta-2021.md", "ten days", "twelve days")
    serve_rebuild(repo)
    assert rendered == ["beta-2021"]
    assert_same_tree(repo / "site", clean_build(repo, monkeypatch))


def test_a_bulletin_citing_another_clause_moves_the_discussed_in_lines(repo, monkeypatch):
    """The bulletin's own text changes; Alpha's and Beta's sources do not, but their "Discussed
    in" lines do: their pages must be made again, not taken from the last rebuild."""
    serve_rebuild(repo)
    edit(repo / "content/bulletins/2026-12-01-grievances.md", "Article 12.05 of the Alpha agreement",
         "Article 12.01 of the Beta agreement")
    serve_rebuild(repo)
    assert not serve_state.SERVE.full
    site = repo / "site"
    assert "Discussed in" not in (site / "alpha-2020/article-12/index.html").read_text(encoding="utf-8")
    beta_12 = (site / "beta-2021/article-12/index.html").read_text(encoding="utf-8")
    assert "Discussed in" in beta_12 and "2026-12-01-grievances/" in beta_12
    assert_same_tree(site, clean_build(repo, monkeypatch))


def test_a_cited_clause_removed_unlinks_the_bulletin_and_its_short_url(repo, monkeypatch):
    """Alpha loses 12.05: the bulletin (its source unchanged) no longer links to it, and the
    short URL alpha-2020/12.05/ and its QR code are gone; then the clause comes back."""
    serve_rebuild(repo)
    alpha = repo / "content/agreements/alpha-2020.md"
    original = alpha.read_text(encoding="utf-8")
    edit(alpha, "12.05 Settling of Grievance\n\nA grievance", "A grievance")
    serve_rebuild(repo)
    site = repo / "site"
    post = site / "bulletins/2026/12/01/2026-12-01-grievances/index.html"
    assert not (site / "alpha-2020/12.05/index.html").exists()
    assert "alpha-2020/article-12/#cl-12-05" not in post.read_text(encoding="utf-8")
    assert_same_tree(site, clean_build(repo, monkeypatch))
    alpha.write_text(original, encoding="utf-8")
    serve_rebuild(repo)
    assert (site / "alpha-2020/12.05/index.html").is_file()
    assert "alpha-2020/article-12/#cl-12-05" in post.read_text(encoding="utf-8")
    assert_same_tree(site, clean_build(repo, monkeypatch))


def test_a_clause_added_gets_its_short_url_and_qr_code(repo, monkeypatch):
    serve_rebuild(repo)
    edit(repo / "content/agreements/beta-2021.md", "within ten days of the meeting.\n",
         "within ten days of the meeting.\n\n12.06 Time Limits\n\nThe time limits may be extended by agreement.\n")
    serve_rebuild(repo)
    site = repo / "site"
    assert (site / "beta-2021/12.06/index.html").is_file()
    assert (site / "beta-2021/12.06/qr.svg").is_file()
    assert_same_tree(site, clean_build(repo, monkeypatch))


def test_a_defined_term_changed_is_shown_on_every_page_using_it(repo, monkeypatch):
    serve_rebuild(repo)
    edit(repo / "content/agreements/alpha-2020.md", "a person employed by the Board",
         "a person hired by the Board")
    serve_rebuild(repo)
    assert_same_tree(repo / "site", clean_build(repo, monkeypatch))


def test_a_document_removed_leaves_no_page_behind(repo, monkeypatch):
    """Its Markdown is deleted from build/docs by what serve remembers writing, not by a scan."""
    serve_rebuild(repo)
    serve_rebuild(repo)
    (repo / "content/agreements/beta-2021.md").unlink()
    serve_rebuild(repo)
    assert not (repo / "build/docs/beta-2021").exists() or not list((repo / "build/docs/beta-2021").rglob("*.md"))
    assert not (repo / "site/beta-2021/article-12/index.html").exists()
    assert_same_tree(repo / "site", clean_build(repo, monkeypatch))
