"""Stage 5, render: a unit page of an agreement or bylaws (an article, schedule, appendix, letter
of understanding) written as HTML by the generator, not as Markdown for MkDocs to convert.

Why: these pages are almost all our own HTML (clause divs, headings with ids, links); letting
Python-Markdown parse ~300 of them again cost ~2 CPU s a build (issue 13). The HTML written here
is the HTML Python-Markdown made of the old unit.md.j2/_node.md.j2 pages (same elements,
attributes, ids and text), so the site is unchanged; the hooks hand it to MkDocs as the page's
content (mkdocs_hooks.on_page_markdown), with the table of contents and the ids kept here.

Escaping: every string from a source goes through escape.text_html (text, attribute values) or
escape.html (table cells and preformatted text) right where it is written; nothing from content
can become markup. Links to other pages are written as Markdown links were, as the target's
Markdown path ("article-5.md#cl-5-01", "index.md"): the hook turns them into the page's URLs with
MkDocs' own file list (render/page_links.py), so they are exactly the URLs MkDocs made of them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from markdown.extensions.toc import nest_toc_tokens

from ..model import Block, Document, Node
from .escape import html, json_text, text_html
from .glossary import cite_href, cite_label, entries, starts_with_term, used_entries
from .links import PageContext, linked_html

# Python-Markdown expanded tabs to 4-column stops counted from the start of the Markdown line, where
# the first line of a preformatted block followed this tag; kept so the columns are unchanged.
PRE_TAB_SIZE = 4
PRE_OPENING_AS_MARKDOWN = '<pre class="cb-pre" markdown="0">'
# A table or preformatted block at a page's top level was raw HTML to Python-Markdown: kept as
# written, with the template's markdown="0" and a blank line after it; inside a clause's div it was
# parsed and written again, one element a line, without the attribute. Both are written so here,
# so the site stays byte-identical to the Markdown build (browsers show both forms the same).
RAW_AT_TOP_LEVEL = 'markdown="0"'
HTML_MARKER = "<!-- clausebook:html "  # first line of a page's body written as HTML (HtmlPage.body)
NOT_PARAGRAPHS = ("bullet", "table", "pre", "subheading")  # block kinds a clause's number cannot start


@dataclass
class Heading:
    """One entry of the page's table of contents: what Python-Markdown's toc extension made of a
    heading (level 1-6, its id, its text as HTML)."""

    level: int
    id: str
    name: str

    def token(self) -> dict:
        """The toc extension's token, the form mkdocs.structure.toc.get_toc reads."""
        return {"level": self.level, "id": self.id, "name": self.name, "html": self.name,
                "data-toc-label": "", "children": []}


@dataclass
class HtmlPage:
    """A page written as HTML: the body of its <article> (links still Markdown paths, see the
    module docstring), its headings in order, and every id it has (MkDocs checks links into the
    page against them)."""

    html: str
    headings: list[Heading] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    def toc_tokens(self) -> list[dict]:
        """The headings nested as the toc extension nests them (an h3 under the h2 before it)."""
        return nest_toc_tokens([h.token() for h in self.headings])

    def body(self) -> str:
        """The page's Markdown file after its front matter: a first line saying it is HTML, with
        its headings and ids as JSON (no < > &, so it cannot close the comment), then the HTML.
        The file alone describes the page: `clausebook serve` renders what the file says."""
        index = {"toc": [[h.level, h.id, h.name] for h in self.headings], "ids": self.ids}
        return f"{HTML_MARKER}{json_text(index, compact=True)} -->\n{self.html}\n"

    @classmethod
    def from_body(cls, body: str) -> "HtmlPage | None":
        """The page a `body()` describes; None for a page that is Markdown."""
        if not body.startswith(HTML_MARKER):
            return None
        first, _, rest = body.partition("\n")
        index = json.loads(first[len(HTML_MARKER):-len(" -->")])
        return cls(rest.removesuffix("\n"), [Heading(*h) for h in index["toc"]], index["ids"])


@dataclass
class UnitView:
    """What the page shows about its document and itself besides the tree."""

    slug: str
    short_title: str
    term: str
    status: str
    heading: str  # "ARTICLE 12: GRIEVANCE PROCEDURE" (as printed) or "Article 12 – Grievance Procedure"


