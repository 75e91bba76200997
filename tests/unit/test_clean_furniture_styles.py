"""Every combination of page furniture and page-break marking: the furniture goes, the text stays.

Made-up five-page agreements whose pages end with the footers real converters leave (a running
title and a page number, 'Page n of m', '- n -', 'AFSCME – 2025-597   Page |n') and start with
headings, markers or running text, with pdftotext's form feeds or without them.
"""
import itertools

import pytest

from generator.clean import clean
from tests.conftest import make_source

FOOTERS = {
    "title-and-number": lambda n: ["Defence Housing Agreement 2021", str(n)],
    "page-n-of-m": lambda n: [f"Page {n} of 5"],
    "dashed": lambda n: [f"- {n} -"],
    "label-and-page": lambda n: [f"AFSCME – 2025-597          Page |{n}"],
    "number-and-title": lambda n: [str(n), "Defence Housing Agreement 2021"],
}
# (lines at the top of a page, the same lines once cleaned)
PAGE_STARTS = {
    # the same heading on several pages is not a running header
    "heading": lambda n: ([f"Section {n}"], [f"Section {n}"]),
    # a marker alone at the top of each page is joined to its text, never taken for furniture
    "marker": lambda n: (["(b)", "the second item of the list; and"], ["(b) the second item of the list; and"]),
    "running-text": lambda n: (["continued from the page before, as agreed."],
                               ["continued from the page before, as agreed."]),
}


def agreement(footer: str, start: str, feeds: bool) -> tuple[str, list[str]]:
    """The source text and the lines that must be kept, in order."""
    out, kept = [], []
    for n in range(1, 6):
        top, top_cleaned = PAGE_STARTS[start](n % 2 + 1)
        text = [f"The Employer shall pay the rate in Schedule {n} to every employee covered here.",
                "Leave is granted on request."]
        kept += top_cleaned + text
        lines = top + text + FOOTERS[footer](n)
        if feeds and n > 1:
            lines[0] = "\f" + lines[0]
        out += lines
    return "\n".join(out) + "\n", kept


# Without form feeds, only 'Page n' lines mark page breaks: a running title alone is not found.
CASES = [(f, s, feeds) for f, s, feeds in itertools.product(FOOTERS, PAGE_STARTS, [True, False])
         if feeds or f not in ("title-and-number", "number-and-title")]


@pytest.mark.parametrize("footer, start, feeds", CASES)
def test_the_furniture_goes_and_the_text_stays(footer, start, feeds):
    text, kept = agreement(footer, start, feeds)
    cleaned = clean(make_source(text))
    assert [line.text for line in cleaned.lines if line.text.strip()] == kept
    assert {a.kind for a in cleaned.removed} <= {"page-number", "running-header", "page-header"}
