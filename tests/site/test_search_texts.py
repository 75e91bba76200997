"""The search index's clause texts (generator/render/search.py) are read from memory, without
html.parser, and are exactly the texts html.parser reads in the built pages:

* on the demo site (`built_site`): every unit page's article read by the fast reader and by
  ClauseText fed by html.parser; every entry's words counted both ways (search_terms.py);
* on a small hostile site built by MkDocs in this process (as `clausebook build` runs it): the
  texts the hooks read from each unit page's HTML are those html.parser reads in its built file,
  and the search entries made from them are those made from reading the files back.
"""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import build as build_module
from generator import serve_state, terms_config
from generator.render import search
from generator.render.search import ClauseText, _read_plain, article_html, article_texts
from generator.render.search_split import read_split
from generator.render.search_terms import count_words, plain, words

ROOT = Path(__file__).resolve().parents[2]


def by_html_parser(article: str) -> dict[str, str]:
    parser = ClauseText()
    parser.feed(article)
    parser.close()
    return parser.result()


def unit_pages(site: Path) -> list[Path]:
    """The built pages that have clauses (an agreement's or bylaws' unit pages)."""
    return [p for p in sorted(site.glob("*/*/index.html")) if 'class="clause' in p.read_text(encoding="utf-8")]


def test_every_demo_unit_page_is_read_as_html_parser_reads_it(site_dir):
    pages = unit_pages(site_dir)
    assert len(pages) > 100
    differ = []
    for page in pages:
        article = article_html(page.read_text(encoding="utf-8"))
        fast = _read_plain(article)
        if fast is None or fast != by_html_parser(article):
            differ.append(str(page.relative_to(site_dir)))
    assert differ == []


def test_every_demo_entrys_words_are_counted_as_listed(site_dir):
    _, docs = read_split(site_dir)
    assert len(docs) > 1000
    for doc in docs:
        for text in (plain(doc["text"]), plain(doc["title"])):
            counts: dict[str, int] = {}
            count_words(text, 1, counts)
            assert counts == dict(Counter(words(text))), text[:80]


# ------------------------------------------------------------------ a hostile site, built here

PAYLOAD = ("<script>alert(1)</script> \"><img src=x onerror=alert(2)> &amp; &lt;b&gt; &#169; AT&T "
           "<!-- x --> ]]> <p class=\"clause\" id=\"cl-evil\">forged</p> \u00a0nbsp\u200bzw \u202eRTL 'q' \"dq\"")

AGREEMENT = f"""---
title: "Hostile Agreement"
short_title: "Hostile 2020"
---
ARTICLE 1 – DEFINITIONS

1.01 "Employee" means a person employed by the Board. {PAYLOAD}

1.02 "Board" means the employer &amp; its agents.

ARTICLE 12 – GRIEVANCE PROCEDURE

12.01 Stewards

The Board recognizes the Union's right to select stewards. An Employee may ask a steward. {PAYLOAD}

(a) A steward is named in writing; see clause 12.05 and Article 1.01. <b>not bold</b>

(b) Time off:

1. up to two hours &lt;paid&gt; per grievance;

2. more with the Board's consent. {PAYLOAD}

(c) Wage grid &amp; rates:

Step\t1\t2\t3\t4\t5\t6
Rate <x>\t10.00
Note &amp;\tper\thour

Grades follow.

| Grade | Rate |
| ----- | ---- |
| A &lt;1&gt; | 20.00 |

12.05 Settling of Grievance

A grievance not settled at step one goes to step two within ten days of the meeting.
\tTabbed\ttext  with  spaces &#x41; &notin; &not x&amp

| Step | Days |
| ---- | ---- |
| One <i>x</i> | 10 & more |

LETTER OF UNDERSTANDING NO. 3

Re: {PAYLOAD}

The parties agree. {PAYLOAD}
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def hostile_repo(tmp_path, monkeypatch):
    """A small site with this repository's mkdocs.yml, theme and hooks and one hostile agreement."""
    root = tmp_path / "repo"
    write(root / "content/agreements/hostile-2020.md", AGREEMENT)
    write(root / "site_config/site.yml", 'name: "Test local"\n')
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    (root / "generator").mkdir()
    shutil.copy(ROOT / "generator/mkdocs_hooks.py", root / "generator/mkdocs_hooks.py")
    (root / "build/docs").mkdir(parents=True)
    monkeypatch.chdir(root)
    monkeypatch.setattr(build_module, "CACHE", None)
    monkeypatch.setattr(serve_state, "SERVE", None)
    saved = terms_config.current()
    yield root
    terms_config.use(saved)


def test_texts_kept_in_memory_are_those_of_the_built_files(hostile_repo, monkeypatch):
    """The clause texts the hooks read from each unit page's HTML are those read from its built
    file, and the entries made from them are those made from reading the files back."""
    made = []
    entries = search.document_entries

    def both_ways(doc, site_dir, built=None):
        from_memory = entries(doc, site_dir, built)
        made.append((doc.slug, dict(built or {}), from_memory, entries(doc, site_dir)))
        return from_memory
    monkeypatch.setattr(search, "document_entries", both_ways)
    site = hostile_repo / "site"
    build(load_config(str(hostile_repo / "mkdocs.yml"), site_dir=str(site)))

    [(slug, built, from_memory, from_files)] = made
    assert slug == "hostile-2020"
    assert len(built) >= 3 and set(built) == set(from_memory)  # every unit page was read by the hooks
    for url, texts in built.items():
        article = article_html((site / url / "index.html").read_text(encoding="utf-8"))
        assert texts == by_html_parser(article), url
        assert any(texts.values()), url
    assert from_memory == from_files
    texts = " ".join(e.text for page in from_memory.values() for e in page)
    for shown in ("alert(1)", "forged", "AT&amp;T", "]]&gt;", "\u202eRTL"):  # the payload, as text
        assert shown in texts, shown


def test_a_written_article_is_what_its_file_reads_back(tmp_path):
    """MkDocs writes a page with `xmlcharrefreplace` (utils.write_file); read_text turns "\\r\\n"
    and "\\r" into "\\n": the article the hooks read is the file's, even for text no source can
    hold."""
    from mkdocs.utils import write_file

    page = ('<html><body><article class="md-content__inner md-typeset">'
            '<p>lone \ud800 surrogate \udfff</p>\r\n<p data-x="a\rb">cr\rlf\r\n</p>'
            '</article></body></html>')
    file = tmp_path / "index.html"
    write_file(page.encode("utf-8", errors="xmlcharrefreplace"), str(file))
    assert search.written_article(page) == article_html(file.read_text(encoding="utf-8"))
