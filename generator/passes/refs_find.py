"""Finding cross-references in a clause's text: where they are and what they name (not yet what
they point to; `references.py` resolves them against the document's citations).

Shapes, from the real agreements: "Article 12.05", "Articles 12 and 13", "Article 10.08, Clauses
(a) and (b) above", "clause 39.01(a)", "24.02 (a) and 24.02 (g)", "Article A.6.2.a", "Articles 14
through 16", "sub-clause (b) above", "Step 3", "Schedule 'A'", "Appendix 1", "LOU #3",
"Letter of Understanding No. 1", "Section 50(2) of the Labour Relations Code" (a statute).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

KEYWORDS = {
    "article": "article", "articles": "article", "clause": "clause", "clauses": "clause",
    "sub-clause": "clause", "subclause": "clause", "sub-clauses": "clause", "section": "section",
    "sections": "section", "paragraph": "paragraph", "paragraphs": "paragraph", "item": "paragraph",
    "items": "paragraph", "sub": "clause", "step": "step", "steps": "step", "rule": "paragraph",
    "rules": "paragraph",
}
NUM = r"(?:[A-G]\.\s?\d{1,2}|[A-G]\d{1,2}(?=[\s,.;:)]|$)|\d{1,3})(?:\.\d{1,3})*(?:\.[a-z]{1,4}\b)*"
SUB = r"(?:\s?\((?:[a-z]{1,4}|[A-Z]|\d{1,2})\))"
ITEM = rf"(?:{NUM}{SUB}*|{SUB}+|[a-z]\))"
# ";" continues a list only before another number: "25.07 (a); 25.10, 25.11" (Sooke 25.16).
SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*(?:through|to|-|–)\s*|\s*;\s*(?:and\s+)?(?=\d))"
KEYWORD = r"(?:[Aa]rticles?|[Cc]lauses?|[Ss]ub-?clauses?|[Ss]ections?|[Pp]aragraphs?|[Ii]tems?|[Ss]ub|[Ss]teps?|[Rr]ules?)"
STEP_NUM = r"\(\d\)"  # "Step (5) of the Grievance Procedure" (Sooke 1602)
NUMBERED = re.compile(
    rf"\b(?P<kw>{KEYWORD})\s*(?:#\s?)?(?P<items>{ITEM}(?:{SEP}(?:{KEYWORD}\s+)?{ITEM})*)"
    rf"(?P<where>\s+(?:above|below))?")
# "(b) above", "c) above" (Sooke 603, 664): a sub-clause of the clause one is reading.
RELATIVE_SUB = re.compile(r"(?<![\w(])(?P<items>\(?[a-z]\))\s+(?P<where>above|below)\b")
BARE = re.compile(rf"(?<![\w$.#/-])(?P<items>(?:[A-G]\.\d{{1,2}}|\d{{1,2}})\.\d{{1,3}}(?:\.\d{{1,3}})*{SUB}*"
                  rf"(?:{SEP}(?:[A-G]\.\d{{1,2}}|\d{{1,2}})\.\d{{1,3}}(?:\.\d{{1,3}})*{SUB}*)*)(?![\d%])")
NAMED = re.compile(
    r"\b(?P<kw>Schedules?|Appendi(?:x|ces)|Addend(?:um|a))\s+(?P<q>[\"'“‘]?)(?P<num>[A-Z]|\d{1,2})\b(?P=q)?[\"'”’]?")
LETTER = re.compile(
    r"\b(?P<kw>Letters?\s+of\s+(?:Understanding|Intent|Agreement)|LOUs?|LOAs?)\s*(?:No\.?|Number|#)?\s*"
    r"(?P<num>\d{1,3})(?:\s?\.\s?(?P<sub>[A-Da-d])\b)?")
STATUTE_SECTION = re.compile(
    r"\b(?:[Ss]ections?|s\.|[Pp]art)\s+\d+(?:\.\d+)*(?:\(\w{1,3}\))*(?:\s*(?:and|or|,)\s*\d+(?:\.\d+)*(?:\(\w{1,3}\))*)*"
    r"\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w'’()]*(?:\s+(?:[A-Z(][\w'’()]*|of|and|on|for|the|in))*?\s+"
    r"(?i:Act|Code|Regulations?))")
UNIT_WORDS = ("hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
              "per", "percent", "%", "km", "fte", "minutes", "cents", "dollars", "p.m", "a.m", "pm", "am")


@dataclass
class Item:
    """One number in a reference, with where it is printed: "12.05", "(a)", "24.02 (g)"."""

    start: int
    end: int
    num: str  # dotted part, "" for a bare "(b)"
    subs: list[str] = field(default_factory=list)  # "(a)(iv)" -> ["a", "iv"]
    range_from: "Item | None" = None  # "14 through 16": 16 has range_from=14


@dataclass
class Ref:
    """A reference as printed: its kind word, its items, and whether it says above/below."""

    kind: str  # article | clause | section | paragraph | step | schedule | appendix | addendum | lou | bare | statute
    start: int
    end: int
    items: list[Item]
    relative: str = ""  # "above" | "below" | ""
    name: str = ""  # statute name, or LOU sub-letter


def find_references(text: str) -> list[Ref]:
    """Every reference in a text, left to right, never overlapping (statutes win over sections)."""
    refs: list[Ref] = []
    taken: list[tuple[int, int]] = []

    def add(ref: Ref) -> None:
        if not any(s < ref.end and ref.start < e for s, e in taken):
            refs.append(ref)
            taken.append((ref.start, ref.end))

    for match in STATUTE_SECTION.finditer(text):
        add(Ref("statute", match.start(), match.end(), [], name=match.group("name")))
    for match in LETTER.finditer(text):
        add(Ref("lou", match.start(), match.end(), [Item(match.start("num"), match.end("num"), match.group("num"))],
                name=(match.group("sub") or "").upper()))
    for match in NAMED.finditer(text):
        kind = match.group("kw").lower()[:5]
        kind = {"sched": "schedule", "appen": "appendix", "adden": "addendum"}[kind]
        add(Ref(kind, match.start(), match.end(), [Item(match.start("num"), match.end("num"), match.group("num"))]))
    for match in NUMBERED.finditer(text):
        ref = _numbered(match)
        if ref.items:
            add(ref)
    for match in RELATIVE_SUB.finditer(text):
        letter = match.group("items").strip("()")
        add(Ref("clause", match.start(), match.end("items"),
                [Item(match.start("items"), match.end("items"), "", [letter])], match.group("where")))
    for match in BARE.finditer(text):
        if not _is_quantity(text, match.end()):
            add(Ref("bare", match.start(), match.end(), _items(match.group("items"), match.start("items"))))
    refs.sort(key=lambda r: r.start)
    return refs


def _numbered(match: re.Match) -> Ref:
    kind = KEYWORDS[match.group("kw").lower()]
    items = _items(match.group("items"), match.start("items"))
    if kind == "step":
        items = [i if i.num else Item(i.start, i.end, i.subs[0] if i.subs else "") for i in items]
        items = [i for i in items if i.num.isdigit()]
    relative = (match.group("where") or "").strip()
    return Ref(kind, match.start(), match.end(), items, relative)


ITEM_RE = re.compile(rf"(?P<num>{NUM})?(?P<subs>{SUB}*)|(?P<letter>[a-z])\)")
SUB_RE = re.compile(r"\((\w{1,4})\)")
RANGE_RE = re.compile(r"\s*(?:through|to|-|–)\s*$")


def _items(text: str, offset: int) -> list[Item]:
    """Split "12.05, 12.06 and 13", "(a) and (b)", "14 through 16" into items with positions."""
    items: list[Item] = []
    pos = 0
    while pos < len(text):
        match = ITEM_RE.match(text, pos)
        if match and match.end() > pos:
            lead = len(match.group(0)) - len(match.group(0).lstrip())  # " (a)": the link starts at "("
            if match.group("letter"):
                item = Item(offset + match.start() + lead, offset + match.end(), "", [match.group("letter")])
            else:
                num = (match.group("num") or "").replace(" ", "")
                subs = [s.lower() if len(s) > 1 or s.isalpha() else s for s in SUB_RE.findall(match.group("subs"))]
                item = Item(offset + match.start() + lead, offset + match.end(), num, subs)
            between = text[items[-1].end - offset:match.start()] if items else ""
            if items and RANGE_RE.match(between) and item.num and items[-1].num:
                item.range_from = items[-1]
            items.append(item)
            pos = match.end()
        else:
            pos += 1
    return items


def _is_quantity(text: str, end: int) -> bool:
    """ "24.5 hours", "2.5%", "7.5 per day": a number followed by a unit is not a reference."""
    after = text[end:end + 12].lower().lstrip(" )")
    word = re.match(r"[a-z.%]+", after)
    return bool(word) and word.group(0).rstrip(".") in UNIT_WORDS
