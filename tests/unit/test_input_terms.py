"""site_config/terms.yml: the types of each `add:` entry come from the schema (every scalar is the
text written, a nested value is a located error), and no shape of the file raises."""
from generator import terms_config


def load(tmp_path, text: str):
    (tmp_path / "terms.yml").write_text(text, encoding="utf-8")
    config, problems = terms_config.load_terms(tmp_path)
    return config, [(p.line, p.level, p.message) for p in problems]


def test_a_cite_that_looks_like_a_date_is_kept_as_written(tmp_path):
    config, problems = load(tmp_path, "x:\n  add:\n    - term: Day\n      cite: 2024-13-45\n")
    assert problems == [] and config.for_document("x").add[0].cite == "2024-13-45"


def test_a_term_that_is_a_list_is_a_located_error_and_the_entry_left_out(tmp_path):
    config, problems = load(tmp_path, "x:\n  add:\n    - term: [a, b]\n      cite: '1'\n")
    assert config.for_document("x").add == []
    assert problems == [(3, "error", "term is a list where text should be: write it as one line of text in quotes "
                                     "(this entry of 'x: add:' is not used until then)")]


def test_an_alias_that_nests_a_list_is_left_out_and_the_term_kept(tmp_path):
    config, problems = load(tmp_path, "x:\n  add:\n    - term: Day\n      cite: '1'\n      aliases: [[a]]\n")
    assert [a.term for a in config.for_document("x").add] == ["Day"]
    assert problems == [(5, "error", "aliases '['a']' is not a word: write the list as [first, second] "
                                     "(left out until then)")]


def test_a_slug_that_is_not_a_word_is_an_error_not_a_crash(tmp_path):
    _, problems = load(tmp_path, "? [a, b]\n: {suppress: [X]}\n")
    assert problems == [(1, "error", "terms.yml must map document slugs to corrections: a slug is a plain word "
                                     "such as 'sooke-2006:'")]


def test_aliases_that_are_not_words_are_one_located_error(tmp_path):
    _, problems = load(tmp_path, "x:\n  aliases:\n    Day: [{a: b}]\n")
    assert problems == [(3, "error", "'x: aliases:' must map terms to lists, e.g. 'alternative school calendar: "
                                     "[alternate school calendar]'")]


def test_a_character_yaml_refuses_is_one_line_of_message(tmp_path):
    _, problems = load(tmp_path, "x:\n  suppress: [\x80]\n")
    assert problems == [(2, "error", "terms.yml is not valid YAML: unacceptable character #x0080: special "
                                     "characters are not allowed")]
