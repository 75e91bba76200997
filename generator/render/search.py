"""Search: one entry per clause, written after MkDocs has built the site.

Material's search plugin writes `site/search/search_index.json` with one entry per *heading*
that has an id; clauses that are divs (most sub-clauses) are not found as themselves, and every
page's index is downloaded by every page a member opens. This module (run from the hooks'
`on_post_build`, after Material's plugin) rewrites it:

* Every unit page (an article, schedule, letter...) becomes one page entry for the unit and one
  entry per clause and sub-clause, in document order, each linking to its own anchor
  (`sooke-2006/article-12/#cl-12-05`), with its citation in the title ("12.05 Settling of
  Grievance"), a `cite` field ("12.05", "LOU 3"; searched, not shown) and its own text only
  (its sub-clauses are entries of their own). "Referenced by" lines and other helper or hidden
  markup are left out.
* Pages without clauses (home, bulletins, an agreement's contents page, a glossary) keep
  Material's entries; an agreement's "Contents" list is dropped (it only repeats unit titles).
* The entries go to the split index (search_split.py): a small first piece `search/cb/meta.json`,
  term shards and blocks of entries under `search/cb/`, fetched by the worker only as a query
  needs them, and `search/pieces.json` listing them for the offline cache. Each entry is shown
  with its agreement (`agreements`: {"sooke-2006/": "Sooke 2006–2010"}, as Material's tags),
  kept once per agreement in meta.json instead of on 3,000 entries.
  `search/search_index.json`, which Material's page script downloads on every page, keeps only
  the `config` (with `clausebook`: where meta.json is). The worker wrapper
  (`theme/assets/javascripts/workers/clausebook-search.js`) reads the query
  (`clausebook-query.js`), downloads the pieces, ranks an exact citation match ("12.05", "A.6.2",
  "LOU 3") first, and hands the entries it shows to Material's worker.

All strings are HTML-escaped: Material inserts titles, texts and tags as HTML.

Reads: the unit pages' clause texts, read by the hooks from the HTML MkDocs wrote (or from the
built files), and the Documents (for citations, titles, anchors).
Writes: the files above. Returns their sizes, for the build log.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
import re
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

from .. import serve_state
from ..model import Document, Node
from ..passes.citations import HOME_CITES, PAGE_KINDS
from .escape import json_text
from .pages import doc_view, unit_heading
from .search_split import META, write_split

FULL_INDEX = "search/clausebook_index.json"
MATERIAL_INDEX = "search/search_index.json"

# Markup that is not the clause's own words: cross-reference lists, the agreement line above
# the title, our JS-only helpers, and anything hidden (tooltips, print-only text).
SKIP_CLASSES = {"cb-refby", "cb-discussed", "cb-doc", "cb-share", "cb-clauses", "headerlink",
                "cb-print-only", "cb-tooltip"}
SKIP_TAGS = {"script", "style", "template", "button", "svg", "noscript"}
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "table", "tr", "td", "th", "pre", "br", "h1", "h2",
              "h3", "h4", "h5", "h6", "details", "summary", "blockquote", "dd", "dt", "section"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}


@dataclass
class Entry:
    """One search entry: Material's fields plus `cite` (searched, not shown)."""

    location: str
    title: str
    text: str = ""
    cite: str = ""

    def to_json(self) -> dict:
        data = {"location": self.location, "title": self.title, "text": self.text}
        if self.cite:
            data["cite"] = self.cite
        return data


# ------------------------------------------------------------------------------------ text


