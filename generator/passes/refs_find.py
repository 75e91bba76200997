"""Finding cross-references in a clause's text: where they are and what they name (not yet what
they point to; `references.py` resolves them against the document's citations).

Shapes, from the real agreements: "Article 12.05", "Articles 12 and 13", "Article 10.08, Clauses
(a) and (b) above", "clause 39.01(a)", "24.02 (a) and 24.02 (g)", "Article A.6.2.a", "Articles 14
through 16", "sub-clause (b) above", "Step 3", "Schedule 'A'", "Appendix 1", "LOU #3",
"Letter of Understanding No. 1", "Section 50(2) of the Labour Relations Code" (a statute).
Other styles (issue 11): "Article XII, Section 3(b)", "Section 3 of this Article", "Section 3(b)
of Article XII", "Section 7.2, Paragraph B", "subsection B above", "paragraph (a) of this
subclause", "Sections 14.3 through 14.6", "Side Letter No. 2", "Exhibit A", "Attachment B",
"Part B", "LOU #2, paragraph 2", "Appendix A, paragraph A-1(d)", "XII.3", "s.190 of the Fair Work
Act", "230.1(a) of the Labor Code".

The finder is total: any text gives a list of references, never an exception; a keyword it does
not know is skipped (`keyword_kind`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .literal import lowered

# Every spelling of a keyword maps to its kind: case, hyphen and plural do not matter
# ("Subclauses", "sub-clause", "SECTIONS" -> subclause, subclause, section).
KEYWORD_KINDS = {
    "article": "article", "clause": "clause", "subclause": "subclause", "section": "section",
    "subsection": "subsection", "paragraph": "paragraph", "subparagraph": "subparagraph",
    "item": "paragraph", "sub": "clause", "step": "step", "rule": "paragraph",
    "art": "article", "sec": "section", "cl": "clause", "para": "paragraph", "subpara": "subparagraph",
}
# How deep a keyword cites: "Article XII, Section 3" is section 3 of Article XII because a section
# is deeper than an article; "Articles 12 and 13" are two articles.
RANK = {"article": 0, "section": 1, "clause": 1, "subsection": 2, "subclause": 2, "paragraph": 3,
        "subparagraph": 4, "step": 5, "bare": 1}
# Units named by a word and a number or letter, with the citation prefix they get.
UNIT_KINDS = ("lou", "schedule", "appendix", "addendum", "exhibit", "attachment", "part")

NOT_LOWER = re.compile(r"[^a-z]")

ROMAN_RE = re.compile(r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# "Rules 2000" is no "Rules 200": a number is never cut inside its digits.
NUM = (r"(?:[A-Z]-\d{1,2}(?!\d)|[A-G]\.\s?\d{1,2}|[A-G]\d{1,2}(?=[\s,.;:)]|$)|\d{1,3}(?!\d))"
       r"(?:\.\d{1,3}(?!\d))*(?:\.[a-z]{1,4}\b)*")
# "(a)", "(iv)"; and after a number, items printed with a closing bracket or dot as Alberta
# agreements cite them: "Article 4.02 a)", "Article 4.02 a) ii."
SUB = (r"(?:\s?\((?:[a-z]{1,4}|[A-Z]|\d{1,2})\)|\s[a-z]\)(?=[\s,.;:]|$)"
       r"|(?<=\))\s(?:i{1,3}|iv|vi{0,3}|ix|x)\.(?=\s|$))")
ROMAN = r"(?<![A-Za-z])[IVXL]{1,7}(?![\w'’-]|\.\w)"
# "article iv" where the document prints its articles in lower-case roman: only right after the
# word article ("paragraph iv" stays a sub-item), and never a single "i" that may be a letter
ARTICLE_BEFORE = r"(?:(?<=[Aa]rticle )|(?<=ARTICLE )|(?<=[Aa]rticles )|(?<=ARTICLES ))"
ROMAN_LOWER = r"(?<![A-Za-z(])(?=[ivxl])(?:l?x{0,3})(?:ix|iv|v?i{0,3})(?![\w'’)-]|\.\w)"
LOWER_ROMAN = ARTICLE_BEFORE + ROMAN_LOWER
CAP = r"(?<![A-Za-z])[A-Z](?![\w'’-]|\.\w)"
# The first item after a keyword may be roman ("Article XII") or a capital letter ("Paragraph B");
# an item continuing a list without its own keyword may not be "I" or "A" ("Article 12 and I").
FIRST = rf"(?:{NUM}{SUB}*|{ROMAN}{SUB}*|{LOWER_ROMAN}{SUB}*|{CAP}{SUB}*|{SUB}+|[a-z]\))"
NEXT = rf"(?:{NUM}{SUB}*|{SUB}+|[a-z]\)|(?<![A-Za-z])(?:[IVXL]{{2,7}}|[B-HJ-Z])(?![\w'’-]|\.\w){SUB}*)"
# ";" continues a list only before another number: "25.07 (a); 25.10, 25.11" (Sooke 25.16).
SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*(?:through|to|-|–)\s*|\s*;\s*(?:and\s+)?(?=\d))"
# Abbreviations as stewards type them: "Art. 12.05", "Sec. 3", "cl. 7.1", "para. 2".
KEYWORD = (r"(?<![A-Za-z])(?:(?i:articles?|sub-?clauses?|clauses?|sub-?sections?|sections?|sub-?paragraphs?|"
           r"paragraphs?|items?|sub|steps?|rules?|arts?\.|secs?\.|cls?\.|paras?\.|subparas?\.)|Arts?|Secs?)"
           r"(?![A-Za-z]|\(s\))")  # "Article(s) and Section(s)" is no reference
KW_ITEM = rf"{KEYWORD}\s*(?:#\s?)?{FIRST}"
SCOPE_WORDS = (r"(?i:article|sub-?section|section|sub-?clause|clause|sub-?paragraph|paragraph|"
               r"letter(?:\s+of\s+(?:understanding|agreement|intent))?|side\s+letter|appendix|schedule|"
               r"exhibit|attachment|addendum|part)|LOU|MOU|MOA")
SCOPE = (rf"\s+(?:of|in)\s+(?:(?P<det>(?i:this|the|that|said))\s+(?P<sw>{SCOPE_WORDS})(?![\w-])"
         rf"|(?:the\s+)?(?P<sword>(?i:article|section))\s+(?P<snum>[IVXL]{{1,7}}|[ivxl]{{2,7}}|v|x|[A-G]\.\d{{1,2}}|\d{{1,3}}(?:\.\d{{1,3}})?)"
         rf"(?![\w'’-]|\.\w))")
NUMBERED = re.compile(
    rf"(?P<kw>{KEYWORD})\s*(?:#\s?)?(?P<items>{FIRST}(?:(?:{SEP}|\s+(?={KEYWORD}))(?:{KW_ITEM}|{NEXT}))*)"
    rf"(?P<where>\s+(?:above|below))?(?P<scope>{SCOPE})?")
# "(b) above", "c) above" (Sooke 603, 664): a sub-clause of the clause one is reading.
RELATIVE_SUB = re.compile(r"(?<![\w(])(?P<items>\(?[a-z]\))\s+(?P<where>above|below)\b")
# "XII.3": a roman article and its section, as members type it.
BARE_NUM = r"(?:(?:[A-G]\.\d{1,2}|\d{1,2}|[IVX]{2,6}|[VX])\.\d{1,3}(?:\.\d{1,3})*)"
BARE = re.compile(rf"(?<![\w$.#/-])(?P<items>{BARE_NUM}{SUB}*(?:{SEP}{BARE_NUM}{SUB}*)*)(?![\d%])")
# "LOU #2, paragraph 2", "Appendix A, paragraph A-1(d)": an item of the unit just named.
TAIL = (rf"(?:\s*,\s*|\s+)(?i:paragraph|para\.?|clause|section|item)\s+"
        rf"(?P<para>[A-Z]-\d{{1,2}}|\d{{1,2}}(?:\.\d{{1,2}})*|[A-Za-z])(?![\w-])(?P<psubs>{SUB}*)")
NAMED = re.compile(
    r"(?P<head>\b(?P<kw>Schedules?|Appendi(?:x|ces)|Addend(?:um|a)|Exhibits?|Attachments?|Parts?)\s+(?P<q>[\"'“‘]?)"
    r"(?P<num>[A-Z]|\d{1,2}|[IVX]{2,5})\b"
    rf"(?P=q)?[\"'”’]?)(?:{TAIL})?")
LETTER = re.compile(
    r"\b(?P<kw>(?i:letters?\s+of\s+(?:understanding|intent|agreement)|side\s+letters?|"
    r"memorand(?:um|a)\s+of\s+(?:understanding|agreement))|LOUs?|LOAs?|MOUs?|MOAs?)\s*(?:No\.?|Number|#)?\s*"
    rf"(?P<num>(?:(?:19|20)\d\d-)?\d{{1,3}}(?![\d-]))(?:\s?\.\s?(?P<sub>[A-Da-d])\b)?(?:{TAIL})?")
STATUTE_NAME = (r"(?P<name>[A-Z][\w'’()]*(?:\s+(?:[A-Z(][\w'’()]*|of|and|on|for|the|in))*?\s+"
                r"(?i:Act|Code|Regulations?))")
STATUTE_SECTION = re.compile(
    r"(?:\b(?:[Ss]ections?|[Ss]ub-?sections?|[Pp]aragraphs?|[Pp]art)\s+|(?<![\w.])ss?\.\s?|(?<![\w.$])(?=\d+\.\d))"
    r"\d+(?:\.\d+)*(?:\(\w{1,3}\))*(?:\s*(?:and|or|,)\s*\d+(?:\.\d+)*(?:\(\w{1,3}\))*){0,6}"  # bounded: linear
    rf"\s+of\s+(?:the\s+)?{STATUTE_NAME}")
UNIT_WORDS = ("hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
              "per", "percent", "%", "km", "fte", "minutes", "cents", "dollars", "p.m", "a.m", "pm", "am", "times")


@dataclass
class Item:
    """One number in a reference, with where it is printed: "12.05", "(a)", "24.02 (g)", "XII"."""

    start: int
    end: int
    num: str  # dotted part, arabic ("XII" -> "12"); "" for a bare "(b)" or "B"
    subs: list[str] = field(default_factory=list)  # "(a)(iv)" -> ["a", "iv"]
    range_from: "Item | None" = None  # "14 through 16": 16 has range_from=14
    kind: str = ""  # the keyword it is cited by ("Article XII, Section 3": article, then section)
    keyed: bool = False  # its own keyword is printed right before it
    kw_start: int = -1  # where that keyword starts ("and subclause 23.4": the "s")


@dataclass
class Scope:
    """ "of this Article", "of the Letter", "of Article XII": where a local number is counted."""

    det: str  # this | the | that | said | "" (a numbered article)
    word: str  # article | section | clause | subclause | paragraph | letter | appendix | ...
    num: str = ""  # "12" for "of Article XII", "7.2" for "of Section 7.2"


@dataclass
class Ref:
    """A reference as printed: its kind word, its items, and whether it says above/below."""

    kind: str  # article | clause | section | paragraph | step | schedule | appendix | lou | bare | statute ...
    start: int
    end: int
    items: list[Item]
    relative: str = ""  # "above" | "below" | ""
    name: str = ""  # statute name, or LOU sub-letter
    family: str = "LOU"  # letters: LOU | Side Letter | MOU | MOA
    scope: Scope | None = None
    para: Item | None = None  # "LOU #2, paragraph 2": the unit's item


class Spans:
    """Non-overlapping spans taken so far, sorted: overlap checks in log time, so a long table of
    numbers stays linear."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.starts, start) - 1
        if k >= 0 and self.ends[k] > start:
            return False
        return k + 1 >= len(self.starts) or self.starts[k + 1] >= end

    def add(self, start: int, end: int) -> None:
        k = bisect.bisect_right(self.starts, start)
        self.starts.insert(k, start)
        self.ends.insert(k, end)

    def next_start(self, pos: int) -> int | None:
        """The start of the first span that begins after pos."""
        k = bisect.bisect_right(self.starts, pos)
        return self.starts[k] if k < len(self.starts) else None


