"""YAML text -> plain data (dicts, lists, strings, None) and the line of every key and item.

Every scalar stays the string the volunteer wrote: YAML 1.1 would turn `local: 0476` into 318,
`short_title: 1.10` into 1.1, `status: no` into False and `term_start: 2024-13-45` into a
ValueError; here they are text, and the schema decides what they mean. Anchors and aliases
(`&a`, `*a`) are refused: front matter never needs them and they can multiply a small file into
an enormous value.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

NULL = "tag:yaml.org,2002:null"


class _TextLoader(yaml.SafeLoader):
    """SafeLoader that resolves plain scalars only to null (empty, `~`, `null`) or text."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == NULL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlError(Exception):
    """YAML that cannot be read: the 1-based line (of the text given) and what is wrong."""

    def __init__(self, line: int, what: str):
        super().__init__(what)
        self.line = line
        self.what = what


@dataclass
class YamlDoc:
    """The data of a YAML text and `lines[(key, subkey, index, ...)]` -> 1-based line."""

    data: object = None
    lines: dict[tuple, int] = field(default_factory=dict)
    repeated: list[tuple[tuple, int]] = field(default_factory=list)  # (key path, line) of a key given again

    def line(self, path: tuple, default: int = 1) -> int:
        """The line of the longest prefix of `path` that names a key or item."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return default


def read_yaml(text: str) -> YamlDoc:
    """Parse one YAML document; raise YamlError(line, what) for anything that is not plain data."""
    try:
        loader = _TextLoader(text)  # its reader refuses non-printable characters right away
    except yaml.reader.ReaderError as err:
        raise YamlError(text[: err.position].count("\n") + 1,
                        f"character U+{err.character:04X} is not allowed here: delete it") from None
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDoc()
        doc = YamlDoc()
        _walk(node, (), doc, set(), node.start_mark.line + 1)
        doc.data = loader.construct_document(node)
        return doc
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise YamlError(mark.line + 1 if mark else 1, err.problem or err.context or "invalid YAML") from None
    except yaml.YAMLError as err:
        raise YamlError(1, str(err).split("\n")[0]) from None
    except RecursionError:
        raise YamlError(1, "nested too deeply") from None
    finally:
        loader.dispose()


def _walk(node: yaml.Node, path: tuple, doc: YamlDoc, seen: set, line: int) -> None:
    """Record the line of every key and item, and keys given twice (YAML keeps the last);
    refuse a node met twice (an alias, on `line`)."""
    lines = doc.lines
    if id(node) in seen:
        raise YamlError(line, "anchors and aliases ('&name', '*name') are not "
                        "supported here; write the value out")
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise YamlError(key.start_mark.line + 1, "a key must be a plain word, not a list or mapping")
            if path + (key.value,) in lines:
                doc.repeated.append((path + (key.value,), key.start_mark.line + 1))
            lines[path + (key.value,)] = key.start_mark.line + 1  # the value YAML keeps
            _walk(value, path + (key.value,), doc, seen, key.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1
            _walk(item, path + (index,), doc, seen, item.start_mark.line + 1)


def read_yaml_file(path, shown: str) -> YamlDoc:
    """read_yaml of a UTF-8 file; raise YamlError(line, what) when it cannot be read as YAML."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise YamlError(1, f"{shown} is not UTF-8 text (byte 0x{err.object[err.start]:02x}): save it as UTF-8") from None
    except OSError as err:
        raise YamlError(1, f"{shown} cannot be read ({err.strerror})") from None
    return read_yaml(text)
