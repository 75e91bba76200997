"""Small helpers shared by the site tests: the clause-id rule, URL -> file, HTML scanning."""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

FAKE_ROOT = "http://site.invalid/"  # resolve relative links as a browser would


def clause_id(cite: str) -> str:
    """The contract (README): 'cl-' + citation lower-cased, every run of other characters as '-'.

    >>> clause_id("12.05.a"), clause_id("LOU 3"), clause_id("A.6.7.c.i"), clause_id("Pensions (MPP)")
    ('cl-12-05-a', 'cl-lou-3', 'cl-a-6-7-c-i', 'cl-pensions-mpp')
    """
    return "cl-" + re.sub(r"[^a-z0-9]+", "-", cite.lower()).strip("-")


def resolve(base_rel: str, href: str) -> str | None:
    """Resolve ``href`` found on the page at ``base_rel`` (site-root-relative URL such as
    'sooke-2006/12.05/') to a site-root-relative URL with fragment, or None if it leaves
    the site root (which would break under a GitHub Pages project path)."""
    absolute = urljoin(FAKE_ROOT + base_rel, href)
    if not absolute.startswith(FAKE_ROOT):
        return None
    return absolute[len(FAKE_ROOT):]


def page_file(site: Path, rel_url: str) -> Path:
    """The file that serves ``rel_url`` (fragment and query ignored)."""
    path = unquote(urlsplit(rel_url).path)
    target = site / path
    if path == "" or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def page_url(site: Path, file: Path) -> str:
    """Site-root-relative URL of an HTML file: '.../index.html' -> '.../'."""
    rel = file.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def is_external(href: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href)) or href.startswith("//")


class _TagScanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _scan(html: str):
    scanner = _TagScanner()
    scanner.feed(html)
    scanner.close()
    return scanner.tags


class Page:
    """Start tags of one HTML page, all of them and those inside Material's content
    <article class="md-content__inner ...">."""

    def __init__(self, file: Path):
        self.file = file
        self.html = file.read_text(encoding="utf-8")
        self.tags = _scan(self.html)
        start = self.html.find('<article class="md-content__inner')
        end = self.html.find("</article>", start)
        self.content_tags = _scan(self.html[start:end]) if start >= 0 else []

    @property
    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if a.get("id")]

    @property
    def content_ids(self) -> list[str]:
        return [a["id"] for _, a in self.content_tags if a.get("id")]

    def clauses(self) -> list[dict[str, str | None]]:
        """Attributes of every element with class 'clause', in document order."""
        return [a for _, a in self.tags if "clause" in (a.get("class") or "").split()]


@lru_cache(maxsize=None)
def load_page(file: Path) -> Page:
    return Page(file)


def deployed_path(site: Path) -> str | None:
    """Path part of mkdocs' site_url (e.g. '/clausebook/'), read from the canonical link
    of the home page; None when site_url is not set."""
    index = site / "index.html"
    if not index.is_file():
        return None
    for tag, attrs in load_page(index).tags:
        if tag == "link" and attrs.get("rel") == "canonical" and attrs.get("href"):
            path = urlsplit(attrs["href"]).path or "/"
            return path if path.endswith("/") else path + "/"
    return None
