"""System checks: catch a misconfigured `accounts` at start-up, not at the first login."""

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import CheckMessage, Error, Tags, Warning, register

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
            id="accounts.E011",
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
                id="accounts.E012",
            )
        )
    for key in ("EMAIL_VERIFICATION_LIFETIME", "EMAIL_CHANGE_LIFETIME"):
        if not isinstance(getattr(accounts_settings, key), timedelta):
            hint = "For example timedelta(days=3)."
            errors.append(
                Error(f"ACCOUNTS[{key!r}] must be a timedelta.", hint=hint, id="accounts.E003")
            )
    return errors


@register(Tags.security, deploy=True)
def check_signing_key_is_not_the_secret_key(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """An HMAC signing key equal to `SECRET_KEY` makes one leak cost both secrets."""
    secret = str(getattr(settings, "SECRET_KEY", "")).encode()
    try:
        hmac_keys = [key.signing_key for key in key_set().keys if not key.asymmetric]
    except KeyConfigError:
        return []  # accounts.E006 reports it.
    if not secret or secret not in hmac_keys:
        return []
    return [
        Error(
            "A JWT signing key is Django's SECRET_KEY.",
            hint="Give JWT_SIGNING_KEY (or the key file's HS256 secret) its own random value.",
            id="accounts.E010",
        )
    ]


@register(Tags.security, deploy=True)
def check_allowed_hosts_wildcard(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """`*` lets any Host header through, so links built from it can point anywhere."""
    if "*" not in settings.ALLOWED_HOSTS:
        return []
    return [
        Warning(
            "ALLOWED_HOSTS contains '*'.",
            hint="List the exact host names the site is served under (DJANGO_ALLOWED_HOSTS).",
            id="accounts.W002",
        )
    ]


@register(Tags.security, deploy=True)
def check_cors_origins(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """`null` (sandboxed frames, `file:` pages) or a plain-http remote origin may call the API.

    Credentials are allowed for these origins (cookie mode), and a plain-http page can
    be rewritten by anyone on its network path.
    """
    origins = getattr(settings, "CORS_ALLOWED_ORIGINS", [])
    risky = [origin for origin in origins if origin == "null" or insecure_remote(origin)]
    return [
        Warning(
            f"CORS_ALLOWED_ORIGINS allows {origin!r}.",
            hint="Allow only https:// origins (plain http only for localhost in development).",
            id="accounts.W003",
        )
        for origin in risky
    ]


LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")


def insecure_remote(origin: str) -> bool:
    scheme, _, rest = origin.partition("://")
    host = rest.rsplit(":", 1)[0] if not rest.startswith("[") else rest.split("]")[0] + "]"
    return scheme.lower() == "http" and host.lower() not in LOCAL_HOSTS


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
