"""Escaping text for Markdown and HTML: character by character, no parsing of the prose.

Every character that Python-Markdown or an enabled extension could read as markup is escaped,
so a source's text is always shown as text: raw `<script>` becomes `&lt;script&gt;`, a line
starting "1." stays a paragraph, "{: #x }" stays literal.
"""
from __future__ import annotations

import json
import re
from urllib.parse import quote

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


# markupsafe.escape's five replacements, as a table: the same text without a Markup object a call
ATTR = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&#34;", ord("'"): "&#39;"}


def attr(text: str) -> str:
    """Text -> a value safe inside a double-quoted attribute of a raw HTML tag."""
    return " ".join(str(text).split()).translate(ATTR)


def md_attr(text: str) -> str:
    """Text -> a value inside a double-quoted attr_list attribute (`{: data-cite="..." }`) or a
    Markdown link title. Python-Markdown parses links and emphasis inside those *before* it reads
    them as attributes, so `[a](javascript:x)` there would become a live link: Markdown's syntax
    is backslash-escaped (Python-Markdown removes the backslashes in the attribute) and & < > "
    are entities. The same as md()."""
    return md(text)


def html(text: str) -> str:
    """Text -> HTML-escaped text (tables and preformatted blocks are written as HTML)."""
    return str(html_escape(str(text)))


# ------------------------------------------------------------------ text handed to MkDocs/Material
#
# MkDocs' Jinja environment does not autoescape, and Material prints nav titles, page titles,
# the site name and tags as they are. So everything we hand to MkDocs is already HTML: text with
# & < > " escaped (an apostrophe is harmless in text and in Material's double-quoted attributes,
# and "Employees' Union" stays readable in tooltips that Material escapes once more).

TEXT_HTML = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;"}


def text_html(text: str) -> str:
    """Text -> the HTML that shows it, on one line: for nav titles, page titles, tags, site name."""
    return " ".join(str(text).split()).translate(TEXT_HTML)


def text_piece_html(text: str) -> str:
    """Like text_html, for a piece of a line between links: a space at either edge is kept (as
    md_piece does for Markdown)."""
    core = text_html(text)
    if not core:
        return " " if text[:1].isspace() else ""
    return (" " if text[:1].isspace() else "") + core + (" " if text[-1:].isspace() else "")


def front_matter(text: str) -> str:
    """Text -> a YAML double-quoted scalar holding its HTML (text_html), for `title:` and `tags:`
    of a generated page. YAML escapes what JSON would not (C1 controls, astral characters)."""
    value = text_html(text)
    if _YAML_PLAIN.fullmatch(value):
        return f'"{value}"'  # nothing YAML escapes: what safe_dump writes, without its emitter
    import yaml

    return yaml.safe_dump(value, default_style='"', allow_unicode=True,
                          width=float("inf")).strip()


# Characters PyYAML's emitter writes as they are in a double-quoted scalar (allow_unicode): the
# printable ones, less " \ and the BOM, NEL and line/paragraph separators it escapes.
_YAML_PLAIN = re.compile("[\x20\x21\x23-\x5b\x5d-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")


# ------------------------------------------------------------------ URLs

LINK_SCHEMES = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
# Kept as they are: letters, digits and the URL delimiters that cannot end a Markdown link or an
# attribute. Everything else (space, quotes, brackets, backslash, controls, non-ASCII) is
# percent-encoded, so "https://x/a'b(c)" stays one link: https://x/a%27b%28c%29.
URL_SAFE = "/:?#&=%@+,;~!$*-._"


def safe_url(url: str) -> str:
    """An http(s) or mailto URL, percent-encoded so it is one token in Markdown and in a quoted
    attribute; "" for anything else (javascript:, data:, a relative path, "java\\tscript:")."""
    encoded = quote(str(url).strip(), safe=URL_SAFE)
    return encoded if LINK_SCHEMES.match(encoded) else ""


# ------------------------------------------------------------------ JSON files and scripts

JSON_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_text(data, indent: int | None = None, compact: bool = False) -> str:
    """JSON whose text contains no < > & (written as \\u003c...): the same data to any parser, and
    safe if a browser sniffs the file as HTML or a page embeds it in a <script>."""
    text = json.dumps(data, ensure_ascii=False, indent=indent,
                      separators=(",", ":") if compact else None)
    for char, escaped in JSON_UNSAFE.items():
        text = text.replace(char, escaped)  # these characters occur only inside JSON strings
    return text
