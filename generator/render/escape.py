"""Escaping text for Markdown and HTML: character by character, no parsing of the prose.

Every character that Python-Markdown or an enabled extension could read as markup is escaped,
so a source's text is always shown as text: raw `<script>` becomes `&lt;script&gt;`, a line
starting "1." stays a paragraph, "{: #x }" stays literal.
"""
from __future__ import annotations

from markupsafe import escape as html_escape

# Python-Markdown's own escapable characters (markdown.Markdown.ESCAPED_CHARS); the site enables
# no extension that adds inline syntax (no tables, tilde, caret, mark), so these are all.
BACKSLASHED = "\\`*_{}[]()>#+-.!"
HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
TABLE = {ord(c): "\\" + c for c in BACKSLASHED}
TABLE.update({ord(c): v for c, v in HTML.items()})
TABLE[ord("\t")] = " "


def md(text: str) -> str:
    """Text -> Markdown that renders exactly this text (one paragraph line)."""
    return " ".join(str(text).split()).translate(TABLE)


def md_piece(text: str) -> str:
    """Like md, for a piece of a line between links: a space at either edge is kept."""
    core = md(text)
    if not core:
        return " " if text[:1].isspace() else ""
    return (" " if text[:1].isspace() else "") + core + (" " if text[-1:].isspace() else "")


def attr(text: str) -> str:
    """Text -> a value safe inside a double-quoted HTML or attr_list attribute."""
    return str(html_escape(" ".join(str(text).split())))


def html(text: str) -> str:
    """Text -> HTML-escaped text (tables and preformatted blocks are written as HTML)."""
    return str(html_escape(str(text)))
