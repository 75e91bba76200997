"""A marker the converter put on a line of its own is joined to its text, when that is unambiguous.

Made-up texts in the shapes of pdftotext (au-dha-ea-2021: '1.1' / 'This Agreement shall ...')
and Docling two-column output (ca-ab-boilermakers Appendix A: '- (a)' ... '- (f)' then six texts).
"""
from generator.clean import clean
from tests.conftest import make_source


def lines(body):
    return [(line.no, line.text) for line in clean(make_source(body)).lines if line.text.strip()]


def joins(body):
    return [(j.marker_line, j.text_line) for j in clean(make_source(body)).joins]


def test_a_marker_alone_is_joined_to_the_text_on_the_next_line():
    body = 'Definitions\nb.\n"bargaining unit" means the employees described in Article 2.\n'
    assert lines(body) == [(1, "Definitions"), (2, 'b. "bargaining unit" means the employees described in Article 2.')]
    assert joins(body) == [(2, 3)]


def test_decimal_and_parenthesised_markers_are_joined_too():
    body = "1.1\nThis Agreement shall be known as the Agreement.\n(a)\nthe Managing Director; and\n"
    assert lines(body) == [(1, "1.1 This Agreement shall be known as the Agreement."),
                           (3, "(a) the Managing Director; and")]


def test_a_marker_that_is_its_own_paragraph_is_left_to_the_parser():
    # College of the Rockies: '2.3', '', '"UNION"' is Markdown, not converter damage
    body = '2.3\n\n"UNION"\n\nmeans the union.\n'
    assert joins(body) == [] and lines(body)[0] == (1, "2.3")


def test_a_marker_before_a_table_row_a_heading_or_another_marker_is_not_joined():
    assert joins("1.\nRate\t$20.00\t$21.00\n") == []
    assert joins("1.\nARTICLE 5 - SENIORITY\n") == []
    assert joins("(a)\n(i) the first\n") == []


STACKED = """II. SCHEDULE "B"

- (a)
- (b)
- (c)
- Straight days
- Fourteen twelve-hour shifts
- Number of hours on shift 84
- (d) Number of cycles per year 13
"""


def test_stacked_markers_are_paired_with_the_block_of_texts_below_them():
    assert lines(STACKED)[1:4] == [(3, "- (a) Straight days"), (4, "- (b) Fourteen twelve-hour shifts"),
                                   (5, "- (c) Number of hours on shift 84")]
    assert joins(STACKED) == [(3, 6), (4, 7), (5, 8)]


def test_stacked_markers_are_left_alone_when_a_text_wraps():
    body = "- (a)\n- (b)\n- Straight days\n- Fourteen twelve-hour shifts in a\ntwenty-eight day cycle\n"
    assert joins(body) == []
    assert len(lines(body)) == 5


def test_every_word_of_a_joined_line_is_kept():
    body = "3.\nCommencement and duration\n3.1\nThis Agreement commences on the seventh day.\n"
    words = " ".join(text for _, text in lines(body)).split()
    assert sorted(words) == sorted(body.split())


def test_a_number_ending_a_wrapped_reference_is_not_a_marker():
    body = "leave is granted as set out in clause\n12.\nThe Employer shall pay the difference.\n"
    assert joins(body) == []
