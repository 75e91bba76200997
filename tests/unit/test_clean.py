"""Cleaning: whole-line artifacts and tables of contents are removed and recorded with their lines."""
import pytest

from generator.clean import clean
from generator.clean.artifacts import strip_inline_page_markers
from tests.conftest import make_source


def removed_kinds(body):
    return [(a.kind, a.first_line) for a in clean(make_source(body)).removed]


@pytest.mark.parametrize("body, kind, line", [
    ("text\n\n81\n\nmore", "page-number", 3),              # Sooke Schedule A: a bare page number
    ("text\n.../2\nmore", "page-number", 2),
    ("# - Page 2 -\n", "page-number", 1),                  # Sooke Appendix A: a page marker as a heading
    ("text\n\nS\n\nmore", "ocr-noise", 3),                 # stray letter from the PDF
    ("} } }\n", "ocr-noise", 1),
    ("\\*LDW /COPE#491\n", "union-label", 1),
    ("COPE 491\n", "union-label", 1),
])
def test_line_artifacts_are_removed_and_recorded(body, kind, line):
    assert (kind, line) in removed_kinds(body)


def test_inline_page_markers_are_cut_out_of_sentences():
    # Local 476 bylaws line 32: "-Page 3-" in the middle of a sentence
    text, found = strip_inline_page_markers("the quorum shall be -Page 3- ten members")
    assert text == "the quorum shall be ten members" and found == ["-Page 3-"]


def test_numbers_in_text_are_not_page_numbers():
    assert removed_kinds("2023\n\nThe 81 employees\n\n- 4.") == []


TOC_BODY = """TITLE PAGE

TABLE OF CONTENTS

ARTICLE 1:\tDEFINITIONS\t1
\t1.01 Plural Terms
ARTICLE 2:\tMANAGEMENT RIGHTS 2.01 Rights\t3
LETTER OF UNDERSTANDING # 1 Seniority\t9

WHEREAS it is the desire of both parties to this Agreement to maintain the harmonious relationship;

ARTICLE 1: DEFINITIONS
"""


def test_table_of_contents_is_removed_and_read_as_data():
    cleaned = clean(make_source(TOC_BODY))
    (toc,) = [a for a in cleaned.removed if a.kind == "toc"]
    assert (toc.first_line, toc.last_line) == (3, 8)
    assert [(e.kind, e.num) for e in cleaned.toc] == [
        ("article", "1"), ("clause", "1.01"), ("article", "2"), ("clause", "2.01"), ("lou", "1")]
    assert [line.text for line in cleaned.cover if line.text] == ["TITLE PAGE"]
    assert cleaned.lines[0].text == "" and "WHEREAS" in cleaned.lines[1].text


def test_back_of_book_index_is_removed():
    body = "ARTICLE 1: X\n\n" + "text\n" * 40 + "INDEX\n\n" + "".join(f"TOPIC {i}\t\t{i}\n" for i in range(12))
    cleaned = clean(make_source(body))
    assert [a.kind for a in cleaned.removed] == ["index"]
    assert all("TOPIC" not in line.text for line in cleaned.lines)


def test_a_units_bare_heading_repeated_on_a_new_page_is_a_running_header():
    from tests.conftest import parse_text
    doc = parse_text("SCHEDULE A\n\nPay\t1\t2\nGrade\t3\t4\n\n# **SCHEDULE A**\n\nPay\t5\t6\nGrade\t7\t8\n")
    assert [(a.kind, a.first_line) for a in doc.removed] == [("running-header", 6)]
    assert [n.cite for n in doc.root.walk() if n.cite] == ["Schedule A"]
