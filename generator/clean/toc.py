"""Tables of contents and back-of-book indexes: found, removed from the body, and read as data.

The site builds its own contents from the body, but the document's printed TOC is evidence the
parser uses: it numbers letters of understanding whose headings were lost (Sooke's LOUs) and
names clauses whose headings were lost (Sooke 24.02, Rockies 17.3).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import Line, TocEntry

# "TABLE OF CONTENTS", "Contents", "CONTENTS PAGE", and "INDEX" at the front (ca-ab-boilermakers);
# a Markdown table's header row "| Contents | Contents |" (Docling) is read cell by cell.
TOC_HEADING = re.compile(r"^\W*(?:(?:table\s+of\s+)?contents(?:\s+page)?|index)\W*$", re.IGNORECASE)
INDEX_HEADING = re.compile(r"^\W*index\W*$", re.IGNORECASE)
LEADER = re.compile(r"\.{4,}|…{2,}")
# A trailing page number: "... Health and Wellness Program\t70", "Re: D.29 ...186", "8-9".
PAGE_AT_END = re.compile(r"(?:[\s.…]|[A-Za-z)])\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*$")
# "Title .......... 6", "ARTICLE 1 - RECOGNITION     2", "LETTER OF UNDERSTANDING NO. 3180":
# a page number after words (never a bare "1.1", which is also a clause number of the body).
PAGE_AFTER_TITLE = re.compile(r"(?:[A-Za-z)\]\"'”’]\s*|\d\s+)(?:[.…]+\s*)?\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*$")
# Column headers a TOC repeats on each of its pages ("ARTICLE NO. ARTICLE NAME", "Article Title Page").
COLUMN_WORDS = {"article", "articles", "no", "name", "page", "pages", "title", "section", "clause",
                "number", "contents", "table", "of", "schedule", "appendix", "item", "subject", "topic"}
# "Section 4", "ARTICLE 12", "Letter No. 3": the number after a keyword is the heading's own.
NUMBERED_HEADING_END = re.compile(r"(?:^|\s)(?:article|section|part|clause|chapter|schedule|appendix|exhibit|"
                                  r"attachment|addendum|letter|step|no\.?|number|#)\s*1$", re.IGNORECASE)
UNIT_NUMBER = re.compile(r"^(?:article|section|part|schedule|appendix|letter of understanding|"
                         r"addendum|exhibit|attachment)\s+(?:no\.?\s*|#\s*)?[\"'“‘]?(?:\d+(?:\.\d+)*|[a-z](?:\.\d+)?|[ivxlc]+)\b[\"'”’]?",
                         re.IGNORECASE)
NUMBER_PREFIX = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[a-z]{1,2}[.)])\s+")
ENTRY_START = re.compile(r"^(?:ARTICLE|SECTION|SCHEDULE|APPENDIX|LETTER|ADDENDUM|\d+(?:\.\d+)*\s)",
                         re.IGNORECASE)
PROSE_WORDS = 14
PAGE_NUMBER_END = re.compile(r"[\s.…]*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*$")  # "..... 12", " 8-9"
PAGE_CELL = re.compile(r"\d{1,3}")
WHITESPACE = re.compile(r"\s+")
TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
THREE_LOWER = re.compile(r"[a-z]{3}")
LOWER_WORD = re.compile(r"[a-z]+")
PROSE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

ARTICLE_ENTRY = re.compile(r"^ARTICLE\s+(?:NO\.?\s*)?([A-Z]\.\d+|\d+)\b\s*[:.\-–]?\s*(.*)$", re.IGNORECASE)
BARE_ARTICLE_ENTRY = re.compile(r"^(\d+)\t+(\S.*)$")
CLAUSE_ENTRY = re.compile(r"^(\d+(?:\.\d+)+)\s+(.*)$")
LOU_ENTRY = re.compile(r"^LETTER\s+(?:OF\s+UNDERSTANDING\s*)?(?:NO\.?|#)\s*(\d+)(?!\d)\s*(.*)$|"
                       r"^LETTER\s+OF\s+UNDERSTANDING\s*(\d+)\b\s*(.*)$", re.IGNORECASE)
CLAUSE_ANYWHERE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3})+)\s+([^\d]*)")
ARTICLE_ANYWHERE = re.compile(r"ARTICLE\s+(?:NO\.?\s*)?([A-Z]\.\d+|\d+)\b")
LIST_TOC_LINE = re.compile(r"^(?:-\s*)?(?:Preamble|Section\s+\d+|Article\s+\d+|Addendum|Appendix)\b.*?"
                           r"\s\d{1,3}(?:\s*-\s*\d{1,3})?\s*$", re.IGNORECASE)
SECTION_ENTRY = re.compile(r"^Section\s+(\d+)\s*[–—:-]?\s*(.*)$", re.IGNORECASE)
ADDENDUM_ENTRY = re.compile(r"^Addendum\b(?:\s+([A-Z0-9])\b)?\s*(.*)$", re.IGNORECASE)
UNIT_ENTRY = re.compile(r"^(SCHEDULE|APPENDIX)\s+[\"'“‘]?([A-Z0-9]+)\b[\"'”’]?\s*(.*)$", re.IGNORECASE)


@dataclass
class TocScan:
    """Where a document's printed table of contents is, and why its end was put where it is."""

    cover: list[Line]
    toc: list[Line]
    rest: list[Line]
    stop: str = ""  # why the TOC ends where it does (empty: the text ran out or no TOC)
    cut_at: Line | None = None  # a prose line the safety net found inside the region (reported)


