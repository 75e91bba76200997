"""A small style corpus for cross-references (issue 11): three short agreements written by hand
as trees in the scheme of CITATIONS.md, each with the references a reader would follow, worked
out by reading the sentences (not by running the code). At least 95% must link to the right
clause, and nothing else may be linked: no statute, outside document, quantity or time.

Each expected entry is (clause holding the sentence, text of the link, citation it lands on).
"""
import pytest

from tests.unit.hand_trees import annotated

# US county: ARTICLE in roman numerals, Sections restarting at 1 in each article, A./1. below.
ROMAN_RESTARTING = """
article: 1 | Recognition
  clause: 1.1 | Bargaining Unit
    > The County recognizes the Union as the exclusive representative of the employees described in Exhibit A.
  clause: 1.2 | Exclusions
    > Temporary employees working fewer than 520 hours in a year are excluded, except as provided in Section 1 of this Article.
article: 7 | Hours of Work
  clause: 7.1 | Workweek
    > The normal workweek is forty (40) hours. Alternate schedules are covered by Side Letter No. 2.
  clause: 7.2 | Overtime
    clause: 7.2.a
      > Overtime is paid at 1.5 times the regular rate for hours over 8.0 in a day.
    clause: 7.2.b
      > Compensatory time may be taken instead of pay under subsection A above, subject to Section 3.
  clause: 7.3 | Call Back
    > An employee called back shall receive a minimum of two (2) hours; disputes go to Article XII, Section 3(b).
article: 12 | Grievance Procedure
  clause: 12.1 | Definition
    > A grievance is a dispute about the meaning of this Agreement. A dispute under section 15 of the Union's by-laws is not a grievance.
  clause: 12.2 | Time Limits
    > Time limits in Section 3 of this Article may be extended by mutual agreement in writing.
  clause: 12.3 | Steps
    clause: 12.3.a | Step 1
      > The employee shall raise the grievance with the supervisor within fourteen (14) days.
    clause: 12.3.b | Step 2
      > If not resolved under subsection A above, the Union may submit the grievance on the form in Exhibit A.
      clause: 12.3.b.1
        > The Department Director shall answer within ten (10) days, by 5:00 p.m.
    clause: 12.3.c | Step 3
      > Grievances over discipline under Article XIV are filed directly at this step.
  clause: 12.4 | Arbitration
    > The arbitrator has no power to alter Articles I through VII.
article: 14 | Discipline
  clause: 14.1 | Just Cause
    > No employee shall be disciplined without just cause. Section 208 of the Public Employee Collective Bargaining Act governs strikes.
  clause: 14.2 | Investigations
    > Investigations follow Section 1 and the procedure of Section 3(b) of Article XII.
  clause: 14.3 | Records
    > Records of discipline are kept as provided in Section 2, and Article VII Section 1 does not apply.
exhibit: Exhibit A | Grievance Form
  > Attach a copy of the Section 125 plan election if benefits are grieved; the ORS 243.650 definitions apply.
lou: Side Letter 2 | Alternate Work Schedules
  > This Side Letter modifies Article VII, Section 1 only.
  > Employees on an alternate schedule keep the overtime rights of Section 2(A) of Article VII.
"""
ROMAN_RESTARTING_LINKS = [
    ("1.1", "Exhibit A", "Exhibit A"),
    ("1.2", "Section 1 of this Article", "1.1"),
    ("7.1", "Side Letter No. 2", "Side Letter 2"),
    ("7.2.b", "subsection A", "7.2.a"),
    ("7.2.b", "Section 3", "7.3"),
    ("7.3", "Article XII, Section 3(b)", "12.3.b"),
    ("12.2", "Section 3 of this Article", "12.3"),
    ("12.3.b", "subsection A", "12.3.a"),
    ("12.3.b", "Exhibit A", "Exhibit A"),
    ("12.3.c", "Article XIV", "14"),
    ("12.4", "Articles I", "1"),
    ("12.4", "VII", "7"),
    ("14.2", "Section 1", "14.1"),
    ("14.2", "Section 3(b) of Article XII", "12.3.b"),
    ("14.3", "Section 2", "14.2"),
    ("14.3", "Article VII Section 1", "7.1"),
    ("Side Letter 2", "This Side Letter", "Side Letter 2"),
    ("Side Letter 2", "Article VII, Section 1", "7.1"),
    ("Side Letter 2", "Section 2(A) of Article VII", "7.2.a"),
]

