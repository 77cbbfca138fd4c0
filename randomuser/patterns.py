"""Fill-in patterns such as ``(###) ###-####``, filled from random characters.

A template is literal text with slots: ``#`` a digit, ``?`` an uppercase ASCII letter, and
``[...]`` one character of a class, ranges allowed (``[2-9]``, ``[ABCEGHJ-NPRSTVXY]``). A class
of digits takes a digit slot, any other class a letter slot. ``{a|b}`` in a template given to
``patterns`` stands for one template per choice. A pattern is filled with one ``%`` format, in C:
a class costs one ``bytes.translate`` of the characters, not a Python call per slot.
"""

import re
import string
from json.encoder import encode_basestring
from operator import itemgetter

DIGIT = "#"
LETTER = "?"
MAX_DIGITS = 15
MAX_LETTERS = 5
FILL_LENGTH = MAX_DIGITS + MAX_LETTERS

_SLOT = re.compile(r"#+|\?+|\[[^\]]+\]")
_RANGE = re.compile(r"(.)-(.)")
_CHOICE = re.compile(r"\{([^{}]*)\}")


def class_members(slot: str) -> str:
    """Return the characters of a class slot such as ``[A-CEG]``, ranges written out."""
    return _RANGE.sub(
        lambda match: "".join(map(chr, range(ord(match[1]), ord(match[2]) + 1))), slot[1:-1]
    )


def _class_table(members: str) -> bytes:
    """Return the ``bytes.translate`` table sending the digit or letter ``i`` of the drawn
    characters to ``members[i % len(members)]`` (``bytes.translate`` is many times faster than
    ``str.translate``)."""
    alphabet = string.digits if members.isdigit() else string.ascii_uppercase
    sent = "".join(members[i % len(members)] for i in range(len(alphabet)))
    return bytes.maketrans(alphabet.encode(), sent.encode())


class Pattern:
    """A template whose slots are filled from random digits and uppercase letters."""

    __slots__ = ("_format", "_json_format", "_runs", "_tables", "_width", "template")

    def __init__(self, template: str) -> None:
        self.template = template
        slots = _SLOT.findall(template)
        kinds = [_kind(slot) for slot in slots]
        classes = list(dict.fromkeys(slot for slot in slots if slot[0] == "["))
        self._tables = tuple(_class_table(class_members(slot)) for slot in classes)
        # The characters to fill with are MAX_DIGITS digits then MAX_LETTERS letters, followed
        # by one translated copy of them per class, each ``_width`` long.
        self._width = FILL_LENGTH if LETTER in kinds else MAX_DIGITS
        offsets = {DIGIT: 0, LETTER: MAX_DIGITS}
        slices = []
        for slot, kind in zip(slots, kinds, strict=True):
            length = 1 if slot[0] == "[" else len(slot)
            copy = classes.index(slot) + 1 if slot[0] == "[" else 0
            start = copy * self._width + offsets[kind]
            slices.append(slice(start, start + length))
            offsets[kind] += length
        if offsets[DIGIT] > MAX_DIGITS or offsets[LETTER] > FILL_LENGTH:
            raise ValueError(
                f"More than {MAX_DIGITS} digits or {MAX_LETTERS} letters: {template!r}."
            )
        self._runs = itemgetter(*slices, slice(0, 0))  # Always a tuple, even for one run.
        self._format = _SLOT.sub("%s", template.replace("%", "%%")) + "%s"
        # Digits and capitals never need escaping in JSON, so quoting the format once quotes
        # every filled value.
        self._json_format = encode_basestring(self._format)

    def fill(self, chars: str) -> str:
        """Return the template filled from ``chars``: ``MAX_DIGITS`` random digits followed by
        ``MAX_LETTERS`` random uppercase letters (or just the digits if it has no letter)."""
        runs: tuple[str, ...] = self._runs(self._with_classes(chars) if self._tables else chars)
        return self._format % runs

    def fill_json(self, chars: str) -> str:
        """Return ``fill(chars)`` as a JSON string (quoted, escaped as ``json.dumps`` does)."""
        runs: tuple[str, ...] = self._runs(self._with_classes(chars) if self._tables else chars)
        return self._json_format % runs

    def _with_classes(self, chars: str) -> str:
        drawn = chars[: self._width].encode()
        return (drawn + b"".join([drawn.translate(table) for table in self._tables])).decode()

    def __repr__(self) -> str:
        return f"Pattern({self.template!r})"


def _kind(slot: str) -> str:
    if slot[0] == "[":
        return DIGIT if class_members(slot).isdigit() else LETTER
    return slot[0]


def expand(template: str) -> tuple[str, ...]:
    """Return the templates ``template`` stands for: one per choice of each ``{a|b}``."""
    choice = _CHOICE.search(template)
    if not choice:
        return (template,)
    head, tail = template[: choice.start()], template[choice.end() :]
    return tuple(
        expanded for option in choice[1].split("|") for expanded in expand(head + option + tail)
    )


def patterns(templates: tuple[str, ...]) -> tuple[Pattern, ...]:
    """Return the patterns of ``templates``, each ``{a|b}`` expanded."""
    return tuple(Pattern(expanded) for template in templates for expanded in expand(template))
