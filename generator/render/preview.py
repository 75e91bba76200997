"""What a link preview shows for a clause: its title line and its own opening words.

Messaging apps build a preview from the page's <meta> tags without running its script or following
a meta refresh, so the short-URL redirect pages and the unit pages carry these themselves.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Node
from .escape import attr

DESCRIPTION_CHARS = 200
PROSE_KINDS = ("para", "subheading", "closing")  # not tables or preformatted blocks


@dataclass
class Preview:
    """Plain text (escaped where it is written): "12.05 – Settling of Grievance · Sooke 2006–2010"."""

    title: str
    description: str
    url: str = ""  # og:url, the short URL, absolute; "" when the site's address is unknown
    canonical: str = ""  # the clause on its page ("…/article-12/#cl-12-05"), absolute, or ""
    image: str = ""  # og:image, the article's card, absolute, or ""
    image_alt: str = ""  # what the card says, as text


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


# ------------------------------------------------------------------------ how a clause is cited

def cite_name(kind: str, title: str, short_title: str = "") -> str:
    """The document as a grievance form names it, decided by its kind (front matter, not words
    guessed from its text): an agreement is its short title + " Collective Agreement"
    ("Sooke 2006–2010 Collective Agreement"), or its title when it has no short one; a name that
    already says "agreement" is kept as it is. Bylaws (and any other kind) say their own name."""
    name = " ".join((short_title or title).split())
    if kind == "agreement" and "agreement" not in name.lower():
        return f"{name} Collective Agreement"
    return name


# ------------------------------------------------------------------------ cards and QR codes

@dataclass
class SharedAssets:
    """What share.publish_share_assets made for the pages being built (read by data.py's
    redirect pages and, through config.extra["clausebook_share"], by theme/main.html)."""

    cards: dict = field(default_factory=dict)  # "sooke-2006/article-12/" -> CardImage
    names: dict = field(default_factory=dict)  # slug -> cite_name(...)
    qr_base: str = ""  # the site address the QR codes encode; "" when there are none
    qr: dict = field(default_factory=dict)  # "sooke-2006/12.05/qr.svg" -> its SVG (render/qr.py)


LAST = SharedAssets()
CARD_SIZE = (1200, 630)  # what link previewers show best (1.91:1); generator/render/cards.py draws it


def use_shared(assets: SharedAssets) -> None:
    """What this build's share.publish_share_assets made, for the redirect pages."""
    global LAST
    LAST = assets


def card_fields(page: str, site_url: str) -> dict:
    """Preview(image=…, image_alt=…) for a page's card ("sooke-2006/article-12/"): absolute, so
    {} without a site address or a card."""
    card = LAST.cards.get(page)
    if card is None or not site_url:
        return {}
    return {"image": site_url + card.path, "image_alt": card.alt}


def image_tags(preview: Preview) -> str:
    """og:image with its size and alt text, and twitter:image, every value escaped."""
    if not preview.image:
        return ""
    tags = [("property", "og:image", preview.image), ("property", "og:image:type", "image/png"),
            ("property", "og:image:width", str(CARD_SIZE[0])),
            ("property", "og:image:height", str(CARD_SIZE[1])),
            ("property", "og:image:alt", preview.image_alt), ("name", "twitter:image", preview.image),
            ("name", "twitter:image:alt", preview.image_alt)]
    return "".join(f"<meta {kind}=\"{key}\" content=\"{attr(value)}\">\n" for kind, key, value in tags)


def twitter_card(preview: Preview) -> str:
    """A large image card when there is an image, else the small summary card."""
    return "summary_large_image" if preview.image else "summary"
