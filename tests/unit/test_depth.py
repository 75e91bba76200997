"""The outline solver (tree/depth.py): each marker's style and depth decided by the whole run."""
from generator.tree.depth import Mark, solve
from generator.tree.markers import read_markers


def run(*printed, wrapped=()):
    marks = []
    for i, text in enumerate(printed):
        marker = read_markers(text + " x").markers[0]
        marks.append(Mark((i, 0), marker.styles, marker.value, wrapped=i in wrapped))
    decisions = solve(marks)
    return [(d.style, d.depth) if not d.is_text else "text" for d in (decisions[(i, 0)] for i in range(len(marks)))]


def test_i_after_h_continues_the_letters_when_j_follows():
    assert run("(g)", "(h)", "(i)", "(j)")[2] == ("letter", 0)


def test_i_after_h_is_roman_when_ii_follows():
    assert run("(g)", "(h)", "(i)", "(ii)") == [("letter", 0), ("letter", 0), ("roman", 1), ("roman", 1)]


def test_us_outline_a_1_a_paren1_nests_in_order_of_appearance():
    got = run("A.", "1.", "a.", "(1)", "(2)", "b.", "2.", "B.")
    assert got == [("letter", 0), ("number", 1), ("letter", 2), ("number", 3), ("number", 3),
                   ("letter", 2), ("number", 1), ("letter", 0)]


def test_wrapped_number_that_breaks_every_sequence_is_text():
    # "... the employee shall give fifteen" / "(15) hours notice": not item 15 of the list
    assert run("(a)", "(b)", "(15)", "(c)", wrapped={2})[2] == "text"


def test_a_number_that_continues_its_list_is_an_item_even_after_a_wrap():
    assert run("(1)", "(2)", "(3)", wrapped={2})[2] == ("number", 0)

