"""The `ACCOUNTS` settings namespace, read lazily so `override_settings` works."""

from datetime import timedelta
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # A session (a family of rotating refresh tokens) ends this long after login,
    # however often it is refreshed.
    "SESSION_ABSOLUTE_LIFETIME": timedelta(days=30),
    # Revoked sessions are kept this long (for the admin and audits) before clean-up.
    "REVOKED_SESSION_RETENTION": timedelta(days=7),
    # How long a user's authentication state is cached between requests.
    "USER_CACHE_TIMEOUT": 300,
    "CACHE_KEY_PREFIX": "accounts",
    # Cookie mode: the request header that selects it and the cookie that carries the
    # refresh token.
    "TOKEN_TRANSPORT_HEADER": "X-Token-Transport",
    "REFRESH_COOKIE_NAME": "refresh_token",
    "REFRESH_COOKIE_PATH": "/api/auth/",
    "REFRESH_COOKIE_SECURE": True,
    "REFRESH_COOKIE_DOMAIN": None,
}


class AccountsSettings:
    """Attribute access to `settings.ACCOUNTS`, falling back to `DEFAULTS`."""

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"Unknown ACCOUNTS setting: {name!r}")
        return self.user_settings.get(name, DEFAULTS[name])

    @property
    def user_settings(self) -> dict[str, Any]:
        configured: dict[str, Any] = getattr(settings, "ACCOUNTS", {})
        return configured


accounts_settings = AccountsSettings()
