"""The installed app's icons, drawn at build time as PNG with the standard library (no Pillow).

A white open book on the theme colour. The picture is made of rectangles in a 24-unit grid, so
one drawing gives every size. "any" icons fill 3/4 of the square; the "maskable" one keeps the
book inside the central 60 %, since a phone's mask (a circle, a squircle) may cut everything
outside the middle 80 % (https://web.dev/articles/maskable-icon).
"""
from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from functools import lru_cache

WHITE = (255, 255, 255)
# The book in a 24x24 grid: two pages either side of a spine, text lines in the theme colour.
PAGES = [(2, 4, 11.4, 20), (12.6, 4, 22, 20)]
LINES = [(x0 + 1.6, y, x1 - 1.6, y + 1.2) for (x0, _, x1, _) in PAGES for y in (7, 10, 13, 16)]


@dataclass(frozen=True)
class Icon:
    """One icon of the manifest: its file name (under site/icons/), size and purpose."""

    name: str
    size: int
    purpose: str  # "any" or "maskable"


ICONS = (Icon("icon-192.png", 192, "any"), Icon("icon-512.png", 512, "any"),
         Icon("icon-maskable-192.png", 192, "maskable"), Icon("icon-maskable-512.png", 512, "maskable"))
# The browser tab's icon (mkdocs.yml theme.favicon): the same book, ~0.2 KB, where Material's
# default favicon.png is 2 KB of every first view.
FAVICON = Icon("favicon-32.png", 32, "any")


def hex_rgb(colour: str) -> tuple[int, int, int]:
    """"#ef5350" -> (239, 83, 80)."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


@lru_cache(maxsize=16)  # the same few icons on every build of a `clausebook serve`
def draw(size: int, purpose: str, background: tuple[int, int, int]) -> bytes:
    """The icon as PNG bytes: the book scaled to 3/4 (any) or 3/5 (maskable) of the square."""
    share = 0.6 if purpose == "maskable" else 0.75
    unit = size * share / 24
    offset = size * (1 - share) / 2
    rows, drawn = [], {}
    for y in range(size):
        gy = (y + 0.5 - offset) / unit
        key = tuple(box[1] <= gy < box[3] for box in PAGES + LINES)  # rows cut the same boxes alike
        if key not in drawn:
            drawn[key] = _row(size, gy, unit, offset, background)
        rows.append(drawn[key])
    return png(size, size, b"".join(rows))


def _row(size: int, gy: float, unit: float, offset: float, background: tuple[int, int, int]) -> bytes:
    """One scanline at grid height gy: a 0 filter byte, then R G B per pixel."""
    row = bytearray(b"\x00")
    for x in range(size):
        gx = (x + 0.5 - offset) / unit
        on_page = any(_inside(gx, gy, box) for box in PAGES)
        row += bytes(WHITE if on_page and not any(_inside(gx, gy, box) for box in LINES) else background)
    return bytes(row)


def _inside(x: float, y: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def png(width: int, height: int, raw: bytes) -> bytes:
    """An 8-bit RGB PNG from filtered scanlines (each row: a 0 byte, then R G B per pixel)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