class _Writer:
    """Collects one page's HTML, its headings and its ids while the tree is walked."""

    def __init__(self, ctx: PageContext):
        self.ctx = ctx
        self.headings: list[Heading] = []
        self.ids: list[str] = []

    def anchor(self, anchor: str) -> str:
        """An id attribute's value; remembered for the page's ids."""
        self.ids.append(anchor)
        return text_html(anchor)


def unit_page(view: UnitView, unit: Node, ctx: PageContext, doc: Document) -> HtmlPage:
    """The <article> body of a unit page: the document line, the unit's heading, its text and
    clauses, and the hidden definitions of the defined terms it uses (theme/assets/terms.js)."""
    w = _Writer(ctx)
    parts = [_document_line(view), _heading(w, 1, view.heading, unit)]
    parts += _blocks(w, unit.blocks)
    parts += _referenced_by(w, unit)
    for child in unit.children:
        parts += _clause(w, child, 1)
    parts += _definitions(doc, unit, ctx, w)
    return HtmlPage("\n".join(parts).rstrip("\n"), w.headings, w.ids)  # no blank line after a last table


def _document_line(view: UnitView) -> str:
    """The line above the heading: the document (a link to its home), expired, its term."""
    expired = ' · <strong class="cb-expired">Expired agreement</strong>' if view.status == "expired" else ""
    term = f'<span class="cb-doc-term"> · {text_html(view.term)}</span>' if view.term else ""
    return (f'<p class="cb-doc" data-doc="{text_html(view.slug)}" data-doc-title="{text_html(view.short_title)}" '
            f'data-status="{text_html(view.status)}" data-term="{text_html(view.term)}">'
            f'<a href="index.md">{text_html(view.short_title)}</a>{expired}{term}</p>')


def _heading(w: _Writer, level: int, text: str, node: Node) -> str:
    """A unit's or titled clause's heading, listed in the page's table of contents."""
    name = text_html(text)
    w.headings.append(Heading(level, node.anchor, name))
    return (f'<h{level} class="clause" data-cite="{text_html(node.cite)}" '
            f'data-short="{text_html(w.ctx.short(node))}" id="{w.anchor(node.anchor)}">{name}</h{level}>')


def _clause(w: _Writer, node: Node, level: int) -> list[str]:
    """A clause and its sub-clauses. A unit's first- or second-level clause with a title (or a
    decimal number, "12.05") is a heading, so the table of contents lists it; any other clause is
    a div whose first paragraph starts with its number: <p><span class="cb-num">a)</span> ..."""
    if level <= 2 and (node.title or node.style == "decimal"):
        parts = [_heading(w, level + 1, f"{node.num} {node.title}", node)]
        parts += _blocks(w, node.blocks)
        parts += _referenced_by(w, node)
        for child in node.children:
            parts += _clause(w, child, level + 1)
        return parts
    opening = (f'<div class="clause cb-depth-{min(level, 6)}" data-cite="{text_html(node.cite)}" '
               f'data-short="{text_html(w.ctx.short(node))}" id="{w.anchor(node.anchor)}">')
    number = f'<span class="cb-num">{text_html(node.num)}</span>'
    if node.title:
        number += f" <strong>{text_html(node.title)}</strong>"
    inner = _blocks(w, node.blocks, lead=number, nested=True)
    inner += _referenced_by(w, node)
    for child in node.children:
        inner += _clause(w, child, level + 1)
    return [opening, *inner, "</div>"]


def _blocks(w: _Writer, blocks: list[Block], lead: str = "", nested: bool = False) -> list[str]:
    """A node's blocks as HTML elements. `lead` (a clause's number) starts the first paragraph:
    "a) The Board recognizes ..." is one paragraph; before a table, list or sub-heading the number
    is a paragraph of its own. Consecutive bullets are one list."""
    parts: list[str] = []
    opens_with_paragraph = bool(blocks) and blocks[0].kind not in NOT_PARAGRAPHS
    if lead and not opens_with_paragraph:
        parts.append(f"<p>{lead}</p>")
        lead = ""
    items: list[str] = []
    for i, block in enumerate(blocks):
        if block.kind == "bullet":
            items.append(f"<li>{linked_html(block, w.ctx)}</li>")
            if i + 1 == len(blocks) or blocks[i + 1].kind != "bullet":
                parts.append("<ul>\n" + "\n".join(items) + "\n</ul>")
                items = []
        elif block.kind == "table":
            parts.append(_table(block, nested))
        elif block.kind == "pre":
            parts.append(_pre(block, nested))
        elif block.kind == "subheading":
            parts.append(f'<p class="cb-subheading">{linked_html(block, w.ctx)}</p>')
        else:  # a paragraph ("para", "closing"); one with no text is not written
            text = linked_html(block, w.ctx)
            if lead:
                parts.append(f"<p>{lead}\n{text}</p>" if text else f"<p>{lead}</p>")
                lead = ""
            elif text:
                parts.append(f"<p>{text}</p>")
    return parts