class ClauseText(HTMLParser):
    """Collects, for each element with class "clause" and an id, the text that belongs to it
    and not to one of its sub-clauses.

    A clause that is a div owns the text inside it (minus nested clauses); a clause that is a
    heading owns the text that follows it in the same container, up to the next clause heading.
    Text before the first clause belongs to "" (not indexed).
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: dict[str, list[str]] = {}
        self.frames: list[dict] = [{"tag": "", "owner": "", "skip": False, "heading": False}]
        self.headings = 0  # frames with "heading" set: text inside any of them is not indexed

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        parent = self.frames[-1]
        classes = set((attrs.get("class") or "").split())
        skip = (parent["skip"] or tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
                or "hidden" in attrs or attrs.get("aria-hidden") == "true"
                or attrs.get("role") == "tooltip")
        owner = parent["owner"]
        heading = False
        if "clause" in classes and attrs.get("id") and not parent["skip"]:
            ident = attrs["id"]
            self.text.setdefault(ident, [])
            if tag in HEADINGS:
                parent["owner"] = ident  # the heading's container now belongs to this clause
                heading = True
            owner = ident
        if tag in BLOCK_TAGS:
            self._add(owner, " ")
        if tag in VOID:
            return
        self.frames.append({"tag": tag, "owner": owner, "skip": skip, "heading": heading})
        self.headings += heading

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.frames[-1]["tag"] == tag:
            self.headings -= self.frames.pop()["heading"]

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for i in range(len(self.frames) - 1, 0, -1):
            if self.frames[i]["tag"] == tag:
                owner = self.frames[i]["owner"]
                self.headings -= sum(f["heading"] for f in self.frames[i:])
                del self.frames[i:]
                if tag in BLOCK_TAGS:
                    self._add(owner, " ")
                return

    def handle_data(self, data):
        frame = self.frames[-1]
        if frame["skip"] or self.headings:
            return  # headings are the entry's title, not its text
        self._add(frame["owner"], data)

    def _add(self, owner: str, data: str) -> None:
        if owner:
            self.text.setdefault(owner, []).append(data)

    def result(self) -> dict[str, str]:
        return {k: " ".join("".join(v).split()) for k, v in self.text.items()}


def clause_texts(html: str) -> dict[str, str]:
    """{clause id: its own text} for the content <article> of a built page."""
    return article_texts(article_html(html))


def article_texts(article: str) -> dict[str, str]:
    """{clause id: its own text} for a page's content <article> (article_html)."""
    texts = _read_plain(article)
    if texts is None:  # not plain markup (below): html.parser reads it
        parser = ClauseText()
        parser.feed(article)
        parser.close()
        texts = parser.result()
    return texts


def article_html(html: str) -> str:
    """The content <article> of a built page, up to its end tag (all of `html` when it has none)."""
    start = html.find('<article class="md-content__inner')
    end = html.find("</article>", start)
    return html[start:end] if start >= 0 and end > start else html


def written_article(output: str) -> str:
    """article_html of a page's HTML as MkDocs hands it to on_post_page, made what reading the
    page's file back gives: MkDocs writes the page as UTF-8 with `xmlcharrefreplace` (a lone
    surrogate "\\ud800" becomes "&#55296;"), and Path.read_text reads "\\r\\n" and "\\r" as "\\n".
    So texts read from it are, by construction, the texts read from the built file."""
    article = article_html(output).encode("utf-8", "xmlcharrefreplace").decode("utf-8")
    return article.replace("\r\n", "\n").replace("\r", "\n") if "\r" in article else article


# The markup Python-Markdown, the generator and Material write in an article, read without
# html.parser (which was most of the time of the search index): tags whose attributes are names or
# double-quoted values, comments, and text in which every "<" starts one of these. Anything else
# (a script, a single-quoted or bare value, a stray "<") is read by html.parser, as before.
_PLAIN_TAG = re.compile(r'<(?:(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)\s*(/?)>'
                        r"|!--(?:(?!--)[^<])*-->)")
_PLAIN_ATTR = re.compile(r'\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:(=)"([^"]*)")?')
_RAW_TEXT = ("script", "style")  # html.parser's CDATA elements: their text is not markup


