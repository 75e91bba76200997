"""Text is text at every sink: one test per place a string from a source or site_config/ is shown.

Sinks: our Jinja templates (a Markup boundary), titles handed to MkDocs (nav, page `title:`),
tags, bulletin dates, the JSON files, the search index, statute link URLs, site.yml's name,
repo_url and site_url. Material prints titles, nav, tags and the site name raw, so what we hand
it must already be HTML: the tests parse what we write and check that no tag or attribute a
payload carries comes out live, and that the words are all still there as text.
"""
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import json
import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from generator.model import Annotation, Block, DocMeta, Hints, Source
from generator.pipeline import load_document
from generator.render.data import write_data
from generator.render.escape import front_matter, json_text, safe_url, text_html
from generator.render.links import PageContext, linked
from generator.render.pages import environment, render_site
from generator.render.search import write_search_index
from generator.render.search_split import read_split
from generator.site_config import SiteConfig

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
            "{{ 7*7 }}", "]]></script>", "x' onmouseover='alert(1)", "A & B <b>bold</b>",
            "[a](javascript:alert(1))", '{: onclick="alert(1)" }']
AGREEMENT = "ARTICLE 1: DEFINITIONS\n\n1.01 Employee\n\nAn employee is a person.\n\nPENSIONS (MPP)\n\nPension text.\n"
EXTENSIONS = ["attr_list", "md_in_html", "toc"]


def hostile_meta(payload: str, kind: str, slug: str) -> DocMeta:
    return DocMeta(title=f"Title {payload}", slug=slug, kind=kind, short_title=f"Short {payload}",
                   employer=f"Employer {payload}", union=f"Union {payload}", local=f"Local {payload}",
                   date="2021-05-11" if kind == "bulletin" else "", tags=[f"tag {payload}"],
                   hints=Hints(parts={f"Pensions {payload}": "PENSIONS (MPP)"}) if kind == "agreement" else None)


def documents(payload: str):
    agreement = load_document(Source(Path("content/agreements/evil.md"), hostile_meta(payload, "agreement", "evil"),
                                     AGREEMENT, 5))
    bulletin = load_document(Source(Path("content/bulletins/2021-05-11-news.md"),
                                    hostile_meta(payload, "bulletin", "news"), f"News {payload}\n", 6))
    page = load_document(Source(Path("content/pages/about.md"), hostile_meta(payload, "page", "about"),
                                f"About {payload}\n", 5))
    return [agreement, bulletin, page]


def site(payload: str):
    return render_site(documents(payload), SiteConfig(name=f"Site {payload}", local=f"Local {payload}",
                                                       description=f"About {payload}"))


def front(markdown_text: str) -> dict:
    return yaml.safe_load(markdown_text.split("---\n")[1])


