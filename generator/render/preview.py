"""What a link preview shows for a clause: its title line and its own opening words.

Messaging apps build a preview from the page's <meta> tags without running its script or following
a meta refresh, so the short-URL redirect pages and the unit pages carry these themselves.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Node

DESCRIPTION_CHARS = 200
PROSE_KINDS = ("para", "subheading", "closing")  # not tables or preformatted blocks


@dataclass
class Preview:
    """Plain text (escaped where it is written): "12.05 – Settling of Grievance · Sooke 2006–2010"."""

    title: str
    description: str
    url: str = ""  # og:url, the short URL, absolute; "" when the site's address is unknown
    canonical: str = ""  # the clause on its page ("…/article-12/#cl-12-05"), absolute, or ""


def preview_title(cite: str, title: str, agreement: str) -> str:
    """ "12.05 – Settling of Grievance · Sooke 2006–2010"; a clause without a title: "12.05 · Sooke"."""
    label = " – ".join(x for x in (cite, title) if x)
    return f"{label} · {agreement}" if agreement else label


def opening_words(node: Node, limit: int = DESCRIPTION_CHARS) -> str:
    """The clause's own text (its paragraphs, then its sub-clauses'), whitespace collapsed, cut at
    the last whole word before `limit` characters with "…". A sub-clause's title is part of its
    words (definitions: "BOARD means the College Board."); the clause's own is in og:title. A
    table ends the words ("…the following annual vacation: …"): its cells read as noise."""
    words: list[str] = []
    size = 0
    for text in _texts(node):
        if text is None:
            if words:
                return " ".join(words) + " …"
            continue
        for word in text.split():
            if size + len(word) + 1 > limit:
                return " ".join(words).rstrip(",;:") + "…"
            words.append(word)
            size += len(word) + 1
    return " ".join(words)


def _texts(node: Node):
    """The prose of a node and its descendants in order, each descendant's title first; None
    for a table or preformatted block."""
    for part in node.walk():
        if part is not node and part.title:
            yield part.title
        for block in part.blocks:
            yield block.text if block.kind in PROSE_KINDS else None


def absolute(site_url: str, path: str) -> str:
    """site_url (ending in "/") + a path relative to the site root; "" when site_url is unknown,
    since a relative og:url or canonical is worse than none (previewers do not resolve it)."""
    return site_url + path if site_url else ""
