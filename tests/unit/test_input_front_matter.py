"""Front matter is validated against its content kind's model: every problem is one located line
(file, line of the key, what is wrong, what to do); a bad value is left out and the document is
still published; only a document that cannot be published at all is refused."""
import pytest

from generator.sources import check_source

AGREEMENT_KEYS = ("employer, hints, local, short_title, slug, source_pdf, status, term_end, term_start, "
                  "title, union")


def read(tmp_path, text: str, kind: str = "agreement", name: str = "doc.md"):
    folder = tmp_path / "content" / {"agreement": "agreements", "bulletin": "bulletins",
                                     "bylaws": "bylaws", "page": "pages"}[kind]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return check_source(folder / name, kind, tmp_path)


def lines(read_) -> list[tuple[int, str, str]]:
    return [(p.line, p.level, p.message) for p in read_.problems]


def test_an_impossible_date_is_a_located_error_and_the_agreement_is_published(tmp_path):
    got = read(tmp_path, "---\ntitle: X\nterm_start: 2024-13-45\nterm_end: 2025-06-30\n---\nbody\n")
    assert lines(got) == [(3, "error", "term_start '2024-13-45' is not a date (month must be in 1..12): "
                           "write a real day as YYYY-MM-DD, e.g. 2024-07-01 (left out until then)")]
    assert got.source.meta.term_start == "" and got.source.meta.term_end == "2025-06-30"


def test_dates_are_given_to_the_pipeline_as_iso_text(tmp_path):
    got = read(tmp_path, "---\ntitle: X\nterm_start: 2006-07-01\nterm_end: '2010-06-30'\n---\nbody\n")
    assert (got.source.meta.term_start, got.source.meta.term_end) == ("2006-07-01", "2010-06-30")
    assert got.problems == []


def test_a_term_that_ends_before_it_starts_is_a_warning(tmp_path):
    got = read(tmp_path, "---\ntitle: X\nterm_start: 2025-07-01\nterm_end: 2022-06-30\n---\nbody\n")
    assert lines(got) == [(4, "warning", "term_end 2022-06-30 is before term_start 2025-07-01: check both "
                           "dates against the agreement's cover")]


def test_a_bulletin_with_a_date_that_is_not_a_date_is_refused_with_its_file_and_line(tmp_path):
    got = read(tmp_path, "---\ntitle: News\ndate: next tuesday\n---\nbody\n", "bulletin", "2024-01-01-news.md")
    assert got.source is None
    assert [str(p) for p in got.problems] == [
        "content/bulletins/2024-01-01-news.md:3: error: date 'next tuesday' is not a date: write it as "
        "YYYY-MM-DD, e.g. 2024-07-01 (this bulletin is not published until then)"]


def test_a_bulletin_date_with_a_line_break_cannot_reach_the_post_header(tmp_path):
    got = read(tmp_path, '---\ntitle: News\ndate: "2021-05-11\\n---\\n<script>x</script>"\n---\nbody\n', "bulletin")
    assert got.source is None
    assert lines(got)[0][:2] == (3, "error") and "\n" not in lines(got)[0][2]


def test_a_bulletin_without_a_date_is_refused(tmp_path):
    got = read(tmp_path, "---\ntitle: News\n---\nbody\n", "bulletin")
    assert got.source is None and lines(got) == [(2, "error", "a bulletin needs 'date: YYYY-MM-DD'")]


def test_status_is_current_or_expired_in_any_case(tmp_path):
    assert read(tmp_path, "---\ntitle: X\nstatus: Expired\n---\nbody\n").source.meta.status == "expired"


def test_a_source_url_key_is_a_warning_not_a_reason_to_drop_the_agreement(tmp_path):
    got = read(tmp_path, "---\ntitle: X\nsource_url: https://example.org/a.pdf\n---\nbody\n")
    assert got.source is not None
    assert lines(got) == [(3, "warning", "unknown front-matter key 'source_url': it is ignored; known keys "
                           f"are {AGREEMENT_KEYS}")]


