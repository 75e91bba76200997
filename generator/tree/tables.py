"""Tables pasted from PDF: tab-separated rows and markdown pipe rows rebuilt into cells.

The caller hands over one run of table lines (already cleaned: no HTML tags, no markdown
escapes, no leading '#'; tabs kept). `build_table` keeps every cell and every word; when the
rows cannot be trusted it says so (`preformatted`) and the original text is rendered instead.

Choices made here, with the source that motivated them:

- Leading tabs are indentation for `is_table_line` ("\\t1.01 Plural or Feminine Terms" in the
  Sooke TOC), but inside a table they are empty cells ("\\tPeriod" in Sooke 18.08 is the wrapped
  second cell of the row above; "\\t1\\t40,149.20..." in College of the Rockies Schedule B has a
  leading empty column). So a run's lines are split on every tab.
- A line of the run without a separator becomes a one-cell row padded with '' rather than making
  the whole table preformatted: in the PDFs such a line is a sub-heading row spanning the table,
  the same thing as "Prescription Drugs\\t" and "Vision Care\\t" in New Westminster LOU 9
  Appendix A, which only differ by a trailing tab. Losing the grid for that would be worse.
- Wrapped cells ("\\tPeriod", "or sister\\t" in Sooke 24.04) are kept as their own rows, as
  printed: merging them into the row above cannot be told apart from a real row with an empty
  first cell (the job-title rows of Sooke Schedule A, "\\t\\tClerk-VI\\t343\\t...").
- Ditto marks ('21 " " "' in College of the Rockies 12.1) stay verbatim: which words they repeat
  cannot be known for sure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

CELL_TAB = re.compile(r"\S\t+\S")  # a tab between two non-empty cells; leading tabs never match
PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$")
RULE_CELL = re.compile(r"^(?:-{3,}|={3,})$")  # "-------------\t----" rows of the New Westminster index
# A number cut by a tab: "18.5\t7 18.94", "20.90\t) 21.31" (Sooke Schedule A, page 3).
SPLIT_NUMBER = re.compile(r"^[\d)] \d+\.\d")
# A value rather than a label: "1", "$ 54,318", "(12.79%)", "-5"; or a cell holding an amount
# ("President $150.00") or a full year ("July 1 st , 1988"; headers say "Jul 1/06", "Year 2").
VALUE_START = re.compile(r"^[\s$(\-.]*\d")
AMOUNT = re.compile(r"\$\s*\d|\b(?:19|20)\d\d\b")
HEADER_CELL_MAX = 60  # header labels are short; "A regular, full-time ... employee working ..." is not one


@dataclass
class Table:
    """One table: rows of equal width, or a preformatted fallback when they cannot be trusted."""

    rows: list[list[str]]  # every cell kept, '' for empty cells; separator rows like |---| dropped
    header: bool  # the first row looks like a header (short text labels over a table with numbers)
    preformatted: bool  # the rows cannot be rebuilt reliably: render `text` as preformatted text
    text: str  # the original lines joined with '\n'


def is_table_line(text: str) -> bool:
    """True for a tab row (a tab between two non-empty cells), a pipe row or a pipe separator row."""
    if CELL_TAB.search(text):
        return True
    return _is_pipe_row(text.strip()) or _is_pipe_separator(text.strip())


def build_table(lines: list[str]) -> Table:
    """Rebuild one run of table lines into padded rows; blank lines in the run are skipped."""
    rows = [cells for cells in map(_split_row, lines) if cells and not _is_rule(cells)]
    width = max((_content_width(r) for r in rows), default=0)
    rows = [_pad(r, width) for r in rows]
    preformatted = _unreliable(rows)
    header = not preformatted and _looks_like_header(rows)
    return Table(rows=rows, header=header, preformatted=preformatted, text="\n".join(lines))


def _is_pipe_row(s: str) -> bool:
    """`| a | b |`, or `a | b |` as in the Local 476 bylaws (no leading pipe, trailing pipe)."""
    return (s.startswith("|") or s.endswith("|")) and s.count("|") >= 2


def _is_pipe_separator(s: str) -> bool:
    """`|---|:---:|` and the like (at least one pipe, otherwise it is a plain rule)."""
    return "|" in s and "-" in s and bool(PIPE_SEPARATOR.match(s))


def _split_row(line: str) -> list[str] | None:
    """Cells of one line (stripped); None for a blank, empty or separator line."""
    s = line.strip()
    if not s or _is_pipe_separator(s):
        return None
    if _is_pipe_row(s):
        cells = s[1:] if s.startswith("|") else s
        cells = (cells[:-1] if cells.endswith("|") else cells).split("|")
    else:
        cells = line.rstrip("\n").split("\t")
    cells = [c.strip() for c in cells]
    return cells if any(cells) else None  # "<hr/>\t\t\t" arrives as tabs only: a rule, no words


def _is_rule(cells: list[str]) -> bool:
    """A row of dashes only ("-------------\\t--------------"): a drawn line, not data."""
    return all(not c or RULE_CELL.match(c) for c in cells)


def _content_width(row: list[str]) -> int:
    """Cells up to the last non-empty one: trailing tabs do not make columns."""
    return max((i + 1 for i, c in enumerate(row) if c), default=0)


def _pad(row: list[str], width: int) -> list[str]:
    """Cut the trailing cells beyond `width` (empty in every row) and pad with ''."""
    return row[:width] + [""] * (width - len(row))


def _unreliable(rows: list[list[str]]) -> bool:
    """Too few rows, no second column, widths varying wildly, or numbers cut across cells."""
    widths = [_content_width(r) for r in rows]
    if len(rows) < 2 or max(widths) < 2:
        return True
    if max(widths) > 2 * median(widths):
        return True
    split = sum(any(SPLIT_NUMBER.match(c) for c in r) for r in rows)
    return split >= 2 and split >= 0.1 * len(rows)


def _looks_like_header(rows: list[list[str]]) -> bool:
    """First row: two or more short labels, none a value; and some later row holds a number.

    The last condition keeps lists of names ("New Year's Day\\tB.C. Day", Sooke 21.01) headerless.
    """
    labels = [c for c in rows[0] if c]
    if len(labels) < 2 or any(_is_value(c) or len(c) > HEADER_CELL_MAX for c in labels):
        return False
    return any(re.search(r"\d", c) for r in rows[1:] for c in r)


def _is_value(cell: str) -> bool:
    """A cell that starts with a number or holds an amount or a year."""
    return bool(VALUE_START.match(cell) or AMOUNT.search(cell))
