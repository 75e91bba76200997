"""Defined terms in the styles of other unions' agreements (issue 11): one test per shape, each with
the near-misses that must NOT be definitions. Trees are built by hand (the parser is being
rewritten), in the shapes a parser gives: a block per line, or lines kept in one block."""
from pathlib import Path

import pytest

from generator import terms_config
from generator.model import Block, DocMeta, Document, Node, Source
from generator.passes.def_find import find_definitions
from generator.passes.definitions import Tree, annotate_definitions, find_all


def doc(*units: Node) -> Document:
    meta = DocMeta(title="Test", slug="test", kind="agreement")
    return Document(Source(Path("content/agreements/test.md"), meta, "", 1), Node("document", children=list(units)))


def node(kind: str, cite: str, title: str = "", *texts: str, children=(), line: int = 1) -> Node:
    """A node whose blocks are `texts`, one line each from `line` on (a text with "\n" spans lines;
    "" is a blank line)."""
    blocks = []
    for text in texts:
        if not text:
            line += 1
            continue
        span = text.count("\n")
        blocks.append(Block("table" if text.startswith("|") else "para", text, line=line, last_line=line + span))
        line += span + 1
    return Node(kind, cite=cite, num=cite, title=title, blocks=blocks, children=list(children), line=1)


def terms(document: Document) -> dict[str, tuple]:
    """term -> (aliases, scopes, text) of every definition found."""
    return {c.found.term: (c.found.aliases, c.scopes, c.text) for c in find_all(document, Tree(document))}


def one(text: str, context: bool = False) -> list[tuple[str, list[str]]]:
    return [(f.term, f.aliases) for f in find_definitions(text, context)]


# ------------------------------------------------------------------ a term alone above "means"

def test_a_quoted_term_on_its_line_defines_with_the_means_line_under_it():
    found = terms(doc(node("article", "2", "Interpretation", "For the purposes of this Agreement:",
                           'a. "annual rate of pay"', "means an employee's weekly rate of pay times 52.")))
    assert "annual rate of pay" in found
    assert found["annual rate of pay"][2].startswith("annual rate of pay means an employee's weekly rate")


def test_a_clause_titled_with_the_quoted_term_and_starting_with_means_defines_it():
    clause = node("clause", "2.01", '"annual rate of pay"', "means an employee's weekly rate of pay times 52.")
    assert "annual rate of pay" in terms(doc(node("article", "2", "Interpretation", children=[clause])))


def test_the_term_and_its_means_line_in_one_block_define_it():
    assert one('"annual rate of pay"\nmeans the weekly rate times 52.') == [("annual rate of pay", [])]
    assert one("Agency\nmeans the Department of Home Affairs.") == [("Agency", [])]


@pytest.mark.parametrize("above,below", [
    ("The Employer shall provide transportation.", "means of transport will be arranged by the Employer."),
    ("of the employee concerned and", "means that leave is granted."),  # the end of a wrapped sentence
    ("| Step | Rate |", "means the rate in the table above."),  # a table is not a term
])
def test_a_line_above_means_that_is_not_a_term_defines_nothing(above, below):
    assert terms(doc(node("article", "9", "Travel", above, below))) == {}


def test_a_clause_titled_like_a_topic_whose_text_starts_with_means_of_defines_nothing():
    clause = node("clause", "9.01", "Transportation", "means of transport will be arranged by the Employer.")
    assert terms(doc(node("article", "9", "Travel", children=[clause]))) == {}


# ------------------------------------------------------------------ bilingual federal terms

def test_a_french_gloss_is_neither_the_term_nor_an_alias():
    assert one('"allowance" (indemnité) means compensation payable for duties.') == [("allowance", [])]
    assert one('"Employer" (Employeur) means Her Majesty in right of Canada.') == [("Employer", [])]


def test_a_bilingual_term_on_its_own_line_defines_with_the_means_line_under_it():
    found = terms(doc(node("article", "2", "Interpretation and Definitions", '"allowance" (indemnité)',
                           "means compensation payable for duties of a special nature.")))
    assert list(found) == ["allowance"] and found["allowance"][0] == []