def keyword_kind(word: str) -> str | None:
    """The kind of a printed keyword, whatever its case, hyphen or plural; None if unknown."""
    key = NOT_LOWER.sub("", word.lower())
    if key in KEYWORD_KINDS:
        return KEYWORD_KINDS[key]
    if key.endswith("s") and key[:-1] in KEYWORD_KINDS:
        return KEYWORD_KINDS[key[:-1]]
    return None


def roman_value(text: str) -> int | None:
    """ "XII" -> 12; None for what is not a well-formed upper-case roman numeral."""
    if not text or not ROMAN_RE.fullmatch(text):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for k, ch in enumerate(text):
        value = values[ch]
        total += -value if k + 1 < len(text) and values[text[k + 1]] > value else value
    return total


def find_references(text: str) -> list[Ref]:
    """Every reference in a text, left to right, never overlapping (statutes win over sections)."""
    refs: list[Ref] = []
    taken = Spans()

    def add(ref: Ref | None) -> None:
        if ref is not None and (ref.items or ref.kind == "statute") and taken.free(ref.start, ref.end):
            refs.append(ref)
            taken.add(ref.start, ref.end)

    present = Present(text)  # a pattern is run only on a text holding what it needs
    for match in STATUTE_SECTION.finditer(text) if present.statute else ():
        add(Ref("statute", match.start(), match.end(), [], name=match.group("name")))
    for match in LETTER.finditer(text) if present.letter else ():
        add(_letter(match))
    for match in NAMED.finditer(text) if present.named else ():
        add(_named(match))
    pos = 0
    while present.numbered and (match := NUMBERED.search(text, pos)) is not None:
        # "clause 12 and subclause 23.4, and section 119 of the Fair Work Act": the list stops
        # where the statute found first begins
        limit = taken.next_start(match.start())
        if limit is not None and limit < match.end():
            match = NUMBERED.search(text, match.start(), limit) or match
        ref = _numbered(match)  # a scope it did not take ("Step 3 of Article A.6") is read again
        add(ref)
        pos = ref.end if ref is not None else match.start() + 1
    for match in RELATIVE_SUB.finditer(text) if present.relative else ():
        letter = match.group("items").strip("()")
        add(Ref("clause", match.start(), match.end("items"),
                [Item(match.start("items"), match.end("items"), "", [letter], kind="clause")], match.group("where")))
    for match in BARE.finditer(text) if present.bare else ():
        if not _is_quantity(text, match.end()):
            add(Ref("bare", match.start(), match.end(), _items(match.group("items"), match.start("items"), "bare")))
    refs.sort(key=lambda r: r.start)
    return _items_of_units(text, refs)


