"""Unit headings: the lines that open an article, section, part, schedule, exhibit, letter ...

One reader for any vocabulary and numeral system: a keyword (Article, Section, Part, Chapter,
Clause, Schedule, Appendix, Exhibit, Attachment, Addendum, Annex, Letter of Understanding /
Agreement / Intent, Side Letter, Memorandum of Understanding / Agreement), then a number
(arabic, roman in either case, a letter, `A.6`, `No. 3`, `#3`, `(17-1)`, a quoted letter), then
an optional separator (`–`, `—`, `-`, `:`, `.`) and a title. A heading is recognised by its
words and numbering, never by the '#' marks of the conversion. Whether a heading actually opens
a unit is decided later, over the whole document (tree/profile.py, tree/units.py): upper-case
keywords are strong; mixed-case ones ("Article 8 Hours of Work" inside a letter) only when they
continue the document's sequence.
"""
from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass

from .citations import is_roman, roman_to_int

QUOTE = "\"'“”‘’`"
# keyword (any case) -> unit kind. Longest alternatives first so "Side Letter" beats "Letter".
KEYWORDS = [
    (r"LETTERS?\s+OF\s+(?:UNDERSTANDING|AGREEMENT|INTENT)", "lou"),
    (r"SIDE\s+LETTER(?:\s+OF\s+AGREEMENT)?", "side-letter"),
    (r"LETTER(?=\s*(?:#|NO\.?\s*\d|NUMBER\s*\d))", "lou"),  # "LETTER #1" (Alberta), not "letter dated"
    (r"MEMORANDUM\s+OF\s+UNDERSTANDING", "mou"),
    (r"MEMORANDUM\s+OF\s+AGREEMENT", "moa"),
    (r"ARTICLE", "article"), (r"SECTION", "section"), (r"CLAUSE", "clause"), (r"PART", "part"), (r"CHAPTER", "chapter"),
    (r"SCHEDULE", "schedule"), (r"APPENDIX", "appendix"), (r"EXHIBIT", "exhibit"),
    (r"ATTACHMENT", "attachment"), (r"ADDENDUM", "addendum"), (r"ANNEXE?", "annex"),
]
KEYWORD = re.compile(r"^(?P<kw>" + "|".join(f"(?P<k{i}>{k})" for i, (k, _) in enumerate(KEYWORDS))
                     + r")(?![A-Za-z])", re.IGNORECASE)
# The numeral after the keyword. Order matters: "A.6" before "A", "7.00" before "7".
NUMERAL = re.compile(
    r"^\s*(?:(?:NO|NUMBER|NUM)\.?\s*|#\s*)?"
    r"(?:(?P<year>(?:19|20)\d\d)\s*(?:NO\.?|NUMBER|#|-)?\s*(?=\d))?"
    r"(?P<q>[" + QUOTE + r"]{1,2})?"
    r"(?P<num>\(\d{1,3}-\d{1,3}\)"                      # (17-1)
    r"|[A-Z]\.\d{1,3}(?!\.?\d)"                             # A.6
    r"|\d{1,3}(?:\.0{1,3})?(?!\.?\d)"                      # 7, 7.00, 7.000
    r"|[IVXLC]{1,7}(?![A-Za-z])|[ivxlc]{1,7}(?![A-Za-z])"  # XII, xii
    r"|[A-Z](?![A-Za-z])|[a-z](?![A-Za-z]))"               # A, a
    r"(?P<q2>[" + QUOTE + r"]{1,2})?",
    re.IGNORECASE)
LOU_SUFFIX = re.compile(r"^\s*\.?\s*([A-Za-z])\b(?![.'’])")  # "LETTER OF UNDERSTANDING NO. 3. a"
SEPARATOR = re.compile(r"^\s*[:.\-–—]+\s*|^\s+")
ATTACHED_TO_LETTER = re.compile(r"^to\s+(?:\w+\s+)?Letter\s+of\s+Understanding\s+(?:No\.?\s*|#\s*)?(\d{1,3})\b",
                                re.IGNORECASE)
LEAD_NUMBER = re.compile(r"^(\d{1,3})\.\s+(?=[A-Z])")  # "1. SECTION 1: SCOPE" (Austrade)
PART = re.compile(r"^(PREAMBLE|SIGNATURES)\b[:.]?\s*(.*)$")
LETTER_GROUP = re.compile(r"^(?:(LOCAL|PROVINCIAL)\s+)?LETTERS\s+OF\s+(?:UNDERSTANDING|INTENT)", re.IGNORECASE)
MAX_HEADING_WORDS = 16
ARABIC_KINDS = {"article", "chapter", "section", "part", "clause"}  # roman numerals become arabic
CITE_PREFIX = {"lou": "LOU", "side-letter": "Side Letter", "mou": "MOU", "moa": "MOA"}

