"""The input boundary: every file a volunteer edits is read and validated here, once.

  yaml_lines.py  YAML text -> plain data, with the line of every key (for located messages)
  fields.py      the value types: one-line text, real dates, safe URLs, lists of words
  schema.py      pydantic models of front matter (per content kind), hints, site.yml, statutes.yml
  check.py       model + data -> the validated model and Problems (file:line: what: what to do)
  boundary.py    the content boundary: symlinks, control characters, slugs (reserved, collisions)

Nothing past this package sees raw YAML: a bad value becomes a Problem naming its file and line,
and the document is published without it (or refused, when it cannot be published at all).
"""