# US: ARTICLE n, Section n.m, A./1. items, Side Letters, Exhibits, Attachments.
ARTICLE_SECTION_DECIMAL = """
article: 4 | Union Rights
  clause: 4.1 | Stewards
    > The Union may appoint stewards. Stewards may investigate grievances under Article 9 during working hours.
  clause: 4.2 | Bulletin Boards
    > Notices are posted at the locations shown in Attachment B.
article: 7 | Hours and Overtime
  clause: 7.1 | Workday
    clause: 7.1.a
      > The workday is 7.5 hours, starting no earlier than 6:30 a.m.
    clause: 7.1.b
      > Rest periods are scheduled as in Section 7.2, Paragraph B.
  clause: 7.2 | Overtime
    clause: 7.2.a
      > Overtime is offered by seniority under Sections 14.3 through 14.6.
    clause: 7.2.b
      clause: 7.2.b.1
        > An employee may refuse overtime unless Section 7.2(B)(2) applies.
      clause: 7.2.b.2
        > Mandatory overtime is assigned in reverse order of seniority, as in subsection A above.
article: 9 | Grievances
  clause: 9.1 | Steps
    > A grievance not settled under Section 9.1 may go to arbitration under Section 9.2 of this Agreement.
  clause: 9.2 | Arbitration
    > The arbitrator's fees are shared equally. Disputes about Exhibit A wages go to Side Letter No. 1 first.
article: 14 | Seniority
  clause: 14.3 | Seniority List
  clause: 14.4 | Layoff
    > Layoff follows Section 14.3 and the bumping rules of Section 14.5(A)(1).
  clause: 14.5 | Bumping
    clause: 14.5.a
      clause: 14.5.a.1
  clause: 14.6 | Recall
    > Recall rights last eighteen (18) months; see Section 401(k) of the Internal Revenue Code for retirement accounts.
lou: Side Letter 1 | Wage Reopener
  > The parties will reopen Exhibit A in 2027. Nothing in this letter changes Article 14.
exhibit: Exhibit A | Wage Schedule
  > Steps are 5.0% apart; step placement follows Section 4.1 of the Personnel Rules.
attachment: Attachment B | Bulletin Board Locations
  > Room 1.12 and the lunchroom at 2.30 Main Street.
"""
ARTICLE_SECTION_DECIMAL_LINKS = [
    ("4.1", "Article 9", "9"),
    ("4.2", "Attachment B", "Attachment B"),
    ("7.1.b", "Section 7.2, Paragraph B", "7.2.b"),
    ("7.2.a", "Sections 14.3", "14.3"),
    ("7.2.a", "14.6", "14.6"),
    ("7.2.b.1", "Section 7.2(B)(2)", "7.2.b.2"),
    ("7.2.b.2", "subsection A", "7.2.a"),
    ("9.1", "Section 9.1", "9.1"),
    ("9.1", "Section 9.2", "9.2"),
    ("9.2", "Exhibit A", "Exhibit A"),
    ("9.2", "Side Letter No. 1", "Side Letter 1"),
    ("14.4", "Section 14.3", "14.3"),
    ("14.4", "Section 14.5(A)(1)", "14.5.a.1"),
    ("Side Letter 1", "Exhibit A", "Exhibit A"),
    ("Side Letter 1", "this letter", "Side Letter 1"),
    ("Side Letter 1", "Article 14", "14"),
]

