"""The web app manifest and its icons (generator/offline/manifest.py, icons.py)."""
from __future__ import annotations

import json
import struct
import zlib

from generator.offline.icons import ICONS, draw, hex_rgb
from generator.offline.manifest import THEME_COLOUR, manifest, manifest_text, short_name


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_manifest_has_what_installing_needs():
    data = manifest("Clausebook: our collective agreements", "", "Agreements")
    assert data["name"] == "Clausebook: our collective agreements"
    assert data["short_name"] == "Clausebook"
    assert data["display"] == "standalone"
    assert data["theme_color"] == THEME_COLOUR
    sizes = {(i["sizes"], i["purpose"]) for i in data["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes


def test_start_url_is_inside_scope_and_relative_so_a_project_path_works():
    data = manifest("X", "", "")
    assert data["scope"] == "./" and data["start_url"] == "./"
    for icon in data["icons"]:
        assert not icon["src"].startswith(("/", "http")), icon["src"]


def test_site_config_text_is_json_data_never_markup():
    text = manifest_text("</script><script>alert(1)</script> & co", "<b>", "a\u2028b")
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & co"


def test_short_name_comes_from_site_yml_first_then_the_name():
    assert short_name("Long name", "  Local 459 ") == "Local 459"
    assert short_name("CUPE 459 – Collective agreements") == "CUPE 459"
    assert len(short_name("Greater Victoria Teachers Association")) <= 12


def test_icons_are_pngs_of_their_size():
    for icon in ICONS:
        data = draw(icon.size, icon.purpose, hex_rgb(THEME_COLOUR))
        assert _png_size(data) == (icon.size, icon.size), icon.name


def test_maskable_icon_keeps_the_picture_inside_the_safe_zone():
    """Everything outside the central 80 % circle is background: a phone's mask may cut it."""
    size = 192
    data = draw(size, "maskable", hex_rgb(THEME_COLOUR))
    raw = zlib.decompress(data[data.index(b"IDAT") + 4:data.index(b"IEND") - 8])
    background = bytes(hex_rgb(THEME_COLOUR))
    row = 1 + 3 * size
    centre = size / 2
    for y in range(size):
        for x in range(size):
            if ((x + 0.5 - centre) ** 2 + (y + 0.5 - centre) ** 2) ** 0.5 > 0.4 * size:
                start = y * row + 1 + 3 * x
                assert raw[start:start + 3] == background, (x, y)
