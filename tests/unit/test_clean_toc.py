"""The table of contents is removed, and never more than the table of contents.

Small made-up texts in the shapes of real TOCs: pdftotext with numbers on their own lines
(Australian agreements), dotted leaders, page numbers after wide gaps, no page numbers at all,
unnumbered headings. The rule under test: the TOC ends where entries stop looking like entries,
and the body starts at a heading the TOC listed, printed again, or at a line followed by prose.
"""
from generator.clean import clean
from generator.clean.toc import scan_toc
from generator.model import Line
from tests.conftest import make_source


def toc_span(body):
    """(first, last) line of the removed TOC, or None."""
    spans = [(a.first_line, a.last_line) for a in clean(make_source(body)).removed if a.kind == "toc"]
    return spans[0] if spans else None


def kept(body):
    return [line.text for line in clean(make_source(body)).lines if line.text.strip()]


LEADERS_THEN_SAME_HEADING = """Defence Housing Agreement 2021
TABLE OF CONTENTS
PART A. TECHNICAL MATTERS ..........................3
1.
2.
Title of this Agreement ............................3
Coverage, parties and persons bound ................3
PART B. REMUNERATION ...............................5
3. Pay rates ........................................5
Agreement 2021
2
PART A. TECHNICAL MATTERS
1.
Title of this Agreement
1.1
This Agreement shall be known as the Defence Housing
Agreement 2021.
"""


def test_toc_ends_where_its_first_heading_appears_again():
    # au-dha-ea-2021 lines 77-184: the old remover took clauses 1-16 of the body with it
    assert toc_span(LEADERS_THEN_SAME_HEADING) == (2, 9)
    assert kept(LEADERS_THEN_SAME_HEADING)[2:4] == ["PART A. TECHNICAL MATTERS", "1. Title of this Agreement"]


NUMBERS_ON_THEIR_OWN_LINES = """CONTENTS
FORMAL ACCEPTANCE OF THE AGREEMENT ........ 5
1.

SECTION 1: SCOPE OF THIS AGREEMENT ......... 6
1.1

Title ...................................... 6
1.2

Coverage ................................... 6
Austrade Agreement 2019-2022

4

FORMAL ACCEPTANCE OF THE AGREEMENT
Employer
1. SECTION 1: SCOPE OF THIS AGREEMENT
1.1

Title

(1)

This Agreement is made under section 172 of the Fair Work Act 2009 and
shall be known as the Austrade Agreement.
"""


def test_bare_clause_numbers_after_the_toc_are_not_entries():
    # au-austrade-ea-2019-2022: "1.1" is a clause number of the body as much as of the TOC
    assert toc_span(NUMBERS_ON_THEIR_OWN_LINES) == (1, 11)
    assert "FORMAL ACCEPTANCE OF THE AGREEMENT" in kept(NUMBERS_ON_THEIR_OWN_LINES)


NO_PAGE_NUMBERS = """TABLE OF CONTENTS
Preamble
Definitions
Hours of Work
Overtime

PREAMBLE
The parties agree that this agreement sets out the terms of employment of every
employee in the bargaining unit.
DEFINITIONS
"""


def test_toc_without_page_numbers_listing_unnumbered_headings():
    assert toc_span(NO_PAGE_NUMBERS) == (1, 5)
    assert kept(NO_PAGE_NUMBERS)[0] == "PREAMBLE"


HEADINGS_WITH_NUMBERS_AFTER_KEYWORDS = """TABLE OF CONTENTS PAGE
ARTICLE 1 - RECOGNITION 2
ARTICLE 2 - UNION SECURITY 4
AFSCME - 2025-597 Page |1
ARTICLE 1 - RECOGNITION
Section 1
The County recognizes the Union as the sole bargaining agent for all employees.
"""



def test_a_heading_ending_in_its_own_number_is_not_an_entry_with_a_page_number():
    # "Section 1" ends in a number like "UNION SECURITY 4" does, but the number is the heading's
    assert toc_span(HEADINGS_WITH_NUMBERS_AFTER_KEYWORDS) == (1, 3)
    assert "Section 1" in kept(HEADINGS_WITH_NUMBERS_AFTER_KEYWORDS)


