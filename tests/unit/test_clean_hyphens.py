"""Words hyphenated at a line end by the PDF converter (generator/clean/hyphens.py)."""
from generator.clean.hyphens import rejoin_hyphenated
from generator.model import Line


def joined(*texts: str) -> tuple[list[str], list[str]]:
    lines = [Line(no=k, text=t) for k, t in enumerate(texts, 1)]
    artifacts = rejoin_hyphenated(lines)
    return [line.text for line in lines], [a.text for a in artifacts]


def test_a_word_the_document_uses_elsewhere_is_joined_without_its_hyphen():
    texts, pieces = joined("shall be paid over-", "time in accordance with Article 3.", "OVERTIME")
    assert texts == ["shall be paid overtime", "in accordance with Article 3.", "OVERTIME"]
    assert pieces == ["over- time"]


def test_a_form_of_the_word_counts_as_the_document_using_it():
    texts, _ = joined("ARTICLE 5 - DISCIPLINE AND DIS-", "CHARGE", "is discharged for cause")
    assert texts[0] == "ARTICLE 5 - DISCIPLINE AND DISCHARGE" and texts[1] == ""


def test_an_unknown_join_keeps_its_hyphen():
    texts, _ = joined("at the rate of one and one-", "half (1 ½) hours")
    assert texts == ["at the rate of one and one-half", "(1 ½) hours"]


def test_the_second_half_keeps_its_punctuation_on_the_joined_line():
    texts, _ = joined('and "Temporary Em-', 'ployee" means an Employee hired')
    assert texts == ['and "Temporary Employee"', "means an Employee hired"]


def test_a_number_or_a_capital_after_the_hyphen_is_not_a_hyphenated_word():
    assert joined("Policy No. HR-", "04 in place")[0] == ["Policy No. HR-", "04 in place"]
    assert joined("the Employer and the Union -", "Article 3")[0] == ["the Employer and the Union -", "Article 3"]
    assert joined("per day for Lower-", "Mainland employees")[0] == ["per day for Lower-", "Mainland employees"]
