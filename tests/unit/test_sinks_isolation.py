"""A document that fails does not take the site with it: an exception in any stage of one
document (reading, cleaning, parsing, annotating, linking a bulletin, rendering) becomes a located
error for that document, with a line to quote in a bug report, and the others are published.

The stages are made to fail by monkeypatching them for one document, so these tests hold for
bugs nobody has found yet, not only for the known one ("Subclauses 14.2 and 14.3").
"""
import re
from pathlib import Path

import pytest

import generator.build as build_module
import generator.pipeline as pipeline
import generator.render.pages as pages
from generator.build import generate, load

GOOD = """---
title: Good Agreement
short_title: Good
---
ARTICLE 1: DEFINITIONS

1.01 Employee

An employee is a person.
"""
OTHER = GOOD.replace("Good", "Other")
BULLETIN = """---
title: News
date: 2021-05-11
agreement: {agreement}
---
See Article 1.01 today.
"""
SUBCLAUSES = """---
title: Hours Agreement
---
ARTICLE 14: HOURS

14.1 Normal hours

Hours are eight.

14.2 Overtime

Overtime is paid.

14.3 Rest

See Subclauses 14.2 and 14.3 for details.
"""
PLEASE_REPORT = re.compile(r"please report: (\w+): .* at generator/[\w/]+\.py:\d+$")


@pytest.fixture
def project(tmp_path):
    (tmp_path / "content" / "agreements").mkdir(parents=True)
    (tmp_path / "content" / "bulletins").mkdir()
    (tmp_path / "content" / "agreements" / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "content" / "agreements" / "other.md").write_text(OTHER, encoding="utf-8")
    for slug in ("good", "other"):
        (tmp_path / "content" / "bulletins" / f"2021-05-11-{slug}-news.md").write_text(
            BULLETIN.format(agreement=slug), encoding="utf-8")
    return tmp_path


def fail_for(slug, real):
    """`real`, except that it raises a bug-like exception when called for document `slug`."""
    def stage(document, *args, **kwargs):
        source = getattr(document, "source", document)
        if getattr(source, "meta", None) and source.meta.slug == slug:
            raise ZeroDivisionError("a bug nobody has found yet")
        return real(document, *args, **kwargs)
    return stage


def errors_for(build, name):
    return [p for p in build.all_problems() if p.path.endswith(name) and p.level == "error"]


@pytest.mark.parametrize("stage", ["clean", "parse"])
def test_a_document_whose_cleaning_or_parsing_raises_is_left_out_and_the_others_are_published(project, monkeypatch, stage):
    monkeypatch.setattr(pipeline, stage, fail_for("other", getattr(pipeline, stage)))
    build = generate(project, project / "docs")
    assert [d.slug for d in build.documents if d.source.meta.kind == "agreement"] == ["good"]
    assert "good/article-1.md" in build.rendered.files and "other/index.md" not in build.rendered.files
    [error] = errors_for(build, "agreements/other.md")
    assert "so it is left out of the site (the rest is built)" in error.message
    assert PLEASE_REPORT.search(error.message).group(1) == "ZeroDivisionError"
    assert "at generator/" in error.message and "test_sinks_isolation" not in error.message


def test_a_document_whose_annotation_raises_is_published_without_links_with_a_located_error(project, monkeypatch):
    monkeypatch.setattr(pipeline, "finish", fail_for("other", pipeline.finish))
    build = generate(project, project / "docs")
    assert "other/article-1.md" in build.rendered.files and "good/article-1.md" in build.rendered.files
    [error] = errors_for(build, "agreements/other.md")
    assert "published without its cross-reference and defined-term links" in error.message
    assert "please report: ZeroDivisionError: a bug nobody has found yet at generator/" in error.message


def test_the_known_subclauses_crash_is_contained_and_located_at_its_line(project):
    (project / "content" / "agreements" / "hours.md").write_text(SUBCLAUSES, encoding="utf-8")
    build = generate(project, project / "docs")
    assert {"good/article-1.md", "other/article-1.md", "hours/article-14.md"} <= set(build.rendered.files)
    errors = errors_for(build, "agreements/hours.md")
    if errors:  # until refs_find.py knows "Subclauses": located at the line that says it
        [error] = errors
        assert error.line == 16 and "please report: KeyError: 'subclauses' at generator/passes/refs_find.py:" in error.message


def test_the_line_comes_from_the_innermost_block_or_node_being_processed(project, monkeypatch):
    real = pipeline.finish

    def finish(document, *args):
        for node in document.root.walk():
            for block in node.blocks:
                if "person" in block.text:
                    raise IndexError("list index out of range")
        return real(document, *args)
    monkeypatch.setattr(pipeline, "finish", finish)
    build = load(project)
    [error] = errors_for(build, "agreements/good.md")
    assert error.line == 9  # "An employee is a person." in good.md


