"""Rules found by the second red team (unseen agreements, tests/corpus): one test per rule.

Tree rules are read through the whole pipeline (`parse_text`); reference rules through a small
agreement written as a hand tree (tests/unit/hand_trees.py), each sentence as an agreement
prints it."""
from generator.model import Block
from generator.passes.references import annotate_references
from tests.conftest import cites, parse_text
from tests.unit.hand_trees import STATUTES, hand_document, links_at


CONTAINED = ("Section A. General Provisions\n\nArticle 1 Recognition\n1.1 The Union is recognized.\n\n"
             "Article 2 Rights\n2.1 The Employer directs.\n\nSection B. Wages and Hours\n\n"
             "Article 3 Wages\n3.1 Rates are paid.\n\nArticle 4 Hours\n4.1 Forty hours.\n")


def test_mixed_case_section_containers_in_letter_order_hold_the_articles():
    doc = parse_text(CONTAINED)
    assert [n.cite for n in doc.root.children] == ["Section A", "Section B"]
    assert [n.cite for n in doc.root.children[1].children] == ["3", "4"]
    assert "SECTION letter (container)" in doc.root.numbering


def test_mixed_case_section_letters_out_of_order_are_no_containers():
    doc = parse_text(CONTAINED.replace("Section B.", "Section D."))
    assert "(container)" not in doc.root.numbering
    assert [n.cite for n in doc.root.children if n.kind == "article"] == ["1", "2", "3", "4"]


def test_a_schedule_lettered_decimal_is_its_clause():
    body = ("ARTICLE 1 - WAGES\n1.01 Wages are in Schedule A.\n\nSCHEDULE A - CLASSIFICATIONS\n"
            "A.1 Classifications\nLevel 1 and Level 2.\nA.2 Higher duties\nPaid at the higher rate.\n")
    assert cites(parse_text(body))[-3:] == ["Schedule A", "Schedule A.1", "Schedule A.2"]


def test_a_lettered_decimal_of_another_letter_stays_text():
    body = ("ARTICLE 1 - WAGES\n1.01 Wages are in Schedule A.\n\nSCHEDULE A - CLASSIFICATIONS\n"
            "B.1 is the old table.\n")
    doc = parse_text(body)
    assert cites(doc)[-1] == "Schedule A"
    assert "B.1 is the old table." in [b.text for n in doc.root.walk() for b in n.blocks]


NZ = """
article: 5 | Leave
  clause: 5.1 | Annual leave
    clause: 5.1.1
      > Five weeks.
article: 7 | Salary Scale
  clause: 7.1
    > The scale.
"""


def test_clause_n_names_a_unit_printed_clause_n():
    links, _ = links_at_printed(NZ, "5.1.1", "Paid at the rate in Clause 7.")
    assert links == [("Clause 7", "7")]


def links_at_printed(spec: str, cite: str, sentence: str):
    """links_at, with each article printed 'Clause n Title' as New Zealand agreements head them."""
    doc = hand_document(spec)
    for node in doc.root.walk():
        if node.kind == "article":
            node.printed = f"Clause {node.cite} {node.title}"
    (node,) = [n for n in doc.root.walk() if n.cite == cite]
    block = Block("para", sentence, line=999, last_line=999)
    node.blocks.append(block)
    annotate_references(doc, STATUTES)
    return [(sentence[a.start:a.end], a.target) for a in block.annotations], doc


UK = """
part: Part 1 | Working Time
  clause: 3 | Hours
    clause: 3.1
      > 37 hours.
  clause: 7 | Flexible Working
    clause: 7.1
      > Requests.
part: Part 2 | Disputes
  clause: 8 | Disputes
    clause: 8.1
      > The dispute.
"""


def test_paragraphs_n_to_m_are_continuous_clauses_when_no_local_item_has_that_number():
    links, _ = links_at(UK, "8.1", "A dispute about paragraphs 3 to 7 is referred to the manager.")
    assert links == [("paragraphs 3", "3"), ("7", "7")]


ROMAN_LOWER = """
article: 3 | hours of work
  clause: 3.3
    > Double time.
article: 4 | seniority
  clause: 4.2
    clause: 4.2.c
      > Vacancies.
article: 6 | vacancies
  clause: 6.1
    > Posting.
"""


def test_lower_case_roman_after_the_word_article_is_that_article():
    links, _ = links_at(ROMAN_LOWER, "6.1", "Filled under article iv, paragraph 2(c) and article iii.")
    assert links == [("article iv, paragraph 2(c)", "4.2.c"), ("article iii", "3")]


def test_lower_case_roman_after_another_word_is_not_an_article():
    links, _ = links_at(ROMAN_LOWER, "6.1", "As in paragraph iv and item v.")
    assert ("paragraph iv", "4") not in links and all(target != "4" for _, target in links)


