"""Link previews, read as a messaging app reads them: the HTML only, no script run, no meta
refresh followed. Every short URL of every agreement and every unit page must say which clause
it is (og:title), what it says (og:description: the clause's own opening words), where it
lives (absolute canonical and og:url, under the GitHub Pages project path) and show its
article's card (og:image: an absolute URL of a 1200x630 PNG that is in the site, with alt text;
twitter:card summary_large_image)."""
from __future__ import annotations

import html as html_lib
import json
import os
import re
import subprocess
import sys
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

from generator.render.cards import Card, card_key
from generator.render.data import write_redirect
from generator.render.preview import Preview, opening_words
from generator.model import Block, Node

ROOT = Path(__file__).resolve().parents[2]

DESCRIPTION_MAX = 201  # ~200 characters and the "…"


class _Head(HTMLParser):
    """The preview fields of one page: <meta property|name> contents, canonical, title, and
    whether a <script> other than the redirect's one is there; plus the page's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta.setdefault(a.get("property") or a.get("name"), a.get("content") or "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag in ("script", "style"):
            self._in_script = True

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        else:
            self.text.append(data)

    def plain_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def head_of(markup: str) -> _Head:
    parser = _Head()
    parser.feed(markup)
    return parser


def fetch(url: str) -> str:
    """An HTTP GET as a previewer does it: no script, no refresh followed."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _assert_description(description: str, page_text: str | list[str], where: str) -> None:
    assert description, f"{where}: no og:description"
    assert len(description) <= DESCRIPTION_MAX, f"{where}: og:description {len(description)} chars"
    words = re.findall(r"\w+", description)
    # the clause's own words, in its order (compared as words: inline markup splits the page's
    # text, and a sub-clause's marker "a)" may stand between them on the page)
    text = re.findall(r"\w+", page_text) if isinstance(page_text, str) else page_text
    starts = [i for i, word in enumerate(text) if word == words[0]]
    assert starts, f"{where}: og:description is not the clause's own words: {description[:80]!r}"
    assert any(_in_order(words, text, at) for at in starts), \
        f"{where}: og:description is not the clause's own words in order: {description[:80]!r}"


def _in_order(words: list[str], text: list[str], at: int) -> bool:
    """words appear in text from `at` on, in order, at most a few words apart (a marker "ii)")."""
    for word in words:
        if word not in text[at:at + 6]:
            return False
        at = text.index(word, at) + 1
    return True


def _assert_absolute(url: str | None, project_path: str, path: str, where: str) -> None:
    assert url and urlsplit(url).scheme in ("http", "https"), f"{where}: not absolute: {url!r}"
    assert urlsplit(url).path == f"{project_path}/{path}", f"{where}: {url} is not under {project_path}/"


def _assert_card(head: _Head, site_dir: Path, project_path: str, where: str) -> str:
    """og:image is an absolute URL under the project path of a PNG in the site, of the size
    og:image:width/height state, with alt text; the large-image Twitter card shows it.
    Returns the alt text."""
    image = head.meta.get("og:image", "")
    assert image and urlsplit(image).scheme in ("http", "https"), f"{where}: og:image {image!r}"
    path = urlsplit(image).path
    assert path.startswith(project_path + "/"), f"{where}: {image} is not under {project_path}/"
    file = site_dir / path[len(project_path) + 1:]
    assert file.is_file(), f"{where}: og:image {image} is not in the site ({file})"
    with Image.open(file) as png:
        assert png.format == "PNG", where
        assert png.size == (int(head.meta["og:image:width"]), int(head.meta["og:image:height"])) == (1200, 630), where
    assert head.meta.get("og:image:type") == "image/png", where
    assert head.meta.get("twitter:card") == "summary_large_image", where
    assert head.meta.get("twitter:image") == image, where
    alt = head.meta.get("og:image:alt", "")
    assert alt and head.meta.get("twitter:image:alt") == alt, f"{where}: no alt text for the card"
    return alt


