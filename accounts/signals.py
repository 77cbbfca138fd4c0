"""Security events, and the receivers that keep the authentication cache fresh."""

import json
import logging
import re
from typing import Any, Literal, get_args

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from accounts import cache

logger = logging.getLogger("accounts.security")

#: Sent for every security event with `event` (an `Event`), `user_id`, `session_id`
#: and, where known, `ip_address` and `username` (as typed, on failed password checks).
#: Never carries a token or a password.
security_event = Signal()

Event = Literal[
    "login",
    "login_failed",
    "admin_login_failed",
    "password_change_failed",
    "email_change_failed",
    "account_delete_failed",
    "refresh",
    "refresh_superseded",
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
    "token_claims_invalid",
    "request_malformed",
]
EVENTS: tuple[Event, ...] = get_args(Event)
# A superseded refresh is rare from a client that coordinates its tabs, and is what a
# thief's replay right after the owner's refresh looks like: worth a warning.
WARNING_EVENTS: tuple[Event, ...] = (
    "reuse_detected",
    "refresh_superseded",
    "login_failed",
    "admin_login_failed",
    "password_change_failed",
    "email_change_failed",
    "account_delete_failed",
    "account_locked",
    "token_claims_invalid",
)

# Values written bare in the log line; anything else (a username with spaces or line
# breaks, say) is quoted as JSON, so no value can forge another field or line.
PLAIN_VALUE = re.compile(r"[\w.:@/+-]*")


def log_value(value: Any) -> str:
    text = str(value)
    return text if PLAIN_VALUE.fullmatch(text) else json.dumps(text)


def emit(event: Event, *, user_id: Any = None, session_id: Any = None, **extra: Any) -> None:
    """Send `security_event` and write one structured log line for it."""
    fields = {"user_id": user_id, "session_id": str(session_id) if session_id else None, **extra}
    security_event.send(sender=None, event=event, **fields)
    text = " ".join(
        f"{key}={log_value(value)}" for key, value in fields.items() if value is not None
    )
    level = logging.WARNING if event in WARNING_EVENTS else logging.INFO
    logger.log(level, "event=%s %s", event, text, extra={"event": event, **fields})


@receiver(post_save, dispatch_uid="accounts.user_saved")
def user_saved(
    sender: type, instance: Any, created: bool, update_fields: Any = None, **kwargs: Any
) -> None:
    """Mark the saved user's authentication state stale, unless only uncached fields changed.

    A new user has no state to mark: user ids are never reused.
    """
    if sender is not get_user_model() or created:
        return
    if update_fields is None or not set(update_fields) <= cache.UNCACHED_FIELDS:
        cache.user_changed(instance.pk)


@receiver(post_delete, dispatch_uid="accounts.user_deleted")
def user_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    if sender is get_user_model():
        cache.user_changed(instance.pk)
