"""Per-line normalisation: one raw source line -> the plain text it should read as on the site.

The sources are PDFs converted to Markdown-ish text. Each line may carry conversion noise:
heading marks on ordinary paragraphs, HTML fragments, backslash escapes, emphasis marks,
LaTeX formulas and empty links. `clean_inline` removes all markup and keeps every word.
It never joins or drops lines; whole-line artifacts are the job of `artifacts.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment
from bs4.element import Declaration, Doctype, ProcessingInstruction


@dataclass
class InlineResult:
    """A cleaned line and what was taken off it."""

    text: str  # plain text, no markup at all; tabs (table cell separators) kept
    heading: bool  # the raw line started with markdown '#' marks (a weak hint only)
    underlined: str  # <u>/bold run at the start of the line, after a number marker ('' if none)
    removed_markup: list[str] = field(default_factory=list)  # e.g. ['#', '<u>'], for the build report


# --- patterns ---------------------------------------------------------------------------------

HEADING = re.compile(r"^(#{1,6})(?:[ \t]+|$)")
TAG_LIKE = re.compile(r"<[a-zA-Z/!]")
# "January 1 <sup>st</sup> , 1980" (Sooke 25.09): glue the ordinal to its number, and the comma.
SUP_ORDINAL = re.compile(r"(\d)\s*<sup>\s*(st|nd|rd|th)\s*</sup>(?:\s+(?=,))?", re.IGNORECASE)
BLOCK_TAGS = {"p", "div", "ul", "ol", "li", "table", "tr", "td", "th", "blockquote",
              "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "section", "article"}
VOID_BREAKS = {"br", "hr"}
TEXT_TYPES_DROPPED = (Doctype, Declaration, ProcessingInstruction)

# `$...$` or `$$...$$`; the opening `$` is not an escaped `\$`, and `\x` pairs inside are atomic,
# so `$\$53,005 \times .75$` (New Westminster B.20.6) is one fragment.
MATH = re.compile(r"(?<![\\$])(\${1,2})(?=\S)((?:\\.|[^$\\])+?)(?<=\S)\1(?!\d)")
# An opening `$` never closed, with a LaTeX command after it, to the end of the line:
# " $5.5 \text{ hours} \times 200 \text{ days} = \36.14 per hour" (New Westminster B.20.6).
MATH_UNCLOSED = re.compile(r"(?<![\\$])\$(?=\S)((?:\\.|[^$\\])*\\(?:[A-Za-z]|\s)(?:\\.|[^$\\])*)$")
LATEX_COMMAND = re.compile(r"\\(?:[A-Za-z]+|\s)")
# `$1/1200$`, `$1/12$ plus $1/60$` (New Westminster LOU, unpaid leave): a bare fraction in math.
MATH_FRACTION = re.compile(r"^\d+/\d+$")
FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
TEXT_LIKE = re.compile(r"\\(?:text|textrm|textit|textbf|mathrm|mathit|mathbf|operatorname)\s*\{([^{}]*)\}")
SYMBOLS = {"times": "×", "cdot": "·", "div": "÷", "pm": "±", "le": "≤", "leq": "≤", "ge": "≥",
           "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "percent": "%", "quad": " ",
           "qquad": " ", "left": "", "right": ""}
KNOWN_BARE = re.compile(r"\\(?:[dt]?frac|text|times)\b")

ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # backslash before any ASCII punctuation
PLACEHOLDER_BASE = 0xE000  # private-use code points stand in for escaped characters
KEPT_STAR = "\ue000"  # a footnote '*' shielded from the stray-bold rule (no escape maps here)
TAB_MARK = "\ue009"  # a tab carried through BeautifulSoup (escapes map only from U+E021 up)
EMPTY_LINK = re.compile(r"\[([^\[\]]*)\]\(#?\)")
BOLD = re.compile(r"\*\*(?=[^\s*])([^\t]*?[^\s])\*\*")
UNDERSCORE_BOLD = re.compile(r"(?<!\w)__(?=[^\s_])([^_\t]*?[^\s_])__(?!\w)")
# A single `*` pair only around words: `*School Act*`, `*(part of Extended Health Care)*`.
# Not `$1.50*` (glued to a word on its left) and not `* Effective` (space after).
ITALIC = re.compile(r"(?<!\w)\*(?=[^\s*\d])([^*\t]*?[A-Za-z][^*\t]*?)(?<=\S)\*(?!\w)")
# `**346` in a Schedule A cell or `** Rated under...` is a footnote marker, not bold.
FOOTNOTE_STARS = re.compile(r"(?<!\S)\*\*(?=\s|\d|$)")
STRAY_BOLD = re.compile(r"\*\*")
BOLD_ITALIC_EDGE = re.compile(r"^\*{3}(?=[^\s*])|(?<=[^\s*])\*{3}$")

# Clause number before a title run: "1.01", "a)", "12.4 a)", "(b)", "5.", "- " bullets.
NUMBER_MARKER = re.compile(r"^(?:-\s+)?(?:\(?(?:\d+(?:\.\d+)*|[A-Za-z]|[ivxlc]+)[.):]?\s+){0,3}")
TITLE_RUN = re.compile(r"\*\*(?=[^\s*])([^\t]+?)\*\*|<(u|b|strong)\b[^>\t]*>([^\t]*?)</\2\s*>", re.IGNORECASE)
NEXT_TITLE_RUN = re.compile(r" *(?:\*\*|<(?:u|b|strong)\b)", re.IGNORECASE)


# Windows-1252 punctuation decoded as Latin-1 lands on C1 control characters: U+0092 is '’'.
C1_CONTROLS = re.compile("[\x80-\x9f]")
# UTF-8 read as Windows-1252: "Employerâ€™s" is "Employer’s", "â€“" is "–", "Â " a no-break space.
MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0081\u008d\u008f\u0090\u009d\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                      "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}")
# Pandoc inline raw HTML: "`<br>`{=html}".
RAW_INLINE = re.compile(r"`([^`]*)`\{=html\}")
SPACES = re.compile(r" {2,}")
SPACES_AROUND_TAB = re.compile(r" *\t *")


# --- public API ---------------------------------------------------------------------------------

def clean_inline(raw: str) -> InlineResult:
    """Turn one raw source line into plain text; see the module docstring."""
    removed: list[str] = []
    line = raw.rstrip("\r\n")
    if not line.strip(" \xa0"):  # " " (27 lines in College of the Rockies) reads as blank
        return InlineResult("", False, "", [])
    line = _windows_1252(_mojibake(line.lstrip(" "))).replace("\f", "")
    if "{=html}" in line:  # each rule below runs only when its pattern's own characters are there
        line = RAW_INLINE.sub(lambda m: _note(removed, "{=html}") or m.group(1), line)
    heading, line = _strip_heading(line, removed)
    underlined = _title_hint(line)
    line = _strip_html(line, removed)
    line = _latex(line, removed)
    line, escaped = _protect_escapes(line)
    line = _empty_links(line, removed)
    line = _emphasis(line, removed)
    line = _restore_escapes(line, escaped, removed)
    return InlineResult(_whitespace(line), heading, underlined, removed)


def _windows_1252(line: str) -> str:
    """Map C1 control characters to the Windows-1252 characters they stand for ('\x93' -> '“').

    Mapped, never dropped: '\x96' is the dash of 'Article 7 \x96 Wages'. The five code
    points Windows-1252 leaves undefined become a space.
    """
    def char(match: re.Match) -> str:
        try:
            return bytes([ord(match.group(0))]).decode("cp1252")
        except UnicodeDecodeError:
            return " "
    return C1_CONTROLS.sub(char, line)


def _mojibake(line: str) -> str:
    """Undo UTF-8 text decoded as Windows-1252, one character at a time ('â€™' -> '’').

    A run is replaced only when its bytes are exactly one valid UTF-8 character, so real
    accented text ('Â', 'é' followed by a quote) is left alone.
    """
    def fix(match: re.Match) -> str:
        try:  # the five bytes cp1252 leaves undefined came through as C1 controls ('\x9d' of '”')
            data = b"".join(c.encode("latin-1") if "\x80" <= c <= "\x9f" else c.encode("cp1252")
                            for c in match.group(0))
            char = data.decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return match.group(0)
        return char if len(char) == 1 else match.group(0)
    return MOJIBAKE.sub(fix, line) if ("â" in line or "Â" in line or "Ã" in line) else line


# --- steps --------------------------------------------------------------------------------------

def _note(removed: list[str], mark: str) -> None:
    """Record a removed mark once, in order of first appearance."""
    if mark not in removed:
        removed.append(mark)


def _strip_heading(line: str, removed: list[str]) -> tuple[bool, str]:
    """Remove leading '#'..'######' marks: PDF-conversion noise on '## 1.05 <u>Retirement</u>'."""
    match = HEADING.match(line) if line.startswith("#") else None
    if not match:
        return False, line
    _note(removed, "#")
    return True, line[match.end():].lstrip(" ")


def _title_hint(line: str) -> str:
    """Text of the <u>/bold run(s) at the start of the line, after a clause number.

    '### 19.06 <u>Hours of Work ... and</u> <u>Youth and Family Counsellor</u>' (Sooke) joins both
    runs; '#### **33.02** Office Employees' gives '' because the bold run is the number itself.
    """
    if "**" not in line and "<" not in line:
        return ""  # a title run opens with '**' or a tag
    rest = line[NUMBER_MARKER.match(line).end():]
    parts = []
    while (match := TITLE_RUN.match(rest)):
        inner = match.group(1) if match.group(1) is not None else match.group(3)
        parts.append(clean_inline(inner).text.strip())
        rest = rest[match.end():]
        if not NEXT_TITLE_RUN.match(rest):
            break  # runs join across spaces only: a tab starts another table cell
        rest = rest.lstrip(" ")
    title = " ".join(p for p in parts if p)
    if NUMBER_MARKER.fullmatch(title + " ") or _is_sentence(title):
        return ""
    return title


def _is_sentence(text: str) -> bool:
    """A bold run that is a whole sentence marks changed language, not a title.

    "- (a) **A self-identified Indigenous employee may request up to two days' leave ...**"
    (College of the Rockies 19.13) is bold because it is new, not because it is a heading.
    """
    return text.endswith(".") and len(text.split()) > 6


def _strip_html(line: str, removed: list[str]) -> str:
    """Unwrap every HTML tag to its text (script/style text kept, attributes never).

    Runs only when something looks like a tag, so 'less than <5 days' is untouched. Decoded
    entities could form a new tag ('&lt;b&gt;'), so it repeats until no tag is left.
    """
    for _ in range(10):
        if "<" not in line or not TAG_LIKE.search(line):
            return line
        line = SUP_ORDINAL.sub(lambda m: _note(removed, "<sup>") or m.group(1) + m.group(2), line)
        line = _html_to_text(line, removed)
    return TAG_LIKE.sub(lambda m: m.group(0)[1:], line)  # pathological nesting: drop the '<'


def _html_to_text(line: str, removed: list[str]) -> str:
    """One BeautifulSoup pass: block tags and <br/>/<hr/> become spaces, others just vanish.

    BeautifulSoup squeezes whitespace-only strings between tags to one space, which would eat
    table tabs ('<u>Article</u>\\t<u>Title</u>\\t<u>Page</u>', College of the Rockies TOC), so
    tabs travel through it as a private placeholder.
    """
    soup = BeautifulSoup(line.replace("\t", TAB_MARK), "html.parser")
    for tag in soup.find_all(True):
        _note(removed, f"<{tag.name}>")
        if tag.name in VOID_BREAKS:
            tag.replace_with(" ")
        elif tag.name in BLOCK_TAGS:
            tag.insert_before(" ")
            tag.insert_after(" ")
    strings = [s for s in soup.find_all(string=True) if not isinstance(s, TEXT_TYPES_DROPPED)]
    if any(isinstance(s, Comment) for s in strings):
        _note(removed, "<!---->")  # a comment's words are kept, like script text
    return "".join(strings).replace(TAB_MARK, "\t")


def _latex(line: str, removed: list[str]) -> str:
    """Turn LaTeX fragments into plain text: '$(2 \\frac{1}{2})$' -> '(2 1/2)'.

    '$...$' delimiters go only around a real fragment (a backslash command or a bare fraction);
    money such as 'President $150.00 | 3 Members at Large $25.00' (Local 476 bylaws) stays.
    """
    def fragment(match: re.Match) -> str:
        delim, body = match.group(1), match.group(2)
        if LATEX_COMMAND.search(body) or MATH_FRACTION.match(body):
            _note(removed, delim)
            return _latex_body(body, removed)
        return match.group(0)

    if "$" in line:
        line = MATH.sub(fragment, line)
        line = MATH_UNCLOSED.sub(lambda m: _note(removed, "$") or _latex_body(m.group(1), removed), line)
    if "\\" in line and KNOWN_BARE.search(line):  # commands outside '$' are never real text either
        line = _latex_body(line, removed, keep_escapes=True)
    return line


def _latex_body(body: str, removed: list[str], keep_escapes: bool = False) -> str:
    """Plain text of a LaTeX fragment's content."""
    for command in re.findall(r"\\([A-Za-z]+)", body):
        _note(removed, "\\" + command)
    body = FRAC.sub(r" \1/\2", body)  # '2\frac{1}{2}' -> '2 1/2'
    body = TEXT_LIKE.sub(r"\1", body)
    body = re.sub(r"\\([A-Za-z]+)\b", lambda m: SYMBOLS.get(m.group(1), m.group(1) + " "), body)
    if keep_escapes:  # outside math: leave '\$' etc. to the escape step
        return body
    # '= \36.14 per hour': the '$' of '\$36.14' was eaten by the converter; put it back.
    body = re.sub(r"\\(?=\d)", "$", body)
    body = re.sub(r"\\[,;:!\s]", " ", body)
    body = re.sub(r"\\([^A-Za-z0-9\s])", r"\1", body)
    return body.replace("{", "").replace("}", "")


