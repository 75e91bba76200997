"""Published data next to the pages: clauses.json, report.json, the short permanent URLs and
their QR codes.

All URLs are relative (to the site root in clauses.json, to the page itself in redirects), so the
site works from a domain root and from a GitHub Pages project path alike.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from ..model import Document, Node
from ..tree.citations import short_path
from .escape import attr, html, json_text
from .glossary import glossary_json
from . import preview as preview_module
from .preview import Preview, absolute, card_fields, image_tags, opening_words, preview_title, twitter_card

QR_FILE = "qr.svg"  # render/qr.py's FILE_NAME (qr.py imports this module)

CITED_KINDS = {"article", "section", "schedule", "appendix", "addendum", "lou", "mou", "part", "clause"}


@dataclass
class ClauseEntry:
    cite: str
    title: str
    url: str
    short_url: str
    page: str
    anchor: str

    def to_json(self) -> dict:
        return {"cite": self.cite, "title": self.title, "url": self.url, "short_url": self.short_url}


def clause_entries(doc: Document) -> list[ClauseEntry]:
    """Every unit, clause and sub-clause of a structured document, in document order."""
    entries = []
    for node in doc.root.walk():
        if node.kind not in CITED_KINDS or not node.cite:
            continue
        page = f"{node.page}/" if node.page else ""
        entries.append(ClauseEntry(node.cite, node.title, f"{doc.slug}/{page}#{node.anchor}",
                                   short_url(doc.slug, node), page, node.anchor))
    return entries


def short_url(slug: str, node: Node) -> str:
    """A citation's short permanent URL, relative to the site root: "sooke-2006/12.05/"."""
    return f"{slug}/{short_path(node.cite)}{node.anchor[len(_base_anchor(node)):]}/"


def _base_anchor(node: Node) -> str:
    """The anchor without a duplicate suffix ("cl-22-6-1--2" -> "cl-22-6-1")."""
    return node.anchor.split("--")[0]


def report(doc: Document) -> dict:
    """The build report of one source: what was removed, and what needs a human look."""
    return {
        "source": str(doc.source.path),
        "removed": [a.to_json() for a in doc.removed],
        "problems": [p.to_json() for p in doc.problems],
        "flagged": [{"cite": n.cite, "line": n.line, "notes": n.notes}
                    for n in doc.root.walk() if n.notes],
    }


def write_data(doc: Document, site_dir: Path, site_url: str = "") -> dict[str, bytes]:
    """Write report.json, and for an agreement or bylaws clauses.json, glossary.json and the short
    URLs. `site_url` ("https://x.github.io/clausebook/" or "") makes their preview tags absolute.
    Returns what was written, {path relative to site_dir: bytes} (the offline lists hash it)."""
    return write_files(site_dir, data_files(doc, site_url))


def data_files(doc: Document, site_url: str = "") -> dict[str, str]:
    """{path relative to the site root: text} of write_data's files, made in memory first, so that `clausebook serve` can write only the ones that changed."""
    structured = doc.source.meta.kind in ("agreement", "bylaws")
    folder = data_folder(doc)
    files = {f"{folder}/report.json": json_text(report(doc), indent=1)}
    if not structured:
        return files
    entries = clause_entries(doc)
    files[f"{folder}/clauses.json"] = json_text([e.to_json() for e in entries], indent=1)
    if doc.glossary:  # its defined terms, when it has any
        files[f"{folder}/glossary.json"] = json_text(glossary_json(doc), indent=1)
    name = doc.source.meta.short_title or doc.source.meta.title
    nodes = {n.anchor: n for n in doc.root.walk() if n.anchor}
    pages = {e.page.rstrip("/") for e in entries}
    for entry in entries:
        short = entry.short_url[len(doc.slug) + 1:].rstrip("/")
        if short in pages:
            continue  # the short URL of a unit with its own page is that page ("lou-3/")
        files[f"{folder}/{short}/index.html"] = redirect_html(
            f"../{entry.page}#{entry.anchor}", _preview(entry, nodes.get(entry.anchor), name, site_url))
    taken = pages | {e.short_url[len(doc.slug) + 1:].rstrip("/") for e in entries}
    for alias, entry in alias_entries(doc, entries):
        if alias not in taken:
            target = f"../{entry.page}#{entry.anchor}" if entry.page else f"../#{entry.anchor}"
            files[f"{folder}/{alias}/index.html"] = redirect_html(
                target, _preview(entry, nodes.get(entry.anchor), name, site_url))
    codes = preview_module.LAST.qr  # each clause's QR code, next to its short URL (render/qr.py)
    for entry in entries:
        code = codes.get(entry.short_url + QR_FILE)
        if code is not None:
            files[entry.short_url + QR_FILE] = code
    return files


