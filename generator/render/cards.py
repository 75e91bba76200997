"""The card image a link preview shows for an article: 1200x630 PNG, drawn with Pillow.

One card per unit page (article, schedule, letter of understanding): the agreement as a grievance
form names it, the unit's label and title in large type, and the local's name. A card's file name
is a hash of everything drawn (the strings, the size, the fonts and CARD_VERSION), so an unchanged
article is never redrawn (the cache lives in build/cards/, outside site/) and a changed title gets
a new address, which previewers that cache images by URL then fetch afresh.

Drawing never stops the build: a card that fails is a located warning and its page ships without
og:image. Text the font cannot draw is drawn as the font's blank box, never an exception.
"""
from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from ..model import Problem
from .preview import CARD_SIZE

CARD_VERSION = "1"  # bump when the layout changes: every card is redrawn
WIDTH, HEIGHT = CARD_SIZE
SITE_FOLDER = "assets/cards"  # where the cards are published, relative to the site root
MARGIN = 72
INK = (33, 33, 33)
MUTED = (90, 90, 90)
RED = (183, 28, 28)  # Material red 900: the site's header colour family, 8:1 on white
BAND = (198, 40, 40)  # the header red (clausebook.css --md-primary-fg-color)
WHITE = (255, 255, 255)
ELLIPSIS = "…"

# DejaVu is on most Linux machines (Debian/Ubuntu runners included) and covers Latin, Greek,
# Cyrillic and more; elsewhere Pillow's own scalable font (Latin) is used.
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")
FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}


@dataclass(frozen=True)
class Card:
    """What one card says, as plain text: "Sooke 2006–2010 Collective Agreement",
    "Article 12", "GRIEVANCE PROCEDURE", "CUPE Local 459"."""

    agreement: str
    label: str
    title: str
    local: str

    @property
    def alt(self) -> str:
        """The image's alt text: what is drawn, in reading order."""
        heading = " – ".join(x for x in (self.label, self.title) if x)
        return " · ".join(x for x in (heading, self.agreement, self.local) if x)


@dataclass(frozen=True)
class CardImage:
    """A drawn card: its path relative to the site root ("assets/cards/<hash>.png") and alt text."""

    path: str
    alt: str
    width: int = WIDTH
    height: int = HEIGHT


# ------------------------------------------------------------------------------------ fonts

def font_file(weight: str) -> str:
    """The path of the DejaVu font of that weight, or "" (then Pillow's default font is used)."""
    for folder in FONT_DIRS:
        path = Path(folder) / FONT_FILES[weight]
        if path.is_file():
            return str(path)
    return ""


@lru_cache(maxsize=None)
def load_font(weight: str, size: int):
    path = font_file(weight)
    if path:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            pass
    return ImageFont.load_default(size=size)


# ------------------------------------------------------------------------------------ layout

def drawable(text: str, font) -> str:
    """Text the font can take: a FreeType font draws any character (a missing glyph is a box);
    Pillow's bitmap fallback font (no FreeType) only takes Latin-1, so the rest become "?"."""
    if isinstance(font, ImageFont.FreeTypeFont):
        return text
    return text.encode("latin-1", "replace").decode("latin-1")


def wrap(text: str, font, width: int, max_lines: int) -> list[str]:
    """Lines of `text` no wider than `width` pixels, at most `max_lines`; when it does not fit,
    the last line ends with "…" (cut at a word when one fits, else mid-word). A word wider than
    the line is broken at characters."""
    words = " ".join(drawable(text, font).split()).split(" ")
    lines: list[str] = []
    line = ""
    for word in (w for w in words if w):
        for piece in _pieces(word, font, width):
            candidate = f"{line} {piece}" if line else piece
            if font.getlength(candidate) <= width:
                line = candidate
                continue
            lines.append(line)
            line = piece
            if len(lines) == max_lines:
                return lines[:-1] + [_ellipsis(lines[-1], font, width)]
    if line:
        lines.append(line)
    return lines


def _pieces(word: str, font, width: int) -> list[str]:
    """The word, or its parts no wider than the line when it alone is wider."""
    if font.getlength(word) <= width:
        return [word]
    pieces, piece = [], ""
    for char in word:
        if piece and font.getlength(piece + char) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return pieces + [piece] if piece else pieces


