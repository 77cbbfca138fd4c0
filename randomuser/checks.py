"""System checks: catch a misconfigured `RANDOMUSER` at start-up, not at the first request."""

from typing import Any

from django.core.checks import CheckMessage, register

from accounts.shared import Apps, SettingRule, check_namespace, non_negative_integer
from randomuser.conf import randomuser_settings

RULES = [
    SettingRule(
        ("USERS_PER_5_MINUTES",),
        non_negative_integer,
        "must be a non-negative integer",
        "For example 20000 (the environment's RANDOMUSER_USERS_PER_5_MINUTES).",
        "randomuser.E003",
    ),
]


@register()
def check_randomuser_settings(app_configs: Apps = None, **kwargs: Any) -> list[CheckMessage]:
    """Refuse unknown keys and a quota that is not a non-negative integer."""
    return check_namespace(randomuser_settings, RULES, app="randomuser")
