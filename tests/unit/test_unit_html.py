"""Unit pages written as HTML by the generator (render/unit_html.py, issue 13) and handed to MkDocs
without Markdown conversion (mkdocs_hooks.render_html): their links become the URLs MkDocs made
of the Markdown links, their text is text, their table of contents and ids are what Python-
Markdown's toc extension and MkDocs' anchor collection found in the Markdown pages.

The whole-site check that the HTML is the same, byte for byte, as the Markdown build made is
scripts/compare_sites.py against a reference build (see README, "How pages are made").
"""
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.structure.files import File, Files

from generator import mkdocs_hooks
from generator.model import Annotation, Block, Definition, DocMeta, Document, Node, Source
from generator.passes.citations import assign_anchors, assign_pages
from generator.render.page_links import resolve_links
from generator.render.pages import render_site
from generator.render.unit_html import HtmlPage, UnitView, unit_page
from generator.render.links import PageContext, places
from generator.site_config import SiteConfig
from tests.unit.test_sinks import PAYLOADS, documents, live_markup


def page_file(src_uri: str) -> File:
    return File(src_uri, "/docs", "/site", use_directory_urls=True)


def site_files(*src_uris: str, post_url: str = "") -> Files:
    files = [page_file(uri) for uri in src_uris]
    for file in files:
        if post_url and file.src_uri.startswith("bulletins/posts/"):
            file.url = post_url  # what the blog plugin makes a post's address
    return Files(files)


FILES = site_files("index.md", "sooke-2006/index.md", "sooke-2006/article-2.md", "sooke-2006/article-12.md",
                   "sooke-2006/glossary.md", "bulletins/posts/2026-12-01-news.md",
                   post_url="bulletins/2026/12/01/2026-12-01-news/")


