"""Unit headings: the lines that open an article, section, schedule, appendix, letter, addendum.

A heading is recognised by its words and numbering, never by the '#' marks of the conversion.
Upper-case keywords ("ARTICLE 12:", "SCHEDULE 'A'") open units; mixed-case ones ("Article 8
Hours of Work" inside a Rockies letter) are references to a unit unless the parser allows them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE = "\"'“”‘’"
ARTICLE = re.compile(r"^(ARTICLE)\s+(?:NO\.?\s*)?([A-Z]\.\s?\d+|\d+)(?![.\d])\s*[:.\-–—]?\s*(.*)$",
                     re.IGNORECASE)
SECTION = re.compile(r"^(SECTION)\s+([A-Z])(?![\w.])\s*[:\-–—]?\s*(.*)$")
NAMED = re.compile(rf"^(SCHEDULE|APPENDIX|ADDENDUM)\s+[{QUOTE}]?([A-Z0-9]{{1,3}})[{QUOTE}]?(?![\w.])\s*[:\-–—]?\s*(.*)$",
                   re.IGNORECASE)
LETTER = re.compile(r"^(LETTER\s+OF\s+(?:UNDERSTANDING|INTENT|AGREEMENT))\s*(\d{4})?\s*(?:NO\.?|NUMBER|#)?\s*"
                    r"(\d{1,3})(?:\s*\.?\s*([A-Za-z])\b)?\s*[:\-–—]?\s*(.*)$", re.IGNORECASE)
ATTACHED_TO_LETTER = re.compile(r"^to\s+(?:\w+\s+)?Letter\s+of\s+Understanding\s+(?:No\.?\s*|#\s*)?(\d{1,3})\b",
                                re.IGNORECASE)
MOU = re.compile(r"^MEMORANDUM\s+OF\s+(?:UNDERSTANDING|AGREEMENT)\s*(?:NO\.?\s*|#\s*)?(\d*)\s*$", re.IGNORECASE)
PART = re.compile(r"^(PREAMBLE|SIGNATURES)\b[:.]?\s*(.*)$")
LETTER_GROUP = re.compile(r"^(?:(LOCAL|PROVINCIAL)\s+)?LETTERS\s+OF\s+(?:UNDERSTANDING|INTENT)", re.IGNORECASE)
MAX_HEADING_WORDS = 16


@dataclass
class Heading:
    """A recognised unit heading. `cite` is the unit's citation ("12", "A.6", "LOU 3.A")."""

    kind: str  # article | section | schedule | appendix | addendum | lou | mou | part | group
    cite: str
    title: str
    upper: bool  # the keyword was printed in capitals (a strong heading)
    attached_to: str = ""  # "LOU 9" for "Appendix A to Letter of Understanding No. 9"
    note: str = ""
    keeps_line: bool = False  # the heading line is also text ("IN WITNESS WHEREOF the Corporate Seal ...")


def read_heading(text: str) -> Heading | None:
    """Recognise a unit heading in a cleaned, stripped line; None for anything else."""
    text = text.strip().strip("*").strip()
    if text.upper().startswith("IN WITNESS WHEREOF"):
        return Heading("part", "Signatures", "", True, keeps_line=True)
    if not text or len(text.split()) > MAX_HEADING_WORDS or text.endswith((";", ",")):
        return None
    for reader in (_article, _section, _named, _letter, _mou, _part, _group):
        heading = reader(text)
        if heading:
            return heading
    return None


def _article(text: str) -> Heading | None:
    match = ARTICLE.match(text)
    if not match or match.group(3).endswith("."):
        return None
    return Heading("article", match.group(2).replace(" ", "").upper(), _title(match.group(3)),
                   match.group(1).isupper())


def _section(text: str) -> Heading | None:
    match = SECTION.match(text)
    if not match:
        return None
    return Heading("section", f"Section {match.group(2)}", _title(match.group(3)), True)


def _named(text: str) -> Heading | None:
    match = NAMED.match(text)
    if not match:
        return None
    kind, num, rest = match.group(1).lower(), match.group(2).upper(), match.group(3)
    attached = ATTACHED_TO_LETTER.match(rest)
    heading = Heading(kind, f"{kind.capitalize()} {num}", _title(rest), match.group(1).isupper())
    if attached:
        heading.attached_to = f"LOU {attached.group(1)}"
        heading.cite = f"{heading.attached_to} {heading.cite}"
        heading.title = _title(rest[attached.end():])
    return heading


def _letter(text: str) -> Heading | None:
    match = LETTER.match(text)
    if not match:
        return None
    year, num, sub, rest = match.group(2), match.group(3), match.group(4), match.group(5)
    cite = f"LOU {year}-{num}" if year else f"LOU {num}"
    if sub and sub.isalpha() and len(sub) == 1:
        cite += f".{sub.upper()}"
    return Heading("lou", cite, _title(rest), match.group(1).isupper())


def _mou(text: str) -> Heading | None:
    match = MOU.match(text)
    if not match:
        return None
    cite = f"MOU {match.group(1)}" if match.group(1) else "MOU"
    return Heading("mou", cite, "", text.isupper())


def _part(text: str) -> Heading | None:
    match = PART.match(text)
    if not match:
        return None
    word = match.group(1)
    if match.group(2):
        return None
    return Heading("part", word.capitalize(), "", True)


def _group(text: str) -> Heading | None:
    match = LETTER_GROUP.match(text)
    if not match:
        return None
    return Heading("group", "", _title(text), text.isupper())


def _title(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(f" \t-–—:{QUOTE}*")
