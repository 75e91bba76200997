"""generator/render/search_split.py and search_terms.py: the split search index's pieces."""
from __future__ import annotations

import json

import yaml

from generator.render import search_split
from generator.render.search_split import BLOCK, group_docs, postings, shards, write_split
from generator.render.search_terms import SEPARATOR, cite_terms, unpadded, words

AGREEMENTS = {"sooke-2006/": "Sooke 2006–2010", "rockies-2022/": "Rockies 2022–2025"}


def doc(location, title, text="", cite=""):
    data = {"location": location, "title": title, "text": f"<p>{text}</p>" if text else ""}
    if cite:
        data["cite"] = cite
    return data


DOCS = [
    doc("", "Home", "Welcome"),
    doc("sooke-2006/article-12/", "Article 12 – GRIEVANCE", "", "12"),
    doc("sooke-2006/article-12/#cl-12-05", "12.05 Settling of Grievance", "Steps of overtime", "12.05"),
    doc("rockies-2022/article-10/", "Article 10 – OVERTIME", "Overtime is paid", "10"),
    doc("rockies-2022/lou-3/", "Letter of Understanding 3", "&lt;b&gt;x", "LOU 3"),
]


def test_words_split_where_materials_search_splits():
    config = yaml.safe_load(open("mkdocs.yml", encoding="utf-8").read().replace("!!python", "#"))
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    assert SEPARATOR.pattern == search["separator"]


def test_words_drop_stop_words_and_trim_punctuation():
    assert words("The Employee's (overtime) 12.05.") == ["employee's", "overtime", "12.05"]


def test_a_cite_is_a_key_and_a_padded_cite_also_its_unpadded_alias():
    assert cite_terms("12.05.a") == {"~12.05.a": 100, "~12.5.a": 90}
    assert cite_terms("LOU 3") == {"~lou.3": 100}
    assert cite_terms("Schedule A") == {"~schedule.a": 100}


def test_unpadding_keeps_the_first_number_and_letters():
    assert unpadded("05.05.b") == "05.5.b"
    assert unpadded("12.00") == "12.0"


def test_entries_are_grouped_by_agreement_then_the_other_pages():
    groups = group_docs(DOCS, AGREEMENTS)
    assert [(g.slug, g.start, len(g.docs)) for g in groups] == [
        ("sooke-2006/", 0, 2), ("rockies-2022/", 2, 2), ("", 4, 1)]


def test_title_words_weigh_more_than_text_words():
    index = postings(group_docs(DOCS, AGREEMENTS))
    by_id = index["overtime"]
    assert set(by_id) == {1, 2}  # 12.05 (text) and Article 10 (title and text)
    assert by_id[2] > by_id[1]
    assert index["~12.05"] == {1: 100} and index["~12.5"] == {1: 90}


def test_shards_hold_sorted_terms_and_each_term_once(monkeypatch):
    monkeypatch.setattr(search_split, "SHARD_BYTES", 60)
    cut = shards(postings(group_docs(DOCS, AGREEMENTS)))
    assert len(cut) > 1
    terms = [t for shard in cut for t in shard]
    assert terms == sorted(terms) and len(terms) == len(set(terms))


def test_write_split_writes_blocks_shards_meta_and_pieces(tmp_path):
    write_split({"lang": ["en"]}, DOCS, AGREEMENTS, tmp_path)
    meta = json.loads((tmp_path / "search/cb/meta.json").read_text(encoding="utf-8"))
    assert [g["slug"] for g in meta["groups"]] == ["sooke-2006/", "rockies-2022/", ""]
    assert meta["block"] == BLOCK and meta["shards"][0] == min(postings(group_docs(DOCS, AGREEMENTS)))
    block = json.loads((tmp_path / "search/cb/docs/sooke-2006/0.json").read_text(encoding="utf-8"))
    assert block["docs"][1][0] == "sooke-2006/article-12/#cl-12-05"
    assert block["pages"] == {"sooke-2006/article-12/": "Article 12 – GRIEVANCE"}
    pieces = json.loads((tmp_path / "search/pieces.json").read_text(encoding="utf-8"))
    assert pieces["agreements"]["rockies-2022/"] == ["search/cb/docs/rockies-2022/0.json"]
    assert "search/cb/meta.json" in pieces["shared"] and "search/cb/pages/0.json" in pieces["shared"]
    for name in pieces["shared"][1:]:
        assert (tmp_path / name).is_file(), name


def test_escaped_text_stays_escaped_in_the_pieces(tmp_path):
    write_split({}, DOCS, AGREEMENTS, tmp_path)
    for path in (tmp_path / "search").rglob("*.json"):
        assert "<" not in path.read_text(encoding="utf-8"), path


def test_a_piece_from_an_earlier_build_is_removed(tmp_path):
    stale = tmp_path / "search/cb/docs/gone-2001/0.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")
    write_split({}, DOCS, AGREEMENTS, tmp_path)
    assert not stale.exists()