class Present:
    """Which of find_references' patterns may match a text, from words each cannot match without
    (tests/unit/test_refs_find.py checks every one): a case-insensitive word is looked for in
    the lowered text, and when lowering cannot be trusted (passes/literal.py) every pattern runs."""

    def __init__(self, text: str):
        low = lowered(text)
        maybe = (lambda *words: True) if low is None else (lambda *words: any(w in low for w in words))
        # "section 50(2) of the Labour Relations Code": "of", then "(?i:Act|Code|Regulations?)"
        self.statute = "of" in text and maybe("act", "code", "regulation")
        # "(?i:letters? of ...|side letters?|memorand(?:um|a) of ...)|LOUs?|LOAs?|MOUs?|MOAs?"
        self.letter = "LO" in text or "MO" in text or maybe("letter", "memorand")
        self.named = any(word in text for word in NAMED_WORDS)
        self.numbered = maybe(*KEYWORD_WORDS)
        self.relative = ")" in text and ("above" in text or "below" in text)
        self.bare = DOT_DIGIT.search(text) is not None  # every BARE_NUM holds "." and a digit


# A piece of every spelling NAMED's and KEYWORD's keywords have: "Appendi" of Appendix and
# Appendices; "art" of articles, Art., Arts; "cl" of clauses, sub-clause, cls.; "sub" of sub ...
NAMED_WORDS = ("Schedule", "Appendi", "Addend", "Exhibit", "Attachment", "Part")
KEYWORD_WORDS = ("art", "cl", "sec", "sub", "para", "item", "step", "rule")
DOT_DIGIT = re.compile(r"\.\d")
OF_UNIT = re.compile(r"\s+(?:of|in|to)\s+(?:the\s+)?$")


