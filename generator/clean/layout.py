"""Layout damage a PDF converter leaves, repaired before the text is read as an agreement.

pdftotext marks page breaks with form feeds and prints each page's header and footer into the
text; Docling and pandoc leave their own markup. Each repair here keeps every word of the
agreement and records what it took away (furniture, fences, image placeholders, the split
pieces of a rejoined word) as an Artifact with its source line.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Artifact, Line

# --- before per-line cleaning: form feeds and converter fences -----------------------------------


@dataclass
class RawLine:
    """One source line, or one piece of a line a form feed cut in two (same line number)."""

    no: int
    text: str
    page_break: bool = False  # a form feed came right before this line


def split_form_feeds(lines: list[str], first_line: int) -> list[RawLine]:
    """Cut lines at form feeds (pdftotext page breaks): '\\fSection 4' starts a new page.

    The form feed goes; the text on either side is kept (a line cut in two gives two RawLines
    with the same number), and the break is remembered on the line after it, because page
    headers and footers are found next to it.
    """
    out: list[RawLine] = []
    pending = False
    for offset, raw in enumerate(lines):
        pieces = raw.split("\f")
        for k, piece in enumerate(pieces):
            pending = pending or k > 0
            if not piece.strip() and (k < len(pieces) - 1 or any(p.strip() for p in pieces[:k])):
                continue  # the empty side of a form feed: nothing to keep
            out.append(RawLine(first_line + offset, piece, pending))
            pending = False
    return out


# A pandoc raw block: "```{=html}" ... "```"; a fenced div "::: {.note}" ... ":::".
RAW_FENCE_OPEN = re.compile(r"^\s*(?:`{3,}|~{3,})\s*\{=\w+\}\s*$")
FENCE_CLOSE = re.compile(r"^\s*(?:`{3,}|~{3,})\s*$")
DIV_FENCE = re.compile(r"^\s*:{3,}\s*(?:\{[^}]*\}|[\w-]+)?\s*$")
# Docling's placeholder for a picture: "<!-- image -->".
IMAGE_COMMENT = re.compile(r"<!--\s*image\s*-->", re.IGNORECASE)


def converter_leftovers(lines: list[RawLine]) -> tuple[list[RawLine], list[Artifact]]:
    """Remove pandoc raw-block fences, fenced-div markers and Docling image placeholders.

    The content between fences stays (its HTML is unwrapped by clean_inline like any other).
    """
    removed: list[Artifact] = []
    in_raw = False
    for line in lines:
        text = line.text
        if RAW_FENCE_OPEN.match(text) or (in_raw and FENCE_CLOSE.match(text)) or DIV_FENCE.match(text):
            in_raw = bool(RAW_FENCE_OPEN.match(text))
            removed.append(Artifact("html-fragment", line.no, line.no, text.strip()))
            line.text = ""
            continue
        if IMAGE_COMMENT.search(text):
            removed.append(Artifact("image", line.no, line.no, "<!-- image -->"))
            line.text = IMAGE_COMMENT.sub(" ", text) if IMAGE_COMMENT.sub("", text).strip() else ""
    return lines, removed


# --- after per-line cleaning: page furniture --------------------------------------------------

KEYWORDS = ("article", "section", "schedule", "appendix", "step", "part", "clause", "letter",
            "exhibit", "attachment", "addendum", "memorandum")
KEYWORD_START = re.compile(r"^(?:%s)\b" % "|".join(KEYWORDS), re.IGNORECASE)
# "Page 6 of 40", "Page |1", "AFSCME – 2025-597   Page |1", "PAGE 12".
PAGE_LINE = re.compile(r"^(?:[^.]{0,40}?\s)?page\s*\|?\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
# "SSO -- 44", "CUPE - 7": a short upper-case label, a dash, the page number.
LABEL_PAGE = re.compile(r"^(?!(?:%s)\b)[A-Z][A-Z&.]{1,11}\s*(?:--|[-–—])\s*\d{1,4}" % "|".join(KEYWORDS),
                        re.IGNORECASE)
GLUED_PAGE = re.compile(r"^page\s*\|?\s*\d{1,4}(?:\s+of\s+\d{1,4})?", re.IGNORECASE)
LABEL_PAGE_LINE = re.compile(LABEL_PAGE.pattern + r"$", re.IGNORECASE)
DASHED_PAGE = re.compile(r"^[-–—]\s*\d{1,4}\s*[-–—]$")  # "- 14 -"
NUMBER_ONLY = re.compile(r"^\d{1,4}$")


def furniture_kind(text: str) -> str:
    """The kind of page furniture a whole line is, by its shape alone ('' if it is not)."""
    text = text.strip()
    if not text[-1:].isdigit() and text[-1:] not in ("-", "–", "—"):
        return ""  # each shape ends in a page number (\d is a kind of isdigit()) or, "- 14 -", a dash
    if PAGE_LINE.match(text) or DASHED_PAGE.match(text):
        return "page-number"
    if LABEL_PAGE_LINE.match(text) and text.upper() == text:
        return "page-header"
    return ""


def unglue_furniture(lines: list[Line]) -> list[Artifact]:
    """Cut a page header glued to the heading after it: 'SSO -- 44Section 3. Overtime',
    'Page 6 of 40ARTICLE 7'.

    Only when the label is upper case (or is 'Page n') and a capital letter follows the page
    number with no space (the converter ran two lines together); the heading is kept and the
    label recorded.
    """
    removed = []
    for line in lines:
        text = line.text.strip()
        match = GLUED_PAGE.match(text) or LABEL_PAGE.match(text)
        if not match or (match.re is LABEL_PAGE and match.group(0).upper() != match.group(0)):
            continue
        rest = text[match.end():]
        if rest[:1].isupper():
            removed.append(Artifact("page-header", line.no, line.no, match.group(0)))
            line.text = rest
    return removed + unglue_repeated_prefix(lines)


# "CITY MOU 2025ARTICLE 2 - B": text run into an upper-case heading keyword with no space between.
GLUED_HEADING = re.compile(r"^(\S.{1,58}?[^\s])(?=(?:ARTICLE|SECTION|PART|SCHEDULE|APPENDIX|CLAUSE|CHAPTER|"
                           r"EXHIBIT|ATTACHMENT|ADDENDUM|LETTER|MEMORANDUM|SIDE LETTER)\b)")


def _has_heading_word(text: str) -> bool:
    """Whether one of GLUED_HEADING's upper-case keywords is printed in the text (its pattern needs one)."""
    return any(word in text for word in GLUED_WORDS)


