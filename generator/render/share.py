"""The images a shared or printed clause carries: a card per unit page, a QR code per clause.

publish_share_assets runs once per build (mkdocs_hooks.on_config, once site_url is settled):
it writes them into docs_dir, which MkDocs copies to site/, and tells the templates (through
config.extra["clausebook_share"]) and the redirect pages (preview.LAST) what it made.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .. import serve_state
from ..model import Document, Problem
from .cards import Card, PlannedCard, publish_cards
from .pages import STRUCTURED, unit_heading
from .preview import SharedAssets, cite_name, use_shared
from .qr import publish_qr


def publish_share_assets(build, config) -> None:
    """Draw (or reuse) every unit page's card and write every clause's QR code. A card or code
    that fails is a located warning and its page goes without it; nothing here stops the build."""
    try:
        shared = _publish(build, config)
    except Exception as err:  # noqa: BLE001 - previews and print codes are never worth the site
        build.problems.append(Problem("build/docs", 1, f"link preview cards and QR codes could not be made "
                                      f"({type(err).__name__}: {err}): pages are shared without them; "
                                      "report it with this line"))
        shared = SharedAssets()
    use_shared(shared)
    extra = getattr(config, "extra", None)
    if extra is not None:
        extra["clausebook_share"] = {
            "cards": {page: {"path": c.path, "alt": c.alt, "width": c.width, "height": c.height}
                      for page, c in shared.cards.items()},
            "names": shared.names, "qr_base": shared.qr_base}


def _publish(build, config) -> SharedAssets:
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    site_url = config.site_url or ""
    structured = [d for d in build.documents if d.source.meta.kind in STRUCTURED]
    local = build.config.local or build.config.name
    planned = [card for doc in structured for card in unit_cards(doc, local)]
    cards, problems = publish_cards(planned, docs_dir, root / "build" / "cards")
    codes, qr_problems = publish_qr(structured, site_url, docs_dir, root / "build" / "qr", *_qr_memo(structured, site_url)) \
        if site_url else (0, [])
    build.problems += problems + qr_problems
    names = {d.slug: document_name(d) for d in structured}
    return SharedAssets(cards, names, site_url if codes else "")


def _qr_memo(structured: list[Document], site_url: str) -> tuple:
    """In `clausebook serve`: (memo, {slug: key}) so that a document whose content and address
    did not change has its codes neither made nor compared again; () in a clean build."""
    state = serve_state.SERVE
    if state is None:
        return ()
    digests = {d.slug: state.document_digest(d) for d in structured}
    keys = {slug: hashlib.sha256(state.render_version + digest + site_url.encode("utf-8")).digest()
            for slug, digest in digests.items() if digest is not None}
    return state.qr, keys


def document_name(doc: Document) -> str:
    meta = doc.source.meta
    return cite_name(meta.kind, meta.title, meta.short_title)


def unit_cards(doc: Document, local: str) -> list[PlannedCard]:
    """One card per unit page: the first node of each page in document order is its unit (its
    clauses follow it). Label and title as the page's heading has them ("Article 12",
    "GRIEVANCE PROCEDURE")."""
    seen, out = set(), []
    for node in doc.root.walk():
        if not node.page or node.page in seen:
            continue
        seen.add(node.page)
        heading = unit_heading(node)
        suffix = f" – {node.title}" if node.title else ""
        label = heading[:-len(suffix)] if suffix and heading.endswith(suffix) else heading
        card = Card(document_name(doc), label, node.title if suffix else "", local)
        out.append(PlannedCard(f"{doc.slug}/{node.page}/", card, str(doc.source.path),
                               node.line or doc.source.first_line))
    return out
