"""The value types of every input file, as pydantic `Annotated` types with our own messages.

Each validator takes whatever YAML gave (normally a string, see yaml_lines.py; other types when
a caller passes Python data) and either returns the clean value or raises ValueError whose text
is the message the volunteer reads: "what is wrong: what to do". check.py puts the file, the line
and the key in front of it.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from pydantic import BeforeValidator

# Scalars a caller may pass instead of text (a loader that resolves YAML 1.1 types, a test).
SCALARS = (str, int, float, bool, date)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
URL_SCHEMES = ("http", "https", "mailto")
# Characters a URL keeps as written (RFC 3986 reserved and unreserved, and '%'): everything else,
# notably quotes, parentheses, '<', '>', '\\', '`' and spaces, is percent-encoded, so a URL can
# never close the attribute or the Markdown link it is written into. ("/wiki/Act_(BC)" ->
# "/wiki/Act_%28BC%29", which servers read the same.)
URL_SAFE = "/:?#[]@!$&+,;=%*~"


def shown(value: Any, limit: int = 60) -> str:
    """A value quoted for a one-line message: control characters escaped, long text cut."""
    text = value if isinstance(value, str) else repr(value)
    text = CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def _scalar_text(value: Any, what: str) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if not isinstance(value, SCALARS):
        kind = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else "not text"
        raise ValueError(f"is {kind} where {what} should be: write it as one line of text in quotes")
    return str(value)


def one_line(value: Any) -> str:
    """Text shown as a title or a name: any run of whitespace (a newline too) is one space."""
    return " ".join(CONTROL.sub(" ", _scalar_text(value, "text")).split())


def iso_date(value: Any) -> str:
    """A real calendar date, returned as YYYY-MM-DD ("2024-13-45" and "next tuesday" are not)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = one_line(value)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"{shown(text)} is not a date: write it as YYYY-MM-DD, e.g. 2024-07-01")
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as err:
        raise ValueError(f"{shown(text)} is not a date ({err}): write a real day as YYYY-MM-DD, "
                         "e.g. 2024-07-01") from None


def web_url(value: Any, schemes: tuple[str, ...] = URL_SCHEMES) -> str:
    """An absolute http(s): (or mailto:) URL, percent-encoded so that it is inert where written."""
    text = _scalar_text(value, "a web address").strip()
    allowed = " or ".join(f"{s}:" for s in schemes)
    if CONTROL.search(text):
        raise ValueError(f"{shown(text)} contains control characters (a tab, a line break): "
                         "write the address on one line, as copied from the browser")
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme not in schemes:
        raise ValueError(f"{shown(text)} is not a web address (only {allowed} addresses are linked): "
                         "copy the full address from the browser, starting with https://")
    encoded = quote(text, safe=URL_SAFE)
    try:
        parts = urlsplit(encoded)
        host = parts.hostname
    except ValueError:  # "https://[::1" (an unclosed IPv6 bracket)
        parts, host = urlsplit(""), None
    if scheme in ("http", "https") and not host:
        raise ValueError(f"{shown(text)} has no site name after '{scheme}://': "
                         "copy the full address from the browser")
    if scheme == "mailto" and "@" not in parts.path:
        raise ValueError(f"{shown(text)} is not an e-mail address: write 'mailto:name@example.org'")
    return encoded


def site_url(value: Any) -> str:
    """A site or repository address: http(s): only (mailto: cannot be a site)."""
    return web_url(value, ("http", "https"))


def words(value: Any) -> list[str]:
    """A list of short texts; one text is a list of one ("tags: health" == "tags: [health]")."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    if isinstance(value, dict):
        raise ValueError("a mapping where a list should be: write it as [first, second]")
    out = []
    for item in items:
        if item is None:
            continue
        if isinstance(item, (list, dict)):
            raise ValueError(f"{shown(item)} is not a word: write the list as [first, second]")
        text = one_line(item)
        if text:
            out.append(text)
    return out


def name_map(value: Any) -> dict[str, str]:
    """A mapping name -> first words (hints `starts:` and `parts:`), both non-empty text."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("must map a name to the first words where it starts, e.g. "
                         "'Section 4: \"Regular membership meetings\"'")
    out = {}
    for key, words_ in value.items():
        text = one_line(words_) if isinstance(words_, SCALARS) else ""
        if not text:
            raise ValueError(f"{shown(key)} needs the first words where it starts, e.g. "
                             "'Section 4: \"Regular membership meetings\"'")
        out[one_line(key)] = text
    return out


OneLine = Annotated[str, BeforeValidator(one_line)]
IsoDate = Annotated[str, BeforeValidator(iso_date)]
WebUrl = Annotated[str, BeforeValidator(web_url)]
SiteUrl = Annotated[str, BeforeValidator(site_url)]
Words = Annotated[list[str], BeforeValidator(words)]
NameMap = Annotated[dict[str, str], BeforeValidator(name_map)]