def test_an_abbreviation_in_parentheses_is_still_an_alias():
    assert one('"Teacher Teaching on Call" (TTOC) means a teacher.') == [("Teacher Teaching on Call", ["TTOC"])]


# ------------------------------------------------------------------ quote marks

@pytest.mark.parametrize("text", ['“spouse" means a partner.', '"spouse” means a partner.', "‘spouse’ means a partner.",
                                  "''spouse'' means a partner.", "\u0093spouse\u0094 means a partner.",
                                  "' spouse ' means a partner."])
def test_any_mix_of_quote_marks_quotes_a_term(text):
    assert one(text) == [("spouse", [])]


@pytest.mark.parametrize("text", ["The employee's 'home' base is fixed by the Employer.",
                                  "Employees' ''rights'' are protected.",
                                  "He said 'yes' and means it."])
def test_quoted_words_that_are_not_defined_define_nothing(text):
    assert one(text) == []


# ------------------------------------------------------------------ glossaries printed as lists

BLOCKS = ["In this Agreement:", "Agency", "Agreement", "APS", "means the Department of Home Affairs.",
          "means this enterprise agreement.", "means the Australian Public Service."]


@pytest.mark.parametrize("texts", [BLOCKS, ["\n".join(BLOCKS)]], ids=["a block per line", "one block"])
def test_a_block_of_terms_then_a_block_of_definitions_pair_in_order(texts):
    found = terms(doc(node("clause", "3", "Definitions", *texts)))
    assert {t: v[2] for t, v in found.items()} == {
        "Agency": "Agency: means the Department of Home Affairs.",
        "Agreement": "Agreement: means this enterprise agreement.",
        "APS": "APS: means the Australian Public Service."}


@pytest.mark.parametrize("texts,message", [
    (["Agency", "Agreement", "means the Department of Home Affairs.", "means this enterprise agreement.",
      "means the Australian Public Service."], "the glossary lists 2 term lines in 1 group(s) but 3 definitions"),
    (["Agency", "Agreement", "APS", "means the Department of Home Affairs.", "means this enterprise agreement."],
     "the glossary's 2 definitions fit its term lines in 2 ways"),  # "Agency Agreement" or "Agreement APS"?
])
def test_terms_and_definitions_that_do_not_pair_up_are_reported_not_guessed(texts, message):
    document = doc(node("article", "3", "Definitions", *texts, line=40))
    assert terms(document) == {}
    assert [(p.path, p.line, p.message.split(":")[0]) for p in document.problems] == [
        ("content/agreements/test.md", 40, message)]


def test_a_glossary_of_terms_each_above_its_definition_pairs_them():
    found = terms(doc(node("appendix", "Appendix 3", "Definitions", "Term\n\nDefinition\n\nAPS\n\n"
                           "Australian Public Service.\n\nImmediate family\nmember\n\nMeans a spouse or child.")))
    assert {t: v[2] for t, v in found.items()} == {"APS": "APS: Australian Public Service.",
                                                   "Immediate family member": "Immediate family member: Means a "
                                                                              "spouse or child."}


def test_a_list_outside_a_definitions_part_is_not_a_glossary():
    assert terms(doc(node("article", "12", "Holidays", "New Year's Day", "Good Friday", "Christmas Day",
                          "Each holiday is paid at the regular rate."))) == {}


# ------------------------------------------------------------------ hereinafter

@pytest.mark.parametrize("text,term,party", [
    ("between Deschutes County (hereinafter the County) and the Union", "County",
     "Deschutes County (hereinafter the County)"),
    ('between ABC Ltd. (hereinafter the "Employer") and', "Employer", 'ABC Ltd. (hereinafter the "Employer")'),
    ('and Local 12 (hereinafter referred to as the "Union")', "Union",
     'Local 12 (hereinafter referred to as the "Union")'),
])
def test_hereinafter_names_a_party_with_or_without_quotes(text, term, party):
    found = find_definitions(text)
    assert [(f.term, f.shape, f.scope, f.text) for f in found] == [(term, "party-the", "doc", party)]


