"""Argon2id at OWASP's parameters, upgrades of older hashes, no timing oracle at login."""

from typing import Any
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import Argon2PasswordHasher, make_password
from django.test import override_settings
from rest_framework.test import APIClient

from accounts.hashers import OWASPArgon2idPasswordHasher
from jwtsite import settings as project_settings

PRODUCTION_HASHERS = [
    "accounts.hashers.OWASPArgon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
OWASP_PREFIX = "argon2$argon2id$v=19$m=19456,t=2,p=1$"


def log_in(password: str, username: str = "alice") -> Any:
    body = {"username": username, "password": password}
    return APIClient().post("/api/auth/login/", body, format="json")


def test_the_project_hashes_with_owasp_argon2id_first() -> None:
    assert project_settings.PASSWORD_HASHERS[0] == "accounts.hashers.OWASPArgon2idPasswordHasher"
    assert (
        "django.contrib.auth.hashers.Argon2PasswordHasher" not in project_settings.PASSWORD_HASHERS
    )


@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_new_passwords_use_owasp_parameters() -> None:
    assert make_password("a passphrase").startswith(OWASP_PREFIX)


@pytest.mark.parametrize(
    "old_hash",
    [
        lambda password: make_password(password, hasher="pbkdf2_sha256"),
        lambda password: Argon2PasswordHasher().encode(password, "saltsaltsaltsalt"),
    ],
    ids=["pbkdf2", "argon2-django-defaults"],
)
@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_older_hashes_upgrade_at_the_next_login(user: Any, password: str, old_hash: Any) -> None:
    user.password = old_hash(password)
    user.save()
    assert not user.password.startswith(OWASP_PREFIX)
    assert log_in(password).status_code == 200
    user.refresh_from_db()
    assert user.password.startswith(OWASP_PREFIX)


def hasher_calls(password: str, username: str = "alice") -> int:
    hasher = OWASPArgon2idPasswordHasher
    with (
        mock.patch.object(hasher, "encode", autospec=True, side_effect=hasher.encode) as encode,
        mock.patch.object(hasher, "verify", autospec=True, side_effect=hasher.verify) as verify,
    ):
        log_in(password, username)
    return encode.call_count + verify.call_count


@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_unknown_known_and_locked_accounts_cost_one_hash(settings: Any, db: Any) -> None:
    get_user_model().objects.create_user(username="alice", password="the right one")
    assert hasher_calls("the right one") == 1
    assert hasher_calls("a wrong one") == 1
    assert hasher_calls("any", username="nobody") == 1
    settings.ACCOUNTS = {**settings.ACCOUNTS, "LOCKOUT_FAILURES": 1}
    log_in("a wrong one")
    assert log_in("the right one").status_code == 401
    assert hasher_calls("the right one") == 1
