"""Defined terms: one case per definition shape (passes/def_find.py) and per marking rule
(passes/definitions.py, passes/terms.py), on tiny inline agreements; site_config/terms.yml."""
from pathlib import Path

import pytest

from generator import terms_config
from generator.model import DocMeta, Source
from generator.passes.def_find import find_definitions
from generator.passes.definitions import annotate_definitions
from generator.pipeline import load_document
from generator.render.glossary import glossary_json
from tests.conftest import parse_text


pytestmark = pytest.mark.usefixtures("no_site_terms")  # tests/conftest.py


# ------------------------------------------------------------------ shapes, on one text

SHAPES = [
    # (text, under a "Definitions" heading?, term, aliases, shape)
    ('"BOARD" means the College Board.', False, "BOARD", [], "quoted"),
    ("Sick leave means the number of working days an employee is absent.", False, "Sick leave", [], "means"),
    ("X means the thing.", False, "X", [], "means"),
    ("Termination is defined as the cessation of employment.", False, "Termination", [], "means"),
    ("A layoff shall be defined as a reduction in the work force.", False, "layoff", [], "means"),
    ("Savings will be defined as the reduction in the use of budgets.", False, "Savings", [], "means"),
    ("A vacancy shall mean an existing or newly created position.", False, "vacancy", [], "means"),
    ("The rate of deduction for a day without pay shall be defined as 1/200 of salary.", False,
     "rate of deduction", [], "means"),
    ("(hereinafter called the \"Union\"),", False, "Union", [], "party-the"),
    ("(hereinafter called \"the College\")", False, "College", [], "party-the"),
    ("(Hereinafter referred to as \"BCPSEA\")", False, "BCPSEA", [], "party"),
    ("any dispute (hereinafter referred to as \"the grievance\") respecting the Agreement", False,
     "grievance", [], "paren-the"),
    ("The local or an employee alleging a grievance (\"the grievor\") shall request a meeting.", False,
     "grievor", [], "paren-the"),
    ("An employee alleging a grievance (the grievor) shall request a meeting.", False, "grievor", [], "paren-the"),
    ("under the Public Education Support Staff Act (the \"Act\").", False, "Act", [], "paren-the"),
    ("a Steering Committee (\"Committee\") whose purpose is", False, "Committee", [], "paren"),
    ("A Teacher Teaching on Call (TTOC) shall be provided.", False, "Teacher Teaching on Call", ["TTOC"],
     "abbreviation"),
    ("governed by the Public Education Labour Relations Act (PELRA). In case", False,
     "Public Education Labour Relations Act", ["PELRA"], "abbreviation"),
    ("Teachers Teaching on Call (TTOCs) shall have access.", False, "Teachers Teaching on Call", ["TTOC"],
     "abbreviation"),
    ("the Post-Secondary Joint Early Intervention Program (JEIP).", False, "Joint Early Intervention Program",
     ["JEIP"], "abbreviation"),
    ("Joint Educational Implementation Committee (JEDIC)", False, "Joint Educational Implementation Committee",
     ["JEDIC"], "abbreviation"),
    ("the effectiveness of the AVID (Advancement Via Individual Determination) program", False,
     "Advancement Via Individual Determination", ["AVID"], "abbreviation"),
    ('A "Teacher Teaching on Call" (TTOC) is an employee assigned to replace another.', False,
     "Teacher Teaching on Call", ["TTOC"], "quoted"),
    ('"Cost of Living Adjustment" or "COLA" means a general wage increase adjustment.', False,
     "Cost of Living Adjustment", ["COLA"], "quoted"),
    ("For purposes of clarity, ‘professional development’ (Pro-D) relates to growth.", False,
     "professional development", ["Pro-D"], "quoted"),
    ('The "Latest 12-month Average Index", as defined by BC Stats, is a 12-month moving average.', False,
     "Latest 12-month Average Index", [], "quoted"),
    ('the "annualized average of BC CPI over twelve months" in B.1.1 means the Latest Index.', False,
     "annualized average of BC CPI over twelve months", [], "quoted"),
    ("For the purposes of this Article \"family member\" means:", False, "family member", [], "quoted"),
    ("The Board may hire, on a temporary basis, employees known as Activities Supervisors.", False,
     "Activities Supervisors", [], "known-as"),
    ("Where a group of employees has a grievance, it shall be defined as a policy grievance.", False,
     "policy grievance", [], "reversed"),
    ("Campus - the location at which a regular employee works.", True, "Campus", [], "dash"),
    ('"SPOUSE" - For the purposes of this Agreement, spouse designates legal spouse.', False, "SPOUSE", [], "dash"),
    ("Extenuating Circumstances – situations that are of a serious nature.", False,
     "Extenuating Circumstances", [], "dash"),
    ("An appointment is the full-time or part-time employment of an employee.", True, "appointment", [], "is"),
    ("A part-time employee is an employee, other than a TTOC, whose position is as follows:", False,
     "part-time employee", [], "is"),
    ("In this article, an alternative school calendar is a school calendar that differs.", False,
     "alternative school calendar", [], "is"),
    ("Harassment includes:", True, "Harassment", [], "is"),
    ('An election applies to the "Fiscal year (July 1st to June 30th)" in which the time was worked.', False,
     "Fiscal year", [], "quoted-meaning"),
]