# Australian: Parts that are only headings, clauses numbered straight through, subclauses n.m,
# paragraphs (a), (i); statutes cited by section.
AUSTRALIAN_CONTINUOUS = """
part: Part A | Application
  clause: 1 | Title
    > This agreement is made under s.172 of the Fair Work Act.
  clause: 2 | Definitions
    > Words defined in clause 2 have the same meaning in Appendix 1.
  clause: 3 | Coverage
    clause: 3.1
      > This agreement covers employees in the classifications in Appendix 1, except as set out in Part C.
part: Part B | Remuneration
  clause: 12 | Salary
    clause: 12.1
      > Salary is paid fortnightly at the rates in Appendix 1.
    clause: 12.3
      clause: 12.3.a
        clause: 12.3.a.i
          > Advancement requires a satisfactory rating at 30 June.
      clause: 12.3.b
        > Paragraph (a) of this subclause does not apply to employees on probation.
  clause: 23 | Personal Leave
    clause: 23.1
      > Personal leave accrues at 18 days per year, or 3.5% of ordinary hours.
    clause: 23.4
      clause: 23.4.a
        > Evidence may be required under clause 12.3(a)(i) and sub-clauses 23.1 and 23.4.
      clause: 23.4.b
        > Leave under paragraph 23.4(a) is paid; leave under subsection 24(3) of the Public Service Act is not.
part: Part C | Separation
  clause: 35 | Redundancy
    clause: 35.2
      > Redundancy pay is calculated under clause 12 and subclause 23.4, and section 119 of the Fair Work Act.
    clause: 35.3
      > Employees covered by Part B, clause 23 keep their leave balance.
appendix: Appendix 1 | Classifications
  > APS 1 to APS 6 classifications are listed here; see also clause 3.
"""
AUSTRALIAN_CONTINUOUS_LINKS = [
    ("2", "clause 2", "2"),
    ("2", "Appendix 1", "Appendix 1"),
    ("3.1", "Appendix 1", "Appendix 1"),
    ("3.1", "Part C", "Part C"),
    ("12.1", "Appendix 1", "Appendix 1"),
    ("12.3.b", "Paragraph (a) of this subclause", "12.3.a"),
    ("23.4.a", "clause 12.3(a)(i)", "12.3.a.i"),
    ("23.4.a", "sub-clauses 23.1", "23.1"),
    ("23.4.a", "23.4", "23.4"),
    ("23.4.b", "paragraph 23.4(a)", "23.4.a"),
    ("35.2", "clause 12", "12"),
    ("35.2", "subclause 23.4", "23.4"),
    ("35.3", "Part B", "Part B"),
    ("35.3", "clause 23", "23"),
    ("Appendix 1", "clause 3", "3"),
]

STYLES = {
    "roman articles, restarting sections": (ROMAN_RESTARTING, ROMAN_RESTARTING_LINKS),
    "articles, decimal sections, A./1.": (ARTICLE_SECTION_DECIMAL, ARTICLE_SECTION_DECIMAL_LINKS),
    "Australian parts, continuous clauses": (AUSTRALIAN_CONTINUOUS, AUSTRALIAN_CONTINUOUS_LINKS),
}


def linked(spec: str) -> list[tuple[str, str, str]]:
    doc, found = annotated(spec)
    holder = {b.line: n.cite for n in doc.root.walk() for b in n.blocks}
    return [(holder[line], printed, target) for line, printed, target in found]


@pytest.mark.parametrize("style", list(STYLES))
def test_each_style_has_at_least_ten_references(style):
    assert len(STYLES[style][1]) >= 10


@pytest.mark.parametrize("style", list(STYLES))
def test_references_of_each_style_link_right(style):
    spec, expected = STYLES[style]
    found = linked(spec)
    right = [e for e in expected if e in found]
    assert len(right) / len(expected) >= 0.95, sorted(set(expected) - set(found))


@pytest.mark.parametrize("style", list(STYLES))
def test_nothing_but_the_references_is_linked(style):
    spec, expected = STYLES[style]
    assert [f for f in linked(spec) if f not in expected] == []
