"""The models of every input: front matter per content kind, its hints, site.yml, statutes.yml.

Types come from fields.py (one-line text, real dates, safe URLs, word lists). `extra="forbid"`
makes pydantic name every key it does not know; check.py turns those into warnings (the key is
ignored, the document is still published), and every other error into a located problem.
"""
from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from .fields import IsoDate, NameMap, OneLine, SiteUrl, WebUrl, Words, one_line, shown, words

CLAUSE_STYLES = ("prefixed", "restarting", "continuous")
# A level of the outline as the document prints its first marker: "(a)", "a)", "a.", "(1)", "1.",
# "(i)", "i.", "A.", "(A)", "I." (the first value of the sequence, with its brackets or point).
LEVEL = re.compile(r"\((?:a|A|1|i|I)\)|(?:a|A|1|i|I)[.)]")
# A word that opens a unit: "Article", "Part", "Letter of Understanding", "Annexe".
UNIT_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[ '’-][^\W_]+)*")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _status(value: Any) -> str:
    text = one_line(value).lower()
    if text not in ("", "current", "expired"):
        raise ValueError(f"{shown(text)} must be 'current' or 'expired': write 'status: current' "
                         "while the agreement is in force, 'status: expired' after")
    return text


def _units(value: Any) -> list[str]:
    found = words(value)
    bad = [w for w in found if not UNIT_WORD.fullmatch(w)]
    if bad:
        raise ValueError(f"{shown(bad[0])} is not a word: list the words that open a unit as the "
                         "document prints them, e.g. [Article] or [Part, Schedule]")
    return found


def _levels(value: Any) -> list[str]:
    found = words(value)
    bad = [w for w in found if not LEVEL.fullmatch(w)]
    if bad:
        raise ValueError(f"{shown(bad[0])} is not a first marker: write each level as its first "
                         "marker in outline order, e.g. [\"(a)\", \"(1)\", \"(i)\"] or [\"A.\", \"1.\", \"a.\"]")
    if len(set(found)) != len(found):
        raise ValueError("a level is listed twice: list each marker style once, outermost first")
    return found


def _clauses(value: Any) -> str | None:
    text = one_line(value).lower() if value is not None else ""
    if text and text not in CLAUSE_STYLES:
        raise ValueError(f"{shown(text)} is not a clause numbering: write 'prefixed' (12.05 under "
                         "Article 12), 'restarting' (1., 2. again in each article) or 'continuous' "
                         "(numbers run on across articles)")
    return text or None


class NumberingModel(Strict):
    """hints: numbering: how the document numbers itself, when the text cannot say."""

    units: Annotated[list[str], BeforeValidator(_units)] = Field(default_factory=list)
    clauses: Annotated[Literal["prefixed", "restarting", "continuous"] | None, BeforeValidator(_clauses)] = None
    levels: Annotated[list[str], BeforeValidator(_levels)] = Field(default_factory=list)


class HintsModel(Strict):
    """hints: what the text itself cannot settle (see model.Hints)."""

    starts: NameMap = Field(default_factory=dict)
    parts: NameMap = Field(default_factory=dict)
    external_articles: OneLine = ""
    numbering: NumberingModel = Field(default_factory=NumberingModel)


class FrontMatter(Strict):
    """What every content kind has."""

    title: OneLine
    slug: OneLine = ""
    short_title: OneLine = ""


class AgreementFrontMatter(FrontMatter):
    """A collective agreement (content/agreements/)."""

    employer: OneLine = ""
    union: OneLine = ""
    local: OneLine = ""
    term_start: IsoDate = ""
    term_end: IsoDate = ""
    status: Annotated[str, BeforeValidator(_status)] = ""
    source_pdf: WebUrl = ""
    hints: HintsModel = Field(default_factory=HintsModel)


class BylawsFrontMatter(AgreementFrontMatter):
    """Bylaws (content/bylaws/): the same keys as an agreement."""


class BulletinFrontMatter(FrontMatter):
    """A bulletin (content/bulletins/): a dated post, with tags and the agreement it discusses."""

    date: IsoDate
    tags: Words = Field(default_factory=list)
    agreement: OneLine = ""


class PageFrontMatter(FrontMatter):
    """Any other page (content/pages/): an optional date, and like a bulletin it may cite agreements."""

    date: IsoDate = ""
    tags: Words = Field(default_factory=list)
    agreement: OneLine = ""


FRONT_MATTER: dict[str, type[FrontMatter]] = {
    "agreement": AgreementFrontMatter, "bylaws": BylawsFrontMatter,
    "bulletin": BulletinFrontMatter, "page": PageFrontMatter,
}


class SiteModel(Strict):
    """site_config/site.yml: the site's identity and addresses."""

    name: OneLine = "Clausebook"
    short_name: OneLine = ""  # under an installed app's icon (about 12 characters); default from name
    description: OneLine = ""
    site_url: SiteUrl = ""
    repo_url: SiteUrl = ""
    local: OneLine = ""


class StatuteModel(Strict):
    """One entry of site_config/statutes.yml: a name (and aliases) and the address it links to."""

    name: OneLine
    url: WebUrl
    aliases: Words = Field(default_factory=list)


class AddedTermModel(Strict):
    """One entry of `<slug>: add:` in site_config/terms.yml (terms_config.py checks its keys)."""

    term: OneLine
    cite: OneLine
    aliases: Words = Field(default_factory=list)
    definition: OneLine = ""
    scope: OneLine = ""