def _protect_escapes(line: str) -> tuple[str, dict[str, str]]:
    """Replace '\\$', '\\*', '\\_' ... with private placeholders so no later rule sees them."""
    escaped: dict[str, str] = {}
    if "\\" not in line:
        return line, escaped

    def hide(match: re.Match) -> str:
        char = match.group(1)
        placeholder = chr(PLACEHOLDER_BASE + ord(char))
        escaped[placeholder] = char
        return placeholder

    return ESCAPE.sub(hide, line), escaped


def _restore_escapes(line: str, escaped: dict[str, str], removed: list[str]) -> str:
    """Put the escaped characters back, without their backslashes."""
    if escaped:
        _note(removed, "\\")
    for placeholder, char in escaped.items():
        line = line.replace(placeholder, char)
    return line


def _empty_links(line: str, removed: list[str]) -> str:
    """'[Section 52 Family Responsibility Leave](#)' -> its words; never an href='#'."""
    if "](" not in line:
        return line
    return EMPTY_LINK.sub(lambda m: _note(removed, "[](#)") or m.group(1), line)


def _emphasis(line: str, removed: list[str]) -> str:
    """Drop bold/italic marks, keep footnote asterisks.

    '***The wage increases ... Agreement.**' (College of the Rockies) is a footnote '*' plus bold;
    '**Note: Year 2 is the ongoing amount.*' is a footnote '*' plus italics. Both keep one '*'.
    """
    if "*" not in line:  # every rule but '__' needs a star, and '__' never leaves one
        if "__" in line:
            line = _sub_all(UNDERSCORE_BOLD, line, removed, "__")
        return line.replace(KEPT_STAR, "*")
    line = _sub_all(BOLD, line, removed, "**")
    line = _sub_all(UNDERSCORE_BOLD, line, removed, "__")
    line = _sub_all(ITALIC, line, removed, "*")
    # '***For claims inquiries, contact Manulife Financial' / 'at 1-800-575-2200***' (College of
    # the Rockies Appendix A): bold italics split across two lines; no footnote has three stars.
    line = BOLD_ITALIC_EDGE.sub(lambda m: _note(removed, "***") or "", line)
    # Unbalanced '**' left over is half of a bold run split across lines ('**COLLEGE OF' /
    # 'THE ROCKIES**') or glued to a clause number ('- 24.1** All employees'): drop it,
    # unless it marks a footnote ('Custodian I\t*272\t**346', Sooke Schedule A).
    kept = FOOTNOTE_STARS.sub(KEPT_STAR * 2, line)
    if STRAY_BOLD.search(kept):
        _note(removed, "**")
        kept = STRAY_BOLD.sub("", kept)
    return kept.replace(KEPT_STAR, "*")


def _sub_all(pattern: re.Pattern, line: str, removed: list[str], mark: str) -> str:
    """Unwrap every match of an emphasis pattern (repeatedly, for nested runs)."""
    while (new := pattern.sub(r"\1", line)) != line:
        _note(removed, mark)
        line = new
    return line


def _whitespace(line: str) -> str:
    """Collapse runs of spaces, trim spaces at both ends and around tabs; keep the tabs.

    Trailing tabs stay: they are empty last cells ('1\\t143-162\\t\\t17.95 ... 19.43\\t', Sooke
    Schedule A), and the table parser counts columns.
    """
    line = line.replace("\xa0", " ")
    if "  " in line:
        line = SPACES.sub(" ", line)
    if "\t" in line:
        line = SPACES_AROUND_TAB.sub("\t", line)
    return line.strip(" ")
