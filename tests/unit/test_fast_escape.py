"""escape.attr and escape.front_matter's fast paths write what markupsafe and PyYAML write."""
import markupsafe
import pytest
import yaml

from generator.render.escape import attr, front_matter, text_html

SAMPLE = [chr(cp) for cp in list(range(0x300)) + list(range(0x300, 0x10000, 7))
          + [0x85, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0xD800, 0xDFFF, 0x1F600, 0x10FFFF]]


def by_yaml(text: str) -> str:
    return yaml.safe_dump(text_html(text), default_style='"', allow_unicode=True, width=float("inf")).strip()


@pytest.mark.parametrize("text", ["", "Article 12 – GRIEVANCE PROCEDURE · Sooke 2006–2010", "a: b", "- x", "...",
                                  "null", "123", 'He said "no" & <b>', "back\\slash", "tab\tand\nnewline",
                                  "'single' `tick` #hash %pct @at *star !bang"])
def test_front_matter_is_pyyamls_double_quoted_scalar(text):
    assert front_matter(text) == by_yaml(text)


def test_front_matter_of_every_sampled_character():
    assert [c for c in SAMPLE if front_matter(f"a{c}b") != by_yaml(f"a{c}b")] == []


def test_attr_is_markupsafes_escape_of_the_collapsed_text():
    for c in SAMPLE:
        text = f" x{c}y  {c} "
        assert attr(text) == str(markupsafe.escape(" ".join(text.split())))
