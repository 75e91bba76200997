"""Whole-line and inline artifacts of the PDF conversion, found by their shape alone.

Each rule removes something that is not part of the agreement's text and records it as an
Artifact with its source line, so the build report can list every removal.
"""
from __future__ import annotations

import re

from ..model import Artifact, Line
from .layout import furniture_kind

# "-Page 10-", "- Page 4 -", ";-Page 12" (Local 476 bylaws print page markers inside sentences).
PAGE_MARKER = re.compile(r"(?<![A-Za-z0-9])-\s?Page\s\d{1,3}(?:\s?-)?")
# ".../2" continuation marks and bare page numbers standing alone between blank lines ("81").
PAGE_CONTINUATION = re.compile(r"^\.{3}\s*/\s*\d{1,3}$")
BARE_NUMBER = re.compile(r"^\d{1,3}$")
# Union-label / typist codes printed at the foot of a page: "*LDW /COPE#491", "COPE 491".
UNION_LABEL = re.compile(r"^\W*(?:[A-Z]{2,4}\s*/\s*)?cope\s*#?\s*\d+\W*$", re.IGNORECASE)
STRAY_LETTER = re.compile(r"^[A-Za-z]$")
BRACES = re.compile(r"^[}{\s]+$")
SETEXT_RULE = re.compile(r"^(?:-{2,}|={2,})$")
SPACES = re.compile(r" {2,}")


def strip_inline_page_markers(text: str) -> tuple[str, list[str]]:
    """Remove page markers from inside a line; return the text and the markers removed."""
    found = PAGE_MARKER.findall(text) if "Page" in text else []
    if not found:
        return text, []
    cleaned = PAGE_MARKER.sub(" ", text)
    return SPACES.sub(" ", cleaned).strip(), found


def drop_line_artifacts(lines: list[Line], paged: bool = False) -> tuple[list[Line], list[Artifact]]:
    """Drop whole lines that are page numbers, OCR noise, union labels or setext underlines.

    `paged`: the text marks its page breaks (form feeds), so page numbers were already found
    next to them (layout.page_furniture) and a number alone between blank lines elsewhere is
    data: the pay points '1', '2' of a pdftotext pay table (au-austrade Appendix A).
    """
    kept, removed = [], []
    for i, line in enumerate(lines):
        kind = _artifact_kind(lines, i, paged)
        if kind:
            removed.append(Artifact(kind, line.no, line.no, line.text.strip()))
        else:
            kept.append(line)
    return kept, removed


def _artifact_kind(lines: list[Line], i: int, paged: bool = False) -> str:
    text = lines[i].text.strip()
    if not text:
        return ""
    if PAGE_CONTINUATION.match(text):
        return "page-number"
    if not paged and BARE_NUMBER.match(text) and _blank(lines, i - 1) and _blank(lines, i + 1):
        return "page-number"
    if STRAY_LETTER.match(text) or BRACES.match(text):
        return "ocr-noise"
    if furniture_kind(text):  # "Page 6 of 40", "AFSCME – 2025-597 Page |1", "SSO -- 44", "- 14 -"
        return furniture_kind(text)
    if UNION_LABEL.match(text):
        return "union-label"
    if SETEXT_RULE.match(text) and not _blank(lines, i - 1):
        return "html-fragment"
    return ""


def _blank(lines: list[Line], i: int) -> bool:
    return i < 0 or i >= len(lines) or not lines[i].text.strip()
