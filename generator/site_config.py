"""site_config/: the site's name, address and repository, as data the web volunteer edits.

site.yml is validated by inputs/schema.py's SiteModel: `name` and the other texts are one line of
plain text, `site_url` and `repo_url` are http(s): addresses (a `javascript:` one is refused with
its line); an unknown key is a warning and is ignored.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import terms_config
from .inputs.check import Where, check
from .inputs.schema import SiteModel
from .inputs.yaml_lines import YamlError, read_yaml_file
from .model import Problem


@dataclass
class SiteConfig:
    name: str = "Clausebook"
    short_name: str = ""
    description: str = ""
    site_url: str = ""
    repo_url: str = ""
    local: str = ""


def load_site_config(folder: Path) -> tuple[SiteConfig, list[Problem]]:
    """Read site_config/site.yml, and terms.yml for the defined-terms pass (terms_config.current())."""
    config, problems = _site_yml(folder)
    terms, term_problems = terms_config.load_terms(folder)
    terms_config.use(terms)
    return config, problems + term_problems


def shown_path(path: Path) -> str:
    """site_config/<file>, as messages name it."""
    return f"{path.parent.name}/{path.name}"


def _site_yml(folder: Path) -> tuple[SiteConfig, list[Problem]]:
    """Read site_config/site.yml; a missing file gives defaults, a bad value a located problem."""
    path = folder / "site.yml"
    shown = shown_path(path)
    if not path.exists():
        return SiteConfig(), []
    try:
        doc = read_yaml_file(path, shown)
    except YamlError as err:
        return SiteConfig(), [Problem(shown, err.line, f"site.yml is not valid YAML ({err.what}): "
                                      "write one 'key: value' per line", "error")]
    checked = check(SiteModel, {} if doc.data is None else doc.data, Where(shown, doc), required={},
                    unknown="unknown key '{key}' in site.yml")
    model = checked.value or SiteModel()
    return SiteConfig(**model.model_dump()), checked.problems