ARABIC = re.compile(r"\d+(?:\.0+)?")  # "7", "7.00"
NUMBER_RANGE = re.compile(r"\d+-\d+")
LETTERED = re.compile(r"[A-Za-z]\.\d+")
WHITESPACE = re.compile(r"\s+")


@dataclass
class Heading:
    """A recognised unit heading. `cite` is the unit's citation ("12", "A.6", "LOU 3.A").

    `num` is the number as an arabic/letter value ("12" for "XII"); `numeral` says how it was
    printed (arabic | roman | letter | lettered | none) so the profile can follow sequences.
    """

    kind: str  # article | section | part | chapter | schedule | appendix | exhibit | lou | mou | ...
    cite: str
    title: str
    upper: bool  # the keyword was printed in capitals (a strong heading)
    attached_to: str = ""  # "LOU 9" for "Appendix A to Letter of Understanding No. 9"
    note: str = ""
    keeps_line: bool = False  # the heading line is also text ("IN WITNESS WHEREOF the Corporate Seal ...")
    num: str = ""
    numeral: str = ""
    printed_num: str = ""  # the numeral as printed ("XII")
    separated: bool = False  # a ':' or dash between number and title ("Article 1: purpose of agreement")


def read_heading(text: str) -> Heading | None:
    """Recognise a unit heading in a cleaned, stripped line; None for anything else.

    Each line is read several times (the profile, the builder, a title after a heading): the
    reading is remembered by text for the document being parsed (see start_document), and each
    caller gets a copy of its own (the builder changes a heading's citation)."""
    heading = _read_heading(text)
    return copy.copy(heading) if heading is not None else None


def start_document() -> None:
    """Forget the headings read so far: what read_heading remembers is one document's, so two
    documents never share a heading's strings. The preview's keys pickle several documents'
    citations together (serve_state.markdown_key), and pickle writes a string met twice once:
    objects shared between a fresh document and one from the cache would change those bytes."""
    _read_heading.cache_clear()


@functools.lru_cache(maxsize=1 << 15)
def _read_heading(text: str) -> Heading | None:
    text = _bare(text)
    if text[:len(WITNESS)].upper().startswith(WITNESS):  # upper() never shortens a text
        return Heading("part", "Signatures", "", True, keeps_line=True)
    if not text or len(text.split(None, MAX_HEADING_WORDS)) > MAX_HEADING_WORDS or text.endswith((";", ",")):
        return None  # more words than a heading has (split no further than that)
    return _keyword_heading(text) or _part(text) or _group(text)


WITNESS = "IN WITNESS WHEREOF"


def _bare(text: str) -> str:
    """Strip Markdown/HTML emphasis and a leading list number that repeats the heading's."""
    text = text.strip().lstrip("#").strip().strip("*_").strip()
    lead = LEAD_NUMBER.match(text)
    if lead:
        rest = text[lead.end():]
        kw = KEYWORD.match(rest)
        num = NUMERAL.match(rest[kw.end():]) if kw else None
        if num and num.group("num") == lead.group(1):
            text = rest
    return text


def _keyword_heading(text: str) -> Heading | None:
    kw_match = KEYWORD.match(text)
    if not kw_match:
        return None
    keyword = kw_match.group("kw")
    kind = next(KEYWORDS[i][1] for i in range(len(KEYWORDS)) if kw_match.group(f"k{i}"))
    upper = keyword.isupper()
    after = text[kw_match.end():]
    num_match = NUMERAL.match(after)
    if not num_match:
        return _bare_keyword(kind, keyword, after, upper)
    raw = num_match.group("num")
    rest = after[num_match.end():]
    if not _numeral_fits(raw, rest, kind, bool(num_match.group("q"))):
        return None
    num, numeral = normalise_numeral(raw, kind)
    sep = SEPARATOR.match(rest)
    if rest and not sep:
        return None  # "Article 12a", "Section 3(b)": a reference, not a heading
    rest = rest[sep.end():] if sep else ""
    if kind == "article" and rest.endswith("."):
        return None  # "Article 12.05 of this Agreement ... ." is a sentence
    heading = Heading(kind, "", _title(rest), upper, num=num, numeral=numeral, printed_num=raw,
                      separated=bool(sep) and bool(re.search(r"[:\-–—]", sep.group(0))))
    if num_match.group("year") and kind in CITE_PREFIX:
        # "LETTER OF UNDERSTANDING 2022 # 1" -> LOU 2022-1; "MEMORANDUM OF AGREEMENT 2022-01" keeps
        # its number as printed (MOA 2022-01), so it cannot collide with MOA 2021-01
        sep = after[num_match.start("year") + 4:num_match.start("num")]
        heading.num = f"{num_match.group('year')}-{raw if '-' in sep else num}"
    if kind == "lou":
        suffix = LOU_SUFFIX.match(rest)
        if suffix and not rest[suffix.end():].strip():
            heading.num += f".{suffix.group(1).upper()}"
            heading.title = ""
    heading.cite = unit_cite(kind, heading.num)
    _attach(heading, rest)
    return heading