def hrefs(html: str) -> list[str]:
    return [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")]


# ---------------------------------------------------------------------------- link URLs

@pytest.mark.parametrize("written, url", [
    ("index.md", "../"),                                   # the document's home
    ("article-2.md#cl-2-01", "../article-2/#cl-2-01"),     # another unit's clause
    ("#cl-12-10", "#cl-12-10"),                            # a clause of this page
    ("glossary.md", "../glossary/"),
    ("../bulletins/posts/2026-12-01-news.md", "../../bulletins/2026/12/01/2026-12-01-news/"),  # the blog's address
    ("https://laws.example/code?a=1&b=2", "https://laws.example/code?a=1&b=2"),  # a statute: as written
])
def test_a_link_of_an_html_page_becomes_the_url_mkdocs_made_of_the_markdown_link(written, url):
    from generator.render.escape import text_html

    html = f'<p><a class="cb-xref" href="{text_html(written)}" title="t">x</a></p>'
    out = resolve_links(html, FILES.get_file_from_path("sooke-2006/article-12.md"), FILES)
    assert hrefs(out.html) == [url] and out.missing == []


def test_links_from_a_document_home_are_relative_to_its_folder():
    out = resolve_links('<a href="article-2.md#cl-2-01">2.01</a>', FILES.get_file_from_path("sooke-2006/index.md"), FILES)
    assert hrefs(out.html) == ["article-2/#cl-2-01"]


def test_links_to_anchors_are_recorded_for_mkdocs_to_check_and_a_link_to_no_file_is_reported():
    here = FILES.get_file_from_path("sooke-2006/article-12.md")
    out = resolve_links('<a href="article-2.md#cl-2-01">a</a> <a href="#cl-12-10">b</a> '
                        '<a href="article-99.md#cl-99">c</a>', here, FILES)
    assert out.links_to_anchors == {FILES.get_file_from_path("sooke-2006/article-2.md"): {"cl-2-01": "article-2.md#cl-2-01"},
                                    here: {"cl-12-10": "#cl-12-10"}}
    assert out.missing == ["article-99.md#cl-99"] and hrefs(out.html)[2] == "article-99.md#cl-99"


def test_an_href_spelled_in_the_text_is_not_a_link():
    text = '<p>write href=&quot;article-2.md&quot; <a href="index.md">home</a></p>'
    out = resolve_links(text, FILES.get_file_from_path("sooke-2006/article-12.md"), FILES)
    assert out.html == '<p>write href=&quot;article-2.md&quot; <a href="../">home</a></p>'


# ---------------------------------------------------------------------------- the page's HTML

def small_agreement() -> Document:
    """Article 12 with a titled clause (a heading), lettered sub-clauses (divs), a reference, a
    defined term, a statute, a table and bullets."""
    uses = Block("para", text="The Board may grieve under 12.01 and the Code.", annotations=[
        Annotation(4, 9, "term", "board"), Annotation(27, 32, "xref", "12.01", "12.01 Stewards"),
        Annotation(41, 45, "external", "https://laws.example/code", "Labour Code")])
    clause_a = Node("clause", num="a)", cite="12.01.a", style="letter", blocks=[uses])
    clause_b = Node("clause", num="b)", cite="12.01.b", style="letter", blocks=[
        Block("table", rows=[["Step", "Days"], ["1", "10"]], header=True),
        Block("bullet", text="first"), Block("bullet", text="second")])
    clause = Node("clause", num="12.01", cite="12.01", title="Stewards", style="decimal",
                  children=[clause_a, clause_b], referenced_by=["12.01.a"])
    unit = Node("article", num="12", cite="12", title="Grievances", printed="ARTICLE 12: GRIEVANCES",
                blocks=[Block("para", text="Opening words.")], children=[clause])
    root = Node("document", children=[unit])
    meta = DocMeta(title="Sooke", slug="sooke-2006", kind="agreement", short_title="Sooke 2006", status="expired")
    doc = Document(Source(Path("content/agreements/sooke-2006.md"), meta, "", 1), root, glossary=[
        Definition("Board", "board", "12.01", 3, "the employer's board", entry="board")])
    assign_pages(doc)
    assign_anchors(doc)
    return doc


def written(doc: Document) -> HtmlPage:
    unit = doc.root.children[0]
    view = UnitView(doc.slug, "Sooke 2006", "July 1, 2006 – June 30, 2010", "expired", unit.printed)
    return unit_page(view, unit, PageContext(unit.page, places(doc), doc.slug), doc)


def test_headings_are_the_unit_and_its_titled_clauses_with_their_ids_nested_as_the_toc_extension_nests_them():
    tokens = written(small_agreement()).toc_tokens()
    assert [(t["level"], t["id"], t["name"]) for t in tokens] == [(1, "cl-12", "ARTICLE 12: GRIEVANCES")]
    [child] = tokens[0]["children"]
    assert (child["level"], child["id"], child["name"], child["children"]) == (2, "cl-12-01", "12.01 Stewards", [])


def test_the_ids_of_a_page_are_every_id_in_its_html():
    page = written(small_agreement())
    found = [tag["id"] for tag in BeautifulSoup(page.html, "html.parser").find_all(id=True)]
    assert sorted(page.ids) == sorted(found)
    assert {"cl-12", "cl-12-01", "cl-12-01-a", "cl-12-01-b", "def-board"} <= set(found)


def test_a_clause_number_starts_its_first_paragraph_and_stands_alone_before_a_table():
    soup = BeautifulSoup(written(small_agreement()).html, "html.parser")
    a = soup.find(id="cl-12-01-a").find("p")
    assert a.get_text() == "a)\nThe Board may grieve under 12.01 and the Code."
    b = soup.find(id="cl-12-01-b")
    assert [child.name for child in b.find_all(recursive=False)] == ["p", "div", "ul"]
    assert [li.get_text() for li in b.find_all("li")] == ["first", "second"]


def test_references_terms_and_statutes_are_links_a_tooltip_and_a_hidden_definition():
    soup = BeautifulSoup(written(small_agreement()).html, "html.parser")
    xref, ext = soup.find("a", class_="cb-xref"), soup.find("a", class_="cb-ext")
    assert (xref["href"], xref["title"], xref.get_text()) == ("#cl-12-01", "12.01 Stewards", "12.01")
    assert (ext["href"], ext["rel"], ext.get_text()) == ("https://laws.example/code", ["noopener"], "Code")
    term = soup.find("span", class_="cb-defterm")
    assert term["aria-describedby"] == "def-board" and term.get_text() == "Board"
    definition = soup.find(id="def-board")
    assert definition.has_attr("hidden") and "the employer's board" in definition.get_text()
    assert soup.find("p", class_="cb-doc").find("a")["href"] == "index.md"  # made ../ by the hook


def test_the_body_of_an_html_page_file_describes_the_page_and_a_markdown_body_is_not_one():
    page = written(small_agreement())
    assert HtmlPage.from_body(page.body()) == page
    assert HtmlPage.from_body("# Bulletin\n\nText") is None


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_string_of_a_unit_page_is_text_in_the_html_mkdocs_receives(payload):
    """The hostile documents of test_sinks: the HTML handed to MkDocs (not converted again)
    carries no live markup, and the payload is in it as text; its index line cannot end early."""
    files = render_site(documents(payload), SiteConfig(name="Site")).files
    units = {path: HtmlPage.from_body(text.split("---\n", 2)[2]) for path, text in files.items()
             if path.startswith("evil/") and path not in ("evil/index.md", "evil/glossary.md")}
    assert units and all(units.values())
    for path, page in units.items():
        assert live_markup(page.html) == [], (path, page.html)
        assert page.body().split("\n", 1)[0].count("-->") == 1
    text = " ".join(BeautifulSoup(p.html, "html.parser").get_text(" ") for p in units.values())
    assert payload in text or payload.strip() in " ".join(text.split())


# ---------------------------------------------------------------------------- the hook

def test_the_hook_sets_what_page_render_would_without_converting_markdown():
    page_html = written(small_agreement())
    here = page_file("sooke-2006/article-12.md")
    files = Files([here, page_file("sooke-2006/index.md")])

    def render(config, files):
        raise AssertionError("Markdown conversion must be skipped for a page written as HTML")
    page = SimpleNamespace(file=here, render=render, url="sooke-2006/article-12/", meta={},
                           content=None, toc=None, present_anchor_ids=None, links_to_anchors=None)
    mkdocs_hooks.on_page_markdown(page_html.body(), page, None, files)
    page.render(None, files)
    assert 'href="../"' in page.content and "cl-12" in page.present_anchor_ids
    assert page.present_anchor_ids == set(page_html.ids)
    assert [(a.title, a.id, [c.id for c in a.children]) for a in page.toc] == [("ARTICLE 12: GRIEVANCES", "cl-12", ["cl-12-01"])]
    assert page.links_to_anchors == {here: {"cl-12-01": "#cl-12-01", "cl-12-01-a": "#cl-12-01-a"}}  # MkDocs checks them


def test_a_unit_page_whose_html_step_raises_says_so_and_the_build_goes_on(monkeypatch):
    from generator import build as build_module

    monkeypatch.setattr(build_module, "LAST", None)
    monkeypatch.setattr(mkdocs_hooks, "resolve_links", lambda *a: 1 / 0)
    page = SimpleNamespace(file=page_file("sooke-2006/article-12.md"), render=None, url="", meta={},
                           content=None, toc=None)
    mkdocs_hooks.on_page_markdown(written(small_agreement()).body(), page, None, FILES)
    page.render(None, FILES)  # MkDocs' call: does not raise
    assert "could not be built" in page.content and list(page.toc) == []
