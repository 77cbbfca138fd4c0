"""System checks: catch a misconfigured `RANDOMUSER` at start-up, not at the first request."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from randomuser.conf import KNOWN_SETTINGS, randomuser_settings


@register()
def check_randomuser_settings(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """Refuse unknown keys and a quota that is not a non-negative integer."""
    configured = getattr(settings, "RANDOMUSER", {})
    if not isinstance(configured, dict):
        hint = "Set RANDOMUSER = {...}."
        return [Error("RANDOMUSER must be a dict.", hint=hint, id="randomuser.E001")]
    errors: list[CheckMessage] = [
        Error(
            f"Unknown RANDOMUSER setting {key!r}.",
            hint=f"Known settings: {', '.join(sorted(KNOWN_SETTINGS))}.",
            id="randomuser.E002",
        )
        for key in configured
        if key not in KNOWN_SETTINGS
    ]
    quota = randomuser_settings.USERS_PER_5_MINUTES
    if not isinstance(quota, int) or isinstance(quota, bool) or quota < 0:
        errors.append(
            Error(
                "RANDOMUSER['USERS_PER_5_MINUTES'] must be a non-negative integer.",
                hint="For example 20000 (the environment's RANDOMUSER_USERS_PER_5_MINUTES).",
                id="randomuser.E003",
            )
        )
    return errors
