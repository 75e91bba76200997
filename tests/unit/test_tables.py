"""Unit tests for generator.tree.tables, on small cases and on the real tables of the seeds.

Real blocks are read from content/ (byte-for-byte copies of the seeds below their front matter),
so the line numbers here are those of /work/shared/seeds/*.txt and of the reading notes.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from generator.tree.tables import Table, build_table, is_table_line

CONTENT = Path(__file__).resolve().parents[2] / "content"
SEEDS = {
    "001": "agreements/sooke-2006.md",
    "002": "bylaws/local-476-bylaws.md",
    "003": "agreements/college-rockies-2022.md",
    "004": "agreements/new-westminster-2022.md",
}


def prep(line: str) -> str:
    """What the earlier stages do to a line: no HTML tags, no markdown escapes, no leading '#'."""
    line = re.sub(r"<[^>]+>", "", line)
    line = re.sub(r"\\([\\`*_{}\[\]()#+\-.!$|])", r"\1", line)
    return re.sub(r"^#+\s*", "", line)


@cache
def body(seed: str) -> tuple[str, ...]:
    """Body lines of a seed (index 0 is line 1), read from its copy in content/."""
    text = (CONTENT / SEEDS[seed]).read_text(encoding="utf-8")
    _, _, rest = text.split("---\n", 2)
    return tuple(rest.split("\n"))


def block(seed: str, first: int, last: int) -> list[str]:
    """Lines first..last (1-based, inclusive) of a seed, preprocessed."""
    return [prep(line) for line in body(seed)[first - 1:last]]


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"[^\W_]+", text))


def cell_tokens(table: Table) -> Counter:
    return tokens("\n".join("\t".join(row) for row in table.rows))


# (seed, first line, last line, rows, width, header, preformatted); None = not checked.
REAL = [
    ("001", 818, 823, 6, 2, False, False),    # 18.08 rest periods, wrapped "\tPeriod"
    ("001", 827, 828, 2, 2, False, False),    # 18.08 afternoon and night custodians
    ("001", 908, 913, 6, 2, False, False),    # 21.01 holidays, "Boxing Day\t"
    ("001", 1231, 1245, 15, 2, True, False),  # 24.04(a) leave table, wrapped cells
    ("001", 1354, 1389, 35, 2, False, False),  # 25.09 wage history, blank line at 1373
    ("001", 2113, 2123, 11, 12, False, False),  # Schedule A p.1, stacked values "189 193"
    ("001", 2125, 2156, 32, 13, None, False),  # Schedule A p.2, "SC\tHEDULI\tΕA"
    ("001", 2158, 2192, 35, 11, None, False),  # Schedule A p.3 (male pay line)
    ("001", 2198, 2222, 25, 7, False, True),   # Schedule A p.4: numbers cut across cells
    ("001", 2232, 2259, 28, 8, True, False),   # Schedule A premium rates
    ("001", 2383, 2385, 3, 2, False, False),   # Appendix B funding
    ("001", 2414, 2416, 3, 2, False, False),
    ("001", 2427, 2429, 3, 2, False, False),
    ("002", 119, 121, 3, 2, False, False),     # pipe table, trailing '|', no header
    ("003", 726, 733, 8, 2, False, False),     # 12.1 a) vacation, ditto marks
    ("003", 786, 791, 6, 2, False, False),     # 13.1.2 a) sick credits
    ("003", 1636, 1657, 22, 7, True, False),   # Schedule B 2022
    ("003", 1664, 1691, 22, 7, True, False),   # Schedule B 2023, "<hr/>\t\t..." rows
    ("003", 1698, 1719, 22, 6, True, False),   # Schedule B 2024, no leading empty column
    ("003", 1783, 1788, 6, 3, True, False),    # Schedule C.3 flexibility allocation
    ("003", 2118, 2119, 2, 2, False, False),   # Appendix A benefits
    ("003", 2135, 2137, 3, 2, False, False),
    ("003", 2159, 2162, 4, 2, False, False),
    ("003", 2220, 2223, 4, 2, None, False),    # "Deductible\tNil" reads as a header (known)
    ("004", 656, 667, 12, 5, True, False),     # salary grids, "0\t\t\t\t"
    ("004", 671, 682, 12, 5, True, False),
    ("004", 686, 697, 12, 5, True, False),
    ("004", 810, 822, 13, 4, True, False),     # B.9 pay table
    ("004", 835, 837, 3, 2, False, False),     # B.10 mileage
    ("004", 1390, 1394, 5, 3, True, False),    # D.1 K-3 class size
    ("004", 1411, 1425, 15, 2, True, False),   # D.1.5 class size
    ("004", 1455, 1460, 6, 3, True, False),    # D.3 ratios
    ("004", 2382, 2387, 6, 2, True, False),    # G.34 early retirement
    ("004", 2939, 3049, 109, 2, True, False),  # LOU 5 Schedule A, blank lines, wrapped 3035-3040
    ("004", 3207, 3243, 36, 2, True, False),   # LOU 9 Appendix A benefits, blank at 3226
    ("004", 3818, 3821, 4, 3, True, False),    # Local LOU 4 minutes, leading empty header cell
]


@pytest.mark.parametrize("seed,first,last,n_rows,width,header,pre", REAL,
                         ids=[f"{r[0]}:{r[1]}-{r[2]}" for r in REAL])
def test_real_tables(seed, first, last, n_rows, width, header, pre):
    lines = block(seed, first, last)
    table = build_table(lines)
    assert len(table.rows) == n_rows
    assert {len(row) for row in table.rows} == {width}
    assert table.preformatted is pre
    if header is not None:
        assert table.header is header
    assert table.text == "\n".join(lines)


@pytest.mark.parametrize("seed,first,last", [r[:3] for r in REAL] + [("001", 1830, 1834)],
                         ids=[f"{r[0]}:{r[1]}-{r[2]}" for r in REAL] + ["001:1830-1834"])
def test_real_tables_keep_every_word(seed, first, last):
    lines = block(seed, first, last)
    table = build_table(lines)
    assert not tokens("\n".join(lines)) - cell_tokens(table)
    assert not tokens("\n".join(lines)) - tokens(table.text)


def test_every_table_line_of_the_seeds_is_a_table_line_or_indented():
    """Every line with a tab between two non-empty cells is a table line; leading tabs alone are not."""
    for seed in SEEDS:
        for line in map(prep, body(seed)):
            has_cell_tab = "\t" in line.strip("\t") and bool(re.search(r"\S\t+\S", line))
            assert is_table_line(line) is (has_cell_tab or _pipe(line)), line


def _pipe(line: str) -> bool:
    s = line.strip()
    return (s.startswith("|") or s.endswith("|")) and s.count("|") >= 2


def test_rest_periods_rows():
    table = build_table(block("001", 818, 823))
    assert table.rows[0] == ["Employees who work:", ""]
    assert table.rows[1] == ["Less than two hours", "No Rest Period"]
    assert table.rows[-1] == ["", "Period"]


def test_holidays_trailing_tab_is_padded_not_a_column():
    table = build_table(block("001", 908, 913))
    assert table.rows[-1] == ["Boxing Day", ""]
    assert table.rows[0] == ["New Year's Day", "B.C. Day"]


def test_schedule_b_leading_empty_column_and_hr_rows():
    table = build_table(block("003", 1664, 1691))
    assert table.rows[0] == ["Level", "", "Step 1", "Step 2", "Step 3", "Step 4", "Step 5"]
    assert table.rows[1][:3] == ["", "1", "42,861.00"]
    assert table.rows[3][:3] == ["Hourly", "", "23.55"]
    assert table.rows[4][:2] == ["", "2"]  # the "<hr/>\t\t\t\t\t\t" row is gone


def test_salary_grid_empty_step_zero_and_dollars():
    table = build_table(block("004", 656, 667))
    assert table.rows[1] == ["0", "", "", "", ""]
    assert table.rows[2] == ["1", "$ 54,318", "$ 58,785", "$ 63,242", "$ 64,646"]


def test_pipe_table_of_the_bylaws():
    table = build_table(block("002", 119, 121))
    assert table.rows == [
        ["President $150.00", "3 Members at Large $25.00"],
        ["Vice-President $125.00", "1 Sergeant at Arms $25.00"],
        ["Secretary/Treasurer $125.00", "Recording Secretary $ 25.00"],
    ]
    assert not table.header and not table.preformatted


def test_ditto_marks_kept_verbatim():
    table = build_table(block("003", 726, 733))
    assert table.rows[2] == ["sixth year", '21 " " "']


def test_wrapped_school_cells_stay_rows():
    table = build_table(block("004", 3034, 3040))
    assert table.rows[1] == ["", "Lillooet/Pavilion/ Fountain/Band"]
    assert table.rows[2] == ["Cayoosh Elementary", "Communities"]


# --- is_table_line -------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Less than two hours\tNo Rest Period",
    "\tSchool Year\tMinutes",
    "Level\t\tStep 1\tStep 2",
    "ARTICLE 1:\tDEFINITIONS",
    "\tLETTER OF UNDERSTANDING # 5 Health and Wellness Program\t70",
    "| a | b |",
    "| a |",
    "President $150.00 | 3 Members at Large $25.00 |",
    "|---|---|",
    "| :--- | ---: |",
    "-------------\t--------------",
])
def test_is_table_line_true(line):
    assert is_table_line(line)


@pytest.mark.parametrize("line", [
    "",
    "plain text",
    "\t1.01 Plural or Feminine Terms",
    "\t\tPeriod",
    "Boxing Day\t",
    "Employees who work:\t",
    "\t\t\t\t\t\t",
    "a | b",
    "|",
    "-----",
    "Cost | benefit analysis",
])
def test_is_table_line_false(line):
    assert not is_table_line(line)


# --- build_table on small cases -------------------------------------------------------------

def test_markdown_pipe_table_with_header_and_separator():
    table = build_table(["| Step | Rate |", "|---|---|", "| 1 | 20.00 |", "| 2 | 21.00 |"])
    assert table.rows == [["Step", "Rate"], ["1", "20.00"], ["2", "21.00"]]
    assert table.header and not table.preformatted


def test_empty_cells_kept_and_rows_padded():
    table = build_table(["a\t\tc", "1\t2", "\t3\t4\t5"])
    assert table.rows == [["a", "", "c", ""], ["1", "2", "", ""], ["", "3", "4", "5"]]


def test_trailing_empty_columns_dropped():
    table = build_table(["a\tb\t\t", "1\t2\t\t\t", "3\t4\t"])
    assert table.rows == [["a", "b"], ["1", "2"], ["3", "4"]]


def test_line_without_tab_is_one_cell_row():
    table = build_table(["Hourly Premiums", "Night Shift\t0.72", "Split Shift\t0.72"])
    assert table.rows[0] == ["Hourly Premiums", ""]
    assert not table.preformatted


def test_blank_and_tab_only_lines_skipped():
    table = build_table(["a\tb", "", "\t\t\t", "c\td"])
    assert table.rows == [["a", "b"], ["c", "d"]]
    assert table.text == "a\tb\n\n\t\t\t\nc\td"


def test_fewer_than_two_rows_is_preformatted():
    assert build_table(["a\tb"]).preformatted
    assert build_table([]).preformatted


def test_no_second_column_is_preformatted():
    table = build_table(["The Benefit Overall $10,000 per person", "Deductible Nil"])
    assert table.preformatted


def test_widths_varying_wildly_is_preformatted():
    table = build_table(["a\tb", "c\td", "e\tf", "1\t2\t3\t4\t5\t6"])
    assert table.preformatted
    assert len(table.rows[0]) == 6  # rows are still given, complete


def test_numbers_cut_across_cells_is_preformatted():
    table = build_table(["Job\tRate\tNew", "Labourer\t18.38\t3 18.75", "Maintenance II\t18.5\t7 18.94",
                         "Gardener\t20.5\t20.92"])
    assert table.preformatted
    assert not table.header


@pytest.mark.parametrize("lines,header", [
    (["Step\tCat 4", "1\t$ 54,318"], True),
    (["Reason:\tLeave of Absence:", "Paternity\t3 Working days"], True),
    (["New Year's Day\tB.C. Day", "Good Friday\tLabour Day"], False),  # no number below: a list
    (["July 1, 2007\t$828,000", "July 1, 2008\t$828,000"], False),
    (["1st year of employment:\t18 working days", "2nd year\t36 working days"], False),
    (["\tSCHEDULE A\t\t", "Grade\tRange\t1\t2"], False),  # one label: a title, not a header
])
def test_header(lines, header):
    assert build_table(lines).header is header
