"""Strict claims: with the real key, every malformed claim is a 401, never a 500 or a user.

Only a leaked key can sign these, so each case is defence in depth. The positive control
re-signs the genuine claims with the same key and hand-made signer: they are accepted.
"""

from typing import Any

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from tests.accounts.signing import hs256, parts
from tests.helpers import bearer

ME = "/api/auth/me/"
MISSING = object()


def shown(value: Any) -> str:
    return "missing" if value is MISSING else repr(value)


def resign(token: str, **changes: Any) -> str:
    """Re-sign `token` with the real key after changing claims (MISSING removes one)."""
    header, claims, _ = parts(token)
    claims = {**claims, **changes}
    claims = {name: value for name, value in claims.items() if value is not MISSING}
    return hs256(header, claims, str(settings.SIMPLE_JWT["SIGNING_KEY"]).encode())


def assert_refused(response: Any) -> None:
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_the_genuine_claims_re_signed_are_accepted(
    tokens: dict[str, Any], events: list[Any]
) -> None:
    assert bearer(resign(tokens["access"])).get(ME).status_code == 200
    assert (
        APIClient()
        .post("/api/auth/refresh/", {"refresh": resign(tokens["refresh"])}, format="json")
        .status_code
        == 200
    )
    assert not [event for event in events if event["event"] == "token_claims_invalid"]


TIMESTAMPS = ["9999999999", 10**30, 9999999999.5, True, None, -1, [1]]


@pytest.mark.parametrize("claim", ["exp", "iat", "nbf"])
@pytest.mark.parametrize("value", TIMESTAMPS, ids=repr)
def test_timestamps_must_be_integers_in_range(
    tokens: dict[str, Any], claim: str, value: Any, events: list[Any]
) -> None:
    assert_refused(bearer(resign(tokens["access"], **{claim: value})).get(ME))
    assert events[-1]["event"] == "token_claims_invalid"
    assert events[-1]["kid"] == parts(tokens["access"])[0]["kid"]


@pytest.mark.parametrize("path", ["/api/auth/refresh/", "/api/auth/logout/", "/api/auth/verify/"])
@pytest.mark.parametrize("value", ["9999999999", 10**30], ids=repr)
def test_a_malformed_exp_is_a_401_on_the_token_endpoints(
    tokens: dict[str, Any], path: str, value: Any
) -> None:
    field = "token" if path.endswith("verify/") else "refresh"
    token = resign(tokens["refresh"], exp=value)
    assert_refused(APIClient().post(path, {field: token}, format="json"))


FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def user_id_forms(pk: int) -> list[Any]:
    full_width = str(pk).translate(FULL_WIDTH_DIGITS)
    return [pk, float(pk), True, f"{pk} ", f" {pk}", f"0{pk}", f"+{pk}", full_width, ""]


def test_the_user_id_must_be_the_canonical_primary_key(tokens: dict[str, Any], user: Any) -> None:
    for value in user_id_forms(user.pk):
        assert_refused(bearer(resign(tokens["access"], user_id=value)).get(ME))


@pytest.mark.parametrize(
    "sid",
    [MISSING, None, "garbage", 42, "", "00000000-0000-0000-0000-00000000000G"],
    ids=shown,
)
def test_access_tokens_need_a_well_formed_session_id(tokens: dict[str, Any], sid: Any) -> None:
    assert_refused(bearer(resign(tokens["access"], sid=sid)).get(ME))


def test_a_session_id_in_another_spelling_is_refused(tokens: dict[str, Any]) -> None:
    sid = parts(tokens["access"])[1]["sid"]
    for spelling in (sid.upper(), sid.replace("-", ""), "{" + sid + "}"):
        assert_refused(bearer(resign(tokens["access"], sid=spelling)).get(ME))


@pytest.mark.parametrize("ver", [MISSING, None, False, 0.0, "0", -1], ids=shown)
def test_access_tokens_need_an_integer_version(tokens: dict[str, Any], ver: Any) -> None:
    assert_refused(bearer(resign(tokens["access"], ver=ver)).get(ME))


@pytest.mark.parametrize("claim", ["jti", "token_type"])
def test_token_id_and_type_are_required(tokens: dict[str, Any], claim: str) -> None:
    assert_refused(bearer(resign(tokens["access"], **{claim: MISSING})).get(ME))
