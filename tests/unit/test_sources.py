"""Bad input gets one located message (file, line, what to do), never a traceback."""
import pytest

from generator.sources import SourceError, check_source, read_source, read_sources


def write(tmp_path, name, data: bytes):
    folder = tmp_path / "content" / "agreements"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data, line, words", [
    (b"ARTICLE 1: X\n", 1, "no front matter"),
    (b"---\ntitle: X\nARTICLE 1\n", 1, "front matter is not closed"),
    (b"---\ntitle: [unclosed\n---\nbody\n", 3, "not valid YAML"),
    (b"---\nshort_title: X\n---\nbody\n", 2, "needs 'title:"),
    (b"---\ntitle: X\n---\n\n   \n", 4, "the body is empty"),
    (b"---\ntitle: X\n---\nline one\nline \xff two\n", 5, "not UTF-8"),
])
def test_bad_source_gives_one_located_message(tmp_path, data, line, words):
    path = write(tmp_path, "bad.md", data)
    with pytest.raises(SourceError) as err:
        read_source(path, "agreement", tmp_path)
    problem = err.value.problem
    assert problem.path == "content/agreements/bad.md"
    assert problem.line == line
    assert words in problem.message
    assert "\n" not in str(problem)


@pytest.mark.parametrize("data, line, level, message", [
    (b"---\ntitle: X\ncolour: red\n---\nbody\n", 3, "warning",
     "unknown front-matter key 'colour': it is ignored; known keys are employer, hints, local, short_title, "
     "slug, source_pdf, status, term_end, term_start, title, union"),
    (b"---\ntitle: X\nstatus: old\n---\nbody\n", 3, "error",
     "status 'old' must be 'current' or 'expired': write 'status: current' while the agreement is in force, "
     "'status: expired' after (left out until then)"),
    (b"---\ntitle: X\nsource_url: https://example.org/a.pdf\n---\nbody\n", 3, "warning",
     "unknown front-matter key 'source_url': it is ignored; known keys are employer, hints, local, "
     "short_title, slug, source_pdf, status, term_end, term_start, title, union"),
])
def test_a_bad_or_unknown_key_is_reported_and_the_document_still_published(tmp_path, data, line, level, message):
    path = write(tmp_path, "bad.md", data)
    read = check_source(path, "agreement", tmp_path)
    assert read.source is not None and read.source.meta.title == "X"
    assert [(p.path, p.line, p.level, p.message) for p in read.problems] == [
        ("content/agreements/bad.md", line, level, message)]
    assert read_source(path, "agreement", tmp_path).meta.status == ""


def test_good_sources_are_read_and_bad_ones_reported(tmp_path):
    write(tmp_path, "good.md", b"---\ntitle: Good\n---\nARTICLE 1: X\n")
    write(tmp_path, "bad.md", b"no front matter\n")
    sources, problems = read_sources(tmp_path / "content")
    assert [s.meta.slug for s in sources] == ["good"]
    assert [p.path for p in problems] == ["content/agreements/bad.md"]


def test_body_is_kept_byte_for_byte_with_its_file_line_numbers(tmp_path):
    body = "\n\n# TITLE\n\ttab line  \n"
    path = write(tmp_path, "x.md", ("---\ntitle: X\nslug: x-1\n---\n" + body).encode())
    source = read_source(path, "agreement", tmp_path)
    assert source.body == body
    assert source.first_line == 5
    assert source.meta.slug == "x-1"
