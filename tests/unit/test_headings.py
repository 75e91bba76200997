"""Unit headings: which lines open articles, sections, schedules, letters (by words, not '#')."""
import pytest

from generator.tree.headings import read_heading


@pytest.mark.parametrize("line, kind, cite, title", [
    ("ARTICLE 12: GRIEVANCE PROCEDURE", "article", "12", "GRIEVANCE PROCEDURE"),       # Sooke
    ("ARTICLE 7 EMPLOYEE RIGHTS", "article", "7", "EMPLOYEE RIGHTS"),                  # Rockies
    ("ARTICLE A.6 GRIEVANCE PROCEDURE", "article", "A.6", "GRIEVANCE PROCEDURE"),      # New Westminster
    ("SECTION A THE COLLECTIVE BARGAINING RELATIONSHIP", "section", "Section A", "THE COLLECTIVE BARGAINING RELATIONSHIP"),
    ("SCHEDULE 'A'", "schedule", "Schedule A", ""),
    ('APPENDIX "B" - BCPSEA LOU', "appendix", "Appendix B", "BCPSEA LOU"),
    ("LETTER OF UNDERSTANDING NO. 3. a", "lou", "LOU 3.A", ""),
    ("LETTER OF UNDERSTANDING 2022 # 1", "lou", "LOU 2022-1", ""),
    ("Letter of Understanding #16", "lou", "LOU 16", ""),
    ("Appendix A to Letter of Understanding No. 9", "appendix", "LOU 9 Appendix A", ""),
    ("Addendum A To", "addendum", "Addendum A", "To"),
    ("MEMORANDUM OF UNDERSTANDING", "mou", "MOU", ""),
    ("PREAMBLE", "part", "Preamble", ""),
    ("SIGNATURES", "part", "Signatures", ""),
    ("IN WITNESS WHEREOF the Corporate Seal of the Board has been hereunto affixed, attested to by "
     "the hands of its proper Officers", "part", "Signatures", ""),
])
def test_unit_headings_are_recognised_by_their_words(line, kind, cite, title):
    heading = read_heading(line)
    assert (heading.kind, heading.cite, heading.title) == (kind, cite, title)


def test_mixed_case_article_line_is_marked_as_not_upper():
    heading = read_heading("Article 8 Hours of Work")  # a Rockies letter naming the article it varies
    assert heading is not None and not heading.upper


@pytest.mark.parametrize("line", [
    "Article 12.05 of this Agreement shall apply to all grievances filed after ratification.",
    "Section (d) above",
    "See Schedule 'A'.",
    "The parties agree that Article 12 and 13 apply;",
])
def test_references_and_sentences_are_not_headings(line):
    assert read_heading(line) is None


@pytest.mark.parametrize("line, kind, cite, title", [
    ("ARTICLE XIV - OVERTIME", "article", "14", "OVERTIME"),                 # roman, cited in arabic
    ("Article 7: Hours of Work", "article", "7", "Hours of Work"),           # Canadian federal
    ("## ARTICLE 7.00 -TITLE", "article", "7", "TITLE"),                     # Alberta construction
    ("ARTICLE 1.000 RECOGNITION", "article", "1", "RECOGNITION"),            # Alberta maintenance
    ("1. SECTION 1: SCOPE OF THIS AGREEMENT", "section", "Section 1", "SCOPE OF THIS AGREEMENT"),
    ("PART A. TECHNICAL MATTERS", "part", "Part A", "TECHNICAL MATTERS"),
    ("PART III", "part", "Part 3", ""),
    ("Chapter iv: Leave", "chapter", "4", "Leave"),
    ("SIDE LETTER NO. 2 – Split Shifts", "side-letter", "Side Letter 2", "Split Shifts"),
    ("MEMORANDUM OF AGREEMENT No. 2 – Split Shifts", "moa", "MOA 2", "Split Shifts"),
    ("EXHIBIT A", "exhibit", "Exhibit A", ""),
    ("Attachment B - Forms", "attachment", "Attachment B", "Forms"),
    ("APPENDIX “A” -TIME MANAGEMENT PROGRAM", "appendix", "Appendix A", "TIME MANAGEMENT PROGRAM"),
    ("Article (17-1) Pay", "article", "17-1", "Pay"),
    ("LETTER OF AGREEMENT #3", "lou", "LOU 3", ""),
    ("**ARTICLE 12 — WAGES**", "article", "12", "WAGES"),
])
def test_any_vocabulary_numeral_and_separator_is_read(line, kind, cite, title):
    heading = read_heading(line)
    assert (heading.kind, heading.cite, heading.title) == (kind, cite, title)


@pytest.mark.parametrize("line", ["Part of the agreement", "Section 3(b) of Article XII", "ARTICLE 12.05",
                                  "Article 12a"])
def test_words_and_references_after_a_keyword_are_not_headings(line):
    assert read_heading(line) is None


def test_a_remembered_heading_is_a_copy_each_caller_may_change():
    """read_heading remembers each line's reading; the builder changes the citation of the
    heading it gets ("PART I" among Parts A-M is Part I), which must not reach the next reader."""
    first = read_heading("ARTICLE XII - OVERTIME")
    first.cite, first.num = "changed", "changed"
    again = read_heading("ARTICLE XII - OVERTIME")
    assert (again.cite, again.num, again.title) == ("12", "12", "OVERTIME")
    assert again is not first
    assert read_heading("IN WITNESS WHEREOF the parties sign") == read_heading("In Witness Whereof the parties sign")


@pytest.mark.parametrize("words", [15, 16, 17])
def test_a_heading_has_at_most_sixteen_words(words):
    line = "ARTICLE 5 " + " ".join(["WORD"] * (words - 2))
    assert (read_heading(line) is not None) == (words <= 16)


def test_two_documents_share_no_heading_or_marker_strings():
    """What read_heading and read_markers remember is one document's (parse() forgets it first):
    the preview's keys pickle several documents' citations together, and pickle writes a string
    object met twice only once, so a document fresh from the parser must share none with another."""
    from tests.conftest import parse_text

    body = "ARTICLE 12 – GRIEVANCE PROCEDURE\n\n12.05 Settling of Grievance\n\n(a) a step\n\n(b) another step\n"
    first, second = parse_text(body), parse_text(body)

    def strings(document):
        return [s for n in document.root.walk() if n.kind != "document"  # its title is the front matter's
                for s in (n.cite, n.title, n.num, n.printed) if len(s) > 1]

    ids = {id(s) for s in strings(first)}
    assert strings(second) == strings(first) and strings(first)
    assert not [s for s in strings(second) if id(s) in ids]
