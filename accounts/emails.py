"""The emails of the account lifecycle: plain text, through Django's email framework.

Every link points at the front-end (`ACCOUNTS["FRONTEND_URL"]`), never at the API: the
front-end page reads the key from its query string and posts it to the API.

A message is rendered in the request and handed to a thread of its own that delivers it,
so the answer does not wait for the mail server: how long the mail server takes, or
whether it takes the message at all, cannot tell a caller which addresses have accounts.
The threads are not daemons: a stopping process still delivers what it accepted.
"""

import logging
import smtplib
import threading
import time
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string

from accounts.conf import accounts_settings

logger = logging.getLogger("accounts.mail")

SUBJECTS = {
    "verify": "Confirm your email address",
    "already_registered": "You already have an account",
    "already_verified": "Your email address is already verified",
    "no_account": "No account uses this email address",
    "password_reset": "Reset your password",
    "email_change": "Confirm your new email address",
    "email_in_use": "This email address already has an account",
}


def frontend_link(path: str, **params: str) -> str:
    """Return `FRONTEND_URL` + `path`, with `params` as its query string."""
    base = str(accounts_settings.FRONTEND_URL).rstrip("/")
    query = f"?{urlencode(params)}" if params else ""
    return f"{base}{path}{query}"


def describe(lifetime: timedelta) -> str:
    """Say how long a link lives, in the largest whole unit: "3 days", "1 hour"."""
    seconds = int(lifetime.total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{seconds} seconds"


_delivering: set[threading.Thread] = set()
_delivering_lock = threading.Lock()


def send(template: str, *, to: str, **context: Any) -> None:
    """Render one email and deliver it in the background."""
    body = render_to_string(f"accounts/email/{template}.txt", context).strip() + "\n"
    # The connection is made from the settings of now, not of when the thread runs.
    message = EmailMessage(SUBJECTS[template], body, None, [to], connection=get_connection())
    thread = threading.Thread(target=deliver, args=(message, template), name="accounts-mail")
    with _delivering_lock:
        _delivering.add(thread)
    thread.start()


def deliver(message: EmailMessage, template: str) -> None:
    """Send a message; a failure is logged (without the address or the link), never raised."""
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.error("mail=%s failed: %s", template, type(error).__name__)
    finally:
        with _delivering_lock:
            _delivering.discard(threading.current_thread())


def wait_for_delivery(timeout: float = 10.0) -> None:
    """Wait until every message handed over so far is sent or has failed."""
    deadline = time.monotonic() + timeout
    with _delivering_lock:
        threads = list(_delivering)
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