def _items_of_units(text: str, refs: list[Ref]) -> list[Ref]:
    """ "paragraph 2 of LOU 3", "Section 4 of Schedule A": one citation, the item of that unit
    (as "LOU 3, paragraph 2" is)."""
    out: list[Ref] = []
    for ref in refs:
        before = out[-1] if out else None
        if (before is not None and ref.kind in UNIT_KINDS and ref.kind != "part" and ref.para is None
                and before.kind in KEYWORD_KINDS.values() and before.kind not in ("article", "step")
                and len(before.items) == 1 and before.items[0].num and before.scope is None
                and not before.relative and OF_UNIT.fullmatch(text[before.end:ref.start])):
            item = before.items[0]
            ref.para, ref.start = Item(item.start, item.end, item.num, item.subs), before.start
            out[-1] = ref
            continue
        out.append(ref)
    return out


def _letter(match: re.Match) -> Ref:
    word = re.sub(r"\s+", " ", match.group("kw").lower())
    family = ("Side Letter" if word.startswith("side") else
              "MOU" if word.startswith(("memorandum of understanding", "memoranda of understanding", "mou")) else
              "MOA" if word.startswith(("memorandum of agreement", "memoranda of agreement", "moa")) else "LOU")
    return Ref("lou", match.start(), match.end(), [Item(match.start("num"), match.end("num"), match.group("num"))],
               name=(match.group("sub") or "").upper(), family=family, para=_para(match))