@pytest.mark.parametrize("text,context,term,aliases,shape", SHAPES)
def test_each_definition_shape_is_found(text, context, term, aliases, shape):
    found = find_definitions(text, context)
    assert [(f.term, f.aliases, f.shape) for f in found][:1] == [(term, aliases, shape)]


NOT_DEFINITIONS = [
    ("Campus - the location at which a regular employee works.", False),  # a dash needs a definitions heading
    ("Step 4 - Same as Step 2", True),
    ("Benefits – general information and benefits management committee", False),
    ("An employee is entitled to five days of leave.", False),
    ("This means that the employee keeps their seniority.", False),
    ("as a means of developing vocabulary and discussion skills", False),
    ("Relevant Matters Include:", False),
    ("WHEREAS it is the desire of both parties to this Agreement", True),
    ("The question of inclusion may be referred to the relevant labour relations legislation.", False),
    ("at the rates in effect (see Article 12) when the time was taken", False),
    ("English as a second language teachers (ESL) shall be provided", False),  # initials do not spell it
]


@pytest.mark.parametrize("text,context", NOT_DEFINITIONS)
def test_text_that_does_not_define_a_term(text, context):
    assert find_definitions(text, context) == []


SCOPES = [
    ("For the purposes of this Article \"family member\" means a parent.", "article"),
    ("In this article, “seniority” means an employee's continuous service.", "article"),
    ("For the purpose of Article G.4.3 “family member” means a relative.", "cite:G.4.3"),
    ("For the purposes of this Agreement, \"spouse\" means legal spouse.", "doc"),
    ("For the purposes of this payment, \"full-time\" means at least 30 hours.", "clause"),
    ("Except as provided in this article, \"seniority\" means aggregate service.", ""),
    ("Sick leave means the number of days.", ""),
]


@pytest.mark.parametrize("text,scope", SCOPES)
def test_the_sentence_says_where_a_definition_applies(text, scope):
    assert find_definitions(text)[0].scope == scope


# ------------------------------------------------------------------ a document's glossary

AGREEMENT = """ARTICLE 1 DEFINITIONS

1.01 Plural Terms

The singular includes the plural.

1.02 Employee

Employee means a person covered by this Agreement.

1.03 Regular Employee

Regular employee is an employee who has completed a probationary period.

1.04 "BOARD" means the College Board.

ARTICLE 2 LEAVES

2.01 Leave

A Regular Employee's leave is approved by the Board. Regular Employees and other employees may
apply. The Labour Relations Board hears appeals.

2.02 Family Leave

For the purposes of this Article "family member" means a parent, child or spouse.

2.03 Use

A family member of an employee may be visited.

2.04 Plans

"Article 2 leave" means a leave under this Article. An Article 2 leave is unpaid. The Teacher Teaching on Call (TTOC) replaces the employee.

**Regular Employee Rights**

A TTOC is paid daily; TTOCs and TTOC's lists are kept.

ARTICLE 3 OTHER

3.01 Family

A family member of an employee is not on leave here. Every Regular employee works.
"""


@pytest.fixture(scope="module")
def agreement():
    return parse_text(AGREEMENT)


def glossary(doc):
    return {(d.term, d.cite): d for d in doc.glossary}


def uses(doc, cite: str) -> list[tuple[str, str]]:
    """(words, entry) of every marked use in the clause's paragraphs."""
    node = next(n for n in doc.root.walk() if n.cite == cite)
    return [(b.text[a.start:a.end], a.target) for b in node.blocks for a in b.annotations if a.kind == "term"]


