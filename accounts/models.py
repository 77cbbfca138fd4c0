"""The user model and the token sessions it logs in with."""

import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


class User(AbstractUser):
    """A Django user whose tokens can all be invalidated at once.

    Every access and refresh token carries the `token_version` it was issued under;
    incrementing it (log out everywhere, password change) makes them all fail.
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

    def save(self, *args: Any, **kwargs: Any) -> None:
        # `_password` holds the new raw password only after a real change through
        # set_password(); hash upgrades at login clear it first, so they keep tokens valid.
        if getattr(self, "_password", None) is not None and self.pk is not None:
            self.token_version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "token_version"}
        super().save(*args, **kwargs)


class RevokeReason(models.TextChoices):
    LOGOUT = "logout", "Logged out"
    LOGOUT_ALL = "logout_all", "Logged out everywhere"
    REUSE_DETECTED = "reuse_detected", "Refresh token reused"
    PASSWORD_CHANGED = "password_changed", "Password changed"
    PASSWORD_RESET = "password_reset", "Password reset by email"
    EMAIL_CHANGED = "email_changed", "Email address changed"
    USER_REVOKED = "user_revoked", "Revoked by the user"
    ADMIN = "admin", "Revoked by an administrator"


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