GLUED_WORDS = ("ARTICLE", "SECTION", "PART", "SCHEDULE", "APPENDIX", "CLAUSE", "CHAPTER", "EXHIBIT", "ATTACHMENT",
               "ADDENDUM", "LETTER", "MEMORANDUM")  # "SIDE LETTER" holds LETTER


def unglue_repeated_prefix(lines: list[Line]) -> list[Artifact]:
    """A running header that is never on a line of its own, only run into the heading after it at
    each page break ('CITY MOU 2025ARTICLE 2 - B', 'CITY MOU 2025ARTICLE 3 - C'): the same prefix
    glued to two or more headings is furniture; the headings are kept."""
    found = [(line, m.group(1)) for line in lines
             if _has_heading_word(line.text) and (m := GLUED_HEADING.match(line.text.strip()))]
    counts = Counter(prefix for _, prefix in found)
    removed = []
    for line, prefix in found:
        if counts[prefix] >= 2 and not prefix[-1].isupper():  # not "SUB" of "SUBARTICLE"
            removed.append(Artifact("running-header", line.no, line.no, prefix))
            line.text = line.text.strip()[len(prefix):]
    return removed


def page_furniture(lines: list[Line], breaks: set[int]) -> tuple[set[int], list[Artifact]]:
    """Running headers and footers: the same short line printed next to many page breaks.

    Page breaks are the form feeds, or, in a text without them, its 'Page 6 of 40' lines. Looks
    at the few lines on each side of every break; a text found there at three or more breaks is
    furniture ('Defence Housing Australia Enterprise Agreement 2021'), and so is a bare page
    number next to a break or to that furniture. The same furniture glued to the start of a
    heading is cut off it. Returns the indexes of the lines to drop and the artifacts.
    """
    edges = [(b - 1, b) for b in sorted(breaks)]  # (last line of a page, first line of the next)
    if edges:  # the last page's footer ends the text, with or without a form feed after it
        edges.append((len(lines) - 1, len(lines)))
    if len(edges) < 4:
        edges = [(i - 1, i + 1) for i, line in enumerate(lines) if furniture_kind(line.text) == "page-number"]
    if len(edges) < 3:
        return set(), []
    zones = [_zone(lines, before, -1) for before, _ in edges] + [_zone(lines, after, +1) for _, after in edges]
    counts = Counter(_key(lines[i].text) for zone in zones for i in set(zone))
    recurring = {key for key, n in counts.items() if n >= 3 and _may_be_furniture(key)}
    drop: set[int] = set()
    for zone in zones:
        for i in zone:  # from the break outward: stop at the first line of the page's text
            text = lines[i].text.strip()
            if _key(text) in recurring or NUMBER_ONLY.match(text) or furniture_kind(text):
                drop.add(i)
            else:
                break
    removed = [Artifact("page-number" if NUMBER_ONLY.match(lines[i].text.strip()) or
                        furniture_kind(lines[i].text) == "page-number" else "running-header",
                        lines[i].no, lines[i].no, lines[i].text.strip()) for i in sorted(drop)]
    return drop, removed + _unglue_recurring(lines, recurring, drop)


