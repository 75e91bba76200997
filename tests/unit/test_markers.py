"""Line markers: which numbering a line starts with (ignoring '#', bullets and indentation)."""
import pytest

from generator.tree.markers import read_markers


@pytest.mark.parametrize("line, styles, values, rest", [
    ("12.05 Settling of Grievance", ["decimal"], ["12.05"], "Settling of Grievance"),
    ("7.1.1 Seniority", ["decimal"], ["7.1.1"], "Seniority"),
    ("- a) Work on Capital Work projects.", ["letter"], ["a"], "Work on Capital Work projects."),
    ("(d) the Board shall", ["letter"], ["d"], "the Board shall"),
    ("- a. set forth the terms", ["letter"], ["a"], "set forth the terms"),
    ("- iv. The Board shall", ["roman"], ["iv"], "The Board shall"),
    ("- 1. Investigation of complaints", ["number"], ["1"], "Investigation of complaints"),
    ("- b) 1. The employee", ["letter", "number"], ["b", "1"], "The employee"),      # Sooke 22.02
    ("- 4. a) The employee", ["number", "letter"], ["4", "a"], "The employee"),       # Sooke 24.02.g
    ("12.1 a) Vacation", ["decimal", "letter"], ["12.1", "a"], "Vacation"),           # Rockies 12.1
    ("- 10 It is agreed", ["number"], ["10"], "It is agreed"),                        # Sooke App. B
    ("Step 3: The grievance", ["step"], ["3"], "The grievance"),
    ("Step Two The Union", ["step"], ["2"], "The Union"),
])
def test_markers_are_read_from_the_line_start(line, styles, values, rest):
    marked = read_markers(line)
    assert [m.style for m in marked.markers] == styles
    assert [m.value for m in marked.markers] == values
    assert marked.rest == rest


def test_i_can_be_a_roman_numeral_or_the_letter_after_h():
    (marker,) = read_markers("- i. Employees shall").markers
    assert marker.styles == ("roman", "letter")


@pytest.mark.parametrize("line", [
    "The Board shall pay $15.00 per hour.", "Step 2 may be waived by mutual agreement",
    "(hereinafter called the \"Board\"),", "etc. and so on", "Re: Loss of Seniority",
])
def test_plain_text_has_no_marker(line):
    assert read_markers(line).markers == []


def test_remembered_markers_are_a_copy_each_caller_may_change():
    first = read_markers("- b) 1. The employee")
    first.markers[0].value = "changed"
    first.markers.pop()
    again = read_markers("- b) 1. The employee")
    assert [(m.styles, m.value) for m in again.markers] == [(("letter",), "b"), (("number",), "1")]
    assert again.rest == "The employee" and again.bullet
