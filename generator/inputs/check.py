"""Validate data against a model; every error becomes a Problem at the line of its key.

A value that does not fit is left out and reported (the document is published without it); an
unknown key is a warning and is ignored; only a missing or bad *required* key (a title, a
bulletin's date, a statute's url) makes the whole item unusable, and then `value` is None.

    check(AgreementFrontMatter, {"title": "X", "status": "old"}, where)
    -> Checked(value=AgreementFrontMatter(title="X"), problems=[... "status 'old' must be ..."])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from ..model import Problem
from .yaml_lines import YamlDoc

MAX_ROUNDS = 50  # each round drops at least one value, so this only bounds hostile input


@dataclass
class Where:
    """Where the data came from: the file as shown, its YAML lines, and the file line of line 1."""

    path: str
    doc: YamlDoc = field(default_factory=YamlDoc)
    offset: int = 0  # added to YAML lines: 1 for front matter after the opening '---'
    missing_line: int = 1  # where a missing key should go
    prefix: tuple = ()  # path of the data inside the YAML document (a statutes entry: (3,))

    def line(self, path: tuple) -> int:
        full = self.prefix + path
        if not full:
            return self.missing_line
        return self.doc.line(full, self.missing_line - self.offset) + self.offset


@dataclass
class Checked:
    value: BaseModel | None
    problems: list[Problem] = field(default_factory=list)


def check(model: type[BaseModel], data: Any, where: Where, required: dict[str, str],
          warn_under: tuple = (), unknown: str = "unknown key '{key}'", required_bad: str = "not used until then") -> Checked:
    """Validate `data`; `required[key]` is the message for a missing required key (`required_bad`
    ends the message of a bad one); errors at or under a path in `warn_under` are warnings (hints
    the build can do without); `unknown` words an unknown key."""
    if not isinstance(data, dict):
        return Checked(None, [Problem(where.path, where.line(()), "must be 'key: value' lines", "error")])
    data = _without_empty(data)
    problems = repeated_keys(where)
    for _ in range(MAX_ROUNDS):
        try:
            return Checked(model.model_validate(data), problems)
        except ValidationError as err:
            errors = err.errors(include_url=False, include_context=False)
        fatal = next((e for e in errors if _is_fatal(e, _data_path(data, e["loc"]), required)), None)
        if fatal:
            key = str(fatal["loc"][0])
            text = required.get(key) or f"'{key}:' is required"
            if fatal["type"] != "missing":
                text = f"{key} {_text(fatal)} ({required_bad})"
            return Checked(None, problems + [Problem(where.path, where.line(_data_path(data, fatal["loc"])),
                                                     text, "error")])
        drops = set()
        for error in errors:
            path = _data_path(data, error["loc"])
            warn = error["type"] == "extra_forbidden" or any(path[:len(w)] == w for w in warn_under)
            problems.append(Problem(where.path, where.line(path), _message(model, error, path, unknown),
                                    "warning" if warn else "error"))
            drops.add(path)
        if () in drops:  # an error that names no key: nothing left out would fix it
            return Checked(None, problems)
        for path in sorted(drops, key=_order, reverse=True):
            _drop(data, path)
    return Checked(None, problems + [Problem(where.path, where.line(()), "too many problems to read: "
                                             "fix the ones listed and build again", "error")])


def _is_fatal(error: dict, path: tuple, required: dict[str, str]) -> bool:
    """A required key missing, or bad: the item cannot be used without it."""
    if error["type"] == "missing":
        return True
    return len(path) == 1 and path[0] in required and error["type"] != "extra_forbidden"


def repeated_keys(where: Where) -> list[Problem]:
    """A key written twice in the same place: YAML silently keeps the last; say which."""
    return [Problem(where.path, line + where.offset, f"'{path[-1]}' is given twice: the one on this line is "
                    "used; delete the other")
            for path, line in where.doc.repeated if path[:len(where.prefix)] == where.prefix]


def _message(model: type[BaseModel], error: dict, path: tuple, unknown: str) -> str:
    key = str(path[-1]) if path else str(error["loc"][0])
    if error["type"] == "extra_forbidden":
        parent = _model_at(model, path[:-1])
        known = ", ".join(sorted(parent.model_fields)) if parent else ""
        under = "".join(f"{p}: " for p in path[:-1])
        where = f"under '{under.strip()}'" if under else ""
        label = unknown.format(key=key) + (f" {where}" if where else "")
        return f"{label}: it is ignored; known keys are {known}"
    label = ": ".join(str(p) for p in path if isinstance(p, str)) or key
    return f"{label} {_text(error)} (left out until then)"


def _text(error: dict) -> str:
    """Our validators' message, without pydantic's "Value error, " prefix."""
    text = str(error.get("msg", ""))
    if error["type"] == "value_error":
        return text.removeprefix("Value error, ")
    if error["type"] in ("model_type", "dict_type", "model_attributes_type"):
        return "must be 'key: value' lines, indented under it"
    return f"is not valid ({text})"


def _model_at(model: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    for key in path:
        found = model.model_fields.get(key) if isinstance(key, str) else None
        annotation = found.annotation if found else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        model = annotation
    return model


def _data_path(data: Any, loc: tuple) -> tuple:
    """The part of pydantic's `loc` that names keys and items of the data (it also names union
    branches and validators, which are not in the data)."""
    path, current = (), data
    for seg in loc:
        if isinstance(current, dict) and seg in current:
            path, current = path + (seg,), current[seg]
        elif isinstance(current, list) and isinstance(seg, int) and 0 <= seg < len(current):
            path, current = path + (seg,), current[seg]
    return path


def _drop(data: Any, path: tuple) -> None:
    if not path:
        return
    parent = data
    for seg in path[:-1]:
        parent = parent[seg]
    del parent[path[-1]]


def _order(path: tuple) -> list:
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in path]


def _without_empty(data: dict) -> dict:
    """A copy without keys left empty (`short_title:`): an empty key is an absent one."""
    return {k: _copy(v) for k, v in data.items()
            if v is not None and not (isinstance(v, str) and not v.strip())}


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