def _read_plain(html: str) -> dict[str, str] | None:
    """What ClauseText makes of `html` when html.parser (convert_charrefs=True) reads it, for
    plain markup (above); None when it is not plain. The same rules as ClauseText, in one loop
    over the tags found by one regex split, each distinct tag's attributes read once (_tag_rules),
    a frame a list [tag, owner, skip, heading]: the parser's handlers cost more than the reading."""
    parts = _PLAIN_TAG.split(html)  # text, then per tag: closing, name, attributes, "/", text after
    closings, names, attributes, selfclosings = parts[1::5], parts[2::5], parts[3::5], parts[4::5]
    if html.count("<") != len(names):
        return None  # a "<" that starts no plain tag (each tag and comment holds one "<")
    for closing, name, attrs, selfclosing in zip(closings, names, attributes, selfclosings):
        if name is not None and (name.lower() in _RAW_TEXT or closing and (attrs or selfclosing)):
            return None
    text: dict[str, list[str]] = {}
    top = ["", "", False, False]  # the root frame: the tag no end tag closes, no owner
    frames = [top]
    headings = 0  # open frames that are clause headings: text inside them is not indexed
    data = parts[0]
    tags = zip(closings, names, attributes, selfclosings, parts[5::5])
    for closing, name, attrs, selfclosing, after in tags:
        if data and not top[2] and not headings and top[1]:  # ClauseText.handle_data
            text[top[1]].append(unescape(data) if "&" in data else data)
        data = after
        if name is None:
            continue  # a comment
        if closing:  # ClauseText.handle_endtag
            tag = name.lower()
            if tag in VOID:
                continue
            if top[0] != tag:  # a missing end tag: close the nearest open one of this name
                at = next((i for i in range(len(frames) - 1, 0, -1) if frames[i][0] == tag), 0)
                if not at:
                    continue
                headings -= sum(f[3] for f in frames[at + 1:])
                top = frames[at]
                del frames[at + 1:]
            frames.pop()
            headings -= top[3]
            if tag in BLOCK_TAGS and top[1]:
                text[top[1]].append(" ")
            top = frames[-1]
            continue
        tag, skip, ident, heading, block, void = _tag_rules(name, attrs)  # ClauseText.handle_starttag
        skip = top[2] or skip
        owner = top[1]
        if ident and not top[2]:  # a clause
            text.setdefault(ident, [])
            if heading:
                top[1] = ident  # the heading's container now belongs to this clause
            owner = ident
        else:
            heading = False
        if block and owner:
            text[owner].append(" ")
        if void or selfclosing:  # a self-closed element is closed at once (handle_startendtag)
            continue
        top = [tag, owner, skip, heading]
        frames.append(top)
        headings += heading
    if data and not top[2] and not headings and top[1]:
        text[top[1]].append(unescape(data) if "&" in data else data)
    return {k: " ".join("".join(v).split()) for k, v in text.items()}


@lru_cache(maxsize=256)
def _tag_rules(name: str, attrs: str) -> tuple[str, bool, str, bool, bool, bool]:
    """What ClauseText.handle_starttag reads of a start tag: (tag lower-cased, skipped itself,
    its id if it is a clause, a heading, a block, void). Most tags repeat ("<p>", a defined term's
    span), so each is read once; a few hundred kept are as fast as all (a link's or a clause's
    tag is met once: on the demo site 4,300 distinct tags, 17,200 hits of 21,800 with 256 kept)."""
    tag = name.lower()
    pairs = dict((key.lower(), (unescape(value) if value else value) if eq else None)
                 for key, eq, value in _PLAIN_ATTR.findall(attrs)) if attrs else {}
    classes = set((pairs.get("class") or "").split())
    skip = (tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) or "hidden" in pairs
            or pairs.get("aria-hidden") == "true" or pairs.get("role") == "tooltip")
    ident = pairs.get("id") or "" if "clause" in classes else ""
    return tag, skip, ident, tag in HEADINGS, tag in BLOCK_TAGS, tag in VOID


# ------------------------------------------------------------------------------------ entries


def clause_title(node: Node) -> str:
    """ "12.05 Settling of Grievance", "12.02.d.2", "LOU 3.B"."""
    return f"{node.cite} {node.title}".strip() if node.title else node.cite


def document_entries(doc: Document, site_dir: Path,
                     built: dict[str, dict[str, str]] | None = None) -> dict[str, list[Entry]]:
    """{page URL: [page entry, clause entries...]} for every unit page of a structured document.
    `built`: {page URL: its clause texts} of the pages MkDocs rendered in this build, read by the
    hooks from the HTML it wrote (built_page_texts); a page not in it is read back from its file."""
    out: dict[str, list[Entry]] = {}
    for unit in _units(doc.root):
        url = f"{doc.slug}/{unit.page}/"
        file = site_dir / doc.slug / unit.page / "index.html"
        if not file.is_file():
            continue
        texts = (built or {}).get(url)
        if texts is None:
            texts = page_texts(url, file, f"{doc.slug}/{unit.page}.md")
        entries = [Entry(url, escape(unit_heading(unit), quote=False),
                         _para(texts.get(unit.anchor, "")), unit.cite)]
        for node in unit.walk():
            if node is unit or not node.cite or not node.anchor or node.anchor not in texts:
                continue
            entries.append(Entry(f"{url}#{node.anchor}", escape(clause_title(node), quote=False),
                                 _para(texts[node.anchor]), node.cite))
        out[url] = entries
    return out