def test_a_key_of_another_kind_is_a_warning_naming_where_it_belongs(tmp_path):
    got = read(tmp_path, "---\ntitle: X\ndate: 2020-01-01\n---\nbody\n")
    assert got.source is not None
    assert lines(got) == [(3, "warning", "'date' is not used in an agreement: it is ignored (it is a key of bulletins, pages)")]


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x",
                                 "//evil.example/x", "vbscript:x", "https:alert(1)"])
def test_source_pdf_is_only_an_http_or_mailto_address(tmp_path, url):
    got = read(tmp_path, f"---\ntitle: X\nsource_pdf: '{url}'\n---\nbody\n")
    assert got.source.meta.source_pdf == ""
    assert [(line, level) for line, level, _ in lines(got)] == [(3, "error")]
    assert lines(got)[0][2].startswith("source_pdf '")


def test_source_pdf_with_quotes_or_brackets_is_percent_encoded(tmp_path):
    got = read(tmp_path, """---\ntitle: X\nsource_pdf: "https://example.org/a (1)'\\"<b>.pdf"\n---\nbody\n""")
    assert got.source.meta.source_pdf == "https://example.org/a%20%281%29%27%22%3Cb%3E.pdf"
    assert got.problems == []


def test_texts_are_one_line_and_never_reinterpreted_by_yaml(tmp_path):
    got = read(tmp_path, '---\ntitle: "Two\\nlines"\nlocal: 0476\nshort_title: 1.10\nunion: no\n---\nbody\n')
    meta = got.source.meta
    assert (meta.title, meta.local, meta.short_title, meta.union) == ("Two lines", "0476", "1.10", "no")


def test_a_title_that_is_a_list_refuses_the_document_with_what_to_write(tmp_path):
    got = read(tmp_path, "---\ntitle: [a, b]\n---\nbody\n")
    assert got.source is None
    assert lines(got) == [(2, "error", "title is a list where text should be: write it as one line of text "
                           "in quotes (not published until then)")]


def test_an_empty_key_is_an_absent_key(tmp_path):
    got = read(tmp_path, "---\ntitle: X\nshort_title:\nstatus: ''\n---\nbody\n")
    assert got.problems == [] and got.source.meta.short_title == ""


def test_tags_take_one_word_or_a_list(tmp_path):
    one = read(tmp_path, "---\ntitle: N\ndate: 2024-01-02\ntags: health\n---\nbody\n", "bulletin", "a.md")
    many = read(tmp_path, "---\ntitle: N\ndate: 2024-01-02\ntags: [health, pay]\n---\nbody\n", "bulletin", "b.md")
    assert one.source.meta.tags == ["health"] and many.source.meta.tags == ["health", "pay"]


def test_tags_that_nest_a_list_are_left_out_with_the_line(tmp_path):
    got = read(tmp_path, "---\ntitle: N\ndate: 2024-01-02\ntags: [a, [b]]\n---\nbody\n", "bulletin")
    assert got.source.meta.tags == []
    assert lines(got) == [(4, "error", "tags '['b']' is not a word: write the list as [first, second] "
                           "(left out until then)")]


def test_anchors_and_aliases_are_refused(tmp_path):
    got = read(tmp_path, "---\ntitle: &t X\nshort_title: *t\n---\nbody\n")
    assert got.source is None
    assert lines(got) == [(3, "error", "front matter is not valid YAML (anchors and aliases ('&name', "
                           "'*name') are not supported here; write the value out): write one 'key: value' per line")]


# ---------------------------------------------------------------- hints

