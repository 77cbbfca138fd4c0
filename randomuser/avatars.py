"""Avatar images: the initials of a name on a colour derived from the name, as SVG.

randomuser.me links to photos on its own site; we serve generated images instead, so pictures
show with no internet access. An avatar is addressed as `<size>/<colour>/<initials>.svg`.
"""

import re
import zlib

SIZES: dict[str, int] = {"large": 128, "medium": 72, "thumbnail": 48}
MAX_INITIALS = 3
# Word characters that are neither digits nor "_": letters of any script (and a few numerals such
# as "Ⅻ"), none of which needs escaping in XML.
INITIALS_PATTERN = rf"^[^\W\d_]{{1,{MAX_INITIALS}}}$"
_INITIALS = re.compile(INITIALS_PATTERN)
COLOUR_PATTERN = "^[0-9a-f]{6}$"

# Mid-tone colours on which white text stays readable (WCAG contrast >= 3 for large text).
PALETTE: tuple[str, ...] = (
    "1f77b4", "d62728", "2ca02c", "9467bd", "8c564b", "e377c2", "7f7f7f", "17becf",
    "3b5b92", "b5446e", "2e7d32", "6a1b9a", "c62828", "00838f", "4e342e", "ad1457",
    "283593", "00695c", "ef6c00", "5d4037",
)  # fmt: skip


def initial(name: str) -> str:
    """Return the first letter of `name`, uppercased ("" if it has no letter)."""
    return next((char for char in name if char.isalpha()), "").upper()


def name_checksum(name: str) -> int:
    """Return a checksum of `name` that is the same in every process (unlike `hash()`)."""
    return zlib.crc32(name.encode())


def colour_for(checksum: int) -> str:
    """Return the palette colour (6 hex digits) for a name checksum."""
    return PALETTE[checksum % len(PALETTE)]


def is_valid_initials(text: str) -> bool:
    """Return whether `text` is 1 to `MAX_INITIALS` letters (any script)."""
    return bool(_INITIALS.fullmatch(text))


def render_svg(*, pixels: int, colour: str, letters: str) -> str:
    """Return a square SVG of `pixels` with `letters` centred on `colour`.

    `width` and `height` are set so that an `<img>` has a natural size in every browser.
    `letters` must be letters only (see `is_valid_initials`): they need no XML escaping.
    """
    font_size = round(pixels * 0.42)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{pixels}" height="{pixels}" '
        f'viewBox="0 0 {pixels} {pixels}" role="img" aria-label="{letters}">'
        f'<rect width="{pixels}" height="{pixels}" fill="#{colour}"/>'
        f'<text x="50%" y="50%" dy=".35em" text-anchor="middle" fill="#ffffff" '
        f'font-family="Helvetica, Arial, sans-serif" font-size="{font_size}">{letters}</text>'
        "</svg>"
    )
