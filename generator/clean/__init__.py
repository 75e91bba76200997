"""Stage 2, clean: raw body lines -> cleaned Lines + the artifacts removed, each with its source lines.

Two kinds of steps (as the design asks): safe per-line normalisation (`inline.clean_inline`:
HTML fragments, escapes, emphasis, LaTeX) and removal of whole artifacts found by shape
(tables of contents, back-of-book indexes, page numbers and markers, OCR noise, union labels).
Everything removed is recorded, so "nothing lost" can be proved by the tests.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Artifact, Line, Problem, Source, TocEntry
from .inline import clean_inline
from .artifacts import drop_line_artifacts, strip_inline_page_markers
from .toc import find_index, parse_toc, scan_toc


@dataclass
class Cleaned:
    """The output of cleaning: body lines ready to parse, removed artifacts, the document's own TOC."""

    lines: list[Line]
    removed: list[Artifact] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    cover: list[Line] = field(default_factory=list)  # lines before the TOC (title page)
    problems: list[Problem] = field(default_factory=list)  # what cleaning could not settle safely


def clean(source: Source) -> Cleaned:
    """Clean one source body. Blank lines are kept (they separate paragraphs)."""
    lines, removed = [], []
    for offset, raw in enumerate(source.lines):
        no = source.first_line + offset
        result = clean_inline(raw)
        text, inline_removed = strip_inline_page_markers(result.text)
        for marker in inline_removed:
            removed.append(Artifact("page-number", no, no, marker))
        if raw.strip() and not text.strip() and "<hr" in raw:
            removed.append(Artifact("html-fragment", no, no, raw.strip()))
        lines.append(Line(no=no, text=text, raw=raw, heading=result.heading))
    lines, found = drop_line_artifacts(lines)
    removed += found
    scan = scan_toc(lines)
    cover, toc_lines, lines = scan.cover, scan.toc, scan.rest
    toc = parse_toc(toc_lines)
    problems = [_toc_cut(source, scan.cut_at)] if scan.cut_at else []
    if toc_lines:
        removed.append(_region("toc", toc_lines))
    index_lines, lines = find_index(lines)
    if index_lines:
        removed.append(_region("index", index_lines))
    removed.sort(key=lambda a: a.first_line)
    return Cleaned(lines=lines, removed=removed, toc=toc, cover=cover, problems=problems)


def _toc_cut(source: Source, line: Line) -> Problem:
    return Problem(str(source.path), line.no,
                   "the table of contents seemed to go on past this sentence, so it was ended before it "
                   "and everything from here on is kept as body: check the lines after the contents "
                   "(a TOC entry left in the body shows as stray text near the start)")


def _region(kind: str, lines: list[Line]) -> Artifact:
    return Artifact(kind, lines[0].no, lines[-1].no,
                    "\n".join(line.text for line in lines if line.text.strip()))
