"""Citations are ids: computed here, once, from the parent's citation and the cleaned number.

  clean_num("(a)") == "a"      child_cite("12.05", "a") == "12.05.a"
  anchor("12.05.a") == "cl-12-05-a"      short_path("LOU 3.B") == "lou-3.b"

Anchors start with a letter and contain only [a-z0-9-], so they are safe in CSS selectors and
`querySelector` (a digit-first id such as "12.05" is not). They depend on the citation alone, so
adding, removing or retitling one clause never moves another's anchor.
"""
from __future__ import annotations

import functools
import re
import unicodedata

ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
ROMAN_RE = re.compile(r"^(?=[ivxlc])(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")

LETTERS_ONLY = re.compile(r"[A-Za-z]+")
ARTICLE_NUMBER = re.compile(r"(?:[A-Z]\.)?\d+")
SPACES = re.compile(r" +")


def clean_num(marker: str) -> str:
    """The bare number of a marker: "(a)" -> "a", "iv." -> "iv", "A." -> "a", "24.1**" -> "24.1"."""
    text = marker.strip().strip("-*#").strip()
    text = text.strip("()[].:")
    text = text.rstrip(")")
    return text.lower() if LETTERS_ONLY.fullmatch(text) else text


def child_cite(parent: str, num: str) -> str:
    """A child's citation: the parent's plus the number ("12.05" + "a"); units start fresh."""
    if not parent:
        return num
    return f"{parent}.{num}"


def anchor(cite: str) -> str:
    """The HTML id of a citation: "cl-" + lower-case, every run of other characters as '-'.

    Letters and digits of other alphabets are kept, lower-cased, so "Annexe É.1" ("cl-annexe-é-1")
    and "Annexe E.1" ("cl-annexe-e-1") stay distinct; such ids are valid CSS identifiers
    (any character from U+0080 up is) and percent-encode in a URL's fragment.
    """
    return f"cl-{_words(cite, '')}"


def page_slug(cite: str) -> str:
    """The page path of a unit: "12" -> "article-12", "LOU 3.A" -> "lou-3-a", "A.6" -> "article-a-6"."""
    if ARTICLE_NUMBER.fullmatch(cite):
        cite = f"article {cite}"
    return _words(cite, "")


def short_path(cite: str) -> str:
    """The short permanent URL path of a citation: lower-case, spaces as '-' ("LOU 3" -> "lou-3")."""
    return _words(cite, ".-")


def _words(cite: str, keep: str) -> str:
    """`cite` lower-cased, each run of characters other than letters, digits and `keep` as '-'.

    ASCII citations give exactly [a-z0-9] runs ("12.05.a" -> "12-05-a"); other letters, digits
    and their accents (Unicode categories L, N, M, after NFC) are kept as they are.
    """
    text = unicodedata.normalize("NFC", cite).lower()
    if text.isascii():
        return _other_than(keep).sub("-", text).strip("-")
    kept = "".join(c if c in keep or (c.isascii() and c.isalnum()) or
                   (not c.isascii() and unicodedata.category(c)[0] in "LNM") else " " for c in text)
    return SPACES.sub("-", kept).strip("-")


@functools.lru_cache(maxsize=None)
def _other_than(keep: str) -> re.Pattern:
    """Runs of characters other than ASCII letters, digits and `keep` ("" or ".-")."""
    return re.compile(rf"[^a-z0-9{re.escape(keep)}]+")


def is_roman(value: str) -> bool:
    return bool(value) and bool(ROMAN_RE.match(value))


def roman_to_int(value: str) -> int:
    total, prev = 0, 0
    for ch in reversed(value):
        n = ROMAN_VALUES[ch]
        total = total - n if n < prev else total + n
        prev = max(prev, n)
    return total


def int_to_roman(n: int) -> str:
    out = []
    for value, numeral in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"),
                           (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def ordinal(style: str, value: str) -> int:
    """Position of a marker value in its sequence: a=1, iv=4, 12=12 (0 when it does not fit)."""
    if style == "letter" and len(value) == 1 and value.isalpha():
        return ord(value) - ord("a") + 1
    if style == "roman" and is_roman(value):
        return roman_to_int(value)
    if style in ("number", "step") and value.isdigit():
        return int(value)
    return 0


def next_value(style: str, value: str) -> str:
    """The value that follows in a sequence: a->b, iv->v, 9->10."""
    n = ordinal(style, value) + 1
    if style == "letter":
        return chr(ord("a") + n - 1) if n <= 26 else ""
    if style == "roman":
        return int_to_roman(n)
    return str(n)
