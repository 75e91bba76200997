"""The links of a page written as HTML (render/unit_html.py) made into URLs, as MkDocs makes
those of a Markdown page: a link to another page is written as that page's Markdown path, relative
to the page ("article-5.md#cl-5-01", "index.md", "../bulletins/posts/x.md"), and becomes the
target's URL relative to the page's URL, from MkDocs' own list of files ("../article-5/#cl-5-01",
"../", "../../bulletins/2026/12/01/x/": the blog plugin's address of a post).

Links are also recorded as MkDocs records them (Page.links_to_anchors), so MkDocs still checks,
after every page is rendered, that each #anchor exists on its page; a link to a file that is not
on the site is a warning (a failed build: mkdocs.yml is strict).
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import unquote, urlsplit, urlunsplit

from mkdocs.utils import get_relative_url

from .escape import text_html

# The href of a link the writer wrote: attribute values and text never hold a raw " < or >
# (escape.text_html), so this matches the attribute of an <a> tag and nothing in the text.
HREF = re.compile(r'(<a [^>]*?href=")([^"]*)"')


@dataclass
class PageLinks:
    """A page's HTML with its links made URLs, what they point to, and the links to no file."""

    html: str
    links_to_anchors: dict = field(default_factory=dict)  # File -> {anchor: link as written}
    missing: list[str] = field(default_factory=list)


def resolve_links(html: str, page_file, files) -> PageLinks:
    """Every link of `html` (the page of `page_file`) as MkDocs would write it; see the module."""
    out = PageLinks("")
    found: dict = {}  # a path as written -> the File it points to (None: no file of the site)

    def url(match: re.Match) -> str:
        written = unescape(match.group(2))
        scheme, netloc, path, query, anchor = urlsplit(written)
        if scheme or netloc or written.startswith(("/", "\\")):
            return match.group(0)  # a statute's page (http, mailto): left as written
        target = page_file
        if path:
            if path not in found:
                found[path] = _target(page_file, files, path)
            target = found[path]
            if target is None:
                out.missing.append(written)
                return match.group(0)
        if anchor:
            out.links_to_anchors.setdefault(target, {}).setdefault(anchor, written)
        if not path:
            return match.group(0)  # "#cl-12-10": on this page
        new = urlunsplit(("", "", get_relative_url(target.url, page_file.url), query, anchor))
        return f'{match.group(1)}{text_html(new)}"'

    out.html = HREF.sub(url, html)
    return out


def _target(page_file, files, path: str):
    """The File a relative Markdown path points to from the page, or None."""
    uri = posixpath.normpath(posixpath.join(posixpath.dirname(page_file.src_uri), unquote(path)).lstrip("/"))
    return files.get_file_from_path(uri)
