"""Sessions: login, single-use refresh with reuse detection, logout and revocation.

A session is a family of refresh tokens. Only the id of the one refresh token that may
be used next is stored; using it swaps in a new id with a single conditional UPDATE (a
compare-and-set), so of several simultaneous refreshes with one token exactly one wins.
Presenting a token the session has moved past revokes the whole session, with one
exception for the user's own tabs racing each other: the token rotated out last,
presented again within `ACCOUNTS["REFRESH_REUSE_GRACE"]` of its rotation, is refused
(`RefreshTokenSuperseded`) without revoking anything. The rotation and the revocation
are each one conditional UPDATE, so the decision never rests on a stale read.
"""

from datetime import datetime
from typing import Any, NoReturn

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from rest_framework_simplejwt.tokens import Token

from accounts import cache
from accounts.claims import SESSION_CLAIM, VERSION_CLAIM
from accounts.conf import accounts_settings, jwt_settings
from accounts.exceptions import (
    RefreshTokenReused,
    RefreshTokenSuperseded,
    SessionExpired,
    SessionNotFound,
    SessionRevoked,
    TokenRevoked,
    UserInactive,
)
from accounts.models import RevokeReason, Session, User
from accounts.signals import Event, emit
from accounts.tokens import TokenPair, new_token_id, token_pair_for


def session_start(*, user: User, user_agent: str = "", ip_address: str | None = None) -> TokenPair:
    """Start a session for a user whose credentials were just checked; sign its tokens.

    The session and the user's `last_login` are written in one transaction: one commit.
    """
    now = timezone.now()
    expires_at = now + accounts_settings.SESSION_ABSOLUTE_LIFETIME
    with transaction.atomic():
        session = Session.objects.create(
            user=user,
            current_jti=new_token_id(),
            created_at=now,
            last_used_at=now,
            expires_at=expires_at,
            refresh_expires_at=min(now + jwt_settings.REFRESH_TOKEN_LIFETIME, expires_at),
            user_agent=user_agent[:200],
            ip_address=ip_address,
        )
        # An UPDATE of one column, without `save()`: authentication never reads it.
        User.objects.filter(pk=user.pk).update(last_login=now)
    user.last_login = now
    emit("login", user_id=user.pk, session_id=session.pk, ip_address=ip_address)
    return token_pair_for(session, now=now)


def session_for_token(token: Token) -> Session:
    """Return the live session a validated refresh token belongs to, or raise."""
    session = Session.objects.select_related("user").filter(pk=token.get(SESSION_CLAIM)).first()
    if session is None:
        raise SessionNotFound
    if not session.user.is_active:
        raise UserInactive
    if session.revoked_at is not None:
        raise SessionRevoked
    if token.get(VERSION_CLAIM) != getattr(session.user, "token_version", None):
        raise TokenRevoked
    if session.expires_at <= timezone.now():
        raise SessionExpired
    return session


def session_check_current(*, token: Token) -> Session:
    """Return the live session of a refresh token that is still its current one."""
    session = session_for_token(token)
    if session.current_jti != token[jwt_settings.JTI_CLAIM]:
        raise RefreshTokenReused
    return session


def session_refresh(*, token: Token) -> TokenPair:
    """Rotate a session's refresh token: the presented one must be the current one."""
    session = session_for_token(token)
    now = timezone.now()
    jti, new_jti = token[jwt_settings.JTI_CLAIM], new_token_id()
    refresh_expires_at = min(now + jwt_settings.REFRESH_TOKEN_LIFETIME, session.expires_at)
    swapped = Session.objects.filter(
        pk=session.pk, current_jti=jti, revoked_at__isnull=True
    ).update(
        current_jti=new_jti,
        previous_jti=jti,
        rotated_at=now,
        last_used_at=now,
        refresh_expires_at=refresh_expires_at,
    )
    if not swapped:
        session_refuse_old_token(session=session, jti=jti, now=now)
    session.current_jti, session.last_used_at = new_jti, now
    session.refresh_expires_at = refresh_expires_at
    emit("refresh", user_id=session.user_id, session_id=session.pk)
    return token_pair_for(session, now=now)


