"""The key set's token backend is a whole SimpleJWT backend, reached through SimpleJWT's hook."""

from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings
from rest_framework_simplejwt.backends import TokenBackend
from rest_framework_simplejwt.exceptions import TokenBackendError, TokenBackendExpiredToken

from accounts.token_backend import KeySetTokenBackend, token_backend
from accounts.tokens import AccessToken, RefreshToken
from tests.accounts.signing import key_entry


@pytest.mark.parametrize("algorithm", ["HS256", "RS256", "EdDSA"])
def test_inherited_methods_work_on_the_instance(settings: Any, user: Any, algorithm: str) -> None:
    settings.ACCOUNTS = {**settings.ACCOUNTS, "SIGNING_KEYS": [key_entry("k1", algorithm)]}
    backend = token_backend()
    signed = str(RefreshToken.for_user(user))
    # SimpleJWT's own decode and encode, with the keys the backend gave its parent.
    claims = TokenBackend.decode(backend, signed)  # type: ignore[arg-type]  # Typed as a Token.
    assert claims["user_id"] == str(user.pk)
    resigned = TokenBackend.encode(backend, claims)
    assert TokenBackend.decode(backend, resigned) == claims  # type: ignore[arg-type]
    assert backend.algorithm == algorithm
    assert backend.get_leeway().total_seconds() == 0


def test_tokens_use_the_backend_of_the_current_settings(user: Any) -> None:
    assert isinstance(AccessToken().token_backend, KeySetTokenBackend)
    assert AccessToken().token_backend is token_backend()
    before = token_backend()
    with override_settings(SIMPLE_JWT={**settings.SIMPLE_JWT, "ISSUER": "https://issuer"}):
        assert token_backend() is not before
        assert AccessToken().token_backend.issuer == "https://issuer"
    assert token_backend().issuer is None


def test_the_backend_refuses_a_token_from_its_expiry_on(tokens: dict[str, Any]) -> None:
    """RFC 7519 §4.1.4: valid only before `exp`; the backend checks it, not only SimpleJWT."""
    signed = tokens["access"]
    exp = token_backend().decode(signed, verify=False)["exp"]
    with time_machine.travel(exp - 1, tick=False):
        assert token_backend().decode(signed)["exp"] == exp
    with time_machine.travel(exp, tick=False), pytest.raises(TokenBackendExpiredToken):
        token_backend().decode(signed)


def test_the_backend_admits_a_token_from_its_iat_on(tokens: dict[str, Any]) -> None:
    """RFC 7519 §4.1.5-6: not valid before it was issued, valid from that second."""
    signed = tokens["access"]
    iat = token_backend().decode(signed, verify=False)["iat"]
    with time_machine.travel(iat, tick=False):
        assert token_backend().decode(signed)["iat"] == iat
    with time_machine.travel(iat - 1, tick=False), pytest.raises(TokenBackendError):
        token_backend().decode(signed)
