"""Stream users as json, pretty json, csv, yaml or xml, in chunks (memory stays bounded).

The document layouts follow randomuser.me 1.4: `{"results": [...], "info": {...}}` for json
and yaml, a `<user>` root with `<results>` elements then `<info>` for xml, and for csv the
results only, one row per user with dotted column names (`name.first`). Compact JSON is
orjson's, byte for byte what `json.dumps(ensure_ascii=False, separators=(",", ":"))` writes
(a test checks it) and several times faster.
"""

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from json.encoder import encode_basestring
from typing import Any
from xml.sax.saxutils import escape

import orjson

CHUNK_SIZE = 100  # About 110 kB of JSON: small strings stay off mmap (128 kB threshold).
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "pretty": "application/json",
    "csv": "text/csv",
    "yaml": "application/yaml",
    "xml": "text/xml",
}
EXTENSIONS: dict[str, str] = {name: "json" if name == "pretty" else name for name in MEDIA_TYPES}

Users = Iterable[dict[str, Any]]
Info = dict[str, Any] | None
Renderer = Callable[[Users, Info], Iterator[str]]

# Characters YAML 1.1 reads as line breaks or refuses, written as escapes instead.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def render(format_name: str, users: Users, info: Info) -> Iterator[str]:
    """Yield the document in `format_name` (a key of `MEDIA_TYPES`), a chunk at a time."""
    return RENDERERS[format_name](users, info)


def _chunks(users: Users) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(users)
    while chunk := list(islice(iterator, CHUNK_SIZE)):
        yield chunk


def _json(users: Users, info: Info) -> Iterator[str]:
    yield '{"results":['
    separator = ""
    for chunk in _chunks(users):
        yield separator + orjson.dumps(chunk)[1:-1].decode()
        separator = ","
    yield "]}" if info is None else f'],"info":{orjson.dumps(info).decode()}}}'


def _pretty(users: Users, info: Info) -> Iterator[str]:
    separator = '{\n  "results": [\n'
    for chunk in _chunks(users):
        items = json.dumps(chunk, ensure_ascii=False, indent=2)[2:-2]
        yield separator + "  " + items.replace("\n", "\n  ")
        separator = ",\n"
    tail = "" if info is None else ',\n  "info": ' + _indented_json(info)
    yield f"\n  ]{tail}\n}}"


def _indented_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def _csv(users: Users, info: Info) -> Iterator[str]:
    header: list[str] | None = None
    for chunk in _chunks(users):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        rows = [dict(_flatten(user)) for user in chunk]
        if header is None:
            header = list(rows[0])
            writer.writerow(header)
        writer.writerows([row.values() for row in rows])
        yield buffer.getvalue()


def _flatten(value: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, item in value.items():
        if isinstance(item, dict):
            yield from _flatten(item, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", "" if item is None else item


def _yaml(users: Users, info: Info) -> Iterator[str]:
    yield "results:\n"
    for chunk in _chunks(users):
        yield "".join(_yaml_item(user) for user in chunk)
    if info is not None:
        yield "info:\n" + "".join(_yaml_lines(info, "  "))


def _yaml_item(user: dict[str, Any]) -> str:
    if not user:
        return "- {}\n"
    return "- " + "".join(_yaml_lines(user, "  "))[2:]


def _yaml_lines(mapping: dict[str, Any], indent: str) -> Iterator[str]:
    for key, value in mapping.items():
        if isinstance(value, dict):
            yield f"{indent}{key}:\n"
            yield from _yaml_lines(value, indent + "  ")
        else:
            yield f"{indent}{key}: {_yaml_scalar(value)}\n"


def _yaml_scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        quoted = encode_basestring(value)
        return _YAML_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)
    return str(value)


def _xml(users: Users, info: Info) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<user>'
    for chunk in _chunks(users):
        yield "".join(_xml_element("results", user) for user in chunk)
    if info is not None:
        yield _xml_element("info", info)
    yield "</user>\n"


def _xml_element(tag: str, value: Any) -> str:
    if isinstance(value, dict):
        inner = "".join(_xml_element(key, item) for key, item in value.items())
    else:
        inner = "" if value is None else escape(str(value))
    return f"<{tag}>{inner}</{tag}>"


RENDERERS: dict[str, Renderer] = {
    "json": _json,
    "pretty": _pretty,
    "csv": _csv,
    "yaml": _yaml,
    "xml": _xml,
}
