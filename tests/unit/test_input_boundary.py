"""The content boundary: only regular files inside the repository are read; control characters
are removed and reported; every document gets a web address of its own that the site does not
use itself."""
from pathlib import Path

import yaml

from generator.inputs.boundary import RESERVED, make_slug, strip_controls
from generator.sources import check_source, read_sources

ROOT = Path(__file__).resolve().parents[2]
DOC = "---\ntitle: {title}\n{extra}---\nARTICLE 1: X\n"


def write(root: Path, rel: str, title: str = "X", extra: str = "") -> Path:
    path = root / "content" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DOC.format(title=title, extra=extra), encoding="utf-8")
    return path


def problems(found) -> list[str]:
    return [str(p) for p in found]


def test_a_symlink_in_content_is_refused_unread(tmp_path):
    secret = tmp_path / "elsewhere.md"
    secret.write_text(DOC.format(title="Secret", extra=""), encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / "content" / "agreements").mkdir(parents=True)
    (repo / "content" / "agreements" / "link.md").symlink_to(secret)
    sources, found = read_sources(repo / "content")
    assert sources == []
    assert problems(found) == ["content/agreements/link.md:1: error: link.md is a symbolic link: it is not "
                               "read; copy the document itself into content/"]


def test_a_folder_that_resolves_outside_the_repository_is_refused(tmp_path):
    outside = tmp_path / "outside"
    write(outside, "agreements/x.md", "Outside")
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    (repo / "content" / "agreements").symlink_to(outside / "content" / "agreements", target_is_directory=True)
    sources, found = read_sources(repo / "content")
    assert sources == []
    assert problems(found) == ["content/agreements/x.md:1: error: x.md resolves outside the repository: it "
                               "is not read; copy the document itself into content/"]


def test_control_characters_are_removed_and_reported_with_their_lines(tmp_path):
    path = tmp_path / "content" / "agreements" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"---\ntitle: A\x1b[31m title\n---\nARTICLE 1: X\nNUL\x00here and DEL\x7f\npage\x0cbreak\n")
    read = check_source(path, "agreement", tmp_path)
    assert read.source.meta.title == "A[31m title"
    # a form feed is kept in the body: it is pdftotext's page break, which the cleaner reads
    assert read.source.body == "ARTICLE 1: X\nNULhere and DEL\npage\x0cbreak\n"
    assert [(p.line, p.level, p.message) for p in read.problems] == [
        (2, "warning", "removed invisible control characters (ESC): they are not text; check this line "
                       "against the PDF if a word looks wrong"),
        (5, "warning", "removed invisible control characters (DEL, NUL): they are not text; check this line "
                       "against the PDF if a word looks wrong"),
    ]


def test_windows_1252_quotes_decoded_as_c1_are_left_for_the_cleaner():
    text = "\u0093quoted\u0094 \u0096 dash\tand tab"
    assert strip_controls(text) == (text, [])


def test_a_lone_carriage_return_is_a_line_end(tmp_path):
    path = tmp_path / "content" / "agreements" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"---\rtitle: A\r---\rARTICLE 1: X\rline two\r")
    read = check_source(path, "agreement", tmp_path)
    assert read.source.body == "ARTICLE 1: X\nline two\n" and read.problems == []


def test_a_file_name_with_spaces_gets_a_slug_and_says_so(tmp_path):
    write(tmp_path, "agreements/my agreement.md")
    sources, found = read_sources(tmp_path / "content")
    assert [s.meta.slug for s in sources] == ["my-agreement"]
    assert problems(found) == ["content/agreements/my agreement.md:1: warning: the file name 'my agreement' is "
                               "not a web address (lower-case letters, digits and '-'): it is published as "
                               "'my-agreement'; rename the file to 'my-agreement.md' to say so"]


def test_a_file_name_with_accents_gets_a_transliterated_slug():
    assert make_slug("café-2020") == "cafe-2020"
    assert make_slug("Sooke 2006 (final)") == "sooke-2006-final"
    assert make_slug("sooke-2006") == "sooke-2006"


def test_a_slug_that_is_not_a_web_address_is_slugified_at_its_line(tmp_path):
    write(tmp_path, "agreements/x.md", extra="slug: ../../Etc Passwd\n")
    sources, found = read_sources(tmp_path / "content")
    assert [s.meta.slug for s in sources] == ["etc-passwd"]
    assert problems(found) == ["content/agreements/x.md:3: warning: slug '../../Etc Passwd' is not a web "
                               "address (lower-case letters, digits and '-'): it is published as 'etc-passwd'; "
                               "write 'slug: etc-passwd' to say so"]