def _named(match: re.Match) -> Ref | None:
    kind = {"sched": "schedule", "appen": "appendix", "adden": "addendum", "exhib": "exhibit",
            "attac": "attachment", "part": "part", "parts": "part"}.get(match.group("kw").lower()[:5])
    num = match.group("num")
    if kind is None or len(num) > 1 and not num.isdigit() and roman_value(num) is None:
        return None
    if kind == "part":  # "Part B, clause 23": Australian clauses are cited by their own numbers
        return Ref(kind, match.start(), match.end("head"), [Item(match.start("num"), match.end("num"), num)])
    return Ref(kind, match.start(), match.end(), [Item(match.start("num"), match.end("num"), num)],
               para=_para(match))


def _para(match: re.Match) -> Item | None:
    if not match.group("para"):
        return None
    subs = [s.lower() for s in _subs(match.group("psubs"))]
    return Item(match.start("para"), match.end(), match.group("para"), subs)


def _numbered(match: re.Match) -> Ref | None:
    kind = keyword_kind(match.group("kw"))
    if kind is None:
        return None
    items = _items(match.group("items"), match.start("items"), kind)
    if not items or match.group("items")[:1] != "(" and items[0].start != match.start("items"):
        return None  # "Section A – Articles 1 – 10": the references start at "Articles"
    if kind == "section" and items[0].num.isalpha() and OTHER_PAPER.match(match.string, match.end("items")):
        return None  # "Section A of the form": a part of another paper, not this agreement's Section A
    if kind == "step":
        items = [i if i.num else Item(i.start, i.end, i.subs[0] if i.subs else "", kind="step") for i in items]
        items = [i for i in items if i.num.isdigit()]
    if not items:
        return None
    relative = (match.group("where") or "").strip()
    end = match.end("where") if match.group("where") else match.end("items")
    scope = None
    local = not items[0].num or "." not in items[0].num and not items[0].num[:1].isalpha()
    if match.group("scope") and kind not in ("article", "step") and local:
        scope = _scope(match)
        end = match.end("scope") if scope else end
    return Ref(kind, match.start(), end, items, relative, scope=scope)


OTHER_PAPER = re.compile(r"\s+of\s+(?:the|a|an)\s+(?!(?:collective\s+)?agreement\b)", re.IGNORECASE)


def _scope(match: re.Match) -> Scope | None:
    if match.group("snum"):
        num = match.group("snum")
        value = roman_value(num.upper()) if re.fullmatch(r"[IVXL]+|[ivxl]+", num) else None
        if re.fullmatch(r"[IVXL]+|[ivxl]+", num) and value is None:
            return None
        word = match.group("sword").lower()
        return Scope("", word, str(value) if value else num.replace(" ", ""))
    word = re.sub(r"[^a-z]", "", match.group("sw").lower())
    word = "letter" if word.startswith(("letter", "sideletter", "lou", "mou", "moa")) else word
    return Scope(match.group("det").lower(), keyword_kind(word) or word)


