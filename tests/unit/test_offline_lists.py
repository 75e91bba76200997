"""What saving an agreement fetches (generator/offline/lists.py)."""
from __future__ import annotations

import json

from generator.offline.lists import agreement_list, search_pieces, shell
from generator.render.data import write_redirect
from generator.render.preview import Preview


def _site(tmp_path):
    site = tmp_path
    (site / "sooke/article-12").mkdir(parents=True)
    (site / "sooke/index.html").write_text("<html>home</html>")
    (site / "sooke/article-12/index.html").write_text("<html>" + "x" * 5000 + "</html>")
    (site / "sooke/clauses.json").write_text("[]")
    (site / "sooke/report.json").write_text("{}")
    write_redirect(site / "sooke/12.05/index.html", "../article-12/#cl-12-05", Preview("12.05", ""))
    (site / "search").mkdir()
    (site / "search/search_index.json").write_text("{}")
    (site / "search/clausebook_index.json").write_text("{}")
    return site


def test_an_agreement_lists_its_pages_and_data_with_revisions_and_sizes(tmp_path):
    site = _site(tmp_path)
    listed = agreement_list(site, "sooke", "Sooke", search_pieces(site)[1])
    urls = [u for u, _, _ in listed.files]
    assert "sooke/" in urls and "sooke/article-12/" in urls and "sooke/clauses.json" in urls
    assert "sooke/report.json" not in urls
    assert listed.bytes == sum(size for _, _, size in listed.files) > 5000


def test_short_urls_are_a_redirect_map_not_files_to_fetch(tmp_path):
    site = _site(tmp_path)
    listed = agreement_list(site, "sooke", "Sooke", {})
    assert listed.redirects == {"12.05/": "../article-12/#cl-12-05"}
    assert "sooke/12.05/" not in [u for u, _, _ in listed.files]


def test_a_changed_page_changes_its_revision(tmp_path):
    site = _site(tmp_path)
    before = dict((u, r) for u, r, _ in agreement_list(site, "sooke", "S", {}).files)
    (site / "sooke/article-12/index.html").write_text("<html>corrected</html>")
    after = dict((u, r) for u, r, _ in agreement_list(site, "sooke", "S", {}).files)
    assert before["sooke/article-12/"] != after["sooke/article-12/"]
    assert before["sooke/"] == after["sooke/"]


def test_without_pieces_json_every_agreement_keeps_the_whole_search_index(tmp_path):
    site = _site(tmp_path)
    shared, pieces = search_pieces(site)
    assert shared == []
    urls = [u for u, _, _ in agreement_list(site, "sooke", "S", pieces).files]
    assert "search/search_index.json" in urls and "search/clausebook_index.json" in urls


def test_pieces_json_splits_search_into_shared_and_per_agreement(tmp_path):
    site = _site(tmp_path)
    (site / "search/pieces.json").write_text(json.dumps(
        {"shared": ["search/search_index.json"], "agreements": {"sooke/": ["search/clausebook_index.json"]}}))
    shared, pieces = search_pieces(site)
    assert shared == ["search/search_index.json"]
    urls = [u for u, _, _ in agreement_list(site, "sooke", "S", pieces).files]
    assert "search/clausebook_index.json" in urls and "search/search_index.json" not in urls


def test_the_shell_is_css_js_and_icons_without_source_maps(tmp_path):
    site = tmp_path
    (site / "assets/javascripts/workers").mkdir(parents=True)
    (site / "icons").mkdir()
    for name in ("assets/a.css", "assets/a.js", "assets/javascripts/bundle.1.min.js",
                 "assets/javascripts/bundle.1.min.js.map", "icons/icon-192.png",
                 "assets/javascripts/workers/search.js"):
        (site / name).write_text("x")
    urls = [e["url"] for e in shell(site)]
    assert urls == ["assets/a.css", "assets/a.js", "assets/javascripts/bundle.1.min.js", "icons/icon-192.png"]
    revisions = {e["url"]: e["revision"] for e in shell(site)}
    assert revisions["assets/javascripts/bundle.1.min.js"] is not None  # "1" is no content hash
    assert len(revisions["assets/a.js"]) == 12


def test_a_file_named_by_its_content_hash_needs_no_revision(tmp_path):
    (tmp_path / "assets/javascripts").mkdir(parents=True)
    (tmp_path / "assets/javascripts/bundle.a5f9d56c.min.js").write_text("x")
    assert shell(tmp_path) == [{"url": "assets/javascripts/bundle.a5f9d56c.min.js", "revision": None}]


def test_files_the_build_still_holds_are_listed_as_if_read_back(tmp_path):
    """write_data's files are hashed from memory (`known`): the same list as reading them back."""
    from generator.render.data import write_files

    site = _site(tmp_path)
    known = write_files(site, {"sooke/12.06/index.html": (site / "sooke/12.05/index.html").read_text(),
                               "sooke/12.06/qr.svg": "<svg/>", "sooke/glossary.json": "{}"})
    from_disk = agreement_list(site, "sooke", "S", {})
    assert agreement_list(site, "sooke", "S", {}, known) == from_disk
    assert from_disk.redirects["12.06/"] == "../article-12/#cl-12-05"
    assert "sooke/12.06/qr.svg" in [u for u, _, _ in from_disk.files]


def test_known_bytes_are_not_read_from_the_site(tmp_path):
    site = _site(tmp_path)
    stale = dict((u, r) for u, r, _ in agreement_list(site, "sooke", "S", {}).files)["sooke/clauses.json"]
    listed = agreement_list(site, "sooke", "S", {}, {"sooke/clauses.json": b'[{"cite": "1"}]'})
    entry = next(e for e in listed.files if e[0] == "sooke/clauses.json")
    assert entry[1] != stale and entry[2] == len(b'[{"cite": "1"}]')


def test_files_are_listed_in_the_order_of_sorted_paths(tmp_path):
    """Folder by folder, as sorted Paths are: "a/b" before "a-b" ('-' sorts before '/' in text)."""
    from pathlib import Path

    from generator.offline.lists import files_under

    for rel in ("s/a/b", "s/a-b", "s/a.1/x", "s/a/a/c", "s/Z", "s/a0"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / "s/link").symlink_to(tmp_path / "s/a", target_is_directory=True)  # not followed, as rglob
    expected = [p.relative_to(tmp_path).as_posix() for p in sorted(Path(tmp_path, "s").rglob("*")) if p.is_file()]
    assert files_under(tmp_path, "s") == expected == ["s/Z", "s/a/a/c", "s/a/b", "s/a-b", "s/a.1/x", "s/a0"]
