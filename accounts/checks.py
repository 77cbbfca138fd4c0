"""System checks: catch a misconfigured `accounts` at start-up, not at the first login.

Each message is declared once, with its id and a hint that says how to fix it.
"""

from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.http.request import split_domain_port

from accounts.conf import accounts_settings, jwt_settings
from accounts.cookies import DEVELOPMENT_HOSTS
from accounts.keys import KeyConfigError
from accounts.processes import cache_is_process_local
from accounts.shared import Apps, SettingRule, check_namespace, non_negative_integer
from accounts.throttling import parse_rate
from accounts.token_backend import key_set

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
DURATIONS = (
    "SESSION_ABSOLUTE_LIFETIME",
    "REVOKED_SESSION_RETENTION",
    "REFRESH_REUSE_GRACE",
    "EMAIL_VERIFICATION_LIFETIME",
    "EMAIL_CHANGE_LIFETIME",
)


def is_rate(value: object) -> bool:
    try:
        parse_rate(value)  # type: ignore[arg-type]
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def one_of(key: str, choices: tuple[str, ...]) -> SettingRule:
    """The rule of a key that takes one of `choices` (from the environment's `AUTH_<key>`)."""
    return SettingRule(
        (key,),
        lambda value: value in choices,
        f"must be one of {', '.join(choices)}",
        f"For example AUTH_{key}={choices[0]} in the environment.",
        "accounts.E011",
    )


RULES = [
    SettingRule(
        DURATIONS,
        lambda value: isinstance(value, timedelta) and value >= timedelta(0),
        "must be a non-negative datetime.timedelta",
        "For example timedelta(days=30), or timedelta(seconds=10).",
        "accounts.E003",
    ),
    SettingRule(
        RATES,
        is_rate,
        "is not a rate",
        "Use DRF's form N/period, e.g. '20/min' (period: s, min, hour or day).",
        "accounts.E008",
    ),
    SettingRule(
        INTEGER_LIMITS,
        non_negative_integer,
        "must be a non-negative integer",
        "For example LOCKOUT_FAILURES=10, LOCKOUT_SECONDS=900, TRUSTED_PROXIES=1.",
        "accounts.E009",
    ),
    one_of("REGISTRATION", ("open", "closed")),
    one_of("EMAIL_VERIFICATION", ("mandatory", "optional", "none")),
    SettingRule(
        ("FRONTEND_URL",),
        lambda value: isinstance(value, str) and value.startswith(("http://", "https://")),
        "must be an http:// or https:// URL",
        "Emailed links point at it, e.g. FRONTEND_URL=https://app.example.com.",
        "accounts.E012",
    ),
]

NO_TOKEN_VERSION = Error(
    "The user model has no 'token_version' field.",
    hint="Set AUTH_USER_MODEL = 'accounts.User' or add that field to your model.",
    id="accounts.E004",
)
KEYS_TWICE = Error(
    "ACCOUNTS sets both SIGNING_KEYS and SIGNING_KEYS_FILE.",
    hint="Configure the keys in one place.",
    id="accounts.E005",
)
TOKEN_CLASSES_WITHOUT_KEY_SET = Error(
    "SIMPLE_JWT['AUTH_TOKEN_CLASSES'] does not use the key set.",
    hint="Set SIMPLE_JWT['AUTH_TOKEN_CLASSES'] = ('accounts.tokens.AccessToken',).",
    id="accounts.E007",
)
SIGNING_KEY_IS_SECRET_KEY = Error(
    "A JWT signing key is Django's SECRET_KEY.",
    hint="Give JWT_SIGNING_KEY (or the key file's HS256 secret) its own random value.",
    id="accounts.E010",
)
PROCESS_LOCAL_CACHE = Warning(
    "The default cache is local to each process: only one server process may run.",
    hint="Point CACHES['default'] at a shared cache (in this project: set REDIS_URL).",
    id="accounts.W001",
)
ANY_HOST = Warning(
    "ALLOWED_HOSTS contains '*'.",
    hint="List the exact host names the site is served under (DJANGO_ALLOWED_HOSTS).",
    id="accounts.W002",
)


