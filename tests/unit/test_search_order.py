"""Material's search entries put back in page order (mkdocs_hooks.entries_by_page): a unit page,
which Material no longer indexes, keeps its place through a placeholder that render/search.py
replaces with the unit's clause entries."""
from generator.mkdocs_hooks import entries_by_page


def item(location: str) -> dict:
    return {"location": location, "title": location, "text": ""}


def test_a_unit_page_gets_a_placeholder_where_its_entries_were():
    docs = [item(""), item("#welcome"), item("sooke-2006/"), item("sooke-2006/glossary/")]
    order = ["", "sooke-2006/", "sooke-2006/article-1/", "sooke-2006/glossary/"]
    pages = entries_by_page(docs, order, {"sooke-2006/article-1/"})
    assert list(pages) == order
    assert pages["sooke-2006/article-1/"] == [{"location": "sooke-2006/article-1/", "title": "", "text": ""}]
    assert [i["location"] for i in pages[""]] == ["", "#welcome"]


def test_a_page_that_is_not_a_unit_and_was_not_indexed_gets_nothing():
    pages = entries_by_page([item("")], ["", "tags/"], set())
    assert list(pages) == [""]


def test_entries_of_a_page_not_built_now_are_kept_at_the_end():
    pages = entries_by_page([item("old/"), item("")], [""], set())
    assert list(pages) == ["", "old/"]