@pytest.mark.parametrize("text", ["the terms set out below (hereinafter the following provisions) apply",
                                  "as provided hereinafter the Employer shall pay"])
def test_hereinafter_without_a_capitalised_name_in_parentheses_defines_nothing(text):
    assert find_definitions(text) == []


def test_hereinafter_after_a_common_noun_is_a_local_term_not_a_party():
    found = find_definitions('any dispute (hereinafter referred to as "the grievance") respecting the Agreement')
    assert [(f.term, f.shape) for f in found] == [("grievance", "paren-the")]


# ------------------------------------------------------------------ where definitions apply

def test_definitions_at_the_end_of_the_agreement_apply_to_all_of_it():
    document = doc(node("article", "1", "Hours", "The Agency sets the hours of work."),
                   node("schedule", "Schedule 9", "Glossary", "Agency means the Department of Home Affairs."))
    annotate_definitions(document, terms_config.TermsConfig())
    assert [(d.term, d.scopes, d.cite) for d in document.glossary] == [("Agency", [], "Schedule 9")]
    marked = document.root.children[0].blocks[0].annotations
    assert [(a.kind, a.target) for a in marked] == [("term", "agency")]


def test_an_australian_definitions_clause_in_this_agreement_applies_to_all_of_it():
    clause = node("clause", "3", "Definitions", "In this Agreement:", "Agency means the Department of Home Affairs.",
                  "APS means the Australian Public Service.")
    found = terms(doc(node("article", "A", "Part A – Introduction", children=[clause])))
    assert {t: v[1] for t, v in found.items()} == {"Agency": [], "APS": []}


def test_a_definitions_clause_inside_an_article_applies_to_that_article_only():
    clause = node("clause", "14.1", "Definitions", "Agency means the Department of Home Affairs.")
    assert terms(doc(node("article", "14", "Leave", children=[clause])))["Agency"][1] == ["14"]


@pytest.mark.parametrize("text,term,scopes", [
    ('The term "employee" as used in this Agreement shall mean any person in the unit.', "employee", []),
    ('For purposes of this Article, "Immediate Family" shall mean a parent or child.', "Immediate Family", ["14"]),
    ('"Day" shall be defined as a calendar day.', "Day", []),
    ("Temporary employee has the meaning provided in the Personnel Rules.", "Temporary employee", []),
    ('The word "repair" used with the terms of this Agreement, is work to restore parts.', "repair", []),
])
def test_us_style_sentences_define_with_the_scope_they_state(text, term, scopes):
    found = terms(doc(node("article", "14", "Leaves", text)))
    assert list(found) == [term] and found[term][1] == scopes


# ------------------------------------------------------------------ "Term: definition" under Definitions

def test_a_term_and_colon_defines_only_under_a_definitions_heading():
    assert one("Written Evidence: Is evidence in the form of an email or letter.", True) == [("Written Evidence", [])]
    assert one("Long Term Maintenance : Is work performed as routine maintenance.", True) == \
        [("Long Term Maintenance", [])]
    assert one("Written Evidence: Is evidence in the form of an email or letter.", False) == []


@pytest.mark.parametrize("text", ["Note: the Employer will post the list.", "In this Agreement: the words apply.",
                                  "Article 12: applies to all employees."])
def test_a_colon_after_a_label_that_is_not_a_term_defines_nothing(text):
    assert one(text, True) == []


def test_a_quoted_term_with_is_defines_only_under_a_definitions_heading():
    text = "“Sick Leave Bank” is leave available for use when an employee is sick."
    assert one(text, True) == [("Sick Leave Bank", [])]
    assert one(text, False) == []


@pytest.mark.parametrize("text", ["The normal means of compensation for overtime will be time off.",
                                  "Execution by electronic means has the same effect as signing in ink."])
def test_means_as_a_noun_defines_nothing(text):
    assert one(text) == []


