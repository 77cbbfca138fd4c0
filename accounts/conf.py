"""The `ACCOUNTS` settings namespace, read lazily so `override_settings` works."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from rest_framework_simplejwt import settings as simplejwt_settings

DEFAULTS: dict[str, Any] = {
    # A session (a family of rotating refresh tokens) ends this long after login,
    # however often it is refreshed.
    "SESSION_ABSOLUTE_LIFETIME": timedelta(days=30),
    # Revoked sessions are kept this long (for the admin and audits) before clean-up.
    "REVOKED_SESSION_RETENTION": timedelta(days=7),
    # The refresh token rotated out last, presented again this soon after, is answered 409
    # (a race between the user's own tabs) instead of revoking the session. 0 turns it off.
    "REFRESH_REUSE_GRACE": timedelta(seconds=10),
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
    # Signing keys: a list of {kid, alg, status, secret | private}, or the path of a JSON
    # file holding that list. Neither: one HS256 key made of SIMPLE_JWT["SIGNING_KEY"].
    "SIGNING_KEYS": None,
    "SIGNING_KEYS_FILE": None,
    # Seconds other services may cache /.well-known/jwks.json.
    "JWKS_MAX_AGE": 300,
    # Brute-force limits, in DRF's "N/period" form, and the account lockout.
    "LOGIN_RATE_PER_IP": "20/min",
    "LOGIN_RATE_PER_ACCOUNT": "10/min",
    "REFRESH_RATE_PER_IP": "60/min",
    "LOCKOUT_FAILURES": 10,
    "LOCKOUT_SECONDS": 900,
    # Reverse proxies in front of the server that append to X-Forwarded-For. 0: the
    # header is ignored and the client is REMOTE_ADDR.
    "TRUSTED_PROXIES": 0,
    # Request bodies above this many bytes are refused with 413.
    "MAX_BODY_SIZE": 64 * 1024,
    # Nesting depth of JSON bodies above which they are refused with 400.
    "MAX_JSON_DEPTH": 32,
    # Self-service accounts: "open" or "closed" sign-up; email verification "mandatory"
    # (no login before it), "optional" or "none".
    "REGISTRATION": "open",
    "EMAIL_VERIFICATION": "mandatory",
    # Links in emails point at these front-end pages, never at the API.
    "FRONTEND_URL": "http://127.0.0.1:4200",
    "EMAIL_VERIFICATION_LIFETIME": timedelta(days=3),
    "EMAIL_CHANGE_LIFETIME": timedelta(days=1),
    # Sign-up, resend and reset answer no sooner than this after the request arrived, so
    # that creating an account (a row written) or finding an address taken, with or
    # without accounts behind it, all take the same time.
    "UNIFORM_ANSWER_DURATION": timedelta(milliseconds=500),
    # Requests that send an email (sign-up, resend, reset, email change), per client IP
    # and per address written to.
    "MAIL_RATE_PER_IP": "20/hour",
    "MAIL_RATE_PER_ADDRESS": "5/hour",
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


def jwt_settings() -> Any:
    """Return SimpleJWT's settings, read at call time.

    SimpleJWT replaces its `api_settings` object when settings change, so a module that
    imported it directly would keep reading the old values.
    """
    return simplejwt_settings.api_settings