@register()
def check_accounts_settings(app_configs: Apps = None, **kwargs: Any) -> list[CheckMessage]:
    """`settings.ACCOUNTS`: a dict of known keys whose values follow `RULES`."""
    return check_namespace(accounts_settings, RULES, app="accounts")


@register()
def check_user_model(app_configs: Apps = None, **kwargs: Any) -> list[CheckMessage]:
    """The user model must carry the token version that logout-all increments."""
    return [] if hasattr(get_user_model(), "token_version") else [NO_TOKEN_VERSION]


@register()
def check_signing_keys(app_configs: Apps = None, **kwargs: Any) -> list[CheckMessage]:
    """The key set must load: valid entries, one algorithm each, an active key."""
    both = accounts_settings.SIGNING_KEYS is not None and accounts_settings.SIGNING_KEYS_FILE
    errors: list[CheckMessage] = [KEYS_TWICE] if both else []
    try:
        key_set()
    except KeyConfigError as error:
        errors.append(Error(f"Invalid signing keys: {error}", hint=error.hint, id="accounts.E006"))
    return errors


@register()
def check_token_classes(app_configs: Apps = None, **kwargs: Any) -> list[CheckMessage]:
    """With configured keys, authentication must verify access tokens by `kid`.

    With the default single key, SimpleJWT's own token classes verify our tokens too.
    """
    configured = accounts_settings.SIGNING_KEYS is not None or accounts_settings.SIGNING_KEYS_FILE
    token_classes = jwt_settings.AUTH_TOKEN_CLASSES
    if not configured or [cls.__module__ for cls in token_classes] == ["accounts.tokens"]:
        return []
    return [TOKEN_CLASSES_WITHOUT_KEY_SET]


@register(Tags.security, deploy=True)
def check_signing_key_is_not_the_secret_key(
    app_configs: Apps = None, **kwargs: Any
) -> list[CheckMessage]:
    """An HMAC signing key equal to `SECRET_KEY` makes one leak cost both secrets."""
    secret = str(getattr(settings, "SECRET_KEY", "")).encode()
    try:
        hmac_keys = [key.signing_key for key in key_set().keys if not key.asymmetric]
    except KeyConfigError:
        return []  # accounts.E006 reports it.
    return [SIGNING_KEY_IS_SECRET_KEY] if secret and secret in hmac_keys else []


@register(Tags.security, deploy=True)
def check_allowed_hosts_wildcard(app_configs: Apps = None, **kwargs: Any) -> list[CheckMessage]:
    """`*` lets any Host header through, so links built from it can point anywhere."""
    return [ANY_HOST] if "*" in settings.ALLOWED_HOSTS else []


@register(Tags.security, deploy=True)
def check_cors_origins(app_configs: Apps = None, **kwargs: Any) -> list[CheckMessage]:
    """`null` (sandboxed frames, `file:` pages) or a plain-http remote origin may call the API.

    Credentials are allowed for these origins (cookie mode), and a plain-http page can
    be rewritten by anyone on its network path.
    """
    origins = getattr(settings, "CORS_ALLOWED_ORIGINS", [])
    return [
        Warning(
            f"CORS_ALLOWED_ORIGINS allows {origin!r}.",
            hint="Allow only https:// origins (plain http only for localhost in development).",
            id="accounts.W003",
        )
        for origin in origins
        if origin == "null" or insecure_remote(origin)
    ]


def insecure_remote(origin: str) -> bool:
    """Return whether `origin` is plain http on a host other than this machine."""
    parts = urlsplit(origin)
    host, _ = split_domain_port(parts.netloc)
    return parts.scheme.lower() == "http" and host not in DEVELOPMENT_HOSTS


@register(deploy=True)
def check_shared_cache(app_configs: Apps = None, **kwargs: Any) -> list[CheckMessage]:
    """In production several app servers must share one cache (see `accounts.processes`)."""
    return [PROCESS_LOCAL_CACHE] if cache_is_process_local() else []