def built_page_texts(url: str, output: str) -> dict[str, str]:
    """The clause texts of a unit page ("sooke-2006/article-12/") from the HTML MkDocs hands
    on_post_page, read as they would be from its file (written_article). The hooks keep these
    for the search index instead of the pages' HTML (a third of its size)."""
    return _texts(url, written_article(output))


def page_texts(url: str, file: Path, src_uri: str = "") -> dict[str, str]:
    """The clause texts of a built page the hooks did not read, read back from its file. In
    `clausebook serve`, the file is not even opened when MkDocs did not render the page
    (`src_uri`, its Markdown) in this rebuild: its texts of the last rebuild are kept."""
    state = serve_state.SERVE
    if state is not None and not state.full and src_uri and src_uri not in state.rendered:
        cached = state.page_texts.get(url)
        if cached is not None:
            return cached[1]
    return _texts(url, article_html(file.read_text(encoding="utf-8")))


def _texts(url: str, article: str) -> dict[str, str]:
    """article_texts of a page's article; in `clausebook serve`, read again only when the
    article changed since the last rebuild that read it."""
    state = serve_state.SERVE
    if state is None:
        return article_texts(article)
    key = serve_state.digest(article)
    cached = state.page_texts.get(url)
    if cached is None or cached[0] != key:
        cached = state.page_texts[url] = (key, article_texts(article))
    return cached[1]


def unit_page_urls(doc: Document) -> list[str]:
    """The pages whose entries document_entries makes ("sooke-2006/article-12/")."""
    if doc.source.meta.kind not in ("agreement", "bylaws"):
        return []
    return [f"{doc.slug}/{unit.page}/" for unit in _units(doc.root)]


def _units(root: Node):
    for node in root.walk():
        if node.kind in PAGE_KINDS and node.cite not in HOME_CITES and node.page and node.anchor:
            yield node


def _para(text: str) -> str:
    return f"<p>{escape(text, quote=False)}</p>" if text else ""


# ------------------------------------------------------------------------------------ writing


def write_search_index(documents: list[Document], site_dir: Path,
                       built: dict[str, dict[str, str]] | None = None) -> dict[str, int] | None:
    """Rewrite Material's index as described above. Returns {file: bytes}, or None when the
    search plugin wrote no index (search disabled). `built`: the clause texts of the unit pages
    rendered in this build, read by the hooks (document_entries); other pages' files are read."""
    material = site_dir / MATERIAL_INDEX
    if not material.is_file():
        return None
    index = json.loads(material.read_text(encoding="utf-8"))
    if "docs" not in index:
        return None
    ours: dict[str, list[Entry]] = {}
    agreements: dict[str, str] = {}
    for doc in documents:
        if doc.source.meta.kind in ("agreement", "bylaws"):
            agreements[doc.slug + "/"] = escape(doc_view(doc).short_title, quote=False)
            ours.update(document_entries(doc, site_dir, built))
    docs, done = [], set()
    for item in index["docs"]:
        page = item["location"].partition("#")[0]
        if page in ours:
            if page not in done:
                docs += [e.to_json() for e in ours[page]]
                done.add(page)
        elif not (page in agreements and item["location"].endswith("#contents")):
            docs.append(item)  # an agreement's contents list only repeats its units' titles
    for page, entries in ours.items():  # pages Material did not index (none expected)
        if page not in done:
            docs += [e.to_json() for e in entries]
    sizes = write_split(index["config"], docs, agreements, site_dir)
    # Material's page script passes on only `config` (and `docs`) to the worker: the address of
    # the first piece rides in the config.
    stub = json_text({"config": dict(index["config"], clausebook=META), "docs": []}, compact=True)
    material.write_text(stub, encoding="utf-8")
    (site_dir / FULL_INDEX).unlink(missing_ok=True)  # the single index of earlier builds
    return {**sizes, MATERIAL_INDEX: len(stub.encode("utf-8"))}
