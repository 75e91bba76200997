"""Numbering markers at the start of a line: "12.05", "a)", "(a)", "a.", "1.", "1)", "i.", "Step 3".

Markers are data: each style is one pattern. The '#' level and the indentation of the PDF text
are ignored (they are random); depth is decided later from the sequence of markers.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .citations import clean_num, is_roman

BULLET = re.compile(r"^(?:[-•●▪]\s*)+")
DECIMAL = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)\.?(?=\s|$|\()\s*(.*)$")
# "A.2 Higher duties": a decimal prefixed by its schedule's letter (Schedule A numbers A.1, A.2).
# Not a marker by itself: only a unit numbered by that letter reads it (parse.lettered_decimal);
# anywhere else ("C.24.2.1.4.1" inside a list of New Westminster's C.24) it stays text.
LETTERED_DECIMAL = re.compile(r"^([A-Z](?:\.\d{1,3})+)\.?(?=\s|$|\()\s*(.*)$")
PAREN = re.compile(r"^\(([A-Za-z]{1,5}|\d{1,2})\)\s*(.*)$")
CLOSE = re.compile(r"^([A-Za-z]{1,5}|\d{1,2})[.)](?=\s|$)\s*(.*)$")
BARE_NUMBER_AFTER_BULLET = re.compile(r"^(\d{1,2})\s+(?=[A-Za-z])(.*)$")
# "Step 3:", "Step Two", "STEP 1 -"; not "Step 2 may be waived ..." (Rockies 28.1: a sentence).
# "Step 5 and 6 - Same as Steps 3 and 4" (Rockies 22.6) opens Step 5; its text names Step 6.
STEP = re.compile(r"^(?i:step)\s+(\d{1,2}|(?i:one|two|three|four|five|six|seven|eight|nine|ten))\b"
                  r"(?:\s+(?:and|&)\s+\d{1,2}(?=\s*[:.\-–—]))?"
                  r"(?:\s*[:.\-–—)]\s*|\s*$|\s+(?=[A-Z(]))(.*)$")
# "Section 3.", "SECTION 3 -", "Sec. 7.2": a keyword clause (US agreements); a unit heading only
# where the document's profile makes Section its unit keyword (see tree/profile.py).
SECTION = re.compile(r"^(?:SECTION|Section|Sec\.)\s+(\d{1,3}(?:\.\d{1,3})*)(?![\d(])\.?(?:\s*[:\-–—]\s*|\s+|$)(.*)$")
# "(V) = (180 minutes) x (P)", "7.00 am", "1.2 x the rate": a formula, a time or an amount
FORMULA = re.compile(r"^(?:\(\w{1,4}\)|\d{1,3}(?:\.\d{1,3})+)\s*(?:[=×*+/]|x\s|(?:a\.?m|p\.?m)\b\.?)",
                     re.IGNORECASE)
WORD_NUMBERS = {w: str(i) for i, w in enumerate(
    "one two three four five six seven eight nine ten".split(), 1)}


@dataclass
class Marker:
    """One numbering marker. `styles` lists what it can be, most likely first ("i" may be roman or letter)."""

    styles: tuple[str, ...]
    value: str
    printed: str

    @property
    def style(self) -> str:
        return self.styles[0]


@dataclass
class Marked:
    """A line split into its markers (combined markers like "b) 1." give two) and the rest."""

    markers: list[Marker]
    rest: str
    bullet: bool


def read_markers(text: str) -> Marked:
    """Read the leading markers of a cleaned line; `markers` is empty for plain text.

    The outline plan and the builder both read each line: the reading is remembered by text for
    the document being parsed (see start_document), and each caller gets a copy of its own."""
    marked = _read_markers(text)
    return Marked([Marker(m.styles, m.value, m.printed) for m in marked.markers], marked.rest, marked.bullet)


def start_document() -> None:
    """Forget the markers read so far, so two documents never share a marker's strings (as
    headings.start_document says for headings)."""
    _read_markers.cache_clear()


@functools.lru_cache(maxsize=1 << 15)
def _read_markers(text: str) -> Marked:
    text = text.strip()
    bullet_match = BULLET.match(text)
    bullet = bool(bullet_match)
    if bullet_match:
        text = text[bullet_match.end():]
    markers: list[Marker] = []
    if FORMULA.match(text):
        return Marked(markers=[], rest=text, bullet=bullet)
    first = _decimal_or_step(text)
    if first:
        markers.append(first[0])
        text = first[1]
    while len(markers) < 3:
        found = _simple(text, bullet and not markers)
        if not found:
            break
        markers.append(found[0])
        text = found[1]
    return Marked(markers=markers, rest=text.strip(), bullet=bullet)


def _decimal_or_step(text: str) -> tuple[Marker, str] | None:
    match = DECIMAL.match(text)
    if match:
        return Marker(("decimal",), match.group(1), match.group(1)), match.group(2)
    match = SECTION.match(text)
    if match and not match.group(2)[:1].islower():
        return Marker(("section",), match.group(1), f"Section {match.group(1)}"), match.group(2)
    match = STEP.match(text)
    if match:
        word = match.group(1).lower()
        return Marker(("step",), WORD_NUMBERS.get(word, word), f"Step {match.group(1)}"), match.group(2)
    return None


def _simple(text: str, after_bullet: bool) -> tuple[Marker, str] | None:
    match = PAREN.match(text) or CLOSE.match(text)
    if not match and after_bullet:
        match = BARE_NUMBER_AFTER_BULLET.match(text)
    if not match:
        return None
    token, rest = match.group(1), match.group(2)
    styles = _styles(token)
    if not styles:
        return None
    printed = text[: len(text) - len(rest)].strip()
    return Marker(styles, clean_num(token), printed), rest


def _styles(token: str) -> tuple[str, ...]:
    """What a marker token can be: "a" letter; "iv" roman; "i" roman or letter; "12" number."""
    if token.isdigit():
        return ("number",)
    low = token.lower()
    if len(low) == 1:
        return ("roman", "letter") if is_roman(low) else ("letter",)
    if is_roman(low) and set(low) <= set("ivx"):
        return ("roman",)
    return ()
