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
from pathlib import Path

import segno

from ..model import Document, Problem
from .data import QR_FILE as FILE_NAME, clause_entries

QR_VERSION = "1"  # bump when the drawing changes: every code is made again


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


def publish_qr(documents: list[Document], site_url: str, docs_dir: Path,
               cache_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    """The QR code of every clause of the documents: {"<short URL>qr.svg" (relative to the site
    root): its SVG}, written into site/ with the document's data files (render/data.py), not
    through docs_dir: MkDocs copying 3,000 files was ~10% of a build. Codes that earlier builds
    wrote into docs_dir are removed. Returns the codes and a located warning per document whose
    codes failed."""
    codes: dict[str, str] = {}
    problems: list[Problem] = []
    for doc in documents:
        try:
            for entry in clause_entries(doc):
                codes[entry.short_url + FILE_NAME] = cached_qr(site_url + entry.short_url, cache_dir).decode("utf-8")
        except Exception as err:  # noqa: BLE001 - a code never stops the site
            problems.append(Problem(str(doc.source.path), doc.source.first_line,
                                    f"QR codes for printing could not all be made ({type(err).__name__}: {err}): "
                                    "the clauses without one offer no QR code; report it with this line"))
    remove_from_docs(docs_dir)
    return codes, problems


def remove_from_docs(docs_dir: Path) -> None:
    """Delete the codes (and the folders they leave empty) that builds before this one wrote
    into docs_dir, which MkDocs would otherwise publish over ours."""
    for old in list(docs_dir.rglob(FILE_NAME)) if docs_dir.is_dir() else ():  # listed before folders go
        old.unlink()
        try:
            old.parent.rmdir()
        except OSError:
            pass  # the folder holds other files