def write_files(site_dir: Path, files: dict[str, str]) -> dict[str, bytes]:
    """Write each file of {path relative to site_dir: text} as UTF-8, making its folders; returns
    {path: the bytes written}. A short URL's folder holds two files (index.html, qr.svg) and is
    made once; the files are written with plain os calls (~6,000 of them in a build)."""
    written = {}
    made: set[str] = set()
    for rel, text in files.items():
        folder = rel.rpartition("/")[0]
        if folder not in made:
            (site_dir / folder).mkdir(parents=True, exist_ok=True)
            made.add(folder)
        data = written[rel] = text.encode("utf-8")
        with open(os.path.join(site_dir, rel), "wb") as out:
            out.write(data)
    return written


def _preview(entry: ClauseEntry, node: Node | None, agreement: str, site_url: str) -> Preview:
    """A short URL (and an alias, xii/) previews as the clause's one short URL (12/), its
    canonical the clause where it is read (…/article-12/#cl-12-05)."""
    return Preview(preview_title(entry.cite, entry.title, agreement),
                   opening_words(node) if node is not None else "",
                   absolute(site_url, entry.short_url), absolute(site_url, entry.url),
                   **card_fields(entry.url.split("#")[0], site_url))  # its article's card


def alias_entries(doc: Document, entries: list[ClauseEntry]) -> list[tuple[str, ClauseEntry]]:
    """Short URLs in the numbering the document prints: Article XII is cited "12" (so 12.3.b/),
    and members who type the roman form land too: xii/, xii.3.b/ redirect to the same clause."""
    by_cite = {e.cite: e for e in entries}
    out = []
    for unit in doc.root.walk():
        for alias in unit.aliases:
            for node in unit.walk():
                entry = by_cite.get(node.cite)
                if entry is not None and node.cite.startswith(unit.cite):
                    out.append((short_path(alias + node.cite[len(unit.cite):]), entry))
    return out


def data_folder(doc: Document) -> str:
    """Where a document's report.json (and clauses.json) go, relative to the site root."""
    return f"bulletins/{doc.slug}" if doc.source.meta.kind == "bulletin" else doc.slug


def write_redirect(path: Path, target: str, preview: Preview) -> None:
    """Write redirect_html(target, preview) at path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(redirect_html(target, preview), encoding="utf-8")


def redirect_html(target: str, preview: Preview) -> str:
    """A tiny page that sends the reader on to `target` (relative), keeping the anchor, and that
    a link previewer (no script, no refresh followed) reads the clause itself from."""
    title, link = html(preview.title), attr(target)
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
            f"<title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n"
            + preview_tags(preview) +
            f"<meta http-equiv=\"refresh\" content=\"0; url={link}\">\n"
            f"<script>location.replace({json_text(target)} + location.search);</script>\n"
            f"</head><body><p><a href=\"{link}\">{title}</a></p></body></html>\n")


def preview_tags(preview: Preview) -> str:
    """The preview's <meta> tags, every value escaped. Without a known site address the
    absolute-only ones (canonical, og:url) are left out: a relative og:url is not resolved by
    previewers, and a wrong canonical is worse than none.

    Each value is escaped once (a title is in og:title and twitter:title), and the card's tags
    once per card (_card_tags): ~3,000 short URLs share ~300 article cards."""
    title, description = attr(preview.title), attr(preview.description)
    tags = [("og:type", "article", "article"), ("og:title", preview.title, title),
            ("og:description", preview.description, description),
            ("twitter:card", twitter_card(preview), twitter_card(preview)),
            ("twitter:title", preview.title, title), ("twitter:description", preview.description, description)]
    out = "".join(f"<meta {'name' if key.startswith('twitter:') else 'property'}=\"{key}\" "
                  f"content=\"{escaped}\">\n" for key, value, escaped in tags if value)
    out += _card_tags(preview.image, preview.image_alt)
    if preview.description:
        out += f"<meta name=\"description\" content=\"{description}\">\n"
    if preview.canonical:
        out += f"<link rel=\"canonical\" href=\"{attr(preview.canonical)}\">\n"
    if preview.url:
        out += f"<meta property=\"og:url\" content=\"{attr(preview.url)}\">\n"
    return out


@functools.lru_cache(maxsize=4096)
def _card_tags(image: str, alt: str) -> str:
    """preview.image_tags of a card (its address and alt text): the same for every clause of an
    article, so made once per card."""
    return image_tags(Preview("", "", image=image, image_alt=alt))
