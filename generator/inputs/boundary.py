"""The content boundary: which files may be read, which characters pass, which web addresses.

* A file of content/ is read only if it is a regular file inside the repository: a symlink, or
  a path that resolves elsewhere (`content/agreements` linked to /etc), is refused unread, so
  nothing outside the repository can be published or put in the search index.
* Control characters (NUL, ESC, DEL, ... : C0 but tab and newline) are invisible, break YAML and
  can reach a page's HTML; they are removed and each line that had one is reported. Vertical tab
  and form feed (page breaks in PDF text) become a space, so the words around them stay apart.
  C1 characters (U+0080-U+009F) are left alone: U+0091-U+0097 are Windows-1252 quotes and dashes
  decoded wrongly, which the cleaning stage maps back.
* A web address (slug) comes from `slug:` or the file name, made with python-slugify when it is
  not one already ("my agreement.md" -> "my-agreement", "café-2020.md" -> "cafe-2020"); it may not
  be a name the site itself writes, nor one another document already has.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from slugify import slugify

from ..model import Problem

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
MAX_SLUG = 80
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # C0 but \t and \n; and DEL. (\r is gone by now.)
C1 = re.compile(r"[\x80-\x9f]")
SPACING = {"\x0b": " ", "\x0c": " "}
NAMES = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL", "\x08": "backspace", "\x0b": "vertical tab",
         "\x0c": "form feed", "\x07": "bell"}
MAX_REPORTED_LINES = 10

# Names the site writes at its top level, so no document may take them as its slug:
#   index (the home page), 404 and sitemap (MkDocs), search (Material's search index), assets
#   (Material's and theme/assets/), stylesheets and javascripts (Material's asset folders),
#   bulletins (the blog_dir of mkdocs.yml) and the blog's archive/category/tags/page listings,
#   glossary (each agreement's glossary/), posts (the blog's source folder), partials and
#   workbox-v7.4.1 (theme/ folders), and offline, icons, sw.js, manifest.webmanifest (what
#   generator/offline/ writes for offline reading and installing).
RESERVED = frozenset({
    "index", "404", "sitemap", "search", "assets", "stylesheets", "javascripts", "bulletins",
    "archive", "category", "tags", "page", "glossary", "posts", "partials", "workbox-v7.4.1",
    "offline", "icons", "sw.js", "manifest.webmanifest",
})


def refused_path(path: Path, root: Path) -> str | None:
    """Why `path` may not be read (a symlink, or outside `root`), or None when it may."""
    if path.is_symlink():
        return "is a symbolic link: it is not read; copy the document itself into content/"
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return ("resolves outside the repository: it is not read; "
                "copy the document itself into content/")
    if not path.is_file():
        return "is not a regular file: it is not read; put a .md text file here"
    return None


def strip_controls(text: str, first_line: int = 1, keep: str = "") -> tuple[str, list[tuple[int, list[str]]]]:
    """The text without control characters, and [(file line, names removed)] per line that had any.
    `keep`: characters left in place, unreported (a body's form feeds are pdftotext's page breaks,
    which the cleaner reads to find running headers and page numbers, then removes).

    >>> strip_controls("a\\x00b\\nc\\x1bd")
    ('ab\\ncd', [(1, ['NUL']), (2, ['ESC'])])
    """
    if not CONTROL.search(text):
        return text, []
    found = []
    lines = text.split("\n")
    for no, line in enumerate(lines):
        chars = [c for c in CONTROL.findall(line) if c not in keep]
        if chars:
            found.append((first_line + no, sorted({NAMES.get(c, f"U+{ord(c):04X}") for c in chars})))
            lines[no] = CONTROL.sub(lambda m: m.group() if m.group() in keep else SPACING.get(m.group(), ""), line)
    return "\n".join(lines), found


def control_problems(shown: str, found: list[tuple[int, list[str]]]) -> list[Problem]:
    """One warning per line that had control characters (the first few, then a count)."""
    problems = [Problem(shown, line, f"removed invisible control characters ({', '.join(names)}): "
                        "they are not text; check this line against the PDF if a word looks wrong")
                for line, names in found[:MAX_REPORTED_LINES]]
    if len(found) > MAX_REPORTED_LINES:
        problems.append(Problem(shown, found[MAX_REPORTED_LINES][0], f"removed control characters on "
                                f"{len(found) - MAX_REPORTED_LINES} more lines: save the file as plain text"))
    return problems


def fix_c1(text: str, first_line: int = 1) -> tuple[str, list[tuple[int, list[str]]]]:
    """Front matter only: C1 characters as the Windows-1252 characters they were meant to be
    ("\u0093Sooke\u0094" -> "“Sooke”"), since YAML refuses C1 text; and [(file line, code points)].
    The body keeps them for the cleaning stage."""
    if not C1.search(text):
        return text, []
    lines = text.split("\n")
    found = []
    for no, line in enumerate(lines):
        if C1.search(line):
            found.append((first_line + no, sorted({f"U+{ord(c):04X}" for c in C1.findall(line)})))
            lines[no] = C1.sub(lambda m: _cp1252(m.group()), line)
    return "\n".join(lines), found


def c1_problems(shown: str, found: list[tuple[int, list[str]]]) -> list[Problem]:
    return [Problem(shown, line, f"Windows-1252 characters read as control characters ({', '.join(names)}): "
                    "read as the quotes and dashes they stand for; save the file as UTF-8 to be sure")
            for line, names in found[:MAX_REPORTED_LINES]]


def _cp1252(char: str) -> str:
    try:
        return bytes([ord(char)]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D mean nothing in Windows-1252
        return ""


def make_slug(text: str) -> str:
    """A web address from a name: itself when it already is one, else python-slugify's
    ("café-2020" -> "cafe-2020"; "" when nothing is left, e.g. for "---")."""
    if SLUG.fullmatch(text) and len(text) <= MAX_SLUG:
        return text
    return slugify(text, max_length=MAX_SLUG, word_boundary=True)


@dataclass
class Slugs:
    """The slugs taken so far in one build, to refuse reserved names and a second owner."""

    owners: dict[str, str] = field(default_factory=dict)

    def refuse(self, slug: str, shown: str) -> str | None:
        """Why `slug` cannot be this file's (reserved, or taken), or None after claiming it."""
        if slug in RESERVED:
            return (f"the web address '{slug}' is used by the site itself: rename the file or set "
                    f"'slug:' to another name (reserved: {', '.join(sorted(RESERVED))})")
        if slug in self.owners:
            return (f"the web address '{slug}' is already {self.owners[slug]}'s: the two would "
                    "overwrite each other's pages, so this one is not published; rename this file "
                    "or set another 'slug:'")
        self.owners[slug] = shown
        return None