def live_markup(html: str) -> list[str]:
    """Tags and attributes a payload could bring to life, found in an HTML fragment."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name in ("script", "img", "iframe", "object", "embed", "b"):
            found.append(tag.name)
        found += [a for a in tag.attrs if a.startswith("on")]
        found += [v for v in (tag.get("href"), tag.get("src")) if v and "javascript:" in v.lower()]
    return found


# ---------------------------------------------------------------------------- our templates

def test_a_value_printed_without_an_escaping_filter_is_html_escaped_by_the_markup_boundary():
    out = environment().from_string("{{ x }}|{{ x | md }}").render(x="<script>alert(1)</script>")
    plain, escaped = out.split("|")
    assert plain == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escaped == "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"  # md's output is not escaped twice


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_generated_page_renders_payloads_as_text(payload):
    for path, text in site(payload).files.items():
        body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
        html = markdown.markdown(body, extensions=EXTENSIONS)
        assert live_markup(html) == [], (path, html)
        assert "49" not in BeautifulSoup(html, "html.parser").get_text() or "{{" not in payload, path


# ---------------------------------------------------------------------------- titles given to MkDocs

@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_title_of_every_generated_page_reaches_mkdocs_as_escaped_text(payload):
    for path, text in site(payload).files.items():
        title = front(text).get("title", "")
        assert "<" not in title and ">" not in title, (path, title)
        assert live_markup(title) == [], path
    files = site(payload).files
    assert unescape(front(files["evil/index.md"])["title"]) == f"Title {payload}"
    assert unescape(front(files["index.md"])["title"]) == f"Site {payload}"


def nav_titles(nav) -> list[str]:
    out = []
    for item in nav if isinstance(nav, list) else [nav]:
        if isinstance(item, dict):
            for title, target in item.items():
                out.append(title)
                if isinstance(target, list):
                    out += nav_titles(target)
    return out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_nav_titles_are_html_text_including_short_titles_page_titles_and_hints_parts_names(payload):
    titles = nav_titles(site(payload).nav)
    assert text_html(f"Short {payload}") in titles  # the agreement, by its short title
    assert text_html(f"Title {payload}") in titles  # the plain page
    assert any(f"Pensions {text_html(payload)}" in t for t in titles), titles  # hints: parts: name
    for title in titles:
        assert "<" not in title and '"' not in title and live_markup(title) == []


def test_text_html_keeps_apostrophes_and_escapes_what_could_open_a_tag_or_close_an_attribute():
    assert text_html("Employees' Union & <b>\"Board\"</b>\n next") == \
        "Employees' Union &amp; &lt;b&gt;&quot;Board&quot;&lt;/b&gt; next"


def test_front_matter_scalars_survive_controls_and_astral_characters():
    for text in ["a\x1bb\x85c\u2028d", "emoji \U0001F600", "2021-05-11", "yes", "null", ""]:
        assert yaml.safe_load(f"title: {front_matter(text)}")["title"] == text_html(text)


# ---------------------------------------------------------------------------- tags

@pytest.mark.parametrize("payload", PAYLOADS)
def test_bulletin_tags_reach_material_as_escaped_text(payload):
    tags = front(site(payload).files["bulletins/posts/news.md"])["tags"]
    assert tags == [text_html(f"tag {payload}")]


# ---------------------------------------------------------------------------- bulletin dates

def test_a_bulletin_date_is_written_as_a_bare_iso_date():
    assert front(site("x").files["bulletins/posts/news.md"])["date"].isoformat() == "2021-05-11"


@pytest.mark.parametrize("written", ["2021-05-11\n<script>alert(1)</script>", "next tuesday", "2024-13-45",
                                     "2021-05-11\n---\n<img src=x onerror=alert(1)>"])
def test_a_bulletin_whose_date_is_not_a_date_is_left_out_with_a_located_error(written):
    docs = documents("x")
    docs[1].source.meta.date = written
    out = render_site(docs, SiteConfig())
    assert "bulletins/posts/news.md" not in out.files
    assert [doc.slug for doc in out.failed] == ["news"]
    assert "is not a date: write 'date: YYYY-MM-DD'" in out.problems[0].message
    assert out.problems[0].path == "content/bulletins/2021-05-11-news.md"
    assert all("<script" not in text and "onerror" not in text for text in out.files.values())


# ---------------------------------------------------------------------------- JSON data

@pytest.mark.parametrize("payload", PAYLOADS)
def test_json_files_hold_the_exact_text_without_any_angle_bracket_or_ampersand(payload, tmp_path):
    doc = documents(payload)[0]
    write_data(doc, tmp_path)
    for name in ("clauses.json", "report.json"):
        raw = (tmp_path / "evil" / name).read_text(encoding="utf-8")
        assert not set("<>&") & set(raw), name
    entries = json.loads((tmp_path / "evil" / "clauses.json").read_text(encoding="utf-8"))
    assert f"Pensions {payload}" in [e["cite"] for e in entries]  # the hints: parts: name, as text


def test_json_text_round_trips_and_cannot_close_a_script():
    data = {"t": "]]></script><b>&amp;\u2028"}
    assert json.loads(json_text(data)) == data
    assert "</script" not in json_text(data) and "<" not in json_text(data)


def test_the_redirect_of_a_short_url_writes_its_label_and_target_as_text(tmp_path):
    doc = documents('"><script>alert(1)</script>')[0]
    write_data(doc, tmp_path)
    for page in (tmp_path / "evil").rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        scripts = BeautifulSoup(html, "html.parser").find_all("script")
        assert len(scripts) == 1 and scripts[0].string.startswith("location.replace(")
        assert live_markup(html.replace(str(scripts[0]), "")) == []


# ---------------------------------------------------------------------------- search index

@pytest.mark.parametrize("payload", PAYLOADS)
def test_search_entries_and_agreement_tags_are_escaped_html(payload, tmp_path):
    docs = documents(payload)
    agreement = docs[0]
    material = {"config": {"lang": ["en"]}, "docs": [{"location": "", "title": "Home", "text": ""}]}
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(material), encoding="utf-8")
    for node in agreement.root.walk():  # the built pages, as MkDocs would write them
        if node.page and node.anchor and node.kind != "clause":
            page = tmp_path / "evil" / node.page / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f'<article class="md-content__inner"><h1 class="clause" id="{node.anchor}">t</h1>'
                            f"<p>{text_html(payload)}</p></article>", encoding="utf-8")
    write_search_index(docs, tmp_path)
    for piece in (tmp_path / "search").rglob("*.json"):  # the index is split into pieces (issue 13)
        assert not set("<>") & set(piece.read_text(encoding="utf-8")), piece
    agreements, entries = read_split(tmp_path)
    shown = [e["title"] for e in entries] + [e["text"] for e in entries] + list(agreements.values())
    for html in shown:  # Material inserts these as HTML
        assert live_markup(html) == [], html
    assert unescape(agreements["evil/"]) == f"Short {payload}"


# ---------------------------------------------------------------------------- statute links

def external(url: str) -> str:
    block = Block("para", text="under the Labour Code today", annotations=[
        Annotation(10, 21, "external", url, "Labour Code")])
    return markdown.markdown(linked(block, PageContext("", {})), extensions=EXTENSIONS)


@pytest.mark.parametrize("url", ["javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)",
                                 "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "vbscript:x", "/relative/path"])
def test_a_statute_url_that_is_not_http_or_mailto_is_not_a_link(url):
    html = external(url)
    assert "<a" not in html and BeautifulSoup(html, "html.parser").get_text() == "under the Labour Code today"


@pytest.mark.parametrize("url, href", [
    ("https://laws.example/a'b", "https://laws.example/a%27b"),
    ('https://laws.example/a"b', "https://laws.example/a%22b"),
    ("https://laws.example/a)b(c", "https://laws.example/a%29b%28c"),
    ("https://laws.example/a b", "https://laws.example/a%20b"),
    ("https://laws.example/x?q=1&r=2#s", "https://laws.example/x?q=1&r=2#s"),
])
def test_a_statute_url_with_quotes_or_brackets_stays_one_link_with_the_words_intact(url, href):
    soup = BeautifulSoup(external(url), "html.parser")
    links = soup.find_all("a")
    assert [a["href"] for a in links] == [href]
    assert soup.get_text() == "under the Labour Code today"


def test_safe_url_keeps_percent_escapes_and_refuses_other_schemes():
    assert safe_url("https://x.example/%C3%A9") == "https://x.example/%C3%A9"
    assert safe_url("mailto:office@local.example") == "mailto:office@local.example"
    assert safe_url("ftp://x.example/") == "" and safe_url("") == ""


# ---------------------------------------------------------------------------- site.yml

def hook_config(tmp_path, **site):
    from generator import mkdocs_hooks

    build = SimpleNamespace(problems=[], config=SiteConfig(**site))
    return mkdocs_hooks, build


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "//evil.example/", "ftp://x/"])
def test_a_repo_url_or_site_url_that_is_not_http_is_refused_with_a_located_error(url, tmp_path):
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / "site.yml").write_text(f"name: x\nrepo_url: '{url}'\n", encoding="utf-8")
    hooks, build = hook_config(tmp_path)
    assert hooks._checked_url(build, tmp_path, "repo_url", url) is None
    problem = build.problems[0]
    assert (problem.path, problem.line, problem.level) == ("site_config/site.yml", 2, "error")
    assert "is not a web address" in problem.message


def test_a_repo_url_with_a_quote_is_percent_encoded_before_material_prints_it(tmp_path):
    hooks, build = hook_config(tmp_path)
    url = hooks._checked_url(build, tmp_path, "repo_url", 'https://github.com/o/r" onmouseover="alert(1)')
    assert url == "https://github.com/o/r%22%20onmouseover=%22alert%281%29" and not build.problems


def test_the_site_name_is_handed_to_mkdocs_as_html(tmp_path, monkeypatch):
    from generator import mkdocs_hooks

    fake = SimpleNamespace(config=SiteConfig(name="<script>alert(1)</script> & co"), problems=[],
                           documents=[], rendered=SimpleNamespace(nav=[]))
    monkeypatch.setattr(mkdocs_hooks, "generate", lambda root, docs: fake)
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"),
                             site_url="", repo_url="", repo_name="", nav=None, site_name="")
    mkdocs_hooks.on_config(config)
    assert config.site_name == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"


# ---------------------------------------------------------------------------- the terminal

def test_the_build_report_writes_control_characters_of_content_as_escapes():
    from generator.report import printable

    line = printable("content/x.md:3: error: date '2021\n\x1b[2J\x1b]0;owned\x07' is not a date")
    assert line == "content/x.md:3: error: date '2021\\n\\x1b[2J\\x1b]0;owned\\x07' is not a date"
    assert printable("Café – 12.05\tx") == "Café – 12.05\tx"
