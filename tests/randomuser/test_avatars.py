"""Avatar SVGs and the helpers behind their URLs."""

from xml.etree import ElementTree

import pytest

from randomuser.avatars import PALETTE, colour_for, initial, is_valid_initials, render_svg


def test_svg_has_a_size_so_an_img_can_load_it() -> None:
    root = ElementTree.fromstring(render_svg(pixels=72, colour="1f77b4", letters="ЖШ"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert (root.get("width"), root.get("height")) == ("72", "72")
    assert "".join(root.itertext()) == "ЖШ"


@pytest.mark.parametrize(
    ("name", "letter"), [("ada", "A"), ("'Abd", "A"), ("émile", "É"), ("", "")]
)
def test_initial(name: str, letter: str) -> None:
    assert initial(name) == letter


VALID = ["A", "ABC", "ÉЖ"]
INVALID = ["", "ABCD", "A1", "<a", "_", "A\n", "A B"]


@pytest.mark.parametrize(
    ("text", "valid"), [(t, True) for t in VALID] + [(t, False) for t in INVALID]
)
def test_valid_initials(text: str, valid: bool) -> None:
    assert is_valid_initials(text) is valid


def test_colour_is_from_the_palette_and_stable() -> None:
    assert colour_for(12345) == colour_for(12345) == PALETTE[12345 % len(PALETTE)]