def test_a_glossary_missing_a_term_is_reported_rather_than_shifted():
    """DHA Appendix 3 with "Fair Work Regulations" lost: pairing 4 lines with 4 definitions would
    give "Fair Work" the Commission's definition and every later term the wrong one."""
    document = doc(node("appendix", "Appendix 3", "Definitions", "Fair Work\nCommission\nHome\nHousehold member", "",
                        "Fair Work Commission as established under the Fair Work Act.\n"
                        "Fair Work Regulations as established under the Fair Work Act.\n"
                        "The place that the employee normally resides.\nA person who usually resides with the employee.",
                        line=3228))
    assert terms(document) == {}
    assert document.problems[0].message.startswith("the glossary's terms and definitions do not line up "
                                                   '("Fair Work" and "Commission" look like one term)')


def test_a_glossary_after_a_definitions_line_ends_at_the_next_unit_heading():
    found = terms(doc(node("part", "Preamble", "", "Appendix 3 – Definitions", "APS", "", "Australian Public Service.", "",
                           "Appendix 4 – Supported wage", "", "Assessed capacity", "", "Ten per cent.")))
    assert list(found) == ["APS"]


def test_a_definitions_line_inside_a_letter_ends_where_the_letter_goes_on_in_sentences():
    """Boilermakers' long-term maintenance LOU: "Definitions:", two "Term: Is ..." lines, then the
    letter's own text and its list of sites, which are not terms."""
    letter = node("lou", "LOU 8", "Long Term Maintenance", "Definitions:", "",
                  "Long Term Maintenance : Is work performed as on-going routine maintenance.", "",
                  "Short Term Maintenance: Work performed by employees on events of a temporary nature.", "",
                  "Contractors currently operating under long term maintenance contracts will be grandfathered.", "",
                  "SHELL CANADA LIMITED", "", "SUNCOR INC MacKay River", "",
                  ", Scotsford Complex located at Fort Saskatchewan, Alberta.")
    letter.blocks[0].kind = "subheading"
    assert sorted(terms(doc(letter))) == ["Long Term Maintenance", "Short Term Maintenance"]


def test_a_running_header_left_in_a_glossary_is_not_a_term():
    header = "Defence Housing Australia Enterprise Agreement 2021"
    glossary = node("appendix", "Appendix 3", "Definitions", "APS", "", "Australian Public Service.", "", header, "",
                    "Retrenchment", "", "The termination of an employee's employment.")
    document = doc(node("article", "1", "Title", header, "", "The Agreement.", "", header), glossary)
    assert sorted(terms(document)) == ["APS", "Retrenchment"]


def test_a_glossary_term_the_parser_took_for_a_sub_heading_title_still_pairs():
    """Today's parser makes "De facto partner" the title of a group and "(a)"/"(b)" its items."""
    items = [node("clause", "a", "", "lives with the employee as a couple; and", line=8),
             node("clause", "b", "", "includes a former de facto partner.", line=9)]
    items[0].num, items[1].num = "(a)", "(b)"
    group = node("clause", "Appendix 3.de", "De facto partner", "Means a person who,", line=7, children=items)
    group.num, group.line = "", 5  # title on line 5, a blank line, its text on line 7
    items[0].line, items[1].line = 8, 9
    appendix = node("appendix", "Appendix 3", "Definitions", "APS", "", "Australian Public Service.", children=[group])
    found = terms(doc(appendix))
    assert found["De facto partner"][2] == ("De facto partner Means a person who, (a) lives with the employee as a "
                                            "couple; and (b) includes a former de facto partner.")
    assert sorted(found) == ["APS", "De facto partner"]


FEDERAL = [('"allowance" (indemnité)', "means compensation payable for special duties;"),
           ('"alliance" (Alliance)', "means the Public Service Alliance of Canada;"),
           ('"continuous employment" (emploi continu)', "has the same meaning as specified in the rules of the employer;")]


def test_canadian_federal_items_with_the_term_as_their_title_define_it_without_the_french():
    items = [node("clause", f"2.01.{letter}", term, means) for letter, (term, means) in zip("abc", FEDERAL)]
    clause = node("clause", "2.01", "", "For the purpose of this agreement:", children=items)
    found = terms(doc(node("article", "2", "Interpretation and definitions", children=[clause])))
    assert sorted(found) == ["alliance", "allowance", "continuous employment"]
    assert {t: v[0] for t, v in found.items()} == {"alliance": [], "allowance": [], "continuous employment": []}


