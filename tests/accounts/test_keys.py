"""Keys with ids: every algorithm, rotation without logging anyone out, key files, checks."""

import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from rest_framework.test import APIClient

from accounts import checks
from accounts.keys import derived_kid
from tests.accounts.signing import SECRET, key_entry, parts
from tests.helpers import login, refresh_status

LOGIN = "/api/auth/login/"
ME = "/api/auth/me/"
REFRESH = "/api/auth/refresh/"
DEFAULT_CLASSES = ("rest_framework_simplejwt.tokens.AccessToken",)


def use_keys(settings: Any, *entries: dict[str, Any]) -> None:
    settings.ACCOUNTS = {**django_settings.ACCOUNTS, "SIGNING_KEYS": list(entries)}


def me_status(access: str) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client.get(ME).status_code


def test_default_key_id_is_a_hash_never_the_secret(tokens: dict[str, Any]) -> None:
    secret = str(django_settings.SIMPLE_JWT["SIGNING_KEY"])
    header = parts(tokens["access"])[0]
    assert header == {"alg": "HS256", "typ": "JWT", "kid": derived_kid(secret)}
    assert secret not in header["kid"] and secret[:8] not in header["kid"]


@pytest.mark.parametrize("algorithm", ["HS256", "RS256", "ES256", "EdDSA"])
def test_every_algorithm_signs_and_verifies(
    settings: Any, user: Any, password: str, algorithm: str
) -> None:
    use_keys(settings, key_entry("k1", algorithm))
    body = login(password)
    assert parts(body["access"])[0]["alg"] == algorithm
    assert parts(body["access"])[0]["kid"] == "k1"
    assert me_status(body["access"]) == 200
    assert refresh_status(body["refresh"]) == 200


def test_rotation_keeps_old_tokens_until_the_old_key_is_retired(
    settings: Any, user: Any, password: str
) -> None:
    use_keys(settings, key_entry("old", "HS256"))
    old = login(password)
    use_keys(settings, key_entry("old", "HS256", "verify"), key_entry("new", "EdDSA"))
    assert me_status(old["access"]) == 200
    new = login(password)
    assert parts(new["access"])[0]["kid"] == "new"
    use_keys(settings, key_entry("old", "HS256", "retired"), key_entry("new", "EdDSA"))
    assert me_status(old["access"]) == 401
    assert refresh_status(old["refresh"]) == 401
    assert me_status(new["access"]) == 200


def test_a_refresh_during_rotation_moves_the_session_to_the_new_key(
    settings: Any, user: Any, password: str
) -> None:
    use_keys(settings, key_entry("old", "HS256"))
    old = login(password)
    use_keys(settings, key_entry("old", "HS256", "verify"), key_entry("new", "ES256"))
    response = APIClient().post(REFRESH, {"refresh": old["refresh"]}, format="json")
    assert response.status_code == 200
    assert parts(response.json()["refresh"])[0]["kid"] == "new"


def test_the_last_active_key_signs(settings: Any, user: Any, password: str) -> None:
    use_keys(
        settings,
        key_entry("a", "HS256"),
        key_entry("b", "HS256"),
        key_entry("c", "RS256", "verify"),
    )
    assert parts(login(password)["access"])[0]["kid"] == "b"


def test_keys_from_a_file(settings: Any, tmp_path: Path, user: Any, password: str) -> None:
    key_file = tmp_path / "keys.json"
    key_file.write_text(json.dumps([key_entry("filed", "EdDSA")]))
    settings.ACCOUNTS = {**django_settings.ACCOUNTS, "SIGNING_KEYS_FILE": str(key_file)}
    body = login(password)
    assert parts(body["access"])[0]["kid"] == "filed"
    assert me_status(body["access"]) == 200


def error_ids(settings: Any, **accounts: Any) -> set[str]:
    settings.ACCOUNTS = {**django_settings.ACCOUNTS, **accounts}
    found = checks.check_signing_keys() + checks.check_accounts_settings()
    assert all(error.hint for error in found)
    return {error.id for error in found if error.id}


def test_the_configured_keys_pass_the_checks(db: Any) -> None:
    call_command("check")


@pytest.mark.parametrize(
    "keys",
    [
        [],
        "not a list",
        [{"kid": "a", "alg": "HS256", "secret": "short"}],
        [{"kid": "a", "alg": "none", "secret": SECRET}],
        [{"kid": "a", "alg": "HS512", "secret": SECRET}],
        [{"kid": "../etc", "alg": "HS256", "secret": SECRET}],
        [{"kid": "a", "alg": "HS256", "secret": SECRET, "status": "maybe"}],
        [{"kid": "a", "alg": "HS256", "secret": SECRET, "status": "verify"}],
        [key_entry("a", "HS256"), key_entry("a", "HS256")],
        [{"kid": "a", "alg": "RS256", "private": "not a pem"}],
        [{**key_entry("a", "EdDSA"), "alg": "RS256"}],
        [{**key_entry("a", "RS256"), "alg": "ES256"}],
        [{"kid": "a", "alg": "EdDSA"}],
        ["not an object"],
    ],
)
def test_bad_keys_are_check_errors(settings: Any, keys: Any) -> None:
    assert error_ids(settings, SIGNING_KEYS=keys) == {"accounts.E006"}


def test_missing_key_file_is_a_check_error(settings: Any, tmp_path: Path) -> None:
    assert error_ids(settings, SIGNING_KEYS_FILE=str(tmp_path / "nope.json")) == {"accounts.E006"}


def test_key_file_that_is_not_json_is_a_check_error(settings: Any, tmp_path: Path) -> None:
    (tmp_path / "keys.json").write_text("{nope")
    found = error_ids(settings, SIGNING_KEYS_FILE=str(tmp_path / "keys.json"))
    assert found == {"accounts.E006"}


def test_keys_in_two_places_is_a_check_error(settings: Any, tmp_path: Path) -> None:
    key_file = tmp_path / "keys.json"
    key_file.write_text(json.dumps([key_entry("a", "HS256")]))
    found = error_ids(
        settings, SIGNING_KEYS=[key_entry("a", "HS256")], SIGNING_KEYS_FILE=str(key_file)
    )
    assert found == {"accounts.E005"}


def test_default_token_classes_are_fine_with_the_single_default_key(settings: Any) -> None:
    settings.SIMPLE_JWT = {**django_settings.SIMPLE_JWT, "AUTH_TOKEN_CLASSES": DEFAULT_CLASSES}
    assert checks.check_token_classes() == []


def test_token_classes_outside_the_key_set_are_a_check_error(settings: Any) -> None:
    use_keys(settings, key_entry("k1", "EdDSA"))
    settings.SIMPLE_JWT = {
        **django_settings.SIMPLE_JWT,
        "AUTH_TOKEN_CLASSES": DEFAULT_CLASSES,
    }
    assert [error.id for error in checks.check_token_classes()] == ["accounts.E007"]


@pytest.mark.parametrize("rate", ["20", "x/min", "20/fortnight", "/min", 20])
def test_bad_rates_are_check_errors(settings: Any, rate: Any) -> None:
    assert error_ids(settings, LOGIN_RATE_PER_IP=rate) == {"accounts.E008"}


@pytest.mark.parametrize("setting", checks.INTEGER_LIMITS)
@pytest.mark.parametrize("value", [-1, "10", True, None])
def test_bad_limits_are_check_errors(settings: Any, setting: str, value: Any) -> None:
    assert error_ids(settings, **{setting: value}) == {"accounts.E009"}