def test_every_short_url_previews_its_clause(site_dir: Path, agreements, project_path: str):
    names = {}
    checked = cards = 0
    for slug, entries in agreements.items():
        pages = {e["url"].split("#")[0] for e in entries}
        for entry in entries:
            if entry["short_url"] in pages:
                continue  # a unit's short URL is its page, checked below
            where = f"{entry['short_url']}"
            head = head_of((site_dir / entry["short_url"] / "index.html").read_text(encoding="utf-8"))
            title = head.meta.get("og:title", "")
            assert title.startswith(entry["cite"]), f"{where}: og:title {title!r}"
            if entry["title"]:
                assert entry["title"] in title, f"{where}: og:title {title!r} lacks the title"
            names.setdefault(slug, title.rsplit(" · ", 1)[-1])
            assert title.endswith(" · " + names[slug]), f"{where}: og:title {title!r} lacks the agreement"
            assert head.meta.get("og:type") == "article"
            page = entry["url"].split("#")[0]
            if page != f"{slug}/":  # a clause on a unit page shows its article's card
                alt = _assert_card(head, site_dir, project_path, where)
                unit = head_of((site_dir / page / "index.html").read_text(encoding="utf-8"))
                assert head.meta["og:image"] == unit.meta["og:image"], f"{where}: not its article's card"
                assert alt == unit.meta["og:image:alt"], where
                cards += 1
            else:  # on the agreement's home page (a preamble): no article, no card
                assert head.meta.get("twitter:card") == "summary", where
            _assert_absolute(head.meta.get("og:url"), project_path, entry["short_url"], where)
            _assert_absolute(head.canonical, project_path, entry["url"].split("#")[0], where)
            assert head.canonical.endswith("#" + entry["url"].split("#")[1]), where
            # a section's sub-clauses may be on the pages after its own: the agreement's pages in order
            if "og:description" not in head.meta:  # a heading only ("1.1 Notice of intent to move")
                assert entry["title"], f"{where}: no og:description and no title"
                continue
            page_text = _agreement_words(site_dir, slug, entries)
            _assert_description(head.meta["og:description"], page_text, where)
            checked += 1
    assert len(names) == len(agreements), f"short URLs of only {sorted(names)}"
    assert checked > 100
    assert cards > 100


_TEXT_CACHE: dict[Path, str] = {}
_WORDS_CACHE: dict[str, list[str]] = {}


def _agreement_words(site_dir: Path, slug: str, entries: list[dict]) -> list[str]:
    """The words of an agreement's pages in document order (clauses.json is in that order)."""
    if slug not in _WORDS_CACHE:
        pages = dict.fromkeys(e["url"].split("#")[0] for e in entries)
        _WORDS_CACHE[slug] = re.findall(r"\w+", " ".join(_page_text(site_dir / p / "index.html") for p in pages))
    return _WORDS_CACHE[slug]


def _page_text(path: Path) -> str:
    if path not in _TEXT_CACHE:
        # the clause's words without the page's furniture between them ("Referenced by LOU 4, …", "Discussed in …")
        markup = re.sub(r'<p class="cb-refby[^"]*">.*?</p>', " ", path.read_text(encoding="utf-8"), flags=re.S)
        _TEXT_CACHE[path] = head_of(markup).plain_text()
    return _TEXT_CACHE[path]


def test_every_unit_page_previews_itself(site_dir: Path, agreements, project_path: str):
    for slug, entries in agreements.items():
        units = {e["url"].split("#")[0]: e for e in entries if e["url"].split("#")[0] != f"{slug}/"}
        assert units, f"{slug}: no unit pages"
        for page, entry in units.items():
            head = head_of((site_dir / page / "index.html").read_text(encoding="utf-8"))
            assert head.meta.get("og:title"), page
            alt = _assert_card(head, site_dir, project_path, page)
            # the card says which unit it is: the page's own heading label ("Article 12", "Schedule A")
            label = head.meta["og:title"].split(" · ")[0].split(" – ")[0]
            assert alt.startswith(label), f"{page}: card alt {alt!r} does not start with {label!r}"
            _assert_absolute(head.canonical, project_path, page, page)
            assert head.meta.get("og:url") == head.canonical, page
            if head.meta.get("og:description"):  # a unit of headings only has no words of its own
                _assert_description(head.meta["og:description"], _page_text(site_dir / page / "index.html"), page)
        described = sum(bool(head_of((site_dir / p / "index.html").read_text(encoding="utf-8"))
                             .meta.get("og:description")) for p in units)
        assert described >= len(units) * 0.9, f"{slug}: {described}/{len(units)} unit pages described"


def test_short_url_served_under_project_path_previews_without_following(site_url: str, agreements,
                                                                        project_path: str):
    for slug, entries in agreements.items():
        pages = {e["url"].split("#")[0] for e in entries}
        entry = next(e for e in entries if e["short_url"] not in pages and e["url"].split("#")[0] != f"{slug}/")
        head = head_of(fetch(site_url + entry["short_url"]))
        assert head.meta["og:title"].startswith(entry["cite"])
        assert head.meta["og:description"]
        _assert_absolute(head.meta.get("og:url"), project_path, entry["short_url"], entry["short_url"])
        assert any("location.replace" in s for s in head.scripts), "the redirect for people is gone"
        image = urlsplit(head.meta["og:image"]).path
        with urllib.request.urlopen(site_url + image[len(project_path) + 1:], timeout=10) as response:
            assert response.headers["Content-Type"] == "image/png"
        assert "http-equiv" in fetch(site_url + entry["short_url"])


# ------------------------------------------------------------------ escaping (no site needed)

PAYLOAD = '"><script>alert(1)</script><img src=x onerror=alert(2)> & \'quote\''


