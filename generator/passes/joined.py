"""Many texts searched as one string: one regex or str.find over a whole document instead of one
per paragraph (passes/terms.py, passes/definitions.py).

The texts are joined with a NUL between them. The cleaner removes control characters, so no
printed word holds one: a match never spans two texts, and `(?<![\\w-])` / `(?!\\w)` see the NUL
as they would see a text's start or end.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Joined:
    """The texts joined (text) and where each starts in it (starts[i])."""

    text: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, texts: list[str]) -> "Joined":
        starts, offset = [], 0
        for t in texts:
            starts.append(offset)
            offset += len(t) + 1
        return cls("\0".join(texts), tuple(starts))

    def index(self, at: int) -> int:
        """Which text the position `at` of the joined string falls in."""
        return bisect_right(self.starts, at) - 1
