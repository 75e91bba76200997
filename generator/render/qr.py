"""QR codes of the short URLs, for printed notices: one small SVG per clause, made with segno.

Each clause's code is a file next to its short URL ("sooke-2006/12.05/qr.svg"), fetched only
when a reader asks for it ("QR for print" on the share control), so no page gets heavier. The
code encodes the published address (site_url + short URL): a printed notice must point at the
site, not at the machine it was printed from; without a site address no codes are made.

Codes are cached by content in build/qr/ (an unchanged short URL is not encoded again). The
mask is fixed: choosing the best of the eight masks is 85% of segno's time (7 ms a code, 20 s
for 3,000 clauses); any mask is valid QR and phones read these short codes either way.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

import segno

from ..model import Document, Problem
from .data import clause_entries

QR_VERSION = "1"  # bump when the drawing changes: every code is made again
FILE_NAME = "qr.svg"


def qr_svg(url: str) -> bytes:
    """The QR code of `url` as a scalable SVG (viewBox only; no XML declaration), its <title>
    the URL."""
    code = segno.make(url, error="m", micro=False, mask=0)
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, omitsize=True, border=4, title=url, nl=False)
    return out.getvalue()


def qr_text(svg: bytes) -> str:
    """The text a QR code in our SVG says (its <title>), for checking a published code."""
    text = svg.decode("utf-8")
    return text.split("<title>", 1)[1].split("</title>", 1)[0] if "<title>" in text else ""


def cached_qr(url: str, cache_dir: Path) -> bytes:
    key = hashlib.sha256(f"{QR_VERSION}\n{url}".encode("utf-8")).hexdigest()[:20]
    path = cache_dir / f"{key}.svg"
    if path.is_file():
        return path.read_bytes()
    svg = qr_svg(url)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_bytes(svg)
    partial.replace(path)
    return svg


@dataclass
class QrMemo:
    """What publish_qr wrote in this `clausebook serve` (none in a clean build): each document's
    key (its content and the site address) and code files, and every file it wrote. A document
    whose key is unchanged keeps its files; none of them is read or compared again."""

    documents: dict[str, tuple[bytes, list[Path]]] = field(default_factory=dict)
    published: set[Path] | None = None  # None: not known yet, look for old codes in docs_dir


def publish_qr(documents: list[Document], site_url: str, docs_dir: Path,
               cache_dir: Path, memo: QrMemo | None = None,
               keys: dict[str, bytes] | None = None) -> tuple[int, list[Problem]]:
    """Write docs_dir/<short URL>/qr.svg for every clause of the documents (MkDocs publishes
    them); remove codes of short URLs that are gone. Returns how many were written, and a
    located warning per document whose codes failed. In serve, `keys` (slug -> a key of all the
    document's codes are made from) and `memo` skip the documents whose key is unchanged."""
    wanted: set[Path] = set()
    problems: list[Problem] = []
    for doc in documents:
        key = keys.get(doc.slug) if keys is not None and memo is not None else None
        held = memo.documents.pop(doc.slug, None) if memo is not None else None
        if key is not None and held is not None and held[0] == key:
            wanted.update(held[1])
            memo.documents[doc.slug] = held
            continue
        paths: list[Path] = []
        try:
            for entry in clause_entries(doc):
                path = docs_dir / entry.short_url / FILE_NAME
                svg = cached_qr(site_url + entry.short_url, cache_dir)
                if not path.is_file() or path.read_bytes() != svg:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(svg)
                wanted.add(path)
                paths.append(path)
        except Exception as err:  # noqa: BLE001 - a code never stops the site
            problems.append(Problem(str(doc.source.path), doc.source.first_line,
                                    f"QR codes for printing could not all be made ({type(err).__name__}: {err}): "
                                    "the clauses without one offer no QR code; report it with this line"))
            continue
        if key is not None:
            memo.documents[doc.slug] = (key, paths)
    if memo is not None and memo.published is not None:
        old_codes = memo.published
    else:
        old_codes = set(docs_dir.rglob(FILE_NAME)) if docs_dir.is_dir() else set()
    for old in old_codes:
        if old not in wanted:
            old.unlink(missing_ok=True)
    if memo is not None:
        memo.published = wanted
        for slug in [s for s in memo.documents if s not in {d.slug for d in documents}]:
            del memo.documents[slug]
    return len(wanted), problems
