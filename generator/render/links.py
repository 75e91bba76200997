"""Turning a block's annotations into links: the writer applies offsets a pass computed.

No prose is parsed here: the text is cut at the annotations' offsets, each piece is escaped,
and a link is written around the annotated pieces, with a URL relative to the current page.
Two forms: Markdown (`linked`, for bulletins and plain pages, which MkDocs converts) and HTML
(`linked_html`, for the unit pages the generator writes as HTML, render/unit_html.py). A link to
another page is the page's Markdown path in both ("article-5.md#cl-5-01"): MkDocs, or for the
HTML pages render/page_links.py, turns it into the page's URL.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Annotation, Block, Document
from .data import short_url
from .escape import md, md_attr, md_piece, safe_url, text_html, text_piece_html
from .glossary import term_span


@dataclass
class PageContext:
    """Where a page is (its slug inside the document folder) and where every citation lives."""

    page: str  # "article-12", or "index" for the document home
    places: dict[str, tuple[str, str]]  # cite -> (page, anchor)
    slug: str = ""  # the document's folder
    root: str = "../"  # from this page's folder to the docs root
    others: dict[str, dict[str, tuple[str, str]]] | None = None  # slug -> places, for bulletins

    def href_in(self, slug: str, cite: str) -> str:
        """A clause of another document (a bulletin citing an agreement)."""
        page, anchor = (self.others or {})[slug][cite]
        return f"{self.root}{slug}/{page or 'index'}.md#{anchor}"

    def short(self, node) -> str:
        """The clause's short URL from the site root, for the share control."""
        return short_url(self.slug, node)

    def href(self, cite: str) -> str:
        page, anchor = self.places[cite]
        page = page or "index"
        return f"#{anchor}" if page == self.page else f"{page}.md#{anchor}"


def places(document: Document) -> dict[str, tuple[str, str]]:
    """Every citation of a document -> (page, anchor); the first node wins for a repeated one."""
    out: dict[str, tuple[str, str]] = {}
    for node in document.root.walk():
        if node.cite and node.cite not in out:
            out[node.cite] = (node.page, node.anchor)
    return out


def linked(block: Block, ctx: PageContext | None) -> str:
    """The block's text as Markdown, with its annotations as links (overlaps: first wins)."""
    return _linked_with(block, md_piece, lambda label, ann: _link(label, ann, ctx))


def _linked_with(block: Block, piece, link) -> str:
    """The block's text, each stretch between annotations written by `piece`, each annotation by
    `link` (the Markdown and the HTML writer differ only in these two)."""
    text, out, pos = block.text, [], 0
    for ann in non_overlapping(block.annotations):
        out.append(piece(text[pos:ann.start]))
        out.append(link(text[ann.start:ann.end], ann))
        pos = ann.end
    out.append(piece(text[pos:]))
    return "".join(out).strip()


def link_target(ann: Annotation, ctx: PageContext | None) -> str | None:
    """Where a link annotation points on the site, or None when it links nowhere: a statute's
    URL (http(s) only, encoded), another document's clause when that document is on the site, a
    clause of this document it has. Shared by the Markdown and the HTML writer."""
    if ann.kind == "external":  # a statute's page (site_config/statutes.yml)
        return safe_url(ann.target) or None
    if ctx is None:
        return None
    if ann.kind == "doc-xref":  # another document's clause, when that document is on the site
        slug, _, cite = ann.target.partition("#")
        return ctx.href_in(slug, cite) if cite in (ctx.others or {}).get(slug, {}) else None
    return ctx.href(ann.target) if ann.target in ctx.places else None


def _link(label: str, ann: Annotation, ctx: PageContext | None) -> str:
    if ann.kind == "term":  # a defined term: its definition is at the end of the page (render/glossary.py)
        return term_span(md(label), ann.target) if ctx is not None else md(label)
    href = link_target(ann, ctx)
    if href is None:
        return md(label)
    if ann.kind == "external":
        return f'[{md(label)}]({href} "{md_attr(ann.title)}"){{: .cb-ext rel="noopener" }}'
    return f'[{md(label)}]({href} "{md_attr(ann.title)}"){{: .cb-xref }}'


def non_overlapping(annotations: list[Annotation]) -> list[Annotation]:
    kept: list[Annotation] = []
    for ann in sorted(annotations, key=lambda a: (a.start, -(a.end - a.start))):
        if not kept or ann.start >= kept[-1].end:
            kept.append(ann)
    return kept


def linked_html(block: Block, ctx: PageContext) -> str:
    """The block's text as HTML, with its annotations as links (overlaps: first wins): the HTML
    Python-Markdown made of `linked`'s Markdown."""
    return _linked_with(block, text_piece_html, lambda label, ann: _link_html(label, ann, ctx))


def _link_html(label: str, ann: Annotation, ctx: PageContext) -> str:
    """One annotation as HTML; its words alone when it links nowhere on the site (a citation of
    a clause the document does not have, a statute whose URL is not http(s) or mailto)."""
    words = text_html(label)
    if ann.kind == "term":  # a defined term: its definition is at the end of the page
        return term_span(words, ann.target)
    href = link_target(ann, ctx)
    if href is None:
        return words
    if ann.kind == "external":
        return f'<a class="cb-ext" href="{text_html(href)}" rel="noopener" title="{text_html(ann.title)}">{words}</a>'
    return f'<a class="cb-xref" href="{text_html(href)}" title="{text_html(ann.title)}">{words}</a>'
