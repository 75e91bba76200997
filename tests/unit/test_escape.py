"""The writer's escaping: text from a source is always shown as text, never run as markup."""
import markdown
import pytest

from generator.render.escape import md

EXTENSIONS = ["attr_list", "md_in_html", "toc"]


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "1. not a list", "- not a bullet",
    "# not a heading", "*not emphasis* and _not_ either", "[not](a link)", "{: #not .attributes }",
    "back\\slash and `code`", "$15.00 & 2.5% of 12.05(a)",
])
def test_escaped_text_renders_as_exactly_that_text(text):
    html = markdown.markdown(md(text), extensions=EXTENSIONS)
    assert html.startswith("<p>") and html.count("<") == 2  # only <p> and </p>: no live markup
    from bs4 import BeautifulSoup
    assert BeautifulSoup(html, "html.parser").get_text() == text
