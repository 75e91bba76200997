"""clean_inline: one raw source line -> plain text.

Cases are real lines, quoted verbatim or cut down ('part', 'shortened'), unless marked 'made-up'.

Seed files: 001 = /work/shared/seeds/001_b57662171b1a0e1e.txt (Sooke, CUPE 459),
002 = 002_d9ac7d0854e76efd.txt (Local 476 bylaws), 003 = 003_bc40f15cdc92c091.txt (College of
the Rockies), 004 = 004_48c6b2abb5ff39e4.txt (New Westminster teachers).
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.clean.inline import InlineResult, clean_inline

REPO = Path(__file__).resolve().parents[2]
SEEDS = Path("/work/shared/seeds")
WORD = re.compile(r"[A-Za-z0-9]+")
TAG_LIKE = re.compile(r"<[a-zA-Z/!]")


# --- rule 1: heading marks ----------------------------------------------------------------------

@pytest.mark.parametrize("raw, text", [
    ("### 1.01 <u>Plural or Feminine Terms</u>", "1.01 Plural or Feminine Terms"),  # 001:166
    ("# **CONTRACTUAL AGREEMENT**", "CONTRACTUAL AGREEMENT"),  # 001:1
    ("# - Page 2 -", "- Page 2 -"),  # 001:2289
    ("## ", ""),  # 001:92
])
def test_heading_marks_are_removed_and_flagged(raw, text):
    result = clean_inline(raw)
    assert (result.text, result.heading) == (text, True)
    assert "#" in result.removed_markup


@pytest.mark.parametrize("raw", [
    "\\*LDW /COPE#491",  # 001:1838 ('#' inside a word)
    "####### seven marks is not a heading",  # made-up
    "#hashtag",  # made-up
])
def test_hash_marks_that_are_not_a_heading_prefix_stay(raw):
    result = clean_inline(raw)
    assert not result.heading
    assert "#" in result.text


@pytest.mark.parametrize("raw, text", [
    ("- <u>Step 1</u> The aggrieved employee shall submit the grievance to his steward.",  # 001:399 (part)
     "- Step 1 The aggrieved employee shall submit the grievance to his steward."),
    (" - b. Grid Placement x .75", "- b. Grid Placement x .75"),  # 004:903
    (" - a. If employees are added", "- a. If employees are added"),  # 004:332 (start)
])
def test_list_bullets_are_kept_but_their_indent_is_not(raw, text):
    assert clean_inline(raw).text == text


# --- rule 2: HTML fragments ---------------------------------------------------------------------

@pytest.mark.parametrize("raw, text, tag", [
    ("## 1.05 <u>Retirement</u>", "1.05 Retirement", "<u>"),  # 001:186
    ("ARTICLE 15:\t<b>SENIORITY</b>", "ARTICLE 15:\tSENIORITY", "<b>"),  # 001:73
    ("\ta) <i>Probationary</i>\t2", "\ta) Probationary\t2", "<i>"),  # 003:53
    ('<p style="text-align: center;">Appendix 1 PROVINCIAL MATTERS</p>',  # 004:2482
     "Appendix 1 PROVINCIAL MATTERS", "<p>"),
    ("ARTICLE 14:\t<ul> <li>DISCHARGE, SUSPENSION AND DISCIPLINE</li></ul>",  # 001:72
     "ARTICLE 14:\tDISCHARGE, SUSPENSION AND DISCIPLINE", "<li>"),
    ("<hr/>\t\t\t\t\t\t", "\t\t\t\t\t\t", "<hr>"),  # 003:1668 (row separator: cells stay)
    ("line one<br/>line two", "line one line two", "<br>"),  # made-up
])
def test_html_tags_are_unwrapped_to_their_text(raw, text, tag):
    result = clean_inline(raw)
    assert result.text == text
    assert tag in result.removed_markup


@pytest.mark.parametrize("raw, text", [
    ("ARTICLE 5: ARTICLE 6:\t<ul><li>5.01 All Employees to be Members</li>"  # 001:43
     "<li>CHECK-OFF UNION DUES</li></ul>",
     "ARTICLE 5: ARTICLE 6:\t5.01 All Employees to be Members CHECK-OFF UNION DUES"),
    ("\t<ul> <li>5.01 All Employees to be Members</li> <li>CHECK-OFF UNION DUES</li></ul>",  # 001:44
     "\t5.01 All Employees to be Members CHECK-OFF UNION DUES"),
    ("<u>Article</u>\t<u>Title</u>\t<u>Page</u>", "Article\tTitle\tPage"),  # 003:45
])
def test_list_items_are_separated_and_table_tabs_survive_the_html_parser(raw, text):
    assert clean_inline(raw).text == text


@pytest.mark.parametrize("raw, text", [
    ("January 1 <sup>st</sup> , 1980\t2.19 cents", "January 1st, 1980\t2.19 cents"),  # 001:1354
    ("by September 30<sup>th</sup> in each year.", "by September 30th in each year."),  # 001:624 (part)
])
def test_superscript_ordinals_join_their_number(raw, text):
    assert clean_inline(raw).text == text


@pytest.mark.parametrize("raw, text", [  # all made-up: hostile markup must come out as words
    ("<script>alert(1)</script> hi", "alert(1) hi"),
    ("<style>p{color:red}</style>ok", "p{color:red}ok"),
    ('<iframe src="https://evil.example">frame text</iframe>', "frame text"),
    ("a <img src=x onerror=alert(1)> b", "a b"),
    ('<a href="javascript:alert(1)">click</a>', "click"),
    ('<p onclick="evil()">para</p>', "para"),
    ("x <svg onload=alert(1)>", "x"),
    ("<b>&lt;script&gt;boom&lt;/script&gt;</b>", "boom"),  # decoded entities make a new tag
    ("<<script>script>alert(1)<</script>/script>", "alert(1)"),
    ("<!-- note --> text", "note text"),
])
def test_any_tag_comes_out_as_plain_text_without_tags_or_attributes(raw, text):
    result = clean_inline(raw)
    assert result.text == text
    assert not TAG_LIKE.search(result.text)


@pytest.mark.parametrize("raw", [
    "less than <5 days",  # made-up
    "a < b and c > d",  # made-up
    "AT&amp;T has no tag here",  # made-up: entities only decoded on tag-bearing lines
])
def test_angle_brackets_and_entities_without_a_tag_are_left_alone(raw):
    assert clean_inline(raw).text == raw


def test_entities_on_tag_bearing_lines_are_decoded():
    assert clean_inline("<u>Tools &amp; Equipment</u>").text == "Tools & Equipment"  # made-up


# --- rule 3: markdown escapes -------------------------------------------------------------------

@pytest.mark.parametrize("raw, text", [
    ("ten dollars (\\$10.00).", "ten dollars ($10.00)."),  # 001:848 (end)
    ("Dated this \\_\\_\\_\\_\\_\\_ day of \\_\\_\\_\\_\\_\\_.",  # 001:1854
     "Dated this ______ day of ______."),
    ("\\*Copied as per letter signed by Paul Ramsey",  # 001:2301
     "*Copied as per letter signed by Paul Ramsey"),
    ('\\*\\* Rated under the "Old" Job Evaluation Plan',  # 001:2224
     '** Rated under the "Old" Job Evaluation Plan'),
    ("\\# \\[x\\] \\. \\- \\( \\) \\\\", "# [x] . - ( ) \\"),  # made-up
])
def test_backslash_escapes_are_undone(raw, text):
    assert clean_inline(raw).text == text


# --- rule 4: emphasis ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw, text", [
    ("Shifts of **three and one half (3.5)** hours shall receive",  # 003:624 (part)
     "Shifts of three and one half (3.5) hours shall receive"),
    ("- 24.1** All employees shall be covered", "- 24.1 All employees shall be covered"),  # 003:1364 (part)
    ("- 8.1** The workweek is an average", "- 8.1 The workweek is an average"),  # 003:2465 (part)
    ("**COLLEGE OF", "COLLEGE OF"),  # 003:7 (bold run split over two lines)
    ("THE ROCKIES**", "THE ROCKIES"),  # 003:8
    ("**\\$0.25 per hour", "$0.25 per hour"),  # 003:1633
    ("***For claims inquiries, contact Manulife Financial",  # 003:2104
     "For claims inquiries, contact Manulife Financial"),
    ("at 1-800-575-2200***", "at 1-800-575-2200"),  # 003:2105
    ("governed by the *School Act*, the *Labour Relations Code*",  # 004:298 (part)
     "governed by the School Act, the Labour Relations Code"),
    ("PRESCRIPTION DRUGS *(part of Extended Health Care)*",  # 003:2133
     "PRESCRIPTION DRUGS (part of Extended Health Care)"),
    ("__Important__ notice", "Important notice"),  # made-up
])
def test_emphasis_marks_are_removed_and_words_kept(raw, text):
    assert clean_inline(raw).text == text


@pytest.mark.parametrize("raw", [
    "* Maximum for treatment and x-rays is combined.",  # 003:2189
    "Effective July 1, 2024*",  # 003:1694
    "Podiatrist/Chiropodist*.",  # 003:2187 (end)
    "Custodian I\t*272\t**346\t17.43\t18.55",  # 001:2161 (part; two footnote markers in cells)
    "Maintenance I\t**335\t17.07\t\t17.42\t17.70",  # 001:2200
    "*Rated under Gender-Neutral Job\tEvaluatio\ton Plan",  # 001:2192 (trailing tabs cut)
    "*Modified class (Secondary) includes Mathematics 8 Modified",  # 004:1427 (part)
    "THIS AGREEMENT made this ___ day of _____, 2023",  # 003:290 (blanks, not bold)
    "an allowance of $1.50* per hour",  # made-up
])
def test_footnote_asterisks_and_blank_lines_are_kept(raw):
    assert clean_inline(raw).text == raw


@pytest.mark.parametrize("raw, text", [
    # 003:1721 (shortened)
    ('***The wage increases shall be adjusted pursuant to Letter of Understanding 3.**',
     "*The wage increases shall be adjusted pursuant to Letter of Understanding 3."),
    ("**Note: Year 2 is the ongoing amount.*", "*Note: Year 2 is the ongoing amount."),  # 003:1790
    ("* Eye exams are subject to Pacific Blue Cross *Reasonable and Customary* limits.",  # 004:3245
     "* Eye exams are subject to Pacific Blue Cross Reasonable and Customary limits."),
])
def test_a_footnote_asterisk_glued_to_emphasis_keeps_one_star(raw, text):
    assert clean_inline(raw).text == text


# --- rule 5: LaTeX ------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, text", [
    ("two and one half  $(2 \\frac{1}{2})$  hours", "two and one half (2 1/2) hours"),  # 001:848
    ("two and one half  $(2\\frac{1}{2})$ ", "two and one half (2 1/2)"),  # 001:850
    ("time and one half  $(1 \\ 1/2)$  for additional time",  # 001:884
     "time and one half (1 1/2) for additional time"),
    (" $5.5 \\text{ hours} \\times 200 \\text{ days} = \\text{Hourly Rate}$",  # 004:905
     "5.5 hours × 200 days = Hourly Rate"),
    (" e.g. $\\$53,005 \\times .75$", "e.g. $53,005 × .75"),  # 004:907
    (" $5.5 \\text{ hours} \\times 200 \\text{ days} = \\36.14 per hour",  # 004:909 (never closed)
     "5.5 hours × 200 days = $36.14 per hour"),
    ("$$(V) = (180 \\text{ minutes}) \\times (P) \\times (S1 + S2)$$",  # 004:3492
     "(V) = (180 minutes) × (P) × (S1 + S2)"),
    ("- Repayment shall be $1/1200$ times the teacher's annual salary",  # 004:3674
     "- Repayment shall be 1/1200 times the teacher's annual salary"),
    ("paid $1/12$ plus $1/60$ of their annual salary",  # 004:3680 (part)
     "paid 1/12 plus 1/60 of their annual salary"),
])
def test_latex_fragments_become_plain_formula_text(raw, text):
    result = clean_inline(raw)
    assert result.text == text
    assert not re.search(r"\\[A-Za-z]", result.text)


@pytest.mark.parametrize("raw", [
    "President $150.00 | 3 Members at Large $25.00 |",  # 002:119
    "Secretary/Treasurer $125.00 | Recording Secretary $ 25.00 |",  # 002:121
    "be bonded for no less than $5000.00 (or any greater sum",  # 002:93 (part)
])
def test_dollar_amounts_are_money_not_math(raw):
    assert clean_inline(raw).text == raw


# --- rule 6: empty links ------------------------------------------------------------------------

@pytest.mark.parametrize("raw, text", [
    ("- a. [Section 52 Family Responsibility Leave](#)",  # 004:2129
     "- a. Section 52 Family Responsibility Leave"),
    ("- b. [Section 52.11 Critical Illness or Injury Leave](#)",  # 004:2130
     "- b. Section 52.11 Critical Illness or Injury Leave"),
])
def test_empty_links_become_their_words(raw, text):
    result = clean_inline(raw)
    assert result.text == text
    assert "[](#)" in result.removed_markup


def test_escaped_brackets_are_not_a_link():
    assert clean_inline("\\[See also\\](#)").text == "[See also](#)"  # made-up


# --- rules 7 and 8: whitespace ------------------------------------------------------------------

@pytest.mark.parametrize("raw, text", [
    ("1\t143-162\t\t17.95\t18.31\t\t18.68\t\t19.05\t\t19.43\t",  # 001:2115 (empty cells kept)
     "1\t143-162\t\t17.95\t18.31\t\t18.68\t\t19.05\t\t19.43\t"),
    ("ARTICLE 5:\tUNION SECURITY       4         5.01       All Employees",  # 001:41 (part)
     "ARTICLE 5:\tUNION SECURITY 4 5.01 All Employees"),
    ("two and one half  hours  ", "two and one half hours"),  # made-up
    ("join\xa0the call", "join the call"),  # 000:39 (no-break space from the web page)
])
def test_spaces_collapse_and_tabs_are_kept(raw, text):
    assert clean_inline(raw).text == text


@pytest.mark.parametrize("raw", [" ", "   ", ""])  # 003: 27 lines hold a single space
def test_a_line_of_spaces_is_empty(raw):
    assert clean_inline(raw) == InlineResult("", False, "", [])


# --- underlined: the clause-title hint ----------------------------------------------------------

@pytest.mark.parametrize("raw, title", [
    ("### 1.01 <u>Plural or Feminine Terms</u>", "Plural or Feminine Terms"),  # 001:166
    ('2.1 **"BOARD"**', '"BOARD"'),  # 003:318
    ("# a) **<u>Regular Employees</u>**", "Regular Employees"),  # 001:552
    ("## **<u>Re:</u>** Special Needs Teaching Assistant Appointment", "Re:"),  # 001:1884
    ("12.4 a) **Scheduling for the Period January 1 to April 30**",  # 003:741
     "Scheduling for the Period January 1 to April 30"),
    ("- <u>Step 1</u> The aggrieved employee shall submit the grievance", "Step 1"),  # 001:399 (part)
    ("### 19.06 <u>Hours of Work on Field Trips For Teaching Assistant VI, First Nation Assistant "
     "and</u> <u>Youth and Family Counsellor</u>",  # 001:876 (two runs joined)
     "Hours of Work on Field Trips For Teaching Assistant VI, First Nation Assistant and "
     "Youth and Family Counsellor"),
])
def test_underlined_or_bold_run_after_the_number_is_the_title_hint(raw, title):
    assert clean_inline(raw).underlined == title


@pytest.mark.parametrize("raw", [
    "#### **33.02** Office Employees",  # 001:1714 (the bold run is the number itself)
    "BETWEEN: **College of the Rockies**",  # 003:292 (not at the start)
    "- 2. AVID Tutors who are <u>not</u> registered as students",  # 001:2023 (part; mid-line emphasis)
    "Level\t<u>Step 1</u>",  # made-up: the run is not in the first cell
    "- (a) **A self-identified Indigenous employee may request up to two days' leave with pay "
    "per calendar year. Such leave will not be unreasonably withheld.**",  # 003:859 (shortened; new language)
    # 003:1721 (shortened)
    "***The wage increases shall be adjusted pursuant to Letter of Understanding 3.**",
    "**COLLEGE OF",  # 003:7
])
def test_no_title_hint_without_a_leading_title_run(raw):
    assert clean_inline(raw).underlined == ""


def test_title_hint_stops_at_a_table_cell():
    assert clean_inline("<u>Article</u>\t<u>Title</u>\t<u>Page</u>").underlined == "Article"  # 003:45


def test_removed_markup_lists_each_mark_once_in_order():
    raw = "## **<u>Re: Facilities Advisory Committee</u>**"  # 001:1866
    assert clean_inline(raw).removed_markup == ["#", "<u>", "**"]


# --- whole sources: no markup out, no word lost -------------------------------------------------

def _source_files() -> list[Path]:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    return seeds + sorted((REPO / "content").rglob("*.md"))


def _reference_words(raw: str) -> list[str]:
    """The words of a raw line: tags removed (BeautifulSoup), LaTeX command names ignored."""
    raw = re.sub(r"\\[A-Za-z]+", " ", raw)
    if TAG_LIKE.search(raw):
        raw = BeautifulSoup(raw, "html.parser").get_text()
    return WORD.findall(raw)


@pytest.mark.parametrize("path", _source_files(), ids=lambda p: p.name)
def test_every_line_of_every_source_keeps_its_words_and_loses_its_markup(path):
    problems = []
    for no, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        text = clean_inline(raw).text
        words, kept = _reference_words(raw), WORD.findall(text)
        # Tags may sit inside or between words ('30<sup>th</sup>', '</li><li>'), so tag-bearing
        # lines compare the alphanumeric characters in order; other lines compare word multisets.
        if TAG_LIKE.search(raw):
            same = "".join(words) == "".join(kept)
        else:
            same = Counter(words) == Counter(kept)
        if not same:
            problems.append(f"{no}: words changed: {raw!r} -> {text!r}")
        if TAG_LIKE.search(text):
            problems.append(f"{no}: tag left: {text!r}")
        if re.search(r"\*\*[^\s*][^*]*[^\s*]\*\*", text):
            problems.append(f"{no}: bold pair left: {text!r}")
        if re.search(r"\\[A-Za-z]", text):
            problems.append(f"{no}: LaTeX command left: {text!r}")
    assert not problems, "\n".join(problems[:20])