TOKEN = re.compile(
    rf"(?P<kw>{KEYWORD})\s*(?:#\s?)?|(?P<num>{NUM}|(?<![A-Za-z])[IVX]{{1,6}}\.\d{{1,3}}(?:\.\d{{1,3}})*)"
    rf"(?P<subs>{SUB}*)|(?P<roman>{ROMAN})(?P<rsubs>{SUB}*)|(?P<lroman>{ROMAN_LOWER})(?P<lsubs>{SUB}*)"
    rf"|(?P<cap>{CAP})(?P<csubs>{SUB}*)|(?P<subonly>{SUB}+)|(?P<letter>(?<![A-Za-z])[a-z])\)")
SUB_RE = re.compile(r"\((\w{1,4})\)|(?<![\w(])([a-z])\)|(?<=\)\s)([ivx]{1,4})\.")
RANGE_RE = re.compile(r"\s*(?:through|to|-|–)\s*$")
UNIT_LEVEL = ("article", "section", "part")


def _items(text: str, offset: int, kind: str) -> list[Item]:
    """Split "12.05, 12.06 and 13", "(a) and (b)", "14 through 16", "XII, Section 3(b)" into items
    with positions; each item knows the keyword it is cited by."""
    items: list[Item] = []
    keyed = True  # the first item follows the reference's own keyword
    kw_start = offset
    for match in TOKEN.finditer(text):
        if match.group("kw"):
            kind, keyed, kw_start = keyword_kind(match.group("kw")) or kind, True, offset + match.start()
            continue
        item = _item(match, offset, kind)
        if item is None:
            continue
        item.kind, item.keyed = kind, keyed
        item.kw_start = kw_start if keyed and items else item.start
        between = text[items[-1].end - offset:match.start()] if items else ""
        if items and RANGE_RE.match(between) and item.num and items[-1].num:
            item.range_from = items[-1]
        items.append(item)
        keyed = False
    return items


def _item(match: re.Match, offset: int, kind: str) -> Item | None:
    start, end = offset + match.start(), offset + match.end()
    lead = len(match.group(0)) - len(match.group(0).lstrip())  # " (a)": the link starts at "("
    if match.group("letter"):
        return Item(start, end, "", [match.group("letter")])
    if match.group("lroman"):  # "article iv, paragraph 2(c)": Article 4 (NUMBERED took it after "article")
        if kind != "article":
            return None
        value = roman_value(match.group("lroman").upper())
        return Item(start, end, str(value), _subs(match.group("lsubs"))) if value else None
    roman, cap = match.group("roman"), match.group("cap")
    if roman and (len(roman) > 1 or kind in UNIT_LEVEL):
        value = roman_value(roman)
        return Item(start, end, str(value), _subs(match.group("rsubs"))) if value else None
    if cap and kind == "section":  # "Section C": a lettered Section (a container, or a group)
        return Item(start, end, cap, _subs(match.group("csubs")))
    if roman or cap:  # "Paragraph B", "subsection C above": a lettered item, never an article
        if kind in UNIT_LEVEL:
            return None
        return Item(start, end, "", [(roman or cap).lower()] + _subs(match.group("rsubs" if roman else "csubs")))
    if match.group("subonly"):
        return Item(start + lead, end, "", _subs(match.group("subonly")))
    num = match.group("num").replace(" ", "")
    head = re.match(r"([IVX]+)\.(\d.*)$", num)
    if head and roman_value(head.group(1)):  # "XII.3" as members type it: 12.3
        num = f"{roman_value(head.group(1))}.{head.group(2)}"
    return Item(start + lead, end, num, _subs(match.group("subs")))


def _subs(text: str | None) -> list[str]:
    found = ["".join(groups) for groups in SUB_RE.findall(text or "")]
    return [s.lower() if len(s) > 1 or s.isalpha() else s for s in found]


def _is_quantity(text: str, end: int) -> bool:
    """ "24.5 hours", "2.5%", "7.5 per day": a number followed by a unit is not a reference."""
    after = text[end:end + 12].lower().lstrip(" )")
    word = re.match(r"[a-z.%]+", after)
    return bool(word) and word.group(0).rstrip(".") in UNIT_WORDS