def scan_toc(lines: list[Line]) -> TocScan:
    """Find the TOC under a "Contents" heading (or a headless list TOC) and where it ends.

    The end is the last line that looks like an entry before the first of these stops:
    - a prose line (a long sentence: the body has started);
    - a line that repeats a heading the TOC listed ("PART A. TECHNICAL MATTERS ....3" then,
      after the TOC, "PART A. TECHNICAL MATTERS"): the body's first heading, printed again;
    - a line followed by running prose (a body heading: "1.1" / "This Agreement shall ...").
    When the TOC's entries carry page numbers or leader dots, lines after the last such entry
    (a page footer, the page number) are left to the body's own cleaning: never guess long.
    """
    start = next((i for i, line in enumerate(lines[: len(lines) // 2])
                  if TOC_HEADING.match(line.text.strip()) or _is_toc_header_row(line.text)), None)
    if start is None:
        return TocScan(*_list_toc(lines))
    end, stop = _toc_end(lines, start)
    if end == start:  # a "Contents" line with no entries after it is not a TOC
        return TocScan([], [], lines, stop="no entries after the contents heading")
    end, cut_at = _prose_safety_net(lines, start, end)
    return TocScan(lines[:start], lines[start:end + 1], lines[end + 1:], stop, cut_at)


def _toc_end(lines: list[Line], start: int) -> tuple[int, str]:
    """Index of the TOC's last line, and why it stops there."""
    seen: set[str] = set()
    last_strong = last_weak = start
    stop = ""
    for i in range(start + 1, len(lines)):
        text = lines[i].text.strip(" \f")  # a leading tab is a table cell: evidence
        if not text:
            continue
        strong = _is_strong_entry(text)
        text = text.strip()
        if not strong and (_is_prose(text) or _is_running_prose(text)):
            stop = f"prose at line {lines[i].no}"
            break
        listed, lookup = _heading_keys(text)
        if not strong and lookup & seen:
            stop = f"line {lines[i].no} repeats a heading the contents listed"
            break
        if not strong and _followed_by_prose(lines, i):
            stop = f"line {lines[i].no} is followed by running prose"
            break
        if strong or ENTRY_START.match(text.lstrip("- ")):
            seen |= listed
        if strong:
            last_strong = i
        last_weak = i
    return (last_strong if last_strong > start else last_weak), stop


def _prose_safety_net(lines: list[Line], start: int, end: int) -> tuple[int, Line | None]:
    """Cut the TOC before any sentence of the body inside it (>= 12 words ending in '.').

    Whatever the scan decided, a TOC never holds such a line; if one is there, the TOC ends
    before it and the cut is reported, so agreement text is never removed silently.
    """
    for i in range(start + 1, end + 1):
        if is_sentence(lines[i].text):
            before = i - 1
            while before > start and not lines[before].text.strip():
                before -= 1
            return before, lines[i]
    return end, None


def is_sentence(text: str) -> bool:
    """A line of agreement prose: at least 12 words and ending in a full stop."""
    text = text.strip()
    return len(text.split()) >= 12 and text.endswith(".") and not LEADER.search(text)


def _is_toc_header_row(text: str) -> bool:
    cells = table_cells(text)
    return bool(cells) and all(TOC_HEADING.match(cell) for cell in cells)


def table_cells(text: str) -> list[str]:
    """The non-empty cells of a Markdown table row ('| 1 | PURPOSE | 1 |'), or [] for other lines."""
    text = text.strip()
    if not (text.startswith("|") and text.endswith("|") and len(text) > 1):
        return []
    return [cell.strip() for cell in text[1:-1].split("|") if cell.strip()]


def _is_strong_entry(text: str) -> bool:
    """An entry with a page number, leader dots or a tab: nothing else in a document looks so.

    Bare numbers ("1.1", "7.") are not strong: they are the body's clause numbers as well.
    A Markdown table row counts by its cells: '| 3 | MANAGEMENT RIGHTS | 2 |'.
    """
    cells = table_cells(text)
    if cells:
        return bool(LEADER.search(text)) or (len(cells) >= 2 and bool(PAGE_CELL.fullmatch(cells[-1])))
    if LEADER.search(text) or "\t" in text:
        return True
    match = PAGE_AFTER_TITLE.search(text)
    return bool(match) and bool(TWO_LETTERS.search(text)) and not NUMBERED_HEADING_END.search(text[:match.start() + 1] + " 1")


def _heading_keys(text: str) -> tuple[set[str], set[str]]:
    """How a heading is matched with its TOC entry: (keys an entry lists, keys a heading is
    looked up by). Case, leaders and page number are ignored; a heading's own leading number
    may be dropped ("1. SECTION 1: SCOPE" matches "SECTION 1: SCOPE ........ 6", its number
    printed on the line before), but an entry's is not ("2.01 General" does not repeat
    "1.01 General"); a bare "ARTICLE 1" matches "Article 1 Recognition ..... 1"."""
    key = LEADER.sub(" ", text.replace("\t", " "))
    key = PAGE_NUMBER_END.sub("", key) if _is_strong_entry(text) else key
    key = WHITESPACE.sub(" ", key).strip(" .:-–—").lower()
    unit = UNIT_NUMBER.match(key)
    listed = {key, unit.group(0)} if unit else {key}
    return _usable(listed), _usable({key, NUMBER_PREFIX.sub("", key)})


def _usable(keys: set[str]) -> set[str]:
    """Keys with words in them, and not a TOC's column header ("ARTICLE NO. ARTICLE NAME")."""
    return {k for k in keys if THREE_LOWER.search(k)
            and (UNIT_NUMBER.fullmatch(k) or not set(LOWER_WORD.findall(k)) <= COLUMN_WORDS)}


def _is_running_prose(text: str) -> bool:
    """A wrapped line of a sentence: many words, most of them lower case ("the Managing
    Director of DHA, on behalf of the Commonwealth"). TOC titles are short or capitalised."""
    words = PROSE_WORD.findall(text)
    if len(words) < 8 or LEADER.search(text) or "\t" in text:
        return False
    return sum(w[0].islower() for w in words) >= 0.6 * len(words)


def _followed_by_prose(lines: list[Line], i: int) -> bool:
    nxt = next((line.text.strip() for line in lines[i + 1:i + 4] if line.text.strip()), "")
    return bool(nxt) and not _is_strong_entry(nxt) and (_is_prose(nxt) or _is_running_prose(nxt))


def _list_toc(lines: list[Line]) -> tuple[list[Line], list[Line], list[Line]]:
    """A TOC printed as a plain list with no heading: at least five consecutive lines like
    "- Section 7 – Executive Board 4-5" (Local 476 bylaws, lines 5-22)."""
    run: list[int] = []
    for i, line in enumerate(lines[: len(lines) // 2]):
        if LIST_TOC_LINE.match(line.text.strip()):
            run.append(i)
            continue
        if len(run) >= 5:
            break
        run = []
    if len(run) < 5:
        return [], [], lines
    return lines[:run[0]], lines[run[0]:run[-1] + 1], lines[run[-1] + 1:]


def find_index(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """A back-of-book index ("INDEX" heading in the last third, then entries with page numbers)."""
    for i in range(len(lines) * 2 // 3, len(lines)):
        if INDEX_HEADING.match(lines[i].text.strip()):
            entries = [line.text.strip() for line in lines[i + 1:] if line.text.strip()]
            evidence = sum(1 for text in entries if _is_toc_evidence(text) or "\t" in text)
            if len(entries) >= 10 and evidence >= 0.6 * len(entries):
                return lines[i:], lines[:i]
    return [], lines


def parse_toc(lines: list[Line]) -> list[TocEntry]:
    """Read the entries of a TOC: articles, clauses, letters of understanding, schedules.

    PDF TOCs run entries together ("ARTICLE 24: <ul><li>LEAVE OF ABSENCE</li><li>24.01 ...</li>
    <li>24.02 Maternity and Parental Leave</li>..." on one line, Sooke) and glue page numbers to
    them ("VACATIONS3222.01Vacation Year"), so every number of a listed article found anywhere
    in the TOC is an entry.
    """
    articles = _articles(lines)
    entries: list[TocEntry] = []
    seen: set[str] = set()
    for line in lines:
        text = "\t".join(table_cells(line.text)) or line.text.strip().lstrip("-").strip()
        head = _entry(text, line.no)
        if head and head.kind != "clause":
            if head.kind == "article":
                head.title = CLAUSE_ANYWHERE.split(head.title)[0].strip()
            entries.append(head)
        for num, title in _clauses_in(text, articles):
            if num not in seen:
                seen.add(num)
                entries.append(TocEntry("clause", num, title, line.no))
    return entries


def _articles(lines: list[Line]) -> list[str]:
    found = {m.group(1) for line in lines for m in ARTICLE_ANYWHERE.finditer(line.text)}
    found |= {e.num for line in lines if (e := _entry(line.text.strip(), line.no)) and e.kind == "article"}
    return sorted(found, key=len, reverse=True)


def _clauses_in(text: str, articles: list[str]) -> list[tuple[str, str]]:
    """Clause numbers of the listed articles in one TOC line, in order, with the title after each."""
    hits: dict[int, str] = {}
    for article in articles:
        if article + "." not in text:
            continue  # every clause number of the article starts so ("12." of "12.05")
        for match in _clause_pattern(article).finditer(text):
            if not any(start <= match.start() < start + len(num) for start, num in hits.items()):
                hits[match.start()] = match.group(0)
    starts = sorted(hits)
    out = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        out.append((hits[start], _title(text[start + len(hits[start]):end])))
    return out


@functools.lru_cache(maxsize=1024)
def _clause_pattern(article: str) -> re.Pattern:
    """The clause numbers of one article ("12" -> 12.05, 12.05.1), compiled once per article."""
    if not article[0].isdigit():
        return re.compile(rf"(?<![.\w]){re.escape(article)}(?:\.\d{{1,3}})+(?![\d])")
    return re.compile(rf"(?<![.]){re.escape(article)}(?:\.\d{{1,3}})+(?![\d])")


def _entry(text: str, no: int) -> TocEntry | None:
    for kind, pattern in (("article", ARTICLE_ENTRY), ("article", BARE_ARTICLE_ENTRY),
                          ("clause", CLAUSE_ENTRY), ("lou", LOU_ENTRY)):
        match = pattern.match(text)
        if match:  # LOU_ENTRY has two alternatives ("LETTER #1TANKWORK ...", "LETTER OF UNDERSTANDING 3")
            groups = [g for g in match.groups() if g is not None]
            return TocEntry(kind, groups[0], _title(groups[1] if len(groups) > 1 else ""), no)
    match = UNIT_ENTRY.match(text)
    if match:
        return TocEntry(match.group(1).lower(), match.group(2).upper(), _title(match.group(3)), no)
    match = SECTION_ENTRY.match(text)
    if match:  # bylaws: "Section 4 – Membership Meetings – Regular and Special 3"
        return TocEntry("section", match.group(1), _title(match.group(2)), no)
    match = ADDENDUM_ENTRY.match(text)
    if match:
        return TocEntry("addendum", (match.group(1) or "").upper(), _title(match.group(2)), no)
    return None


def _title(text: str) -> str:
    text = LEADER.sub(" ", text)
    text = PAGE_NUMBER_END.sub("", text)
    return WHITESPACE.sub(" ", text).strip(" \t-–:")


def _is_prose(text: str) -> bool:
    """A sentence of the body: long, ends like a sentence, no tab or leader dots (TOC lines have them)."""
    text = text.rstrip(" ")
    return (len(text.split()) >= PROSE_WORDS and text.endswith((".", ";", ":", ",", ")", '"', "”"))
            and "\t" not in text and not LEADER.search(text))


def _is_toc_evidence(text: str) -> bool:
    if not text:
        return False
    return bool(LEADER.search(text) or PAGE_AT_END.search(text) or "\t" in text
                or ENTRY_START.match(text.lstrip("- ")))
