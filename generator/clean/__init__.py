"""Stage 2, clean: raw body lines -> cleaned Lines + the artifacts removed, each with its source lines.

Two kinds of steps (as the design asks): safe per-line normalisation (`inline.clean_inline`:
HTML fragments, escapes, emphasis, LaTeX) and removal of whole artifacts found by shape
(tables of contents, back-of-book indexes, page numbers and markers, OCR noise, union labels).
Everything removed is recorded, so "nothing lost" can be proved by the tests.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Artifact, Line, Source, TocEntry
from .inline import clean_inline
from .artifacts import drop_line_artifacts, strip_inline_page_markers
from .toc import find_index, find_toc, parse_toc


@dataclass
class Cleaned:
    """The output of cleaning: body lines ready to parse, removed artifacts, the document's own TOC."""

    lines: list[Line]
    removed: list[Artifact] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    cover: list[Line] = field(default_factory=list)  # lines before the TOC (title page)


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
    cover, toc_lines, lines = find_toc(lines)
    toc = parse_toc(toc_lines)
    if toc_lines:
        removed.append(_region("toc", toc_lines))
    index_lines, lines = find_index(lines)
    if index_lines:
        removed.append(_region("index", index_lines))
    removed.sort(key=lambda a: a.first_line)
    return Cleaned(lines=lines, removed=removed, toc=toc, cover=cover)


def _region(kind: str, lines: list[Line]) -> Artifact:
    return Artifact(kind, lines[0].no, lines[-1].no,
                    "\n".join(line.text for line in lines if line.text.strip()))