CONTAINERS = """
section: Section A | General
  article: 3 | Grievances
    clause: 3.1
      > Disputes.
section: Section C | Benefits
  article: 7 | Pension
    clause: 7.1
      > Plan.
"""


def test_section_letter_names_the_container():
    links, _ = links_at(CONTAINERS, "7.1", "The plan under Section C of this Agreement.")
    assert links == [("Section C", "Section C")]


LEAVES = ("ARTICLE 4 - HOURS\nOvertime\n4.01 Time and one-half.\nCall-back\n4.02 Two hours.\n\n"
          "ARTICLE 5 - LEAVES\n5.00 Leave is not unreasonably denied.\nVacation\n5.01 Fifteen days:\n"
          "(a) in the first year;\n(b) after.\n5.02 Scheduled in breaks.\nSick Leave\n5.01 Earned monthly.\n"
          "5.02 Accumulates, and credits under 5.01 are used first.\n\nARTICLE 6 - TERM\n6.01 Three years.\n")


def test_clauses_restarting_under_sub_headings_are_cited_under_each_sub_heading():
    assert cites(parse_text(LEAVES)) == [
        "4", "4.01", "4.02", "5", "5.00", "5.vacation", "5.vacation.5.01", "5.vacation.5.01.a",
        "5.vacation.5.01.b", "5.vacation.5.02", "5.sick", "5.sick.5.01", "5.sick.5.02", "6", "6.01"]


def test_a_sub_heading_group_is_titled_by_its_words():
    titles = {n.cite: n.title for n in parse_text(LEAVES).root.walk()}
    assert (titles["5.vacation"], titles["5.sick"]) == ("Vacation", "Sick Leave")


def test_sub_headings_that_repeat_no_number_stay_uncited():
    assert not [c for c in cites(parse_text(LEAVES)) if c.startswith("4.") and not c[2].isdigit()]


def test_two_sub_headings_with_the_same_first_word_take_more_words():
    body = LEAVES.replace("Vacation\n", "Leave for Vacation\n").replace("Sick Leave\n", "Leave for Illness\n")
    groups = [c for c in cites(parse_text(body)) if c.count(".") == 1 and c[2:3].isalpha()]
    assert groups == ["5.leave", "5.leave-for"]


def test_a_number_in_a_sub_heading_group_links_within_its_group():
    doc = parse_text(LEAVES)
    (block,) = [b for n in doc.root.walk() if n.cite == "5.sick.5.02" for b in n.blocks]
    assert [a.target for a in block.annotations if a.kind == "xref"] == ["5.sick.5.01"]


def test_a_clause_line_read_as_a_title_that_runs_on_in_lower_case_is_its_text():
    body = ("ARTICLE 2 - HOURS\n2.01 Employees required to work beyond their regular hours shall be paid overtime\n"
            "in accordance with Article 3.\n2.02 Rest Periods\nTwo per shift.\n\nARTICLE 3 - OVERTIME\n3.01 Double.\n")
    nodes = {n.cite: n for n in parse_text(body).root.walk()}
    assert nodes["2.01"].title == ""
    assert nodes["2.01"].blocks[0].text.endswith("paid overtime in accordance with Article 3.")
    assert nodes["2.02"].title == "Rest Periods"


def test_a_line_ending_in_a_quoted_term_runs_on_into_its_lower_case_definition():
    body = ('ARTICLE 1 - DEFINITIONS\n1.01 In this Agreement, "Employee" means a member, and "Temporary Employee"\n'
            "means an Employee hired for a term.\n\nARTICLE 2 - TERM\n2.01 Three years.\n")
    doc = parse_text(body)
    (node,) = [n for n in doc.root.walk() if n.cite == "1.01"]
    assert len(node.blocks) == 1
    assert "Temporary Employee" in [d.term for d in doc.glossary]


def test_form_feeds_reach_the_cleaner_so_running_headers_and_page_numbers_go(tmp_path):
    from generator.pipeline import load_document
    from generator.sources import read_source
    page = "Lakeside - CUPE 2200    2025-2028\n"
    body = "".join(f"ARTICLE {k} - TOPIC\n{k}.01 The text of article {k}.\n\n    {k}\n\f{page}" for k in range(1, 5))
    path = tmp_path / "content" / "agreements" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_text(f"---\ntitle: X\n---\n{body}", encoding="utf-8")
    doc = load_document(read_source(path, "agreement", tmp_path))
    kinds = [a.kind for a in doc.removed]
    assert kinds.count("running-header") >= 3 and kinds.count("page-number") >= 3
    assert not [b for n in doc.root.walk() for b in n.blocks if "CUPE 2200" in b.text]
