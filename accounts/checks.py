"""System checks: catch a misconfigured `accounts` at start-up, not at the first login."""

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import CheckMessage, Error, register

from accounts.conf import DEFAULTS, accounts_settings


@register()
def check_accounts_settings(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """Refuse unknown keys and values of the wrong type in `settings.ACCOUNTS`."""
    configured = getattr(settings, "ACCOUNTS", {})
    if not isinstance(configured, dict):
        return [Error("ACCOUNTS must be a dict.", hint="Set ACCOUNTS = {...}.", id="accounts.E001")]
    errors: list[CheckMessage] = [
        Error(
            f"Unknown ACCOUNTS setting {key!r}.",
            hint=f"Known settings: {', '.join(sorted(DEFAULTS))}.",
            id="accounts.E002",
        )
        for key in configured
        if key not in DEFAULTS
    ]
    for key in ("SESSION_ABSOLUTE_LIFETIME", "REVOKED_SESSION_RETENTION"):
        if not isinstance(getattr(accounts_settings, key), timedelta):
            errors.append(
                Error(
                    f"ACCOUNTS[{key!r}] must be a datetime.timedelta.",
                    hint="For example timedelta(days=30).",
                    id="accounts.E003",
                )
            )
    return errors


@register()
def check_user_model(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """The user model must carry the token version that logout-all increments."""
    if hasattr(get_user_model(), "token_version"):
        return []
    return [
        Error(
            "The user model has no 'token_version' field.",
            hint="Set AUTH_USER_MODEL = 'accounts.User' or add that field to your model.",
            id="accounts.E004",
        )
    ]
