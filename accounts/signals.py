"""Security events, and the receivers that keep the authentication cache fresh."""

import logging
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from accounts import cache

logger = logging.getLogger("accounts.security")

#: Sent for every security event with `event` (one of EVENTS), `user_id`, `session_id`
#: and, where known, `ip_address`. Never carries a token or a password.
security_event = Signal()

EVENTS = (
    "login",
    "login_failed",
    "refresh",
    "reuse_detected",
    "logout",
    "logout_all",
    "password_changed",
    "session_revoked",
    "account_locked",
    "registered",
    "email_verified",
    "password_reset_requested",
    "password_reset",
    "email_change_requested",
    "email_changed",
    "account_deleted",
)

WARNING_EVENTS = ("reuse_detected", "login_failed", "account_locked")


def emit(event: str, *, user_id: Any = None, session_id: Any = None, **extra: Any) -> None:
    """Send `security_event` and write one structured log line for it."""
    fields = {"user_id": user_id, "session_id": str(session_id) if session_id else None, **extra}
    security_event.send(sender=None, event=event, **fields)
    text = " ".join(f"{key}={value}" for key, value in fields.items() if value is not None)
    level = logging.WARNING if event in WARNING_EVENTS else logging.INFO
    logger.log(level, "event=%s %s", event, text, extra={"event": event, **fields})


@receiver(post_save, dispatch_uid="accounts.forget_saved_user")
@receiver(post_delete, dispatch_uid="accounts.forget_deleted_user")
def forget_changed_user(sender: type, instance: Any, **kwargs: Any) -> None:
    if sender is get_user_model():
        cache.forget_user(instance.pk)