@pytest.mark.parametrize("joined", [False, True], ids=["a block per line", "lines in one block"])
def test_canadian_federal_items_with_the_term_above_its_means_line_define_it(joined):
    items = [node("clause", f"2.01.{letter}", "", *(["\n".join(pair)] if joined else pair))
             for letter, pair in zip("abc", FEDERAL)]
    clause = node("clause", "2.01", "", "For the purpose of this agreement:", children=items)
    found = terms(doc(node("article", "2", "Interpretation and definitions", children=[clause])))
    assert sorted(found) == ["alliance", "allowance", "continuous employment"]
    assert all(v[1] == [] for v in found.values())


@pytest.mark.parametrize("text", ['The word "shall" is mandatory and "may" is permissive.', '"he" includes "she".',
                                  "The term 'must' is mandatory."])
def test_usage_rules_about_function_words_define_nothing(text):
    assert one(text) == []


def test_as_used_in_this_agreement_before_the_term_applies_to_all_of_it():
    found = terms(doc(node("lou", "LOU 2", "Staffing", 'As used in this Agreement, the term "Day" means a work day.')))
    assert found["Day"][1] == []


def test_a_glossary_kept_as_a_table_defines_each_row():
    glossary = node("schedule", "Schedule 1", "Glossary", "| Term | Definition |\n|---|---|\n| APS | The Australian "
                    "Public Service. |\n| CEO | The Chief Executive Officer. |")
    glossary.blocks[0].rows = [["Term", "Definition"], ["APS", "The Australian Public Service."],
                               ["CEO", "The Chief Executive Officer."]]
    found = terms(doc(glossary))
    assert {t: (v[1], v[2]) for t, v in found.items()} == {"APS": ([], "APS: The Australian Public Service."),
                                                          "CEO": ([], "CEO: The Chief Executive Officer.")}


def test_a_table_outside_a_definitions_part_defines_nothing():
    rates = node("schedule", "Schedule 2", "Rates of Pay", "| Level | Rate |\n|---|---|\n| APS 1 | $50,000 |")
    rates.blocks[0].rows = [["Level", "Rate"], ["APS 1", "$50,000"], ["Trainee", "$40,000"]]
    assert terms(doc(rates)) == {}


@pytest.mark.parametrize("text,term", [("Agreement Means the Austrade Enterprise Agreement 2019–2022", "Agreement"),
                                       ("Immediate family member Means a spouse or child.", "Immediate family member"),
                                       ("APS          Australian Public Service.", "APS"),
                                       ("Fair Work Act     The Fair Work Act 2009 as amended.", "Fair Work Act")])
def test_a_glossary_row_on_one_line_defines_under_a_definitions_heading(text, term):
    assert one(text, True) == [(term, [])]
    assert one(text, False) == []


@pytest.mark.parametrize("text", ["The Employer Means well.", "Article 12     Overtime", "Step 2     The Union may refer.",
                                  "Employees shall be paid    Weekly."])
def test_text_that_is_not_a_glossary_row_defines_nothing_even_under_definitions(text):
    assert [t for t, _ in one(text, True)] == []


def test_a_table_after_the_end_of_a_definitions_line_part_defines_nothing():
    letter = node("lou", "LOU 8", "Long Term Maintenance", "Definitions:", "",
                  "Written Evidence: Is evidence in the form of an email or letter.", "",
                  "The parties agree to the following compressed schedule for all sites covered.", "",
                  "| Day of Week | Hours |\n|---|---|\n| Monday | 10 |")
    letter.blocks[0].kind = "subheading"
    letter.blocks[-1].rows = [["Day of Week", "Hours"], ["Monday", "10"], ["Tuesday", "10"]]
    assert sorted(terms(doc(letter))) == ["Written Evidence"]


def test_a_quoted_word_after_is_and_before_when_is_defined_there():
    from generator.passes.def_find import find_definitions
    found = find_definitions('2. An applicant is "qualified" when the applicant holds the licences required.')
    assert [(f.term, f.shape) for f in found] == [("qualified", "quoted-when")]