def test_markup_in_title_and_text_stays_text_in_every_preview_tag(tmp_path: Path):
    page = tmp_path / "x" / "index.html"
    write_redirect(page, "../article-1/#cl-1", Preview(PAYLOAD, PAYLOAD, "https://e.org/c/x/",
                                                        'https://e.org/c/a/#"><b>'))
    markup = page.read_text(encoding="utf-8")
    head = head_of(markup)
    for key in ("og:title", "og:description", "twitter:title", "twitter:description", "description"):
        assert head.meta[key] == " ".join(PAYLOAD.split()), key
    assert head.canonical == 'https://e.org/c/a/#"><b>'
    assert "<img" not in markup and "<script>alert" not in markup and "<b>" not in markup
    assert len(re.findall(r"<script", markup)) == 1  # the redirect's own


def test_without_a_site_address_no_relative_canonical_or_og_url(tmp_path: Path):
    page = tmp_path / "x" / "index.html"
    write_redirect(page, "../article-1/#cl-1", Preview("1.01 · A", "Words.", ""))
    head = head_of(page.read_text(encoding="utf-8"))
    assert head.canonical is None and "og:url" not in head.meta
    assert head.meta["og:title"] == "1.01 · A" and head.meta["og:description"] == "Words."


def test_opening_words_are_cut_at_a_word_with_an_ellipsis():
    node = Node("clause", blocks=[Block("para", "word " * 100)])
    text = opening_words(node, limit=23)
    assert text == "word word word word…"
    assert opening_words(Node("clause", blocks=[Block("para", "Short  text.")])) == "Short text."


def test_opening_words_stop_at_a_table_and_include_a_sub_clause_title():
    table = Node("clause", blocks=[Block("para", "the following vacation:"), Block("table", "x"),
                                   Block("para", "After the table.")])
    assert opening_words(table) == "the following vacation: …"
    definitions = Node("clause", children=[Node("clause", title='"BOARD"',
                                                blocks=[Block("para", "means the Board.")])])
    assert opening_words(definitions) == '"BOARD" means the Board.'


# ------------------------------------------------------------------ markup in titles (own build)

MARKUP = '<b>Pay</b> & "Benefits" <script>alert(1)</script>'
MARKED = f"""---
title: "Marked Collective Agreement"
short_title: {json.dumps("Marked " + MARKUP)}
---
ARTICLE 1 - WAGES {MARKUP}

1.01 Rates

The rates in Schedule A apply to every employee of the board.
"""


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """A site whose agreement and article titles and local's name carry markup, built with the
    real `clausebook build` under a GitHub Pages project address."""
    root = tmp_path_factory.mktemp("marked")
    for name in ("mkdocs.yml", "theme", "generator"):
        (root / name).symlink_to(ROOT / name, target_is_directory=(ROOT / name).is_dir())
    (root / "site_config").mkdir()
    (root / "site_config" / "site.yml").write_text(
        f'name: "Marked site"\nlocal: {json.dumps("Local " + MARKUP)}\n', encoding="utf-8")
    (root / "content" / "agreements").mkdir(parents=True)
    (root / "content" / "agreements" / "marked.md").write_text(MARKED, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1",
               CLAUSEBOOK_SITE_URL="https://owner.github.io/repo/")
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "build"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    if not (root / "site" / "index.html").is_file():
        pytest.fail(f"the marked site was not built:\n{proc.stdout}{proc.stderr}", pytrace=False)
    return root / "site"


def test_markup_in_titles_is_the_cards_text_and_alt_text_not_markup(marked: Path):
    entries = json.loads((marked / "marked" / "clauses.json").read_text(encoding="utf-8"))
    unit = next(e for e in entries if e["cite"] == "1")
    title = unit["title"]  # the body's leftover HTML tags are removed by cleaning; & and quotes stay
    assert title.startswith("WAGES") and '& "Benefits"' in title, title
    drawn = Card(f"Marked {MARKUP} Collective Agreement", "Article 1", title, f"Local {MARKUP}")
    for rel in ("marked/article-1/", "marked/1.01/"):
        markup = (marked / rel / "index.html").read_text(encoding="utf-8")
        head = head_of(markup)
        alt = _assert_card(head, marked, "/repo", rel)
        assert alt == drawn.alt, rel  # the text itself, once: not "&lt;b&gt;", not live markup
        # the file is the card of exactly these strings (its name is their hash)
        assert head.meta["og:image"] == f"https://owner.github.io/repo/assets/cards/{card_key(drawn)}.png"
        assert "<script>alert" not in markup and "<b>Pay" not in markup, rel
    article = head_of((marked / "marked" / "article-1" / "index.html").read_text(encoding="utf-8"))
    assert article.meta["clausebook:cite-as"] == f"Marked {MARKUP} Collective Agreement"
