"""The account lifecycle: sign-up, email verification, password reset, email change, deletion.

Every request that names an email address sends exactly one email to it, whatever the
state of the accounts behind it (none, unverified, verified), and does the same hashing
work: the answer and its timing do not tell which addresses have accounts.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest

from accounts import cache, emails, guard, lockout
from accounts.conf import accounts_settings
from accounts.email_tokens import (
    email_change_for_key,
    email_change_key,
    reset_tokens,
    reset_uid,
    user_for_verification_key,
    verification_key,
)
from accounts.exceptions import EmailKeyUsed, EmailTaken, ResetTokenInvalid
from accounts.models import RevokeReason, Session, User
from accounts.services import sessions_revoke
from accounts.signals import emit

FORGOT_PASSWORD_PATH = "/forgot-password"


class UsernameTaken(Exception):
    """Another account already has this username."""


class EmailUnchanged(Exception):
    """The new email address is the current one."""


def login_allowed(user: User) -> bool:
    """With mandatory verification, only users whose address is verified may log in."""
    return accounts_settings.EMAIL_VERIFICATION != "mandatory" or user.email_verified


def address_taken(email: str, *, exclude: User | None = None) -> bool:
    users = User.objects.filter(email__iexact=email)
    return (users.exclude(pk=exclude.pk) if exclude else users).exists()


def user_register(*, username: str, email: str, password: str) -> User | None:
    """Create a self-service account; return it, or None if the address already has one.

    With mandatory verification a taken address is answered like a new one: the hasher
    runs all the same and the address gets an email saying it already has an account.
    Otherwise the new account is usable at once, so a taken address raises `EmailTaken`.
    """
    if User.objects.filter(username__iexact=username).exists():
        raise UsernameTaken
    if address_taken(email):
        if accounts_settings.EMAIL_VERIFICATION != "mandatory":
            raise EmailTaken
        make_password(password)
        emails.send("already_registered", to=email, link=emails.frontend_link(FORGOT_PASSWORD_PATH))
        return None
    try:
        user = User.objects.create_user(
            username=username, email=email, password=password, email_verified=False
        )
    except IntegrityError as error:  # A sign-up with the same username won a race.
        raise UsernameTaken from error
    emit("registered", user_id=user.pk)
    if accounts_settings.EMAIL_VERIFICATION != "none":
        user_send_verification(user=user)
    return user


def user_send_verification(*, user: User) -> None:
    link = emails.frontend_link("/verify-email", key=verification_key(user))
    lifetime = emails.describe(accounts_settings.EMAIL_VERIFICATION_LIFETIME)
    emails.send("verify", to=user.email, user=user, link=link, lifetime=lifetime)


def user_verify_email(*, key: str) -> User:
    """Mark the address of a verification key verified (once)."""
    lifetime = accounts_settings.EMAIL_VERIFICATION_LIFETIME
    user = user_for_verification_key(key, lifetime=lifetime)
    # Compare-and-set: of two uses of one key at the same time, one succeeds.
    verified = User.objects.filter(pk=user.pk, email=user.email, email_verified=False).update(
        email_verified=True
    )
    if not verified:
        raise EmailKeyUsed
    cache.user_changed(user.pk)
    user.email_verified = True
    emit("email_verified", user_id=user.pk)
    return user


def verification_resend(*, email: str) -> None:
    """Send a new verification link, or say why none is needed."""
    users = User.objects.filter(email__iexact=email, is_active=True)
    user = users.order_by("email_verified").first()  # An unverified account first.
    if user is None:
        emails.send("no_account", to=email, link=emails.frontend_link("/register"))
    elif user.email_verified:
        link = emails.frontend_link(FORGOT_PASSWORD_PATH)
        emails.send("already_verified", to=email, link=link)
    else:
        user_send_verification(user=user)


def password_reset_request(*, email: str) -> None:
    """Email a reset link to each active account with this address (or say there is none).

    Unverified addresses get it too: the link goes to the address, so only its owner can
    use it, and using it verifies the address.
    """
    users = list(User.objects.filter(email__iexact=email, is_active=True))
    if not users:
        emails.send("no_account", to=email, link=emails.frontend_link("/register"))
    lifetime = emails.describe(timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT))
    for user in users:
        token = reset_tokens.make_token(user)
        link = emails.frontend_link("/reset-password", uid=reset_uid(user), token=token)
        emails.send("password_reset", to=user.email, user=user, link=link, lifetime=lifetime)
        emit("password_reset_requested", user_id=user.pk)


def user_reset_password(*, user: User, new_password: str) -> int:
    """Set the password of a checked reset link; end every session; return how many."""
    old_hash = user.password
    with transaction.atomic():
        # Compare-and-set on the old hash: a reset link works once, even when raced.
        swapped = User.objects.filter(pk=user.pk, password=old_hash).update(
            password=make_password(new_password),
            token_version=F("token_version") + 1,
            email_verified=True,
        )
        if not swapped:
            raise ResetTokenInvalid
        cache.user_changed(user.pk)
        count = sessions_revoke(
            Session.objects.filter(user=user), reason=RevokeReason.PASSWORD_RESET
        )
    lockout.account_unlock(username=user.get_username())
    emit("password_reset", user_id=user.pk, sessions=count)
    return count


def email_change_request(*, user: User, new_email: str) -> None:
    """Email a confirmation link to the new address (or say it already has an account)."""
    if new_email.casefold() == user.email.casefold():
        raise EmailUnchanged
    if address_taken(new_email, exclude=user):
        link = emails.frontend_link(FORGOT_PASSWORD_PATH)
        emails.send("email_in_use", to=new_email, link=link)
        return
    link = emails.frontend_link("/confirm-email", key=email_change_key(user, new_email))
    lifetime = emails.describe(accounts_settings.EMAIL_CHANGE_LIFETIME)
    emails.send("email_change", to=new_email, user=user, link=link, lifetime=lifetime)
    emit("email_change_requested", user_id=user.pk)


def email_change_confirm(*, key: str, keep_session_id: Any = None) -> User:
    """Move the account to the key's new address; end every session but `keep_session_id`."""
    lifetime = accounts_settings.EMAIL_CHANGE_LIFETIME
    user, new_email = email_change_for_key(key, lifetime=lifetime)
    if address_taken(new_email, exclude=user):
        raise EmailTaken
    with transaction.atomic():
        changed = User.objects.filter(pk=user.pk, email=user.email).update(
            email=new_email, email_verified=True
        )
        if not changed:
            raise EmailKeyUsed
        cache.user_changed(user.pk)
        others = Session.objects.filter(user=user).exclude(pk=keep_session_id)
        count = sessions_revoke(others, reason=RevokeReason.EMAIL_CHANGED)
    emit("email_changed", user_id=user.pk, sessions=count)
    user.refresh_from_db()
    return user


def user_delete(*, request: HttpRequest, user: User, password: str) -> None:
    """Delete the account after checking its password (through the password guard).

    Every token dies with it. Raise `PasswordRejected` or `TooManyAttempts`.
    """
    guard.password_confirm(request=request, user=user, password=password, action="account_delete")
    user_id = user.pk
    with transaction.atomic():
        sessions_revoke(Session.objects.filter(user=user), reason=RevokeReason.USER_REVOKED)
        user.delete()
    emit("account_deleted", user_id=user_id)
