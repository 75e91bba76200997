"""One small agreement per numbering family: the tree learns each document's own numbering.

Each test is a shape other agreements print (see tree/profile.py); cites follow the scheme in
the README ("How citations and links are made")."""
from tests.conftest import cites, parse_text


def test_roman_articles_with_sections_restarting_in_each_are_cited_in_arabic():
    body = ("MEMORANDUM OF UNDERSTANDING\n\nThe parties agree.\n\nARTICLE I\nRECOGNITION\n\n"
            "Section 1. Recognition. The County recognizes the Union.\n\nSection 2. Notice. The County\n"
            "shall notify the Union within\n(15) hours of the decision.\n\nARTICLE II\nDEFINITIONS\n\n"
            "Section 1. Terms:\n(a) one\n(b) two\n(1) first\n(2) second\n\nARTICLE XII - OVERTIME\n\n"
            "Section 1. Rates.\n(a) First:\n(i) one;\n(ii) two.\n(b) Second.\n")
    doc = parse_text(body)
    assert cites(doc) == ["Preamble", "1", "1.1", "1.2", "2", "2.1", "2.1.a", "2.1.b", "2.1.b.1", "2.1.b.2",
                          "12", "12.1", "12.1.a", "12.1.a.i", "12.1.a.ii", "12.1.b"]
    titles = {n.cite: n.title for n in doc.root.walk()}
    assert (titles["1"], titles["1.1"], titles["12"], titles["12.1"]) == ("RECOGNITION", "Recognition",
                                                                           "OVERTIME", "Rates")


def test_wrapped_number_in_parentheses_stays_text():
    body = ("ARTICLE 1 - NOTICE\n\nSection 1. Notice. The County shall give\n(15) hours notice.\n\n"
            "Section 2. Posting. Notices are posted.\n\nARTICLE 2 - PAY\n\nSection 1. Pay.\n")
    doc = parse_text(body)
    assert "1.1.15" not in cites(doc)
    assert "(15) hours notice." in " ".join(b.text for n in doc.root.walk() for b in n.blocks)


def test_continuous_clauses_under_parts_are_cited_by_their_own_numbers():
    body = ("PART A. TECHNICAL MATTERS\n1. Title\nThis is the agreement.\n2. Parties\n2.1\nIt covers:\n"
            "(a) the Agency; and\n(b) employees.\n3. Term\nIt runs three years.\n"
            "PART B. PAY\n4. Pay rates\n4.1\nRates are in Appendix 1.\n5. Increases\n5.1\nThree per cent.\n"
            "6. Method\nFortnightly.\nAppendix 1 - Pay rates\nThe rates.\n")
    assert cites(parse_text(body)) == ["Part A", "1", "2", "2.1", "2.1.a", "2.1.b", "3", "Part B", "4", "4.1",
                                       "5", "5.1", "6", "Appendix 1"]


def test_sections_as_units_take_their_prefixed_decimals():
    body = ("1. SECTION 1: SCOPE\n1.1 Title\n(1) This is the agreement.\n1.2\nCoverage\n(1) It covers.\n"
            "2. SECTION 2: PAY\n2.1 Salary\n(1) Paid fortnightly.\n(a) in arrears\n3. SECTION 3: PEOPLE\n"
            "3.1 Assistance\nText.\n")
    assert cites(parse_text(body)) == ["1", "1.1", "1.1.1", "1.2", "1.2.1", "2", "2.1", "2.1.1", "2.1.1.a",
                                       "3", "3.1"]


def test_hundreds_scheme_hangs_3_301_from_3_300():
    body = ("## ARTICLE 3.000 UNION SECURITY\n\n- 3.100 All employees shall be members.\n"
            "- 3.300 Craft Requisitions\n## 3.301 Late Requisitions\nText.\n## ARTICLE 4.000 SCOPE\n- 4.100 Scope.\n")
    doc = parse_text(body)
    parents = {c.cite: n.cite for n in doc.root.walk() for c in n.children}
    assert parents["3.301"] == "3.300" and parents["3.300"] == "3" and "4.100" in parents


def test_federal_marker_alone_on_its_line_opens_the_item():
    body = ("Article 1: Purpose\n\n1.01 The purpose is peace.\n\nArticle 2: Interpretation\n\n2.01 In this "
            "Agreement:\n\na.\n\"allowance\" means pay.\n\nb.\n\"day\" means a day.\n\ni. calendar\n\nii. working\n\n"
            "Article 3: Application\n\n3.01 It applies.\n")
    assert cites(parse_text(body)) == ["1", "1.01", "2", "2.01", "2.01.a", "2.01.b", "2.01.b.i", "2.01.b.ii",
                                       "3", "3.01"]


def test_us_outline_a_1_a_paren1_under_sections():
    body = ("ARTICLE 7 - GRIEVANCES\n\nSection 7.1 Steps\nA. First step\n1. Filing\na. in writing\n(1) signed\n"
            "(2) dated\nb. on time\n2. Meeting\nB. Second step\nSection 7.2 Arbitration\nA. Request\n")
    assert cites(parse_text(body))[1:] == ["7.1", "7.1.a", "7.1.a.1", "7.1.a.1.a", "7.1.a.1.a.1",
                                           "7.1.a.1.a.2", "7.1.a.1.b", "7.1.a.2", "7.1.b", "7.2", "7.2.a"]


def test_a_document_whose_structure_was_not_understood_is_an_error_naming_the_hint():
    prose = "The employer and the union agree to the following terms of employment for all staff. " * 300
    doc = parse_text(f"Some heading\n\n{prose}\n\n1. One\n\n3. Three\n")
    errors = [p for p in doc.problems if p.level == "error" and "structure not understood" in p.message]
    assert errors and "numbering:" in errors[0].message


def test_roman_articles_also_answer_to_their_roman_short_urls():
    from generator.render.data import alias_entries, clause_entries

    doc = parse_text("ARTICLE XII - SENIORITY\n\nSection 1. Defined.\n\nSection 3. Layoffs:\n(a) first\n(b) second\n"
                     "\nARTICLE XIII - LEAVE\n\nSection 1. Leave.\n")
    aliases = {alias: entry.cite for alias, entry in alias_entries(doc, clause_entries(doc))}
    assert aliases["xii"] == "12" and aliases["xii.3.b"] == "12.3.b" and aliases["xiii.1"] == "13.1"
