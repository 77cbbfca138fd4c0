"""The user model and the token sessions it logs in with."""

import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models, router, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac


class User(AbstractUser):
    """A Django user whose tokens can all be invalidated at once.

    Every access and refresh token carries the `token_version` it was issued under;
    incrementing it (log out everywhere, password change) makes them all fail.
    Deactivating a user through `save()` revokes every session in the same transaction,
    so that reactivating them later brings none of their tokens back.
    `QuerySet.update(is_active=False)` does not: deactivate through `save()`.
    """

    token_version = models.PositiveIntegerField(default=0, editable=False)
    # Accounts made by an administrator, `createsuperuser` or `create_user` count as
    # verified: whoever made them vouched for the address. Self-service sign-up starts
    # unverified; so did no account before this field existed.
    email_verified = models.BooleanField(
        "email verified",
        default=True,
        help_text="Whether the owner of the email address has confirmed it.",
    )

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        # Django ends a user's sessions (admin, browsable API) when this hash changes, as a
        # password change does; mixing in `token_version` ends them with every token too.
        return salted_hmac(
            "accounts.User.session_auth_hash",
            f"{self.password}:{self.token_version}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        # `_password` holds the new raw password only after a real change through
        # set_password(); hash upgrades at login clear it first, so they keep tokens valid.
        password_changed = getattr(self, "_password", None) is not None and self.pk is not None
        deactivating = self.is_being_deactivated(update_fields)
        if password_changed:
            self.token_version += 1
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "token_version"}
        if not deactivating:
            super().save(*args, **kwargs)
            return
        with transaction.atomic(using=kwargs.get("using") or router.db_for_write(type(self))):
            super().save(*args, **kwargs)
            self.token_sessions.filter(revoked_at__isnull=True).update(
                revoked_at=timezone.now(), revoke_reason=RevokeReason.DEACTIVATED
            )

    def is_being_deactivated(self, update_fields: Any) -> bool:
        """Whether this save turns an active user in the database into an inactive one."""
        if self.is_active or self.pk is None:
            return False
        if update_fields is not None and "is_active" not in update_fields:
            return False
        return type(self)._default_manager.filter(pk=self.pk, is_active=True).exists()


class RevokeReason(models.TextChoices):
    LOGOUT = "logout", "Logged out"
    LOGOUT_ALL = "logout_all", "Logged out everywhere"
    REUSE_DETECTED = "reuse_detected", "Refresh token reused"
    PASSWORD_CHANGED = "password_changed", "Password changed"
    PASSWORD_RESET = "password_reset", "Password reset by email"
    EMAIL_CHANGED = "email_changed", "Email address changed"
    USER_REVOKED = "user_revoked", "Revoked by the user"
    ADMIN = "admin", "Revoked by an administrator"
    DEACTIVATED = "deactivated", "User deactivated"


class SessionQuerySet(models.QuerySet["Session"]):
    def live(self) -> "SessionQuerySet":
        now = timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now, refresh_expires_at__gt=now)


class Session(models.Model):
    """A login: the family of refresh tokens that rotate from it.

    Only ids (`jti`) are stored, never a token itself: the one refresh token that may be
    used next, and the one it replaced.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="token_sessions"
    )
    current_jti = models.CharField("current refresh token id", max_length=64)
    previous_jti = models.CharField(
        "previous refresh token id",
        max_length=64,
        blank=True,
        help_text="The refresh token rotated out last (a late tab may still present it).",
    )
    rotated_at = models.DateTimeField(
        null=True, blank=True, help_text="When the previous refresh token was rotated out."
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(help_text="The absolute end, however often it refreshes.")
    refresh_expires_at = models.DateTimeField(help_text="When the current refresh token expires.")
    user_agent = models.CharField(max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.CharField(max_length=32, choices=RevokeReason.choices, blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        # Not "sessions": Django's own sessions app sits next to it in the admin.
        verbose_name = "token session"
        verbose_name_plural = "token sessions"
        ordering = ["-last_used_at"]
        indexes = [models.Index(fields=["user", "revoked_at"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.client_label}"

    @property
    def client_label(self) -> str:
        return f"{self.user_agent or 'unknown client'} from {self.ip_address or 'unknown address'}"

    @property
    def is_live(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and self.expires_at > now and self.refresh_expires_at > now