def test_a_name_with_nothing_to_make_a_slug_from_is_refused(tmp_path):
    write(tmp_path, "pages/---.md")
    sources, found = read_sources(tmp_path / "content")
    assert sources == []
    assert problems(found) == ["content/pages/---.md:1: error: the file name '---' has no letters or digits to "
                               "make a web address from: set 'slug: <lower-case-words>' in the front matter"]


def test_a_reserved_slug_is_refused(tmp_path):
    write(tmp_path, "agreements/x.md", extra="slug: bulletins\n")
    write(tmp_path, "pages/search.md")
    sources, found = read_sources(tmp_path / "content")
    assert sources == []
    reserved = ", ".join(sorted(RESERVED))
    assert problems(found) == [
        "content/agreements/x.md:3: error: the web address 'bulletins' is used by the site itself: rename the "
        f"file or set 'slug:' to another name (reserved: {reserved})",
        "content/pages/search.md:1: error: the web address 'search' is used by the site itself: rename the "
        f"file or set 'slug:' to another name (reserved: {reserved})"]


def test_a_second_document_with_the_same_slug_is_refused_naming_both_files(tmp_path):
    write(tmp_path, "agreements/sooke-2006.md", "Sooke")
    write(tmp_path, "agreements/sooke-copy.md", "Copy", extra="slug: sooke-2006\n")
    write(tmp_path, "pages/sooke-2006.md", "Page")
    sources, found = read_sources(tmp_path / "content")
    assert [s.meta.title for s in sources] == ["Sooke"]
    assert problems(found) == [
        "content/agreements/sooke-copy.md:3: error: the web address 'sooke-2006' is already "
        "content/agreements/sooke-2006.md's: the two would overwrite each other's pages, so this one is not "
        "published; rename this file or set another 'slug:'",
        "content/pages/sooke-2006.md:1: error: the web address 'sooke-2006' is already "
        "content/agreements/sooke-2006.md's: the two would overwrite each other's pages, so this one is not "
        "published; rename this file or set another 'slug:'"]


def test_reserved_names_cover_what_mkdocs_yml_and_the_theme_write_at_the_top():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    blog = next(p["blog"] for p in config["plugins"] if isinstance(p, dict) and "blog" in p)
    top_level = {blog["blog_dir"], "search", "sitemap", "404", "index"}
    top_level |= {p.name for p in (ROOT / "theme").iterdir() if p.is_dir()}
    assert top_level <= RESERVED


def test_windows_1252_characters_in_front_matter_are_read_as_what_they_stand_for(tmp_path):
    path = tmp_path / "content" / "agreements" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_text("---\ntitle: \u0093Sooke\u0094 \u0096 2006\n---\nARTICLE 1: \u0093X\u0094\n", encoding="utf-8")
    read = check_source(path, "agreement", tmp_path)
    assert read.source.meta.title == "“Sooke” – 2006"
    assert read.source.body == "ARTICLE 1: \u0093X\u0094\n"  # the body's are the cleaner's to map
    assert [(p.line, p.level, p.message) for p in read.problems] == [
        (2, "warning", "Windows-1252 characters read as control characters (U+0093, U+0094, U+0096): read as "
                       "the quotes and dashes they stand for; save the file as UTF-8 to be sure")]


def test_a_character_yaml_refuses_in_front_matter_is_a_located_error(tmp_path):
    path = tmp_path / "content" / "agreements" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_text("---\ntitle: X\nlocal: \ufffe\n---\nARTICLE 1: X\n", encoding="utf-8")
    read = check_source(path, "agreement", tmp_path)
    assert read.source is None
    assert [str(p) for p in read.problems] == [
        "content/agreements/x.md:3: error: front matter is not valid YAML (character U+FFFE is not allowed "
        "here: delete it): write one 'key: value' per line"]


def test_the_file_named_for_an_address_keeps_it_over_a_slug_that_asks_for_it(tmp_path):
    write(tmp_path, "agreements/a-copy.md", "Copy", extra="slug: sooke-2006\n")  # first in file order
    write(tmp_path, "agreements/sooke-2006.md", "Sooke")
    sources, found = read_sources(tmp_path / "content")
    assert [s.meta.title for s in sources] == ["Sooke"]
    assert problems(found) == [
        "content/agreements/a-copy.md:3: error: the web address 'sooke-2006' is already "
        "content/agreements/sooke-2006.md's: the two would overwrite each other's pages, so this one is not "
        "published; rename this file or set another 'slug:'"]