def session_refuse_old_token(*, session: Session, jti: str, now: datetime) -> NoReturn:
    """Refuse a refresh token that `session` has moved past, revoking the session if reused.

    The revocation is one conditional UPDATE that leaves out the grace case, so a rotation
    between the failed swap and this call turns a late tab into reuse, never a replay into
    a late tab.
    """
    reused = Session.objects.filter(pk=session.pk)
    grace = accounts_settings.REFRESH_REUSE_GRACE
    if grace:  # `now` may precede a concurrent winner's rotation: with no grace, test nothing.
        reused = reused.exclude(previous_jti=jti, rotated_at__gt=now - grace)
    if sessions_revoke(reused, reason=RevokeReason.REUSE_DETECTED):
        emit("reuse_detected", user_id=session.user_id, session_id=session.pk)
        raise RefreshTokenReused
    if Session.objects.filter(pk=session.pk, revoked_at__isnull=True).exists():
        emit("refresh_superseded", user_id=session.user_id, session_id=session.pk)
        raise RefreshTokenSuperseded
    raise RefreshTokenReused


def session_logout(*, token: Token) -> None:
    """Revoke the session of a validated refresh token (any token of the family)."""
    session = Session.objects.filter(pk=token.get(SESSION_CLAIM)).first()
    if session is None:
        raise SessionNotFound
    session_revoke(session=session, reason=RevokeReason.LOGOUT, event="logout")


def session_revoke(
    *, session: Session, reason: str, event: Event | None = "session_revoked"
) -> bool:
    """Revoke one session; return whether it was live until now."""
    revoked = sessions_revoke(Session.objects.filter(pk=session.pk), reason=reason)
    if revoked and event:
        emit(event, user_id=session.user_id, session_id=session.pk, reason=reason)
    return bool(revoked)


def sessions_revoke(sessions: QuerySet[Session], *, reason: str) -> int:
    """Revoke every not yet revoked session of a queryset; return how many."""
    live = sessions.filter(revoked_at__isnull=True)
    found = list(live.values_list("pk", "user_id"))
    # The UPDATE repeats the queryset's conditions: they hold when it writes, not just when read.
    count: int = live.filter(pk__in=[session_id for session_id, _ in found]).update(
        revoked_at=timezone.now(), revoke_reason=reason
    )
    cache.users_changed({user_id for _, user_id in found})
    return count


@transaction.atomic
def user_logout_all(*, user: User) -> int:
    """Revoke every session of `user` and every token issued to them until now."""
    locked = locked_user(user)
    locked.token_version += 1
    locked.save(update_fields=["token_version"])
    user.token_version = locked.token_version
    count = sessions_revoke(Session.objects.filter(user=user), reason=RevokeReason.LOGOUT_ALL)
    emit("logout_all", user_id=user.pk, sessions=count)
    return count


def locked_user(user: User) -> User:
    """Return the user's row as the database holds it now, locked until commit.

    The user a request authenticated with may come from the cache: changes start from
    the database's copy, so that they never write back a stale field.
    """
    return User.objects.select_for_update().get(pk=user.pk)


@transaction.atomic
def user_change_password(*, user: User, session_id: Any, new_password: str) -> TokenPair:
    """Change the password, end every other session and re-sign the caller's tokens.

    The caller has checked the current password with `accounts.guard.password_confirm()`.
    """
    user = locked_user(user)
    if not user.is_active:
        raise UserInactive
    user.set_password(new_password)
    user.save()  # A real password change increments the token version.
    others = Session.objects.filter(user=user).exclude(pk=session_id)
    sessions_revoke(others, reason=RevokeReason.PASSWORD_CHANGED)
    session = Session.objects.live().filter(pk=session_id, user=user).first()
    if session is None:
        raise SessionRevoked
    session.current_jti = new_token_id()
    session.save(update_fields=["current_jti"])
    session.user = user
    emit("password_changed", user_id=user.pk, session_id=session.pk)
    return token_pair_for(session, now=timezone.now())


def user_deactivate(*, user: User) -> None:
    """Deactivate the user: their tokens fail now and stay revoked if they come back.

    The model's `save()` revokes every session in the same transaction: the access tokens
    fail because the user is inactive, and the refresh tokens because their sessions are
    revoked, which reactivation does not undo.
    """
    user.is_active = False
    user.save(update_fields=["is_active"])


def sessions_delete_stale(*, now: datetime | None = None) -> int:
    """Delete expired sessions and those revoked longer ago than the retention period."""
    now = now or timezone.now()
    revoked_before = now - accounts_settings.REVOKED_SESSION_RETENTION
    stale = (
        Session.objects.filter(expires_at__lte=now)
        | Session.objects.filter(refresh_expires_at__lte=now)
        | Session.objects.filter(revoked_at__lte=revoked_before)
    )
    deleted, _ = stale.delete()
    return deleted