def _unglue_recurring(lines: list[Line], recurring: set[str], drop: set[int]) -> list[Artifact]:
    """'Defence Housing Australia Enterprise Agreement 2021PART A. TECHNICAL MATTERS': a running
    header run into the heading after it, with no space between."""
    removed = []
    for i, line in enumerate(lines):
        text = _key(line.text)
        for key in recurring:
            rest = text[len(key):]
            if i not in drop and text.startswith(key) and rest[:1].isupper() and not text[len(key) - 1:len(key)].isspace():
                removed.append(Artifact("running-header", line.no, line.no, key))
                line.text = rest
                break
    return removed


def _zone(lines: list[Line], start: int, step: int, size: int = 3) -> list[int]:
    """Indexes of up to `size` non-blank lines from start (going back or forward), nearest first."""
    out = []
    i = start
    while 0 <= i < len(lines) and len(out) < size:
        if lines[i].text.strip():
            out.append(i)
        i += step
    return out


WHITESPACE = re.compile(r"\s+")
THREE_LETTERS = re.compile(r"[A-Za-z]{3}")
LEADING_NUMBER = re.compile(r"^\(?[0-9A-Za-z]{1,3}(?:\.\d+)*[.)]\s")


def _key(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def _may_be_furniture(key: str) -> bool:
    """A running header is short text, not a heading, a clause number or a sentence."""
    words = key.split()
    return (2 <= len(words) <= 15 and bool(THREE_LETTERS.search(key))
            and not KEYWORD_START.match(key) and not key.endswith((".", ":", ";", ","))
            and not LEADING_NUMBER.match(key))


# --- words split by justification -----------------------------------------------------------------

# English words that are also pieces of a keyword: "Art", "Par", "Let"... A split is rejoined
# only when at least one piece is not a word ('Arti cle', 'Ste p', 'SECT ION').
PIECE_WORDS = {"a", "i", "at", "it", "me", "on", "ex", "pa", "ad", "add", "use", "let", "par", "art",
               "bit", "hi", "memo", "sect", "attach", "append", "part", "step", "end", "dum", "random", "and"}
WORD = re.compile(r"[A-Za-z]+")
KEYWORD_PREFIXES = {k[:i] for k in KEYWORDS for i in range(1, len(k) + 1)}
MAX_PIECES = 10  # "A R T I C L E 5": a letter-spaced heading is a keyword split into every letter
# What follows a keyword in a heading: "12", "XII", "A", "A.6", "“B”", "No. 3", "#3".
NUMERAL_AFTER = re.compile(r"^\s*(?:\d|[\"'“‘][A-Za-z0-9]|[A-Z](?![a-z])|[ivxlc]+\b|No\.|NO\.|#)")
# A keyword as a whole word, in either case, with or without single spaces between its letters:
# "Article", "Arti cle", "S E C T I O N". Every split keyword rejoin() joins is such a match with
# a space in it: its pieces are WORD runs one space apart, and no keyword starts another, so an
# unsplit match at the same place cannot hide it (tests/unit/test_clean_layout.py checks this).
SPLIT_KEYWORD = re.compile(r"(?<![A-Za-z])(?:%s)(?![A-Za-z])" % "|".join(
    " ?".join(f"[{c}{c.upper()}]" for c in keyword) for keyword in KEYWORDS))


def rejoin_split_keywords(lines: list[Line]) -> list[Artifact]:
    """'Arti cle X' -> 'Article X', 'Ste p 2' -> 'Step 2', 'SECT ION 3' -> 'SECTION 3',
    'A R T I C L E 5' -> 'ARTICLE 5'.

    Justified PDF text splits words with spaces. Only heading keywords are rejoined, only where
    a heading would have them (line start, or before a number), and only when the pieces are
    not all words themselves; each rejoin is recorded with the pieces as printed.
    """
    removed = []
    for line in lines:
        new, pieces = rejoin(line.text)
        if pieces:
            removed.append(Artifact("rejoined-word", line.no, line.no, "; ".join(pieces)))
            line.text = new
    return removed


def rejoin(text: str) -> tuple[str, list[str]]:
    """The text with split keywords joined, and the split forms found ('Arti cle')."""
    if not may_hold_split_keyword(text):
        return text, []  # most lines: no keyword printed with a space inside it
    return rejoin_words(text)


def may_hold_split_keyword(text: str) -> bool:
    """Whether some keyword is printed with a space inside it: rejoin_words finds nothing else."""
    return any(" " in match.group(0) for match in SPLIT_KEYWORD.finditer(text))


def rejoin_words(text: str) -> tuple[str, list[str]]:
    """rejoin() word by word: at each word, the longest run of pieces that spells a keyword."""
    words = list(WORD.finditer(text))
    out, pos, found, i = [], 0, [], 0
    while i < len(words):
        n = _split_keyword_at(text, words, i)
        if n:
            start, end = words[i].start(), words[i + n - 1].end()
            out.append(text[pos:start] + text[start:end].replace(" ", ""))
            found.append(text[start:end])
            pos = end
            i += n
        else:
            i += 1
    return ("".join(out) + text[pos:], found) if found else (text, [])


def _split_keyword_at(text: str, words: list[re.Match], i: int) -> int:
    """How many words from i make one split keyword (0 if none): pieces one space apart whose
    letters run on as a keyword's prefix, ending exactly on the keyword."""
    joined, n = "", 0
    while i + n < len(words) and n < MAX_PIECES:
        if n and text[words[i + n - 1].end():words[i + n].start()] != " ":
            break
        joined += words[i + n].group(0).lower()
        n += 1
        if joined not in KEYWORD_PREFIXES:
            break
        if n >= 2 and joined in KEYWORDS and _is_split(text, words[i:i + n]):
            return n
    return 0


def _is_split(text: str, run: list[re.Match]) -> bool:
    """One word's case, not all pieces words, and where a heading has its keyword."""
    pieces = [w.group(0) for w in run]
    start, end = run[0].start(), run[-1].end()
    return (_same_case(pieces) and not all(p.lower() in PIECE_WORDS for p in pieces)
            and (not text[:start].strip(" #-*\t") or bool(NUMERAL_AFTER.match(text[end:]))))


def _same_case(pieces: list[str]) -> bool:
    """'SECT ION' or 'Arti cle': one word's case, not two words ('A Part')."""
    whole = "".join(pieces)
    return whole.isupper() or (whole[0].isupper() and whole[1:].islower())