FOLLOWED_BY_PROSE = """CONTENTS
Article 1 Recognition
Article 2 Union Security
Article 1 - Purpose of this agreement
the parties intend by this agreement to set out the wages and other conditions
"""


def test_a_line_followed_by_running_prose_is_a_body_heading():
    assert toc_span(FOLLOWED_BY_PROSE) == (1, 3)


def test_a_contents_heading_with_prose_after_it_is_not_a_toc():
    body = "Contents\nThe contents of an employee's personnel file shall be made available on request.\n"
    assert toc_span(body) is None and len(kept(body)) == 2


def test_the_toc_column_headers_repeated_on_each_page_do_not_end_it():
    # Sooke: "ARTICLE NO. ARTICLE NAME" heads every page of the TOC
    body = ("TABLE OF CONTENTS\nARTICLE NO.\tARTICLE NAME\tPAGE\nARTICLE 1:\tDEFINITIONS\t1\n"
            "ARTICLE NO.\tARTICLE NAME\tPAGE\nARTICLE 2:\tRIGHTS\t3\n\nBETWEEN: the Board\n"
            "and the Union, who agree that the terms below apply to every employee here.\n")
    assert toc_span(body) == (1, 5)


def lines_of(body):
    return [Line(no, text) for no, text in enumerate(body.split("\n"), start=1)]


def test_prose_inside_the_toc_region_cuts_it_and_is_reported():
    # A sentence pasted as a table row (a tab) looks like an entry; the safety net still stops there.
    body = ("CONTENTS\nARTICLE 1\tDEFINITIONS\t1\n"
            "The Employer shall pay every employee\tthe rate set out in Schedule A for all hours worked.\n"
            "ARTICLE 2\tRIGHTS\t3\n")
    scan = scan_toc(lines_of(body))
    assert [line.no for line in scan.toc] == [1, 2] and scan.cut_at.no == 3
    cleaned = clean(make_source(body))
    assert [p.line for p in cleaned.problems] == [3]
    assert "The Employer shall pay" in " ".join(line.text for line in cleaned.lines)


MARKDOWN_TABLE_TOC = """BOILERMAKERS AGREEMENT

## INDEX

|   Article |                                    |   Page |
|-----------|------------------------------------|--------|
|         1 | PURPOSE                            |      1 |
|         2 | RECOGNITION AND CRAFT JURISDICTION |      1 |
| LETTER #7 HOURS FOR REMITTANCES                 |     44 |

## DEFINITIONS

Employees: Employees as used herein, means employees of the Employer engaged in work.
"""


def test_a_toc_printed_as_a_markdown_table_under_index_is_removed_and_read():
    # ca-ab-boilermakers-146-bca-2025-2028: Docling's table under "## INDEX" at the front
    cleaned = clean(make_source(MARKDOWN_TABLE_TOC))
    assert toc_span(MARKDOWN_TABLE_TOC) == (3, 9)
    assert [(e.kind, e.num, e.title) for e in cleaned.toc][:2] == [("article", "1", "PURPOSE"),
                                                                  ("article", "2", "RECOGNITION AND CRAFT JURISDICTION")]
    assert [line.text for line in cleaned.lines if line.text][0] == "DEFINITIONS"


def test_a_markdown_table_whose_header_row_says_contents_is_a_toc():
    # ca-ab-national-maintenance-agreement: "| Contents | Contents |"
    body = ("| Contents | Contents |\n|---|---|\n| ARTICLE 1.000 | RECOGNITION ........ 1 |\n"
            "| ARTICLE 2.000 | UNION SECURITY ........ 3 |\n\n## NATIONAL MAINTENANCE AGREEMENT\n\n"
            "This Agreement is entered into this 1st day of January 2025 by and between the parties below.\n")
    assert toc_span(body) == (1, 4)


def test_a_unit_heading_printed_without_its_title_matches_its_toc_entry():
    body = ("TABLE OF CONTENTS\nArticle 1 Recognition ........ 1\nArticle 2 Union Security ........ 3\n\n"
            "ARTICLE 1\nRECOGNITION\n1.01\tThe Employer recognizes the Union.\n")
    assert toc_span(body) == (1, 3)
