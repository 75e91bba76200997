"""Stage 2, clean: raw body lines -> cleaned Lines + the artifacts removed, each with its source lines.

Two kinds of steps (as the design asks): safe per-line normalisation (`inline.clean_inline`:
HTML fragments, escapes, emphasis, LaTeX, mis-decoded punctuation) and removal of whole artifacts
found by shape (tables of contents, back-of-book indexes, page headers, footers and numbers,
converter leftovers, OCR noise, union labels: `layout`, `artifacts`, `toc`). Markers the converter
put on a line of their own are joined to their text (`joins`). Everything removed is recorded,
so "nothing lost" can be proved by the tests.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Artifact, Line, Problem, Source, TocEntry
from .inline import clean_inline
from .artifacts import drop_line_artifacts, strip_inline_page_markers
from .hyphens import rejoin_hyphenated
from .joins import Join, join_markers
from .layout import (RawLine, converter_leftovers, page_furniture, rejoin_split_keywords, split_form_feeds,
                     unglue_furniture)
from .toc import find_index, parse_toc, scan_toc


PAGED = 3  # form feeds it takes to trust a text's page breaks as its only page-number evidence


@dataclass
class Cleaned:
    """The output of cleaning: body lines ready to parse, removed artifacts, the document's own TOC."""

    lines: list[Line]
    removed: list[Artifact] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    cover: list[Line] = field(default_factory=list)  # lines before the TOC (title page)
    problems: list[Problem] = field(default_factory=list)  # what cleaning could not settle safely
    joins: list[Join] = field(default_factory=list)  # marker lines joined to the text line after them


def clean(source: Source) -> Cleaned:
    """Clean one source body. Blank lines are kept (they separate paragraphs).

    Order matters: page breaks are read before form feeds go; page furniture is removed before
    the TOC is looked for (a footer inside the TOC is not an entry); markers are joined to
    their text last, on the body alone.
    """
    raw_lines, removed = converter_leftovers(split_form_feeds(source.lines, source.first_line))
    lines = _cleaned_lines(raw_lines, removed)
    breaks = {i for i, raw in enumerate(raw_lines) if raw.page_break}
    removed += unglue_furniture(lines)
    drop, found = page_furniture(lines, breaks)
    lines, removed = [line for i, line in enumerate(lines) if i not in drop], removed + found
    removed += rejoin_split_keywords(lines)
    removed += rejoin_hyphenated([line for line in lines if line.text.strip()])
    lines, found = drop_line_artifacts(lines, paged=len(breaks) >= PAGED)
    removed += found
    scan = scan_toc(lines)
    lines = scan.rest
    if scan.toc:
        removed.append(_region("toc", scan.toc))
    index_lines, lines = find_index(lines)
    if index_lines:
        removed.append(_region("index", index_lines))
    lines, joins = join_markers(lines)
    removed.sort(key=lambda a: a.first_line)
    return Cleaned(lines=lines, removed=removed, toc=parse_toc(scan.toc), cover=scan.cover, joins=joins,
                   problems=[_toc_cut(source, scan.cut_at)] if scan.cut_at else [])


def _cleaned_lines(raw_lines: list[RawLine], removed: list[Artifact]) -> list[Line]:
    """Per-line normalisation, and the page markers and rules cut out of lines (into removed)."""
    lines = []
    for raw in raw_lines:
        result = clean_inline(raw.text)
        text, inline_removed = strip_inline_page_markers(result.text)
        for marker in inline_removed:
            removed.append(Artifact("page-number", raw.no, raw.no, marker))
        if raw.text.strip() and not text.strip() and "<hr" in raw.text:
            removed.append(Artifact("html-fragment", raw.no, raw.no, raw.text.strip()))
        lines.append(Line(no=raw.no, text=text, raw=raw.text, heading=result.heading))
    return lines


def _toc_cut(source: Source, line: Line) -> Problem:
    return Problem(str(source.path), line.no,
                   "the table of contents seemed to go on past this sentence, so it was ended before it "
                   "and everything from here on is kept as body: check the lines after the contents "
                   "(a TOC entry left in the body shows as stray text near the start)")


def _region(kind: str, lines: list[Line]) -> Artifact:
    return Artifact(kind, lines[0].no, lines[-1].no,
                    "\n".join(line.text for line in lines if line.text.strip()))