def test_the_numbering_hint_is_read_for_the_tree_reader(tmp_path):
    got = read(tmp_path, "---\ntitle: X\nhints:\n  numbering:\n    units: Part\n    clauses: restarting\n"
                         "    levels: [\"A.\", \"1.\", \"a.\"]\n---\nbody\n", "bylaws")
    numbering = got.source.meta.hints.numbering
    assert (numbering.units, numbering.clauses, numbering.levels) == (["Part"], "restarting", ["A.", "1.", "a."])
    assert got.problems == []


def test_no_numbering_hint_is_an_empty_one(tmp_path):
    numbering = read(tmp_path, "---\ntitle: X\n---\nbody\n").source.meta.hints.numbering
    assert (numbering.units, numbering.clauses, numbering.levels) == ([], None, [])


@pytest.mark.parametrize("yaml_line, line, message", [
    ("    clauses: sometimes", 5, "hints: numbering: clauses 'sometimes' is not a clause numbering: write "
     "'prefixed' (12.05 under Article 12), 'restarting' (1., 2. again in each article) or 'continuous' "
     "(numbers run on across articles) (left out until then)"),
    ("    levels: [\"(a)\", \"(x)\"]", 5, "hints: numbering: levels '(x)' is not a first marker: write each "
     "level as its first marker in outline order, e.g. [\"(a)\", \"(1)\", \"(i)\"] or [\"A.\", \"1.\", \"a.\"] "
     "(left out until then)"),
    ("    levels: [\"(a)\", \"(a)\"]", 5, "hints: numbering: levels a level is listed twice: list each marker "
     "style once, outermost first (left out until then)"),
    ("    units: [\"12\"]", 5, "hints: numbering: units '12' is not a word: list the words that open a unit "
     "as the document prints them, e.g. [Article] or [Part, Schedule] (left out until then)"),
    ("    colour: red", 5, "unknown front-matter key 'colour' under 'hints: numbering:': it is ignored; "
     "known keys are clauses, levels, units"),
])
def test_a_bad_numbering_hint_is_a_located_warning_with_the_allowed_values(tmp_path, yaml_line, line, message):
    got = read(tmp_path, f"---\ntitle: X\nhints:\n  numbering:\n{yaml_line}\n---\nbody\n")
    assert got.source is not None
    assert lines(got) == [(line, "warning", message)]


def test_a_bad_starts_hint_is_a_located_error_and_the_other_hints_are_kept(tmp_path):
    got = read(tmp_path, "---\ntitle: X\nhints:\n  starts: Section 4\n  external_articles: CUPE Constitution\n"
                         "---\nbody\n", "bylaws")
    assert got.source.meta.hints.external_articles == "CUPE Constitution"
    assert lines(got) == [(4, "error", "hints: starts must map a name to the first words where it starts, "
                           "e.g. 'Section 4: \"Regular membership meetings\"' (left out until then)")]


def test_an_unknown_hint_is_a_warning(tmp_path):
    got = read(tmp_path, "---\ntitle: X\nhints:\n  ends: {A: b}\n---\nbody\n")
    assert lines(got) == [(4, "warning", "unknown front-matter key 'ends' under 'hints:': it is ignored; "
                           "known keys are external_articles, numbering, parts, starts")]


def test_a_key_given_twice_is_a_warning_naming_the_one_used(tmp_path):
    got = read(tmp_path, "---\ntitle: First\nshort_title: S\ntitle: Second\n---\nbody\n")
    assert got.source.meta.title == "Second"
    assert lines(got) == [(4, "warning", "'title' is given twice: the one on this line is used; delete the other")]


def test_a_page_date_is_optional_and_a_bad_one_is_left_out(tmp_path):
    got = read(tmp_path, "---\ntitle: About\ndate: soon\nagreement: sooke-2006\n---\nbody\n", "page")
    assert (got.source.meta.date, got.source.meta.agreement) == ("", "sooke-2006")
    assert lines(got) == [(3, "error", "date 'soon' is not a date: write it as YYYY-MM-DD, e.g. 2024-07-01 "
                           "(left out until then)")]