def _ellipsis(line: str, font, width: int) -> str:
    """The line with "…" at its end, shortened (a word at a time, else a letter) until it fits."""
    while line and font.getlength(line + ELLIPSIS) > width:
        line = line.rsplit(" ", 1)[0] if " " in line.strip() else line[:-1]
    return line.rstrip(" ,;:–-") + ELLIPSIS


# ------------------------------------------------------------------------------------ drawing

def draw_card(card: Card) -> bytes:
    """The card as a small PNG (a 16-colour palette: ~15 KB)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 14), fill=BAND)
    inner = WIDTH - 2 * MARGIN
    y = 64
    small = load_font("regular", 34)
    for line in wrap(card.agreement, small, inner, 2):
        draw.text((MARGIN, y), line, font=small, fill=MUTED)
        y += 46
    y += 30
    label = load_font("bold", 60)
    for line in wrap(card.label, label, inner, 1):
        draw.text((MARGIN, y), line, font=label, fill=RED)
        y += 78
    title = load_font("bold", 64)
    for line in wrap(card.title, title, inner, 3):
        draw.text((MARGIN, y), line, font=title, fill=INK)
        y += 80
    footer = load_font("regular", 32)
    draw.rectangle((0, HEIGHT - 96, WIDTH, HEIGHT), fill=BAND)
    for line in wrap(card.local, footer, inner, 1):
        draw.text((MARGIN, HEIGHT - 68), line, font=footer, fill=WHITE)
    out = io.BytesIO()
    # 16 colours (white, two reds, two greys and their anti-aliased edges) and zlib level 6:
    # ~15 KB in ~30 ms; median-cut and `optimize` save 10% of the bytes for 5x the time.
    image.quantize(colors=16, method=Image.Quantize.FASTOCTREE).save(out, "PNG", compress_level=6)
    return out.getvalue()


def card_key(card: Card) -> str:
    """The card's file name without ".png": a hash of all that decides its pixels."""
    data = [CARD_VERSION, WIDTH, HEIGHT, card.agreement, card.label, card.title, card.local,
            font_file("regular"), font_file("bold")]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()[:20]


def ensure_card(card: Card, cache_dir: Path, draw: Callable[[Card], bytes] = draw_card) -> Path:
    """The cached PNG of the card, drawn only when no card with the same key exists."""
    path = cache_dir / f"{card_key(card)}.png"
    if not path.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".tmp")
        partial.write_bytes(draw(card))
        partial.replace(path)  # never a half-written card in the cache
    return path


# ------------------------------------------------------------------------------------ publishing

@dataclass(frozen=True)
class PlannedCard:
    """A unit page's card and where a failure to draw it is reported."""

    page: str  # "sooke-2006/article-12/"
    card: Card
    source: str  # "content/agreements/sooke-2006.md"
    line: int


def publish_cards(planned: list[PlannedCard], docs_dir: Path, cache_dir: Path,
                  draw: Callable[[Card], bytes] = draw_card) -> tuple[dict[str, CardImage], list[Problem]]:
    """Every planned card, drawn into cache_dir unless already there, copied into
    docs_dir/assets/cards/ (MkDocs publishes it); cards no page uses any more are removed from
    there. Returns {page: CardImage} and a located warning for each card that failed."""
    folder = docs_dir / SITE_FOLDER
    cards: dict[str, CardImage] = {}
    problems: list[Problem] = []
    for plan in planned:
        try:
            cached = ensure_card(plan.card, cache_dir, draw)
            published = folder / cached.name
            if not published.is_file():
                folder.mkdir(parents=True, exist_ok=True)
                published.write_bytes(cached.read_bytes())
        except Exception as err:  # noqa: BLE001 - a card never stops the site
            problems.append(Problem(plan.source, plan.line, f"the preview card of {plan.page} could not be "
                                    f"drawn ({type(err).__name__}: {err}): the page is shared without an image; "
                                    "report it with this line"))
            continue
        cards[plan.page] = CardImage(f"{SITE_FOLDER}/{cached.name}", plan.card.alt)
    used = {Path(c.path).name for c in cards.values()}
    for old in folder.glob("*.png") if folder.is_dir() else ():
        if old.name not in used:
            old.unlink()
    return cards, problems
