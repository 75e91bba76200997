"""Layout damage a PDF converter leaves: repaired, every word kept, what was taken off recorded.

Small made-up texts in the shapes found in pdftotext, Docling and pandoc output.
"""
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.clean import clean
from generator.clean.inline import clean_inline
from generator.clean.layout import KEYWORDS, may_hold_split_keyword, rejoin, rejoin_words
from tests.conftest import make_source


def cleaned(body):
    return clean(make_source(body))


def texts(body):
    return [line.text for line in cleaned(body).lines if line.text.strip()]


def removed(body):
    return [(a.kind, a.first_line, a.text) for a in cleaned(body).removed]


# --- Windows-1252 punctuation decoded as C1 control characters ---------------------------------

@pytest.mark.parametrize("raw, text", [
    ("\x93bargaining unit\x94 means", "“bargaining unit” means"),
    ("the Employer\x92s \x91right\x92", "the Employer’s ‘right’"),
    ("ARTICLE 7 \x96 WAGES", "ARTICLE 7 – WAGES"),
    ("\x95 vacation\x97paid", "• vacation—paid"),
])
def test_c1_control_characters_are_mapped_to_their_windows_1252_punctuation(raw, text):
    assert clean_inline(raw).text == text


@pytest.mark.parametrize("raw, text", [
    ("the Employerâ€™s right", "the Employer’s right"),
    ("Article 7 â€“ Wages", "Article 7 – Wages"),
    ("â€œtermâ€\x9d means", "“term” means"),
    ("cafÃ© and Ângela’s “quote”", "café and Ângela’s “quote”"),  # real accents stay
])
def test_utf8_read_as_windows_1252_is_undone(raw, text):
    assert clean_inline(raw).text == text


# --- form feeds -------------------------------------------------------------------------------

def test_a_form_feed_glued_to_a_line_goes_and_the_text_stays():
    assert texts("end of page one.\n\fSection 4\nAny employee") == ["end of page one.", "Section 4", "Any employee"]


def test_a_form_feed_inside_a_line_splits_it_and_both_halves_keep_the_line_number():
    lines = [(line.no, line.text) for line in cleaned("last words\fARTICLE 2 - PAY\n").lines if line.text]
    assert lines == [(1, "last words"), (1, "ARTICLE 2 - PAY")]


# --- page furniture -----------------------------------------------------------------------------

@pytest.mark.parametrize("line, kind", [
    ("Page 6 of 40", "page-number"),
    ("Page |1", "page-number"),
    ("AFSCME – 2025-597   Page |1", "page-number"),
    ("- 14 -", "page-number"),
    ("SSO -- 44", "page-header"),
])
def test_page_furniture_lines_are_removed_with_their_kind(line, kind):
    body = f"The Employer shall pay overtime\n{line}\nat double time.\n"
    assert removed(body) == [(kind, 2, " ".join(line.split()))]
    assert texts(body) == ["The Employer shall pay overtime", "at double time."]


def test_a_page_header_glued_to_the_heading_after_it_is_cut_off():
    body = "the end of Section 2.\nSSO -- 44Section 3. Overtime\nEmployees shall\n"
    assert removed(body) == [("page-header", 2, "SSO -- 44")]
    assert texts(body)[1] == "Section 3. Overtime"


def test_headings_and_sentences_ending_in_numbers_are_not_furniture():
    body = "ARTICLE -- 4\nas set out on page 6 of 40.\nSection 4\n"
    assert removed(body) == []


PAGED = """The County agrees to the terms below.
Agreement 2021 between the County and the Union
1
\fSection 4
Any employee who is terminated during probation shall be told why.
Agreement 2021 between the County and the Union
2
\fSection 4 continued
Step
Agreement 2021 between the County and the Union
3
\fSection 4
more text of the agreement
"""


