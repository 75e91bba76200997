"""site_config/site.yml and statutes.yml: one model each; addresses are http(s): (statutes also
mailto:), percent-encoded so they stay inert; every problem names the file and the key's line."""
from pathlib import Path

import pytest

from generator.site_config import SiteConfig, load_site_config
from generator.statutes import load_statutes

ROOT = Path(__file__).resolve().parents[2]


def folder(tmp_path: Path, name: str, text: str) -> Path:
    config = tmp_path / "site_config"
    config.mkdir(exist_ok=True)
    (config / name).write_text(text, encoding="utf-8")
    return config


def located(problems) -> list[str]:
    return [str(p) for p in problems]


def test_the_real_site_config_and_statutes_have_no_problem():
    config, problems = load_site_config(ROOT / "site_config")
    statutes, statute_problems = load_statutes(ROOT / "site_config")
    assert problems == [] and statute_problems == []
    assert config.site_url == "https://example.github.io/clausebook/"
    assert statutes.url("Labour Relations Code").startswith("https://www.bclaws.gov.bc.ca/")


@pytest.mark.parametrize("key", ["repo_url", "site_url"])
@pytest.mark.parametrize("url", ["javascript:alert(1)", "mailto:a@b.org", "ftp://x.org/"])
def test_site_addresses_are_http_only(tmp_path, key, url):
    config, problems = load_site_config(folder(tmp_path, "site.yml", f"name: Ours\n{key}: '{url}'\n"))
    assert getattr(config, key) == "" and config.name == "Ours"
    assert located(problems) == [
        f"site_config/site.yml:2: error: {key} '{url}' is not a web address (only http: or https: addresses "
        "are linked): copy the full address from the browser, starting with https:// (left out until then)"]


def test_the_site_name_is_one_line_of_plain_text(tmp_path):
    config, problems = load_site_config(folder(tmp_path, "site.yml", "name: |\n  Our\n  <b>site</b>\n"))
    assert config.name == "Our <b>site</b>" and problems == []


def test_a_site_name_that_is_a_list_keeps_the_default_with_a_located_error(tmp_path):
    config, problems = load_site_config(folder(tmp_path, "site.yml", "local: L\nname: [a, b]\n"))
    assert config == SiteConfig(local="L")
    assert located(problems) == ["site_config/site.yml:2: error: name is a list where text should be: write it "
                                 "as one line of text in quotes (left out until then)"]


def test_an_unknown_site_key_is_a_warning_and_the_rest_is_used(tmp_path):
    config, problems = load_site_config(folder(tmp_path, "site.yml", "name: Ours\ntheme: dark\n"))
    assert config.name == "Ours"
    assert located(problems) == ["site_config/site.yml:2: warning: unknown key 'theme' in site.yml: it is "
                                 "ignored; known keys are description, local, name, repo_url, short_name, site_url"]


def test_a_statute_with_a_script_address_is_refused_and_the_others_kept(tmp_path):
    statutes, problems = load_statutes(folder(tmp_path, "statutes.yml",
                                              "- name: School Act\n  url: https://example.org/school\n"
                                              "- name: Evil Act\n  url: \"javascript:alert(1)\"\n"))
    assert statutes.url("School Act") == "https://example.org/school" and statutes.url("Evil Act") == ""
    assert located(problems) == [
        "site_config/statutes.yml:4: error: url 'javascript:alert(1)' is not a web address (only http: or "
        "https: or mailto: addresses are linked): copy the full address from the browser, starting with "
        "https:// (this entry is not linked until then)"]


def test_statute_addresses_with_quotes_brackets_or_spaces_are_percent_encoded(tmp_path):
    statutes, problems = load_statutes(folder(tmp_path, "statutes.yml",
                                              "- name: Wiki Act\n  url: \"https://en.example.org/wiki/Act_(BC)'\\\" x\"\n"
                                              "- name: Help Code\n  url: mailto:help@example.org\n"))
    assert problems == []
    assert statutes.url("Wiki Act") == "https://en.example.org/wiki/Act_%28BC%29%27%22%20x"
    assert statutes.url("Help Code") == "mailto:help@example.org"


def test_a_statute_address_with_a_control_character_is_refused(tmp_path):
    _, problems = load_statutes(folder(tmp_path, "statutes.yml", "- name: Tab Act\n  url: \"java\\tscript:x\"\n"))
    assert located(problems) == [
        "site_config/statutes.yml:2: error: url 'java\\x09script:x' contains control characters (a tab, a line "
        "break): write the address on one line, as copied from the browser (this entry is not linked until then)"]


def test_a_statute_without_url_is_located_at_its_entry(tmp_path):
    _, problems = load_statutes(folder(tmp_path, "statutes.yml", "- name: A Act\n  url: https://a.org/\n"
                                       "- name: B Act\n  aliases: [B]\n"))
    assert located(problems) == ["site_config/statutes.yml:3: error: each entry of statutes.yml needs 'name:' "
                                 "and 'url:': add 'url: https://...' (its official page)"]


def test_an_unknown_statute_key_is_a_warning(tmp_path):
    statutes, problems = load_statutes(folder(tmp_path, "statutes.yml",
                                              "- name: A Act\n  url: https://a.org/\n  link: x\n"))
    assert statutes.url("A Act") == "https://a.org/"
    assert located(problems) == ["site_config/statutes.yml:3: warning: unknown key 'link' in a statute: it is "
                                 "ignored; known keys are aliases, name, url"]


def test_statutes_yml_that_is_not_a_list_is_one_error(tmp_path):
    _, problems = load_statutes(folder(tmp_path, "statutes.yml", "School Act: https://x.org/\n"))
    assert located(problems) == ["site_config/statutes.yml:1: error: statutes.yml must be a list of entries, "
                                 "each '- name: <the Act>' and '  url: https://...'"]
