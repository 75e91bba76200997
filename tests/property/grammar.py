"""A small grammar of agreement numbering styles that writes an agreement AND its answer key.

Each draw picks a style (unit keyword, numeral system, separator, case, clause scheme, outline
order, counts) and writes text in that style, recording for every number it prints the citation
CITATIONS.md gives it and the citation of its parent. The property test parses the text and checks
the tree against that key. The traps of real PDF text are drawn too: a sentence wrapped so that a
line starts with "(15) hours" or "7.00 am" (not clauses), page furniture between clauses
("Page 3 of 9", "- 4 -"), a clause number alone on its line with its text on the next.

Styles (the families of issue 11):
- units: Article / Section / Chapter with arabic or roman (upper or lower) numbers, cited by the
  arabic number; Part with arabic, roman or letter numbers, cited "Part 3" / "Part A".
- clauses: prefixed decimals `3.01`/`3.1` (cite "3.01"); restarting `Section 2.` (cite "3.2");
  keyword decimals `Section 3.2` (cite "3.2"); under Parts, continuous `12.` with `12.3`
  subclauses (cite "12", "12.3"), possibly starting near 100 so the numbers cross 99.
- outlines: (a)/(1)/(i), A./1./a., a)/i)/1. (parenthesised orders only under continuous clauses,
  where a bare "1." would be a clause). Lists are long enough at times to reach (h) -> (i) (a
  letter) and (v), (x) (romans).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st

ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
         (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]

TITLES = ["Recognition", "Union Security", "Management Rights", "Hours of Work", "Overtime",
          "Holidays", "Vacation Leave", "Sick Leave", "Seniority", "Grievance Procedure",
          "Wages", "Health and Welfare", "Discipline", "Safety", "Duration"]

SENTENCES = ["The employer shall post the schedule in a place accessible to every employee.",
             "An employee may request a review of the decision in writing.",
             "Such requests shall not be unreasonably denied.",
             "The parties agree to meet within thirty days of a written request.",
             "This provision applies to regular and temporary employees alike.",
             "Payment shall be made on the next regular pay day.",
             "Notice shall be given to the steward and the employee concerned."]

# A sentence wrapped by the PDF converter so that the next line starts like a marker or a
# decimal clause: neither line is a clause of its own.
WRAPS = [("An employee called back to work shall be paid for not less than fifteen",
          "(15) hours over the pay period in which the call-back occurs."),
         ("The day shift shall begin at",
          "7.00 am and end at the time set by the schedule."),
         ("Overtime is paid when an employee works more than two",
          "(2) hours past the end of the shift.")]

SEPARATORS = [" – ", " — ", " - ", ": ", ". ", " ", "\n"]

# Outline orders: the marker writer for each depth (1-based index -> marker text).
OUTLINES = {
    "(a)/(1)/(i)": ["paren-letter", "paren-number", "paren-roman"],
    "A./1./a.": ["upper-dot", "number-dot", "letter-dot"],
    "a)/i)/1.": ["letter-paren", "roman-paren", "number-dot"],
}
PAREN_ONLY = ["(a)/(1)/(i)"]


def roman(n: int) -> str:
    out = ""
    for value, numeral in ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def letter(n: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[n - 1]


def marker(style: str, n: int) -> tuple[str, str]:
    """(printed marker, its value as cited): ("(iv)", "iv"), ("B.", "b")."""
    value = {"paren-letter": letter(n), "paren-number": str(n), "paren-roman": roman(n),
             "upper-dot": letter(n), "number-dot": str(n), "letter-dot": letter(n),
             "letter-paren": letter(n), "roman-paren": roman(n)}[style]
    printed = {"paren-letter": f"({value})", "paren-number": f"({value})", "paren-roman": f"({value})",
               "upper-dot": f"{value.upper()}.", "number-dot": f"{value}.", "letter-dot": f"{value}.",
               "letter-paren": f"{value})", "roman-paren": f"{value})"}[style]
    return printed, value


@dataclass
class Generated:
    """An agreement body, its answer key (cite -> parent cite) and the style it was written in."""

    style: str
    lines: list[str] = field(default_factory=list)
    key: list[tuple[str, str]] = field(default_factory=list)  # (cite, parent cite), document order

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def numbered(self) -> str:
        return "\n".join(f"{no:4}  {line}" for no, line in enumerate(self.lines, 1))


SCHEMES = ["continuous", "decimal-2", "decimal-1", "restarting", "keyword-decimal"]


@st.composite
def agreements(draw, scheme: str = "") -> Generated:
    """An agreement in a drawn style; `scheme` (one of SCHEMES) fixes its clause scheme."""
    scheme = scheme or draw(st.sampled_from(SCHEMES))
    keyword = {"continuous": ["Part"], "restarting": ["Article", "Chapter"],
               "keyword-decimal": ["Article", "Chapter"]}.get(scheme, ["Article", "Section", "Chapter"])
    keyword = draw(st.sampled_from(keyword))
    numerals = ["arabic", "roman", "roman-lower"] + (["letter"] if keyword == "Part" else [])
    numeral = draw(st.sampled_from(numerals))
    outline = draw(st.sampled_from(PAREN_ONLY if scheme == "continuous" else sorted(OUTLINES)))
    upper = draw(st.booleans())
    separator = draw(st.sampled_from(SEPARATORS))
    style = (f"{keyword} {numeral}, separator {separator!r}, {'UPPER' if upper else 'Title'} case, "
             f"clauses {scheme}, outline {outline}")
    doc = Generated(style)
    doc.lines += ["COLLECTIVE AGREEMENT" if upper else "Collective Agreement", "between the Employer and the Union", ""]
    clause_no = draw(st.sampled_from([1, 96]))  # continuous clauses may start near 100
    page = 1
    for unit_no in range(1, draw(st.integers(2, 4)) + 1):
        unit_cite = _write_unit_heading(draw, doc, keyword, numeral, unit_no, separator, upper)
        for k in range(1, draw(st.integers(1, 3)) + 1):
            if scheme == "continuous":
                clause_cite = str(clause_no)
                clause_no += 1
            else:
                clause_cite = f"{unit_no}.{k:02d}" if scheme == "decimal-2" else f"{unit_no}.{k}"
            doc.key.append((clause_cite, unit_cite))
            _write_clause(draw, doc, scheme, clause_cite, k)
            if scheme == "continuous" and draw(st.booleans()):
                for s in range(1, draw(st.integers(1, 3)) + 1):
                    sub = f"{clause_cite}.{s}"
                    doc.key.append((sub, clause_cite))
                    doc.lines.append(f"{sub} {draw(st.sampled_from(SENTENCES))}")
                    _write_outline(draw, doc, OUTLINES[outline], 0, sub)
            else:
                _write_outline(draw, doc, OUTLINES[outline], 0, clause_cite)
            if draw(st.integers(0, 3)) == 0:
                page += 1
                doc.lines.append(draw(st.sampled_from([f"Page {page} of 9", f"- {page} -"])))
    return doc


def _write_unit_heading(draw, doc: Generated, keyword: str, numeral: str, n: int, separator: str,
                        upper: bool) -> str:
    number = {"arabic": str(n), "roman": roman(n).upper(), "roman-lower": roman(n),
              "letter": letter(n).upper()}[numeral]
    title = draw(st.sampled_from(TITLES))
    word = keyword.upper() if upper else keyword
    shown_title = title.upper() if upper else title
    if separator == "\n":
        doc.lines += [f"{word} {number}", shown_title]
    else:
        doc.lines.append(f"{word} {number}{separator}{shown_title}")
    if keyword == "Part":
        cite = f"Part {n}" if numeral != "letter" else f"Part {number}"
    else:
        cite = str(n)
    doc.key.append((cite, ""))
    return cite


def _write_clause(draw, doc: Generated, scheme: str, cite: str, k: int) -> None:
    """The clause's own line(s): its printed number, then a sentence (sometimes on the next line,
    sometimes wrapped so that the next line starts like a marker)."""
    printed = {"decimal-2": cite, "decimal-1": cite, "restarting": f"Section {k}.",
               "keyword-decimal": f"Section {cite}", "continuous": f"{cite}."}[scheme]
    if scheme == "continuous":
        doc.lines.append(f"{printed} {draw(st.sampled_from(TITLES))}")
        return
    if draw(st.integers(0, 3)) == 0:
        start, rest = draw(st.sampled_from(WRAPS))
        doc.lines += [f"{printed} {start}", rest]
    elif draw(st.integers(0, 3)) == 0:
        doc.lines += [printed, draw(st.sampled_from(SENTENCES))]  # number alone on its line
    else:
        doc.lines.append(f"{printed} {draw(st.sampled_from(SENTENCES))}")


def _write_outline(draw, doc: Generated, order: list[str], depth: int, parent: str) -> None:
    """Maybe a list under `parent`, at outline depth `depth`, with nested lists below some items.

    A list may run long enough that a letter list reaches (i) after (h), and a roman list reaches
    (v) or (x). The item just before a letter "i" has no sub-list: "(h) (i) (ii)" would make the
    next "(i)" a roman child of (h), which is a different (also valid) document."""
    if depth >= len(order) or draw(st.integers(0, depth + 1)) != 0:
        return
    style = order[depth]
    count = draw(st.sampled_from([2, 3, 4] if depth else [2, 3, 4, 5, 9, 10]))
    if style in ("paren-roman", "roman-paren"):
        count = draw(st.sampled_from([2, 3, 5, 10]))
    lettered = style in ("paren-letter", "upper-dot", "letter-dot", "letter-paren")
    for n in range(1, count + 1):
        printed, value = marker(style, n)
        cite = f"{parent}.{value}"
        doc.key.append((cite, parent))
        if draw(st.integers(0, 5)) == 0 and depth == 0:
            start, rest = draw(st.sampled_from(WRAPS))
            doc.lines += [f"{printed} {start}", rest]
        else:
            doc.lines.append(f"{printed} {draw(st.sampled_from(SENTENCES))}")
        if not (lettered and n + 1 <= count and letter(n + 1) == "i"):
            _write_outline(draw, doc, order, depth + 1, cite)