def test_a_short_line_recurring_at_page_breaks_is_a_running_footer_with_its_page_number():
    kinds = [(kind, no) for kind, no, _ in removed(PAGED)]
    assert kinds == [("running-header", 2), ("page-number", 3), ("running-header", 6), ("page-number", 7),
                     ("running-header", 10), ("page-number", 11)]
    assert texts(PAGED).count("Section 4") == 2  # a heading at the top of two pages is not a header


def test_in_a_paged_text_a_number_alone_away_from_page_breaks_is_data():
    # au-austrade-ea-2019-2022 Appendix A: pay points "1", "2" stand alone between blank lines
    body = PAGED + "APS1\n\n1\n\n$50,205\n\n2\n\n$52,212\n"
    assert "1" in texts(body) and "2" in texts(body)


def test_in_a_text_without_page_breaks_a_number_alone_between_blank_lines_is_a_page_number():
    assert removed("text\n\n81\n\nmore") == [("page-number", 3, "81")]


# --- words split by justification -------------------------------------------------------------

@pytest.mark.parametrize("text, joined", [
    ("Arti cle 12 - Wages", "Article 12 - Wages"),
    ("Ste p 2", "Step 2"),
    ("SECT ION 3. OVERTIME", "SECTION 3. OVERTIME"),
    ("Sche dule “A”", "Schedule “A”"),
    ("as set out in Arti cle XII", "as set out in Article XII"),
])
def test_a_heading_keyword_split_by_justification_is_rejoined(text, joined):
    assert rejoin(text)[0] == joined


@pytest.mark.parametrize("text", [
    "a Part 2",            # two words, not one split
    "we Let ter go",       # not a heading's place: no number after, not at the start
    "in this Arti cle the",
    "an art icle",         # case of two words
])
def test_words_that_only_look_like_a_split_keyword_stay_apart(text):
    assert rejoin(text) == (text, [])


@st.composite
def split_keyword(draw):
    """A keyword cut at some places, the pieces joined by a space or something else, in one case
    or another: "Arti cle", "S E C T I O N", "SECT ion", "Ste-p", "app endix"."""
    word = draw(st.sampled_from(KEYWORDS))
    cuts = sorted(draw(st.sets(st.integers(1, len(word) - 1), max_size=len(word) - 1)))
    pieces = [word[i:j] for i, j in zip([0] + cuts, cuts + [len(word)])]
    case = draw(st.sampled_from([str.lower, str.upper, str.capitalize, str.swapcase]))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "", "  ", "-", "\t"]), min_size=len(pieces),
                         max_size=len(pieces)))
    return "".join(p + sep for p, sep in zip(case(" ".join(pieces)).split(" "), seps))


FILLER = st.sampled_from(["", " ", "a ", "in the ", "12", " 12 - Wages", " XII", " “A”", " No. 3", "#3 ", "Part",
                          "ſ", "é", "K", ".", "(b) ", "\u00a0", "art", "icle ", "the Let ter "])


@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.lists(st.one_of(split_keyword(), FILLER), max_size=6))
def test_the_split_keyword_check_never_skips_a_line_rejoin_would_change(parts):
    """rejoin() skips a line when may_hold_split_keyword() says no keyword is printed with a space
    inside it: whatever the line, rejoining it word by word then finds nothing either."""
    text = "".join(parts)
    slow = rejoin_words(text)
    assert rejoin(text) == slow
    if not may_hold_split_keyword(text):
        assert slow == (text, [])


def test_a_rejoined_word_is_recorded_as_printed():
    assert removed("Arti cle 5 - Seniority\n") == [("rejoined-word", 1, "Arti cle")]


# --- converter leftovers -----------------------------------------------------------------------

def test_pandoc_raw_html_fences_are_removed_and_their_text_kept():
    body = "```{=html}\n<p>Letter of Understanding</p>\n```\nThe parties agree.\n"
    assert [(k, n) for k, n, _ in removed(body)] == [("html-fragment", 1), ("html-fragment", 3)]
    assert texts(body) == ["Letter of Understanding", "The parties agree."]


def test_pandoc_inline_raw_html_is_unwrapped():
    assert clean_inline("first line`<br>`{=html}second line").text == "first line second line"


