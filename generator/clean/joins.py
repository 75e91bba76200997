"""Markers the PDF converter separated from their text, put back on one line.

pdftotext prints a clause number that stands in its own column on a line of its own:
'b.' then '"bargaining unit" means ...', or '1.1' then 'This Agreement shall ...'. A two-column
layout stacks several markers with their texts in a block below ('1.' '2.' '3.' then three
titles). The parser reads a marker and its text on one line, so they are joined, but only when
the pairing is unambiguous; the joined line keeps the marker's line number and each join is
recorded (marker line, text line), so every word can be traced to its source line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Line

# "b.", "(b)", "b)", "1.", "1.1", "1.1.", "(iv)", "IV.", "[3]", "- a)": a marker and nothing else.
MARKER_ONLY = re.compile(
    r"^(?:-\s+)?(?:\(?(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,6})[.)]|\((?:\d{1,3}|[A-Za-z]{1,2}|[ivxlc]{1,6})\)"
    r"|\d{1,3}(?:\.\d{1,3})+\.?|\[\d{1,3}\])$")
# A text line that itself begins with a marker or a numbered heading is not a marker's text.
MARKED_TEXT = re.compile(r"^(?:-\s+)?(?:\(?[0-9A-Za-z]{1,4}[.)]\s|\d{1,3}(?:\.\d{1,3})+\.?\s|\(\w{1,4}\)\s)")
NUMBERED_HEADING = re.compile(r"^(?:article|section|part|schedule|appendix|clause|chapter|letter|exhibit|"
                              r"attachment|addendum|memorandum)\s+\S+", re.IGNORECASE)


@dataclass
class Join:
    """A marker line and the text line joined to it (the text line's number is gone from the body)."""

    marker_line: int
    text_line: int


def join_markers(lines: list[Line]) -> tuple[list[Line], list[Join]]:
    """Join marker-only lines to their text; see the module docstring."""
    out: list[Line] = []
    joins: list[Join] = []
    i = 0
    while i < len(lines):
        run = _marker_run(lines, i)
        if len(run) >= 2:
            texts = _text_block(lines, run[-1] + 1, len(run))
            if texts:
                out += _stacked(lines, run, texts, joins)
                i = texts[-1] + 1
            else:
                out += lines[i:run[-1] + 1]
                i = run[-1] + 1
            continue
        if run and not _awaits_number(out):
            j = _text_after(lines, i)
            if j is not None:
                out.append(_joined(lines[i], lines[j], joins))
                i = j + 1
                continue
        out.append(lines[i])
        i += 1
    return out, joins


# "... as set out in clause" / "12." / "of this Agreement": the number a wrapped reference waits for.
AWAITS_NUMBER = re.compile(r"\b(?:article|section|clause|subclause|paragraph|subsection|part|schedule|"
                           r"appendix|item|step|no\.)\s*$", re.IGNORECASE)


def _awaits_number(before: list[Line]) -> bool:
    """The line before ends with a reference keyword: the 'marker' is the end of its sentence."""
    prev = next((line.text.strip() for line in reversed(before[-2:]) if line.text.strip()), "")
    return bool(AWAITS_NUMBER.search(prev))


def is_marker_only(text: str) -> bool:
    return bool(MARKER_ONLY.match(text.strip()))


def _is_text(text: str) -> bool:
    """A line that can be a marker's text: words, not a marker, a table row or a heading."""
    text = text.strip(" ")
    return (bool(re.search(r"[A-Za-z]{2}", text)) and "\t" not in text and not is_marker_only(text)
            and not MARKED_TEXT.match(text) and not NUMBERED_HEADING.match(text))


def _marker_run(lines: list[Line], i: int) -> list[int]:
    """Indexes of consecutive marker-only lines from i (no blank line between them)."""
    run = []
    while i < len(lines) and is_marker_only(lines[i].text):
        run.append(i)
        i += 1
    return run


def _text_after(lines: list[Line], i: int) -> int | None:
    """The text line for the marker at i: the very next line.

    A marker followed by a blank line is a paragraph of its own, as Markdown writes a clause
    number above its title ('2.3', '', '"UNION"', College of the Rockies); the parser reads
    that shape itself. Only the converter's split, with no blank line, is joined here.
    """
    j = i + 1
    return j if j < len(lines) and _is_text(lines[j].text) else None


def _text_block(lines: list[Line], start: int, count: int) -> list[int]:
    """Exactly `count` text lines right after the markers, then a break: the texts of
    stacked markers, one line each. Anything else is ambiguous: []."""
    block = list(range(start, start + count))
    if block[-1] >= len(lines) or not all(_is_text(lines[k].text) for k in block):
        return []
    after = block[-1] + 1
    if (after < len(lines) and lines[after].text.strip() and not is_marker_only(lines[after].text)
            and not MARKED_TEXT.match(lines[after].text.strip(" "))):
        return []  # a text wraps onto another line: which marker it belongs to is a guess
    return block


def _stacked(lines: list[Line], run: list[int], texts: list[int], joins: list[Join]) -> list[Line]:
    return [_joined(lines[m], lines[t], joins) for m, t in zip(run, texts)]


def _joined(marker: Line, text: Line, joins: list[Join]) -> Line:
    joins.append(Join(marker.no, text.no))
    words = text.text.strip()
    if marker.text.lstrip().startswith("- "):  # "- (a)" / "- Straight days": one list item
        words = re.sub(r"^-\s+", "", words)
    return Line(no=marker.no, text=f"{marker.text.strip()} {words}",
                raw=f"{marker.raw}\n{text.raw}", heading=marker.heading or text.heading,
                underlined=text.underlined)