def _numeral_fits(raw: str, rest: str, kind: str, quoted: bool) -> bool:
    """Reject readings that are words or references: "Part of the ...", "Section a)" ..."""
    if rest.startswith("(") and kind != "lou":
        return False  # "Section 3(b) of ..." is a reference
    if rest.startswith(")"):
        return False
    if raw.isalpha() and len(raw) == 1 and not quoted and raw.islower() and kind != "lou" \
            and not (kind in ARABIC_KINDS and raw in "ivx"):
        return False  # "part a" in prose; lower-case single letters only when quoted ("Chapter i" is roman)
    if raw.isalpha() and len(raw) > 1 and not is_roman(raw.lower()):
        return False
    return True


def _bare_keyword(kind: str, keyword: str, after: str, upper: bool) -> Heading | None:
    """A keyword with no number: "MEMORANDUM OF UNDERSTANDING", "SIDE LETTER", "LETTER OF AGREEMENT"."""
    rest = after.strip(" :-–—")
    if kind == "addendum" and upper and rest.isupper():
        # "ADDENDUM LETTER OF UNDERSTANDING": an unnumbered addendum, titled by its words
        return Heading(kind, "Addendum", _title(f"{keyword} {rest}"), upper, numeral="none")
    if kind not in ("mou", "moa", "side-letter", "lou") or rest:
        return None
    return Heading(kind, CITE_PREFIX[kind], "", upper, numeral="none")


def normalise_numeral(raw: str, kind: str) -> tuple[str, str]:
    """("XII", article) -> ("12", "roman"); ("7.00", ...) -> ("7", "arabic"); ("A", ...) -> ("A", "letter")."""
    raw = raw.strip("()")
    if ARABIC.fullmatch(raw):
        return str(int(raw.split(".")[0])), "arabic"
    if NUMBER_RANGE.fullmatch(raw):
        return raw, "arabic"
    if LETTERED.fullmatch(raw):
        return raw.upper(), "lettered"
    low = raw.lower()
    single_letter = len(low) == 1 and low not in "ivxlc"
    if is_roman(low) and not single_letter and (kind in ARABIC_KINDS or len(low) > 1):
        if len(low) > 1 or kind in ARABIC_KINDS and low in "ivx":
            return str(roman_to_int(low)), "roman"
    return raw.upper(), "letter"


def unit_cite(kind: str, num: str) -> str:
    """The citation of a unit: "12" for an article, "Schedule A", "LOU 3", "Side Letter 2", "Part 3"."""
    if kind in ("article", "chapter", "clause"):
        return num
    if kind in CITE_PREFIX:
        return f"{CITE_PREFIX[kind]} {num}".strip()
    return f"{kind.capitalize()} {num}".strip()


def _attach(heading: Heading, rest: str) -> None:
    attached = ATTACHED_TO_LETTER.match(rest)
    if attached and heading.kind in ("schedule", "appendix", "addendum", "exhibit", "attachment"):
        heading.attached_to = f"LOU {attached.group(1)}"
        heading.cite = f"{heading.attached_to} {heading.cite}"
        heading.title = _title(rest[attached.end():])


def _part(text: str) -> Heading | None:
    match = PART.match(text)
    if not match or match.group(2):
        return None
    return Heading("part", match.group(1).capitalize(), "", True)


def _group(text: str) -> Heading | None:
    if not LETTER_GROUP.match(text):
        return None
    return Heading("group", "", _title(text), text.isupper())


def _title(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip(f" \t-–—:{QUOTE}*_")
