"""Strict claims: the exact shape of the tokens we sign, checked once per token.

A token's signature proves who signed it, not that its claims are well-formed; only a
leaked key could produce a malformed one, so every check here is defence in depth. Our
tokens carry exactly these types (RFC 7519 §4.1 for the registered claims):

- `exp` and `iat` (required) and `nbf` (if present): integers, not booleans, between
  0 and 253402300799 (the end of year 9999, the last second `datetime` can hold);
- `token_type`: `access` or `refresh`; `jti`: a non-empty string;
- the user id claim: a string in the canonical form of the user model's primary key
  (what SimpleJWT's `for_user()` writes: `str(pk)`), so `true`, `3.0`, `"03"`, `"3 "`,
  `"+3"` or a full-width `"３"` never stand for user 3, nor fill the cache under
  another key;
- `sid`: the canonical form of a session's primary key; `ver`: an integer ≥ 0.

`validate_claims()` raises `InvalidClaims` (a PyJWT `InvalidTokenError`, so the token
backend answers it like any other invalid token: 401 `token_not_valid`).
"""

from collections.abc import Mapping
from typing import Any

import jwt
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Field

from accounts.conf import jwt_settings
from accounts.models import Session

MAX_TIMESTAMP = 253402300799
TOKEN_TYPES = ("access", "refresh")
SESSION_CLAIM = "sid"
VERSION_CLAIM = "ver"


class InvalidClaims(jwt.InvalidTokenError):
    """A correctly signed token whose claims are not the shape we sign."""


def validate_claims(claims: Mapping[str, Any]) -> None:
    """Refuse claims that are not exactly the shape of the tokens we sign."""
    settings = jwt_settings
    for name in ("exp", "iat", "nbf"):
        if (name in claims or name != "nbf") and not is_timestamp(claims.get(name)):
            raise InvalidClaims(f"The {name!r} claim is not a timestamp.")
    if claims.get(settings.TOKEN_TYPE_CLAIM) not in TOKEN_TYPES:
        raise InvalidClaims("Unknown token type.")
    if not isinstance(claims.get(settings.JTI_CLAIM), str) or not claims[settings.JTI_CLAIM]:
        raise InvalidClaims("The token has no id.")
    user_id_field = get_user_model()._meta.get_field(settings.USER_ID_FIELD)
    if not is_canonical(claims.get(settings.USER_ID_CLAIM), user_id_field):
        raise InvalidClaims("The user id is not in its canonical form.")
    if not is_canonical(claims.get(SESSION_CLAIM), Session._meta.pk):
        raise InvalidClaims("The session id is missing or malformed.")
    if not is_count(claims.get(VERSION_CLAIM)):
        raise InvalidClaims("The token version is missing or not an integer.")


def is_timestamp(value: Any) -> bool:
    return is_count(value) and value <= MAX_TIMESTAMP


def is_count(value: Any) -> bool:
    """An integer ≥ 0 (JSON's `true` is a Python bool, a subclass of int: refused)."""
    return type(value) is int and value >= 0


def is_canonical(value: Any, field: Any) -> bool:
    """Tell whether `value` is the string `str(pk)` of some value of the key `field`."""
    if not isinstance(value, str) or not isinstance(field, Field):
        return False
    try:
        return str(field.to_python(value)) == value
    except (ValidationError, ValueError, TypeError):
        return False
