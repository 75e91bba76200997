"""The pieces a shared or printed clause carries: the article's card (render/cards.py), the
clause's QR code (render/qr.py) and the document's name as a grievance form cites it
(render/preview.py cite_name)."""
from __future__ import annotations

import re
from pathlib import Path

from PIL import Image

from generator.model import DocMeta, Document, Node, Source
from generator.render import cards
from generator.render.cards import Card, PlannedCard, card_key, draw_card, ensure_card, load_font, publish_cards, wrap
from generator.render.preview import cite_name
from generator.render.qr import publish_qr, qr_svg, qr_text
from generator.render.share import unit_cards

SOOKE = Card("Sooke 2006–2010 Collective Agreement", "Article 12", "GRIEVANCE PROCEDURE", "CUPE Local 459")


# ------------------------------------------------------------------------------ card cache

class Counter:
    """draw_card, counting its calls."""

    def __init__(self):
        self.calls = 0

    def __call__(self, card: Card) -> bytes:
        self.calls += 1
        return draw_card(card)


def test_the_same_card_is_drawn_once_and_then_read_from_the_cache(tmp_path: Path):
    draw = Counter()
    first = ensure_card(SOOKE, tmp_path, draw)
    again = ensure_card(Card(*[SOOKE.agreement, SOOKE.label, SOOKE.title, SOOKE.local]), tmp_path, draw)
    assert first == again and draw.calls == 1


def test_a_changed_title_is_a_new_file(tmp_path: Path):
    draw = Counter()
    first = ensure_card(SOOKE, tmp_path, draw)
    changed = ensure_card(Card(SOOKE.agreement, SOOKE.label, "GRIEVANCES", SOOKE.local), tmp_path, draw)
    assert first != changed and first.is_file() and changed.is_file() and draw.calls == 2


def test_the_card_key_covers_every_drawn_string_and_the_layout_version(monkeypatch):
    keys = {card_key(SOOKE)}
    for i in range(4):
        fields = [SOOKE.agreement, SOOKE.label, SOOKE.title, SOOKE.local]
        fields[i] += "x"
        keys.add(card_key(Card(*fields)))
    monkeypatch.setattr(cards, "CARD_VERSION", "next")
    keys.add(card_key(SOOKE))
    assert len(keys) == 6
    assert re.fullmatch(r"[0-9a-f]{20}", card_key(SOOKE))


def test_a_card_is_a_small_png_of_1200_by_630(tmp_path: Path):
    path = ensure_card(SOOKE, tmp_path)
    with Image.open(path) as png:
        assert png.format == "PNG" and png.size == (1200, 630)
    assert path.stat().st_size < 40_000


def test_published_cards_are_copied_into_the_docs_and_unused_ones_removed(tmp_path: Path):
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    stale = docs / "assets" / "cards" / "0123.png"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    found, problems = publish_cards([PlannedCard("a/article-1/", SOOKE, "content/a.md", 3)], docs, cache)
    card = found["a/article-1/"]
    assert card.path == f"assets/cards/{card_key(SOOKE)}.png" and (docs / card.path).is_file()
    assert card.alt == "Article 12 – GRIEVANCE PROCEDURE · Sooke 2006–2010 Collective Agreement · CUPE Local 459"
    assert not stale.exists() and problems == []


def test_a_card_that_fails_to_draw_is_a_located_warning_and_the_page_has_no_card(tmp_path: Path):
    def broken(card):
        raise OSError("disk full")
    found, problems = publish_cards([PlannedCard("a/article-1/", SOOKE, "content/a.md", 3)],
                                    tmp_path / "docs", tmp_path / "cache", broken)
    assert found == {}
    assert [str(p) for p in problems] == [
        "content/a.md:3: warning: the preview card of a/article-1/ could not be drawn (OSError: disk full): "
        "the page is shared without an image; report it with this line"]


# ------------------------------------------------------------------------------ wrapping

def test_a_long_title_wraps_and_its_last_line_ends_with_an_ellipsis():
    font = load_font("bold", 64)
    title = "HOURS OF WORK OVERTIME AND SHIFT PREMIUMS FOR ALL EMPLOYEES OF THE BOARD OF SCHOOL TRUSTEES"
    lines = wrap(title, font, 1056, 3)
    assert len(lines) == 3
    assert all(font.getlength(line) <= 1056 for line in lines)
    assert lines[-1].endswith("…") and not lines[-1].endswith(" …")
    assert " ".join(lines).rstrip("…").split() == title.split()[:len(" ".join(lines).split())]


def test_a_short_title_is_one_line_without_an_ellipsis():
    assert wrap("GRIEVANCE PROCEDURE", load_font("bold", 64), 1056, 3) == ["GRIEVANCE PROCEDURE"]


def test_a_word_wider_than_the_line_is_broken_at_letters():
    font = load_font("bold", 64)
    lines = wrap("X" * 80, font, 500, 10)
    assert len(lines) > 1 and "".join(lines) == "X" * 80
    assert all(font.getlength(line) <= 500 for line in lines)


def test_non_latin_text_is_drawn_without_failing():
    card = Card("Договор 2020", "Статья 5", "勤務時間 العربية Ελληνικά 🙂", "Local ꯀ")
    png = draw_card(card)
    assert png.startswith(b"\x89PNG")


def test_the_fallback_font_draws_what_it_can(monkeypatch):
    monkeypatch.setattr(cards, "FONT_DIRS", ())
    load_font.cache_clear()
    try:
        png = draw_card(Card("Договор", "Статья 5", "勤務時間 – Hours", "Local"))
    finally:
        load_font.cache_clear()
    assert png.startswith(b"\x89PNG")


