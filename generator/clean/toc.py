"""Tables of contents and back-of-book indexes: found, removed from the body, and read as data.

The site builds its own contents from the body, but the document's printed TOC is evidence the
parser uses: it numbers letters of understanding whose headings were lost (Sooke's LOUs) and
names clauses whose headings were lost (Sooke 24.02, Rockies 17.3).
"""
from __future__ import annotations

import re

from ..model import Line, TocEntry

TOC_HEADING = re.compile(r"^\W*(?:table\s+of\s+)?contents\W*$", re.IGNORECASE)
INDEX_HEADING = re.compile(r"^\W*index\W*$", re.IGNORECASE)
LEADER = re.compile(r"\.{4,}|…{2,}")
# A trailing page number: "... Health and Wellness Program\t70", "Re: D.29 ...186", "8-9".
PAGE_AT_END = re.compile(r"(?:[\s.…]|[A-Za-z)])\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*$")
ENTRY_START = re.compile(r"^(?:ARTICLE|SECTION|SCHEDULE|APPENDIX|LETTER|ADDENDUM|\d+(?:\.\d+)*\s)",
                         re.IGNORECASE)
PROSE_WORDS = 14

ARTICLE_ENTRY = re.compile(r"^ARTICLE\s+(?:NO\.?\s*)?([A-Z]\.\d+|\d+)\b\s*[:.\-–]?\s*(.*)$", re.IGNORECASE)
BARE_ARTICLE_ENTRY = re.compile(r"^(\d+)\t+(\S.*)$")
CLAUSE_ENTRY = re.compile(r"^(\d+(?:\.\d+)+)\s+(.*)$")
LOU_ENTRY = re.compile(r"^LETTER\s+OF\s+UNDERSTANDING\s*(?:NO\.?|#)?\s*(\d+)\b\s*(.*)$", re.IGNORECASE)
CLAUSE_ANYWHERE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3})+)\s+([^\d]*)")
ARTICLE_ANYWHERE = re.compile(r"ARTICLE\s+(?:NO\.?\s*)?([A-Z]\.\d+|\d+)\b")
LIST_TOC_LINE = re.compile(r"^(?:-\s*)?(?:Preamble|Section\s+\d+|Article\s+\d+|Addendum|Appendix)\b.*?"
                           r"\s\d{1,3}(?:\s*-\s*\d{1,3})?\s*$", re.IGNORECASE)
SECTION_ENTRY = re.compile(r"^Section\s+(\d+)\s*[–—:-]?\s*(.*)$", re.IGNORECASE)
ADDENDUM_ENTRY = re.compile(r"^Addendum\b(?:\s+([A-Z0-9])\b)?\s*(.*)$", re.IGNORECASE)
UNIT_ENTRY = re.compile(r"^(SCHEDULE|APPENDIX)\s+[\"'“‘]?([A-Z0-9]+)\b[\"'”’]?\s*(.*)$", re.IGNORECASE)


def find_toc(lines: list[Line]) -> tuple[list[Line], list[Line], list[Line]]:
    """Split lines into (cover, toc, rest). Without a TOC: ([], [], lines)."""
    start = next((i for i, line in enumerate(lines[: len(lines) // 2])
                  if TOC_HEADING.match(line.text.strip())), None)
    if start is None:
        return _list_toc(lines)
    end = start
    for i in range(start + 1, len(lines)):
        text = lines[i].text
        if _is_prose(text):
            break
        if _is_toc_evidence(text.strip()):
            end = i
    return lines[:start], lines[start:end + 1], lines[end + 1:]


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
        text = line.text.strip().lstrip("-").strip()
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
        pattern = rf"(?<![.\w]){re.escape(article)}(?:\.\d{{1,3}})+(?![\d])" if not article[0].isdigit() \
            else rf"(?<![.]){re.escape(article)}(?:\.\d{{1,3}})+(?![\d])"
        for match in re.finditer(pattern, text):
            if not any(start <= match.start() < start + len(num) for start, num in hits.items()):
                hits[match.start()] = match.group(0)
    starts = sorted(hits)
    out = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        out.append((hits[start], _title(text[start + len(hits[start]):end])))
    return out


def _entry(text: str, no: int) -> TocEntry | None:
    for kind, pattern in (("article", ARTICLE_ENTRY), ("article", BARE_ARTICLE_ENTRY),
                          ("clause", CLAUSE_ENTRY), ("lou", LOU_ENTRY)):
        match = pattern.match(text)
        if match:
            return TocEntry(kind, match.group(1), _title(match.group(2)), no)
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
    text = re.sub(r"[\s.…]*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*$", "", text)
    return re.sub(r"\s+", " ", text).strip(" \t-–:")


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
