"""Compact JSON for generated users, field by field, about three times faster than ``json.dumps``.

The shape of a user is fixed, so each field has its own f-string; only strings that may hold
quotes, backslashes or control characters go through ``encode_basestring`` (C, like
``json.dumps(ensure_ascii=False)``). The output is byte-for-byte that of
``json.dumps(user, ensure_ascii=False, separators=(",", ":"))`` (tests check it).
"""

from collections.abc import Callable
from json.encoder import encode_basestring as quote
from typing import Any

Encoder = Callable[[Any], str]


def _name(name: dict[str, str]) -> str:
    return (
        f'{{"title":{quote(name["title"])},"first":{quote(name["first"])},'
        f'"last":{quote(name["last"])}}}'
    )


def _location(location: dict[str, Any]) -> str:
    street = location["street"]
    coordinates = location["coordinates"]
    timezone = location["timezone"]
    return (
        f'{{"street":{{"number":{street["number"]},"name":{quote(street["name"])}}},'
        f'"city":{quote(location["city"])},"state":{quote(location["state"])},'
        f'"country":{quote(location["country"])},"postcode":{quote(location["postcode"])},'
        f'"coordinates":{{"latitude":"{coordinates["latitude"]}",'
        f'"longitude":"{coordinates["longitude"]}"}},'
        f'"timezone":{{"offset":"{timezone["offset"]}",'
        f'"description":{quote(timezone["description"])}}}}}'
    )


def _login(login: dict[str, str]) -> str:
    return (
        f'{{"uuid":"{login["uuid"]}","username":{quote(login["username"])},'
        f'"password":{quote(login["password"])},"salt":"{login["salt"]}",'
        f'"md5":"{login["md5"]}","sha1":"{login["sha1"]}","sha256":"{login["sha256"]}"}}'
    )


def _moment(moment: dict[str, Any]) -> str:
    return f'{{"date":"{moment["date"]}","age":{moment["age"]}}}'


def _identity(identity: dict[str, Any]) -> str:
    value = identity["value"]
    encoded = "null" if value is None else quote(value)
    return f'{{"name":{quote(identity["name"])},"value":{encoded}}}'


def _picture(picture: dict[str, str]) -> str:
    return (
        f'{{"large":{quote(picture["large"])},"medium":{quote(picture["medium"])},'
        f'"thumbnail":{quote(picture["thumbnail"])}}}'
    )


FIELD_ENCODERS: dict[str, Encoder] = {
    "gender": quote,
    "name": _name,
    "location": _location,
    "email": quote,
    "login": _login,
    "dob": _moment,
    "registered": _moment,
    "phone": quote,
    "cell": quote,
    "id": _identity,
    "picture": _picture,
    "nat": quote,
}


def encode_user(user: dict[str, Any]) -> str:
    """Return a generated ``user`` (fields in randomuser's order) as compact JSON."""
    if len(user) == len(FIELD_ENCODERS):
        return _full_user(user)
    fields = ",".join(f'"{field}":{FIELD_ENCODERS[field](value)}' for field, value in user.items())
    return f"{{{fields}}}"


def _full_user(user: dict[str, Any]) -> str:
    # The common case, a third faster written out than dispatched field by field.
    return (
        f'{{"gender":{quote(user["gender"])},"name":{_name(user["name"])},'
        f'"location":{_location(user["location"])},"email":{quote(user["email"])},'
        f'"login":{_login(user["login"])},"dob":{_moment(user["dob"])},'
        f'"registered":{_moment(user["registered"])},"phone":{quote(user["phone"])},'
        f'"cell":{quote(user["cell"])},"id":{_identity(user["id"])},'
        f'"picture":{_picture(user["picture"])},"nat":{quote(user["nat"])}}}'
    )
