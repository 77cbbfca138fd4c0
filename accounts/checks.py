"""System checks: catch a misconfigured `accounts` at start-up, not at the first login."""

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import CheckMessage, Error, Warning, register

from accounts.conf import KNOWN_SETTINGS, accounts_settings, jwt_settings
from accounts.keys import KeyConfigError
from accounts.processes import cache_is_process_local
from accounts.throttling import parse_rate
from accounts.token_backend import key_set


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
            hint=f"Known settings: {', '.join(sorted(KNOWN_SETTINGS))}.",
            id="accounts.E002",
        )
        for key in configured
        if key not in KNOWN_SETTINGS
    ]
    for key in ("SESSION_ABSOLUTE_LIFETIME", "REVOKED_SESSION_RETENTION", "REFRESH_REUSE_GRACE"):
        value = getattr(accounts_settings, key)
        if not isinstance(value, timedelta) or value < timedelta(0):
            errors.append(
                Error(
                    f"ACCOUNTS[{key!r}] must be a non-negative datetime.timedelta.",
                    hint="For example timedelta(days=30), or timedelta(seconds=10).",
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


@register()
def check_signing_keys(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """The key set must load: valid entries, one algorithm each, an active key."""
    errors: list[CheckMessage] = []
    if accounts_settings.SIGNING_KEYS is not None and accounts_settings.SIGNING_KEYS_FILE:
        errors.append(
            Error(
                "ACCOUNTS sets both SIGNING_KEYS and SIGNING_KEYS_FILE.",
                hint="Configure the keys in one place.",
                id="accounts.E005",
            )
        )
    try:
        key_set()
    except KeyConfigError as error:
        errors.append(Error(f"Invalid signing keys: {error}", hint=error.hint, id="accounts.E006"))
    return errors


@register()
def check_token_classes(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """With configured keys, authentication must verify access tokens by `kid`.

    With the default single key, SimpleJWT's own token classes verify our tokens too.
    """
    configured = accounts_settings.SIGNING_KEYS is not None or accounts_settings.SIGNING_KEYS_FILE
    token_classes = jwt_settings.AUTH_TOKEN_CLASSES
    if not configured or [cls.__module__ for cls in token_classes] == ["accounts.tokens"]:
        return []
    return [
        Error(
            "SIMPLE_JWT['AUTH_TOKEN_CLASSES'] does not use the key set.",
            hint="Set SIMPLE_JWT['AUTH_TOKEN_CLASSES'] = ('accounts.tokens.AccessToken',).",
            id="accounts.E007",
        )
    ]


RATES = (
    "LOGIN_RATE_PER_IP",
    "LOGIN_RATE_PER_ACCOUNT",
    "REFRESH_RATE_PER_IP",
    "MAIL_RATE_PER_IP",
    "MAIL_RATE_PER_ADDRESS",
)
INTEGER_LIMITS = (
    "LOCKOUT_FAILURES",
    "LOCKOUT_SECONDS",
    "LOCKOUT_ACCOUNT_FAILURES",
    "TRUSTED_PROXIES",
    "MAX_BODY_SIZE",
    "MAX_JSON_DEPTH",
)


@register()
def check_limits(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """Rates must read `N/period`; counts and durations must be non-negative integers."""
    errors: list[CheckMessage] = []
    for key in RATES:
        try:
            parse_rate(getattr(accounts_settings, key))
        except (ValueError, TypeError, AttributeError):
            hint = "Use DRF's form N/period, e.g. '20/min' (period: s, min, hour or day)."
            errors.append(Error(f"ACCOUNTS[{key!r}] is not a rate.", hint=hint, id="accounts.E008"))
    for key in INTEGER_LIMITS:
        value = getattr(accounts_settings, key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            errors.append(
                Error(
                    f"ACCOUNTS[{key!r}] must be a non-negative integer.",
                    hint="For example LOCKOUT_FAILURES=10, LOCKOUT_SECONDS=900, TRUSTED_PROXIES=1.",
                    id="accounts.E009",
                )
            )
    return errors


CHOICES = {
    "REGISTRATION": ("open", "closed"),
    "EMAIL_VERIFICATION": ("mandatory", "optional", "none"),
}


@register()
def check_lifecycle(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """Sign-up settings take known values; emailed links need an http(s) front-end URL."""
    errors: list[CheckMessage] = [
        Error(
            f"ACCOUNTS[{key!r}] must be one of {', '.join(choices)}.",
            hint=f"For example AUTH_{key}={choices[0]} in the environment.",
            id="accounts.E010",
        )
        for key, choices in CHOICES.items()
        if getattr(accounts_settings, key) not in choices
    ]
    url = accounts_settings.FRONTEND_URL
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        errors.append(
            Error(
                "ACCOUNTS['FRONTEND_URL'] must be an http:// or https:// URL.",
                hint="Emailed links point at it, e.g. FRONTEND_URL=https://app.example.com.",
                id="accounts.E011",
            )
        )
    for key in ("EMAIL_VERIFICATION_LIFETIME", "EMAIL_CHANGE_LIFETIME"):
        if not isinstance(getattr(accounts_settings, key), timedelta):
            hint = "For example timedelta(days=3)."
            errors.append(
                Error(f"ACCOUNTS[{key!r}] must be a timedelta.", hint=hint, id="accounts.E003")
            )
    return errors


@register(deploy=True)
def check_shared_cache(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """In production several app servers must share one cache (see `accounts.processes`)."""
    if not cache_is_process_local():
        return []
    return [
        Warning(
            "The default cache is local to each process: only one server process may run.",
            hint="Point CACHES['default'] at a shared cache (in this project: set REDIS_URL).",
            id="accounts.W001",
        )
    ]
