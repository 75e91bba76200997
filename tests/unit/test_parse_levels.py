"""The parser's stack: depth comes from the order of numbering styles, never from '#' or indents."""
from tests.conftest import cites, parse_text


def test_clauses_nest_under_their_article_by_number():
    doc = parse_text("ARTICLE 7: OBLIGATIONS\n\n7.1 First\n\ntext\n\n7.1.1 Deeper\n\ntext\n\n7.2 Second\n")
    assert cites(doc) == ["7", "7.1", "7.1.1", "7.2"]


def test_heading_marks_do_not_decide_depth():
    body = "# ARTICLE 1: A\n\n### 1.01 X\n\n# a) Title one\n\ntext\n\n- b) plain\n\n### c) three\n"
    assert cites(parse_text(body)) == ["1", "1.01", "1.01.a", "1.01.b", "1.01.c"]


def test_new_style_nests_and_known_style_returns_to_its_level():
    body = "ARTICLE 1: A\n\n1.01 X\n\n- a) one\n- 1. sub\n- 2. sub\n- i. deep\n- b) two\n"
    assert cites(parse_text(body))[1:] == ["1.01", "1.01.a", "1.01.a.1", "1.01.a.2", "1.01.a.2.i", "1.01.b"]


def test_i_after_h_is_a_letter_not_a_roman_numeral():
    body = "ARTICLE 1: A\n\n1.01 X\n\n" + "\n".join(f"- {c}) item" for c in "abcdefghij") + "\n"
    assert cites(parse_text(body))[-2:] == ["1.01.i", "1.01.j"]


def test_same_letter_at_two_depths_goes_to_the_level_that_expects_it():
    # New Westminster C.23.5: c. / iii. / a.-d. then "d. Preparation Time" back at the outer level
    body = ("ARTICLE C.23 JOB SHARING\n\n5.\n- a. x\n- b. x\n- c. x\n- i. x\n- ii. x\n- iii. x\n"
            "- a. x\n- b. x\n- c. x\n- d. x\n- d. Preparation Time\n")
    got = cites(parse_text(body))
    assert got[-5:] == ["C.23.5.c.iii.a", "C.23.5.c.iii.b", "C.23.5.c.iii.c", "C.23.5.c.iii.d", "C.23.5.d"]


def test_combined_markers_on_one_line_nest():
    body = "ARTICLE 22: X\n\n22.02 Y\n\n- a) one\n- b) 1. first\n- 2. second\n"
    assert cites(parse_text(body))[-3:] == ["22.02.b", "22.02.b.1", "22.02.b.2"]


def test_numbers_restarting_after_a_subheading_are_cited_under_it():
    # Rockies 22.6: Steps, then "Familiarization Period" i.-iii., then "Notes" 1.-5.
    body = ("ARTICLE 22 LAYOFFS\n\n22.6\n\nBumping\n\n1. rule one\n2. rule two\n\n"
            "Notes\n\n1. note one\n2. note two\n")
    got = cites(parse_text(body))
    assert got[-5:] == ["22.6.1", "22.6.2", "22.6.notes", "22.6.notes.1", "22.6.notes.2"]


def test_a_list_under_a_subheading_inside_a_step_belongs_to_the_step():
    # Rockies 22.6: "Step 2 - ..." then "Employee's Campus" then a)-f), then "Step 3"
    body = ("ARTICLE 22 LAYOFFS\n\n22.6\n\nStep 1 - first\n\nStep 2 - second\n\nEmployee's Campus\n\n"
            "- a) one\n- b) two\n\nStep 3 - third\n")
    assert cites(parse_text(body))[-4:] == ["22.6.2", "22.6.2.a", "22.6.2.b", "22.6.3"]


def test_text_after_an_item_stays_in_that_item():
    doc = parse_text("ARTICLE 1: A\n\n1.01 X\n\n- a) one.\n\nMore about a.\n")
    item = [n for n in doc.root.walk() if n.cite == "1.01.a"][0]
    assert [b.text for b in item.blocks] == ["one.", "More about a."]


def test_a_paragraph_split_by_a_page_break_is_joined():
    doc = parse_text("ARTICLE 1: A\n\n1.01 X\n\nThe employee shall be\n\nentitled to leave.\n")
    clause = [n for n in doc.root.walk() if n.cite == "1.01"][0]
    assert [b.text for b in clause.blocks] == ["The employee shall be entitled to leave."]


def test_decimal_of_another_article_is_kept_as_text_not_misfiled():
    doc = parse_text("ARTICLE 11: A\n\n11.01 X\n\n12.05 shall apply here.\n")
    assert "12.05" not in cites(doc)
    clause = [n for n in doc.root.walk() if n.cite == "11.01"][0]
    assert clause.blocks[-1].text == "12.05 shall apply here."


def test_article_heading_already_seen_is_a_reference_inside_a_letter():
    body = ("ARTICLE 8 HOURS\n\n8.1 Work\n\ntext\n\nLETTER OF UNDERSTANDING #4\n\nRE: Hours\n\n"
            "Article 8 Hours of Work\n\n8.1 The normal work week\n")
    got = cites(parse_text(body))
    assert got.count("8") == 1 and "LOU 4.8.1" in got


def test_text_before_the_first_heading_is_the_preamble():
    doc = parse_text("WHEREAS the parties agree;\n\nARTICLE 1: DEFINITIONS\n\n1.01 X\n")
    assert cites(doc)[:2] == ["Preamble", "1"]


def test_letters_without_headings_are_numbered_from_the_toc():
    body = ("TABLE OF CONTENTS\n\nARTICLE 1: A\t1\nLETTER OF UNDERSTANDING # 1 First\t9\n"
            "LETTER OF UNDERSTANDING # 2 Second\t10\n\n"
            "WHEREAS the parties to this Agreement wish to set out here the terms and conditions of employment;\n\n"
            "ARTICLE 1: A\n\n1.01 X\n\nIN WITNESS WHEREOF the parties have signed.\n\n"
            "between\n\nTHE BOARD\n\nand\n\nTHE UNION\n\nRe: First letter\n\ntext\n\n"
            "between\n\nTHE BOARD\n\nand\n\nTHE UNION\n\nRe: Second letter\n\ntext\n\n"
            "between\n\nTHE BOARD\n\nand\n\nTHE UNION\n\nRe: Third letter\n\ntext\n")
    doc = parse_text(body)
    letters = [(n.cite, n.title) for n in doc.root.children if n.kind == "lou"]
    assert letters == [("LOU 1", "First letter"), ("LOU 2", "Second letter"), ("LOU 3", "Third letter")]


def test_an_unseen_agreement_with_mixed_case_headings_and_no_toc():
    body = ("Article 1 – Purpose\n\n1.1 The parties agree.\n\nArticle 2 – Hours of Work\n\n2.1 Normal Day\n\n"
            "- (a) Seven hours.\n- (b) Breaks:\n- (i) two of fifteen minutes.\n\nArticle 3 - Leave\n\n3.1 Text.\n")
    assert cites(parse_text(body)) == ["1", "1.1", "2", "2.1", "2.1.a", "2.1.b", "2.1.b.i", "3", "3.1"]