def test_a_definitions_article_defines_its_titled_clauses_but_not_its_rules(agreement):
    terms = sorted((d.term, d.cite) for d in agreement.glossary)
    assert ("Employee", "1.02") in terms and ("Regular employee", "1.03") in terms
    assert ("BOARD", "1.04") in terms
    assert not [t for t in terms if t[1] == "1.01"]  # "Plural Terms" is a rule, not a term


def test_the_glossary_json_has_term_aliases_cite_definition(agreement):
    entry = next(e for e in glossary_json(agreement) if e["term"] == "Teacher Teaching on Call")
    assert entry == {"term": "Teacher Teaching on Call", "aliases": ["TTOC"], "cite": "2.04",
                     "definition": "Teacher Teaching on Call (TTOC)"}


def test_longest_term_wins(agreement):
    node = next(n for n in agreement.root.walk() if n.cite == "2.01")
    text, marks = node.blocks[0].text, node.blocks[0].annotations
    assert ("Regular Employee's", "regular-employee") in uses(agreement, "2.01")
    employee = [a for a in marks if a.target == "employee"]
    assert [text[a.start:a.end] for a in employee] == ["employees"]
    assert employee[0].start == text.index("other employees") + len("other ")  # not "Regular Employees"


def test_case_plural_and_possessive_variants_and_abbreviations(agreement):
    words = [w for w, _ in uses(agreement, "2.04")]
    assert "TTOC" in words or "TTOCs" in words
    assert ("employees", "employee") in uses(agreement, "2.01")


def test_a_short_capitalised_term_is_not_the_tail_of_another_name(agreement):
    marked = uses(agreement, "2.01")
    assert ("Board", "board") in marked  # "approved by the Board"
    node = next(n for n in agreement.root.walk() if n.cite == "2.01")
    text = node.blocks[0].text
    labour = text.index("Labour Relations Board") + len("Labour Relations ")
    assert not any(a.start == labour for a in node.blocks[0].annotations)


def test_a_scoped_definition_applies_only_inside_its_article(agreement):
    family = next(d for d in agreement.glossary if d.term == "family member")
    assert family.scopes == ["2"]
    assert ("family member", family.entry) in uses(agreement, "2.03")
    assert [w for w, _ in uses(agreement, "3.01") if "family" in w.lower()] == []


def test_a_term_is_never_marked_inside_its_own_definition(agreement):
    assert [k for _, k in uses(agreement, "1.03") if k == "regular-employee"] == []
    assert [k for _, k in uses(agreement, "2.02") if k.startswith("family-member")] == []
    assert [k for _, k in uses(agreement, "1.02") if k == "employee"] == []


def test_a_term_is_never_marked_in_a_sub_heading_or_inside_a_link(agreement):
    node = next(n for n in agreement.root.walk() if n.cite == "2.04")
    heading = next(b for b in node.blocks if b.kind == "subheading")
    assert heading.text == "Regular Employee Rights" and heading.annotations == []
    para = node.blocks[0]
    links = [(a.start, a.end) for a in para.annotations if a.kind == "xref"]
    terms = [(a.start, a.end) for a in para.annotations if a.kind == "term"]
    assert links, "the reference pass linked 'Article 2' and 'this Article'"
    assert not any(s < le and ls < e for s, e in terms for ls, le in links)
    assert "Article 2 leave" not in [para.text[s:e] for s, e in terms]


def test_each_term_is_marked_once_per_paragraph(agreement):
    marked = [k for _, k in uses(agreement, "2.01")]
    assert len(marked) == len(set(marked))


def test_terms_belong_to_their_own_document():
    other = load_document(Source(path=Path("content/agreements/other.md"),
                                 meta=DocMeta(title="Other", slug="other", kind="agreement"),
                                 body="ARTICLE 1 GENERAL\n\n1.01 Scope\n\nThe Board and each Regular Employee agree.\n",
                                 first_line=1))
    assert other.glossary == []
    assert uses(other, "1.01") == []


def test_abbreviations_count_only_when_used_again():
    doc = parse_text("ARTICLE 1 PAY\n\n1.01 Rates\n\nAs between the Public Service Employee Relations Commission "
                     "(PSERC) and the unions, the Workers' Compensation Board (WCB) decides.\n\n1.02 Claims\n\n"
                     "The WCB pays claims.\n")
    assert [d.aliases for d in doc.glossary] == [["WCB"]]