# ------------------------------------------------------------------------------ units

def _doc(kind="agreement", title="X and Y Collective Agreement", short="X 2020", unit_title="GRIEVANCE PROCEDURE"):
    meta = DocMeta(title=title, slug="x-2020", kind=kind, short_title=short)
    article = Node("article", num="12", cite="12", title=unit_title, page="article-12", line=40,
                   children=[Node("clause", cite="12.05", title="Settling", page="article-12", line=42)])
    lou = Node("lou", cite="LOU 3", title="Re: Hours", page="lou-3", line=90)
    source = Source(Path("content/agreements/x-2020.md"), meta, "", 5)
    return Document(source, Node("document", children=[article, lou]))


def test_every_unit_page_gets_one_card_with_its_label_title_and_the_agreement():
    planned = unit_cards(_doc(), "Local 1")
    assert [(p.page, p.card.label, p.card.title, p.card.agreement, p.line) for p in planned] == [
        ("x-2020/article-12/", "Article 12", "GRIEVANCE PROCEDURE", "X 2020 Collective Agreement", 40),
        ("x-2020/lou-3/", "Letter of Understanding 3", "Re: Hours", "X 2020 Collective Agreement", 90)]


def test_markup_in_a_title_is_drawn_as_its_text():
    planned = unit_cards(_doc(unit_title='<b>PAY</b> & "Benefits"'), "Local <i>1</i>")
    card = planned[0].card
    assert card.title == '<b>PAY</b> & "Benefits"' and card.local == "Local <i>1</i>"
    assert card.alt == 'Article 12 – <b>PAY</b> & "Benefits" · X 2020 Collective Agreement · Local <i>1</i>'


# ------------------------------------------------------------------------------ QR codes

def test_a_qr_code_says_the_short_url():
    url = "https://example.org/repo/sooke-2006/12.05/"
    svg = qr_svg(url)
    assert svg.startswith(b"<svg") and b'viewBox="0 0' in svg and len(svg) < 4000
    assert qr_text(svg) == url


def test_qr_codes_are_made_for_each_short_url_and_old_ones_in_docs_dir_removed(tmp_path: Path):
    """The codes go into site/ with the data files (next test); docs_dir keeps none, so MkDocs
    does not copy 3,000 files nor publish an old code over a new one."""
    docs = tmp_path / "docs"
    stale = docs / "x-2020" / "99.01" / "qr.svg"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"<svg/>")
    (docs / "x-2020" / "page.md").write_text("kept", encoding="utf-8")
    codes, problems = publish_qr([_doc()], "https://e.org/r/", docs, tmp_path / "cache")
    assert problems == [] and len(codes) == 3 and not stale.exists() and not stale.parent.exists()
    assert (docs / "x-2020" / "page.md").is_file()
    assert qr_text(codes["x-2020/12.05/qr.svg"].encode("utf-8")) == "https://e.org/r/x-2020/12.05/"
    assert qr_text(codes["x-2020/lou-3/qr.svg"].encode("utf-8")) == "https://e.org/r/x-2020/lou-3/"
    assert codes["x-2020/12.05/qr.svg"].encode("utf-8") == qr_svg("https://e.org/r/x-2020/12.05/")


def test_qr_codes_are_data_files_next_to_each_short_url(tmp_path: Path):
    from generator.render import preview
    from generator.render.data import data_files

    codes, _ = publish_qr([_doc()], "https://e.org/r/", tmp_path / "docs", tmp_path / "cache")
    before = preview.LAST
    preview.use_shared(preview.SharedAssets(qr=codes, qr_base="https://e.org/r/"))
    try:
        files = data_files(_doc(), "https://e.org/r/")
    finally:
        preview.use_shared(before)
    assert {rel: files[rel] for rel in files if rel.endswith("qr.svg")} == codes


# ------------------------------------------------------------------------------ citation name

def test_an_agreement_is_cited_by_its_short_title_and_collective_agreement():
    assert cite_name("agreement", "School District No. 62 (Sooke) and CUPE Local 459 Collective Agreement",
                     "Sooke 2006–2010") == "Sooke 2006–2010 Collective Agreement"


def test_an_agreement_whose_name_says_agreement_is_cited_as_it_is():
    assert cite_name("agreement", "Long title", "Rockies Support Staff Agreement 2022") \
        == "Rockies Support Staff Agreement 2022"
    assert cite_name("agreement", "X and Y Collective Agreement") == "X and Y Collective Agreement"


def test_bylaws_are_cited_by_their_own_name_even_without_the_word_agreement():
    assert cite_name("bylaws", "Bylaws of CUPE Local 476", "Local 476 Bylaws") == "Local 476 Bylaws"
    assert cite_name("bylaws", "Bylaws of Local 476") == "Bylaws of Local 476"


def test_a_failure_to_make_cards_and_codes_is_a_warning_and_the_build_goes_on(tmp_path: Path):
    from types import SimpleNamespace

    from generator.render import preview
    from generator.render.share import publish_share_assets

    build = SimpleNamespace(documents=[object()], problems=[], config=SimpleNamespace(local="", name="S"))
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"),
                             site_url="https://e.org/", extra={})
    publish_share_assets(build, config)
    assert [p.level for p in build.problems] == ["warning"]
    assert "pages are shared without them" in build.problems[0].message
    assert config.extra["clausebook_share"] == {"cards": {}, "names": {}, "qr_base": ""}
    assert preview.LAST.cards == {}