def _table(block: Block, nested: bool) -> str:
    """A table as written by the source, cells escaped; the first row a header row if marked.
    Written as Python-Markdown wrote it (see RAW_AT_TOP_LEVEL): one line at the top level, one
    element a line inside a clause."""
    rows = []
    for n, row in enumerate(block.rows):
        cell = "th" if block.header and n == 0 else "td"
        rows.append([f"<{cell}>{html(c)}</{cell}>" for c in row])
    if nested:
        lines = "".join("<tr>\n" + "\n".join(cells) + "\n</tr>\n" for cells in rows)
        return f'<div class="cb-table">\n<table>\n{lines}</table>\n</div>'
    line = "".join("<tr>" + "".join(cells) + "</tr>" for cells in rows)
    return f'<div class="cb-table" {RAW_AT_TOP_LEVEL}><table>{line}</table></div>\n'


def _pre(block: Block, nested: bool) -> str:
    """Preformatted text (a wage grid pasted with its tabs): blank lines dropped, escaped, tabs
    expanded to the columns the Markdown page had (PRE_OPENING_AS_MARKDOWN)."""
    text = html("\n".join(line for line in block.text.split("\n") if line.strip()))
    expanded = (PRE_OPENING_AS_MARKDOWN + text).expandtabs(PRE_TAB_SIZE)[len(PRE_OPENING_AS_MARKDOWN):]
    if nested:
        return f'<pre class="cb-pre">{expanded}</pre>'
    return f'<pre class="cb-pre" {RAW_AT_TOP_LEVEL}>{expanded}</pre>\n'


def _referenced_by(w: _Writer, node: Node) -> list[str]:
    """"Referenced by 2.01, 12.10" (the clauses citing this one) and "Discussed in" (bulletins)."""
    parts = []
    if node.referenced_by:
        links = ", ".join(f'<a href="{text_html(w.ctx.href(cite))}">{text_html(cite)}</a>'
                          for cite in node.referenced_by)
        parts.append(f'<p class="cb-refby">Referenced by {links}</p>')
    if node.discussed_in:
        from .pages import _date  # noqa: PLC0415 - "July 1, 2006"; pages imports this module

        links = "; ".join(f'<a href="{text_html(w.ctx.root + d.path)}">{text_html(d.title)}, '
                          f'{text_html(_date(d.date))}</a>' for d in node.discussed_in)
        parts.append(f'<p class="cb-refby cb-discussed">Discussed in {links}</p>')
    return parts


def _definitions(doc: Document, unit: Node, ctx: PageContext, w: _Writer) -> list[str]:
    """The hidden definitions of every term used on the page, once each, at its end: the text
    a term's tooltip shows and screen readers read (aria-describedby="def-...")."""
    found = entries(doc)
    parts = []
    for entry in (found[e] for e in used_entries(unit) if e in found):
        paragraphs = []
        for d in entry.definitions:
            lead = ""
            if not starts_with_term(d):
                also = f" ({text_html(', '.join(d.aliases))})" if d.aliases else ""
                lead = f"<strong>{text_html(d.term)}</strong>{also}: "
            href = cite_href(ctx, d.cite)
            paragraphs.append(f'<p>{lead}{text_html(d.text)} <a class="cb-def-link" href="{text_html(href)}">'
                              f"Defined in {text_html(cite_label(d.cite))}</a></p>")
        parts.append(f'<div class="cb-def" hidden="hidden" id="{w.anchor("def-" + entry.id)}">\n'
                     + "\n".join(paragraphs) + "\n</div>")
    return parts