def test_the_same_definition_twice_is_one_entry_and_a_different_one_applies_to_its_unit():
    doc = parse_text('ARTICLE 2 DEFINITIONS\n\n2.9 "SPOUSE" - For the purposes of this Agreement, spouse designates '
                     "a legal spouse or same sex partner.\n\nARTICLE 17 BENEFITS\n\n17.1 Definition of Spouse\n\n"
                     "For the purposes of this Agreement, spouse designates a legal spouse or same-sex partner.\n\n"
                     "ARTICLE 20 SENIORITY\n\n20.1 Seniority Defined\n\nSeniority shall be defined as service.\n\n"
                     "ARTICLE 22 BUMPING\n\n22.6 Bumping\n\nDefinitions Applicable to Article 22.6\n\n"
                     "Seniority - the length of service in a regular position.\n\nSeniority decides.\n")
    spouse = [d for d in doc.glossary if d.key == "spouse"]
    seniority = sorted((d.cite, tuple(d.scopes)) for d in doc.glossary if d.key == "seniority")
    assert len(spouse) == 1
    assert seniority == [("20.1", ()), ("22.6", ("22.6",))]
    assert uses(doc, "22.6")[-1] == ("Seniority", "seniority--22-6")


# ------------------------------------------------------------------ site_config/terms.yml

def write(tmp_path, text: str) -> Path:
    (tmp_path / "terms.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_terms_yml_adds_suppresses_and_scopes_terms(tmp_path):
    config, problems = terms_config.load_terms(write(tmp_path, """
test:
  add:
    - term: Registrants
      cite: "2.01"
      aliases: [registrant]
      definition: Employees listed on the registry.
  suppress: [BOARD]
  scope:
    Employee: "2"
  aliases:
    Regular employee: [permanent employee]
"""))
    assert problems == []
    doc = parse_text(AGREEMENT)
    annotate_definitions(doc, config)
    terms = {d.term: d for d in doc.glossary}
    assert "BOARD" not in terms
    assert terms["Registrants"].text == "Employees listed on the registry." and terms["Registrants"].cite == "2.01"
    assert terms["Employee"].scopes == ["2"]
    assert "permanent employee" in terms["Regular employee"].aliases


@pytest.mark.parametrize("text,line,message", [
    ("test: [a, b]\n", 1, "'test:' must hold 'add:', 'suppress:' or 'scope:'"),
    ("test:\n  remove: [X]\n", 2, "unknown key 'remove' under 'test': known keys are add, aliases, scope, suppress"),
    ("test:\n  add:\n    - term: X\n", 3, "each entry of 'test: add:' needs 'term:' and 'cite:'"),
    ("test:\n  add:\n    - term: X\n      cite: '1'\n      colour: red\n", 3,
     "unknown key 'colour' in a term of 'test: add:': known keys are aliases, cite, definition, scope, term"),
    ("test:\n  suppress: Report\n", 2, "'test: suppress:' must be a list of terms, e.g. [Report, Fund]"),
    ("test:\n  add: [\n", 3, "terms.yml is not valid YAML"),
])
def test_terms_yml_problems_name_the_line_and_what_to_do(tmp_path, text, line, message):
    _, problems = terms_config.load_terms(write(tmp_path, text))
    assert [(p.line, p.level) for p in problems] == [(line, "error")]
    assert problems[0].message.startswith(message)


def test_terms_yml_corrections_that_do_not_fit_the_document_are_reported(tmp_path):
    config, _ = terms_config.load_terms(write(tmp_path, "test:\n  suppress: [Nothing]\n  add:\n"
                                                       "    - term: X\n      cite: '99.9'\n"))
    doc = parse_text(AGREEMENT)
    annotate_definitions(doc, config)
    messages = [p.message for p in doc.problems if "terms.yml" in p.message]
    assert "terms.yml suppresses 'Nothing' in test, which defines no such term: remove it from 'suppress:'" in messages
    assert ("terms.yml adds 'X' to test at '99.9', which is not a citation of it: use one from clauses.json"
            in messages)
    assert terms_config.unknown_documents(config, {"sooke-2006"})[0].message.startswith(
        "terms.yml has corrections for 'test', which is not a document: known documents are sooke-2006")