@pytest.mark.parametrize("raw, text", [
    ("\\# of hours", "# of hours"),
    ("\\*\\*not bold\\*\\*", "**not bold**"),
    ("\\- a dash", "- a dash"),
    ("1\\. Recognition", "1. Recognition"),
])
def test_backslash_escapes_are_unescaped(raw, text):
    assert clean_inline(raw).text == text


def test_markdown_bold_is_stripped_and_list_dashes_kept():
    assert clean_inline("- a) **Seniority** means").text == "- a) Seniority means"


def test_docling_image_placeholders_are_removed_as_artifacts():
    body = "<!-- image -->\n## ARTICLE 1 - RECOGNITION\nThe Employer <!-- image --> recognizes\n"
    assert [(k, n) for k, n, _ in removed(body)] == [("image", 1), ("image", 3)]
    assert texts(body) == ["ARTICLE 1 - RECOGNITION", "The Employer recognizes"]


def test_a_letter_spaced_heading_keyword_is_rejoined():
    assert rejoin("A R T I C L E 5 - WAGES") == ("ARTICLE 5 - WAGES", ["A R T I C L E"])


def test_a_page_number_glued_to_the_heading_after_it_is_cut_off():
    body = "the end of Article 6.\nPage 6 of 40ARTICLE 7 - HOLIDAYS\n"
    assert removed(body) == [("page-header", 2, "Page 6 of 40")]
    assert texts(body)[1] == "ARTICLE 7 - HOLIDAYS"


UNPAGED = """The County agrees to the terms below.
Deschutes County AFSCME Agreement
Page 1 of 3
Section 4
Any employee who is terminated during probation shall be told why.
Deschutes County AFSCME Agreement
Page 2 of 3
Deschutes County AFSCME AgreementSection 5
more text of the agreement
Deschutes County AFSCME Agreement
Page 3 of 3
"""


def test_without_form_feeds_the_page_number_lines_are_the_page_breaks():
    kinds = [(kind, no, text) for kind, no, text in removed(UNPAGED)]
    assert [(k, n) for k, n, _ in kinds] == [("running-header", 2), ("page-number", 3), ("running-header", 6),
                                             ("page-number", 7), ("running-header", 8), ("running-header", 10),
                                             ("page-number", 11)]
    assert texts(UNPAGED) == ["The County agrees to the terms below.", "Section 4",
                              "Any employee who is terminated during probation shall be told why.",
                              "Section 5", "more text of the agreement"]


FURNITURE = st.lists(st.sampled_from(["Page", "page", "PAGE", " ", "|", "6", "12", "٣", "²", " of ", "/", "40", "-", "–",
                                      "—", "SSO", "CUPE", "Article", "x", ".", "\n", "AFSCME – 2025-597"]), max_size=8)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(FURNITURE.map("".join))
@example("— 14 —")
@example("Page ٣")  # an Arabic-Indic digit is a \d
def test_a_line_skipped_by_its_last_character_is_no_furniture(text):
    """furniture_kind looks at a line's patterns only when it ends in a digit or a dash."""
    from generator.clean.layout import DASHED_PAGE, LABEL_PAGE_LINE, PAGE_LINE, furniture_kind

    bare = text.strip()
    expected = ("page-number" if PAGE_LINE.match(bare) or DASHED_PAGE.match(bare) else
                "page-header" if LABEL_PAGE_LINE.match(bare) and bare.upper() == bare else "")
    assert furniture_kind(text) == expected


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["CITY MOU 2025", "ARTICLE", "SIDE LETTER", "Article", "PART", "Part", " 2 - B", "x",
                                 " ", "MEMORANDUM", "LETTERS"]), max_size=5).map("".join))
def test_a_line_without_a_heading_word_has_no_glued_heading(text):
    from generator.clean.layout import GLUED_HEADING, _has_heading_word

    if not _has_heading_word(text):
        assert GLUED_HEADING.match(text.strip()) is None