def test_a_bulletin_whose_linking_raises_is_left_out_and_undone(project, monkeypatch):
    real = build_module.link_bulletins

    def link(documents):
        real(documents)  # links (and records "Discussed in") first, then fails
        if any(d.slug == "2021-05-11-other-news" for d in documents):
            raise RuntimeError("boom")
    monkeypatch.setattr(build_module, "link_bulletins", link)
    build = generate(project, project / "docs")
    slugs = [d.slug for d in build.documents]
    assert "2021-05-11-good-news" in slugs and "2021-05-11-other-news" not in slugs
    [error] = errors_for(build, "2021-05-11-other-news.md")
    assert "linking the citations of" in error.message and "RuntimeError: boom" in error.message
    other = next(d for d in build.documents if d.slug == "other")
    assert all(not n.discussed_in for n in other.root.walk())  # the failed bulletin is not listed
    good = next(d for d in build.documents if d.slug == "good")
    assert any(n.discussed_in for n in good.root.walk())
    assert "2021-05-11-good-news.md" in " ".join(build.rendered.files)


def test_an_agreement_whose_rendering_raises_is_left_out_and_bulletins_do_not_link_to_it(project, monkeypatch):
    monkeypatch.setattr(pages, "render_structured",
                        lambda env, doc, files: (_ for _ in ()).throw(KeyError("x")) if doc.slug == "other"
                        else real_render(env, doc, files))
    build = generate(project, project / "docs")
    files = build.rendered.files
    assert not any(path.startswith("other/") for path in files) and "good/article-1.md" in files
    assert "other" not in [d.slug for d in build.documents]  # no data files written for it
    [error] = errors_for(build, "agreements/other.md")
    assert "writing the pages of" in error.message and "KeyError: 'x'" in error.message
    post = files["bulletins/posts/2021-05-11-other-news.md"]
    assert "other/" not in post and "See Article 1\\.01 today" in post  # the citation stays as text
    assert "(other/index.md)" not in files["index.md"]


real_render = pages.render_structured


def test_a_bulletin_whose_rendering_raises_is_not_listed_under_discussed_in(project, monkeypatch):
    real = pages.render_plain
    monkeypatch.setattr(pages, "render_plain", lambda env, doc, files, others: (_ for _ in ()).throw(
        ValueError("y")) if doc.slug == "2021-05-11-good-news" else real(env, doc, files, others))
    build = generate(project, project / "docs")
    assert "bulletins/posts/2021-05-11-good-news.md" not in build.rendered.files
    assert "Discussed in" not in build.rendered.files["good/article-1.md"]
    assert "Discussed in" in build.rendered.files["other/article-1.md"]


def test_a_file_that_crashes_the_reader_is_left_out_and_the_others_are_read(project, monkeypatch):
    from generator import sources

    real = sources.check_source  # what read_sources and read_source both call for one file

    def check_source(path, *args):
        if path.name == "other.md":
            raise UnicodeError("strange bytes")
        return real(path, *args)
    monkeypatch.setattr(sources, "check_source", check_source)
    build = load(project)
    assert [d.slug for d in build.documents if d.source.meta.kind == "agreement"] == ["good"]
    [error] = errors_for(build, "agreements/other.md")
    assert error.path == "content/agreements/other.md" and "UnicodeError: strange bytes" in error.message


def test_a_crash_outside_any_document_ends_the_build_with_one_line_and_exit_1(project, monkeypatch, capsys):
    from generator import cli

    for name in ("mkdocs.yml", "theme", "generator", "site_config"):
        (project / name).symlink_to(Path(__file__).resolve().parents[2] / name)
    monkeypatch.chdir(project)
    monkeypatch.setattr(build_module, "render_site", lambda *a: 1 / 0)
    assert cli.main(["build", "--site-dir", str(project / "site")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert re.search(r"the site was not built: .*please report: ZeroDivisionError: division by zero at generator/build\.py:\d+", err)


def test_a_page_whose_markdown_conversion_raises_says_so_and_its_document_gets_the_error(project, monkeypatch):
    from types import SimpleNamespace

    from generator import mkdocs_hooks

    build = generate(project, project / "docs")
    monkeypatch.setattr(build_module, "LAST", build)

    def render(config, files):
        raise RecursionError("maximum recursion depth exceeded")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="good/article-1.md"), render=render, content=None, toc=None)
    assert mkdocs_hooks.on_page_markdown("# x", page, None, None) == "# x"
    page.render(None, None)  # MkDocs' call: does not raise
    assert "could not be built" in page.content
    [error] = errors_for(build, "agreements/good.md")
    assert "shown as a page saying it could not be built (good/article-1.md)" in error.message
    assert "please report: RecursionError: maximum recursion depth exceeded at generator/" in error.message
