"""The keys sent by email: single use, with a lifetime, never stored.

- A verification key and an email-change key are signed (`django.core.signing`) and carry
  the user's id and the addresses they are about; they stop working once the account no
  longer matches them (verified, or the address changed), so each works once.
- A password-reset token is Django's `PasswordResetTokenGenerator` (lifetime
  `PASSWORD_RESET_TIMEOUT`), whose hash also covers the token version: setting a password,
  logging out everywhere or an email change ends it.
"""

from datetime import timedelta
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import signing
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from accounts.exceptions import EmailKeyError, EmailKeyExpired, EmailKeyUsed, ResetTokenInvalid
from accounts.models import User

VERIFY_SALT = "accounts.email-verification"
CHANGE_SALT = "accounts.email-change"


def verification_key(user: User) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=VERIFY_SALT)


def email_change_key(user: User, new_email: str) -> str:
    payload = {"user": user.pk, "email": user.email, "new_email": new_email}
    return signing.dumps(payload, salt=CHANGE_SALT)


def read_key(key: str, *, salt: str, lifetime: timedelta) -> dict[str, Any]:
    """Return a signed key's payload; raise if it is forged or older than `lifetime`."""
    try:
        payload = signing.loads(key, salt=salt, max_age=lifetime)
    except signing.SignatureExpired as error:
        raise EmailKeyExpired from error
    except signing.BadSignature as error:
        raise EmailKeyError from error
    if not isinstance(payload, dict):
        raise EmailKeyError
    return payload


def user_for_key(payload: dict[str, Any]) -> User:
    user_id = payload.get("user")
    user = User.objects.filter(pk=user_id, is_active=True).first() if user_id else None
    if user is None:
        raise EmailKeyError
    return user


def user_for_verification_key(key: str, *, lifetime: timedelta) -> User:
    """Return the user whose address this key verifies; raise if it cannot be used."""
    payload = read_key(key, salt=VERIFY_SALT, lifetime=lifetime)
    user = user_for_key(payload)
    if user.email != payload.get("email"):
        raise EmailKeyError  # The address changed since the key was sent.
    if user.email_verified:
        raise EmailKeyUsed
    return user


def email_change_for_key(key: str, *, lifetime: timedelta) -> tuple[User, str]:
    """Return the user and the new address of an email-change key; raise if unusable."""
    payload = read_key(key, salt=CHANGE_SALT, lifetime=lifetime)
    user, new_email = user_for_key(payload), payload.get("new_email")
    if not isinstance(new_email, str):
        raise EmailKeyError
    if user.email == new_email:
        raise EmailKeyUsed
    if user.email != payload.get("email"):
        raise EmailKeyError  # Another change happened since the key was sent.
    return user, new_email


class ResetTokenGenerator(PasswordResetTokenGenerator):
    """Django's reset tokens, also ended by anything that ends the user's tokens."""

    key_salt = "accounts.password-reset"

    def _make_hash_value(self, user: AbstractBaseUser, timestamp: int) -> str:
        version = getattr(user, "token_version", 0)
        base = super()._make_hash_value(user, timestamp)  # type: ignore[arg-type]
        return f"{base}{version}"


reset_tokens = ResetTokenGenerator()


def reset_uid(user: User) -> str:
    return urlsafe_base64_encode(force_bytes(user.pk))


def user_for_reset_token(uid: str, token: str) -> User:
    """Return the active user of a valid reset link; raise `ResetTokenInvalid` otherwise."""
    try:
        user_id = force_str(urlsafe_base64_decode(uid))
        user = User.objects.filter(pk=int(user_id), is_active=True).first()
    except (ValueError, TypeError, OverflowError):
        user = None
    if user is None or not reset_tokens.check_token(user, token):
        raise ResetTokenInvalid
    return user
