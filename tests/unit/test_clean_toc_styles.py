"""Every combination of TOC form, heading style and body start: the TOC goes, the body stays.

Made-up agreements built from the shapes seen in real ones: how entries are printed (dotted
leaders, a page number after spaces, tab columns, no page numbers, numbers on lines of their own,
a Markdown table), how units are headed (ARTICLE n - TITLE, Section n, n. Title, PART A.), how the
body begins (the first listed heading printed again, the unit number alone, a heading the TOC did
not list, a page footer first). The body must come out whole in every case.
"""
import itertools

import pytest

from generator.clean import clean
from tests.conftest import make_source

TITLES = ["Recognition", "Union Security", "Hours of Work", "Overtime", "Vacations"]
HEADINGS = {
    "article": lambda n, t: f"ARTICLE {n} - {t.upper()}",
    "section": lambda n, t: f"Section {n} {t}",
    "numbered": lambda n, t: f"{n}. {t}",
    "part": lambda n, t: f"PART {'ABCDE'[n - 1]}. {t.upper()}",
}


def entry(form: str, heading: str, page: int) -> list[str]:
    if form == "leaders":
        return [f"{heading} {'.' * 30} {page}"]
    if form == "spaces":
        return [f"{heading}          {page}"]
    if form == "tabs":
        return [f"{heading}\t{page}"]
    if form == "bare":
        return [heading]
    if form == "own-line-numbers":  # pdftotext: the number, a blank line, the title with leaders
        number, _, title = heading.partition(" ")
        return [number, "", f"{title} {'.' * 20} {page}"]
    return [f"| {heading} | {page} |"]  # markdown table row


FORMS = ["leaders", "spaces", "tabs", "bare", "own-line-numbers", "table"]
STARTS = ["same-heading", "footer-then-heading", "unlisted-heading"]


def agreement(form: str, style: str, start: str, clauses: bool = False) -> tuple[str, list[str]]:
    """The source text, and the body lines that must all be kept."""
    heads = [HEADINGS[style](n, t) for n, t in enumerate(TITLES, start=1)]
    toc = ["COLLECTIVE AGREEMENT", "between the Employer and the Union", "", "TABLE OF CONTENTS", ""]
    if form == "table":
        toc += ["| Title | Page |", "|---|---|"]
    for page, head in enumerate(heads, start=2):
        toc += entry(form, head, page)
        if clauses:  # the TOC lists each unit's clauses too: "1.01 General .......... 2"
            toc += entry(form if form != "own-line-numbers" else "leaders", f"{page - 1}.01 General", page)
    toc += [""]
    if start == "footer-then-heading":
        toc += ["Collective Agreement 2024-2027", "1", ""]
    body = ["LETTER OF INTENT" if start == "unlisted-heading" else heads[0]]
    for n, head in enumerate(heads):
        if n:
            body.append(head)
        body += [f"{n + 1}.01 The Employer and the Union agree that the rules of this part apply to every",
                 "employee in the bargaining unit, whether full time or part time.", ""]
    return "\n".join(toc + body) + "\n", [line for line in body if line.strip()]


@pytest.mark.parametrize("form, style, start, clauses",
                         list(itertools.product(FORMS, HEADINGS, STARTS, [False, True])))
def test_the_toc_goes_and_the_body_stays(form, style, start, clauses):
    text, body = agreement(form, style, start, clauses)
    cleaned = clean(make_source(text))
    kept = [line.text for line in cleaned.lines if line.text.strip()]
    assert kept[-len(body):] == [" ".join(line.split()) for line in body]
    tocs = [a for a in cleaned.removed if a.kind == "toc"]
    assert len(tocs) == 1 and tocs[0].first_line == 4
    before_body = set(kept[:-len(body)])  # the title page and a page footer at most: no entry is left
    assert before_body <= {"COLLECTIVE AGREEMENT", "between the Employer and the Union",
                           "Collective Agreement 2024-2027", "1"}  # one footer: not known as furniture
