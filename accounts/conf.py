"""Typed, lazy access to the `ACCOUNTS` settings and to the SimpleJWT settings we read.

As in `corsheaders/conf.py`, each key is one typed attribute read at each access, so
callers get real types and `override_settings` works. `ACCOUNTS` keys not declared here
fail the system checks (`accounts.E002`).
"""

from datetime import timedelta
from typing import Any, ClassVar, Generic, TypeVar

from django.conf import settings
from rest_framework_simplejwt import settings as simplejwt_settings

T = TypeVar("T")


class Setting(Generic[T]):
    """One key of a `Namespace` with its default."""

    def __init__(self, default: T) -> None:
        self.default = default

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: "type[Namespace]") -> T:
        configured: dict[str, Any] = getattr(settings, owner.namespace, {})
        value: T = configured.get(self.name, self.default)
        return value


class Namespace:
    """Typed settings read from the dict `settings.<namespace>`, one `Setting` per key."""

    namespace: ClassVar[str]

    @classmethod
    def known(cls) -> frozenset[str]:
        """Return the keys declared: the only ones `accounts.shared.check_namespace` allows."""
        return frozenset(name for name, value in vars(cls).items() if isinstance(value, Setting))


class AccountsSettings(Namespace):
    """The keys of `settings.ACCOUNTS`, each falling back to its default."""

    namespace = "ACCOUNTS"
    # A session (a family of rotating refresh tokens) ends this long after login,
    # however often it is refreshed.
    SESSION_ABSOLUTE_LIFETIME = Setting(timedelta(days=30))
    # Revoked sessions are kept this long (for the admin and audits) before clean-up.
    REVOKED_SESSION_RETENTION = Setting(timedelta(days=7))
    # The refresh token rotated out last, presented again this soon after, is answered 409
    # (a race between the user's own tabs) instead of revoking the session. 0 turns it off.
    REFRESH_REUSE_GRACE = Setting(timedelta(seconds=10))
    # How long a user's authentication state is cached between requests.
    USER_CACHE_TIMEOUT = Setting(300)
    # Access tokens each process remembers as verified (signature and claims), until their
    # expiry; revocation is still checked at every request. 0 verifies every request.
    VERIFIED_TOKEN_CACHE_SIZE = Setting(4096)
    CACHE_KEY_PREFIX = Setting("accounts")
    # Cookie mode: the request header that selects it and the cookie that carries the
    # refresh token.
    TOKEN_TRANSPORT_HEADER = Setting("X-Token-Transport")
    REFRESH_COOKIE_NAME = Setting("refresh_token")
    REFRESH_COOKIE_PATH = Setting("/api/auth/")
    REFRESH_COOKIE_SECURE = Setting(True)
    REFRESH_COOKIE_DOMAIN: Setting[str | None] = Setting(None)
    # Signing keys: a list of {kid, alg, status, secret | private}, or the path of a JSON
    # file holding that list. Neither: one HS256 key made of SIMPLE_JWT["SIGNING_KEY"].
    SIGNING_KEYS: Setting[list[dict[str, Any]] | None] = Setting(None)
    SIGNING_KEYS_FILE: Setting[str | None] = Setting(None)
    # Seconds other services may cache /.well-known/jwks.json.
    JWKS_MAX_AGE = Setting(300)
    # Brute-force limits, in DRF's "N/period" form (None: no limit), and the lockout.
    LOGIN_RATE_PER_IP: Setting[str | None] = Setting("20/min")
    LOGIN_RATE_PER_ACCOUNT: Setting[str | None] = Setting("10/min")
    REFRESH_RATE_PER_IP: Setting[str | None] = Setting("60/min")
    LOCKOUT_FAILURES = Setting(10)
    LOCKOUT_SECONDS = Setting(900)
    # Failures from networks and devices unknown to an account, per UTC day, before all
    # of them are locked out of it (known ones keep working; see `accounts.lockout`).
    LOCKOUT_ACCOUNT_FAILURES = Setting(100)
    # Reverse proxies in front of the server that append to X-Forwarded-For. 0: the
    # header is ignored and the client is REMOTE_ADDR.
    TRUSTED_PROXIES = Setting(0)
    # Request bodies above this many bytes are refused with 413.
    MAX_BODY_SIZE = Setting(64 * 1024)
    # Nesting depth of JSON bodies above which they are refused with 400.
    MAX_JSON_DEPTH = Setting(32)
    # Self-service accounts: "open" or "closed" sign-up; email verification "mandatory"
    # (no login before it), "optional" or "none".
    REGISTRATION = Setting("open")
    EMAIL_VERIFICATION = Setting("mandatory")
    # Links in emails point at these front-end pages, never at the API.
    FRONTEND_URL = Setting("http://127.0.0.1:4200")
    EMAIL_VERIFICATION_LIFETIME = Setting(timedelta(days=3))
    EMAIL_CHANGE_LIFETIME = Setting(timedelta(days=1))
    # Sign-up, resend and reset answer no sooner than this after the request arrived, so
    # that creating an account (a row written) or finding an address taken, with or
    # without accounts behind it, all take the same time.
    UNIFORM_ANSWER_DURATION = Setting(timedelta(milliseconds=500))
    # Requests that send an email (sign-up, resend, reset, email change), per client IP
    # and per address written to.
    MAIL_RATE_PER_IP: Setting[str | None] = Setting("20/hour")
    MAIL_RATE_PER_ADDRESS: Setting[str | None] = Setting("5/hour")


accounts_settings = AccountsSettings()


class JWTSetting(Generic[T]):
    """One key of SimpleJWT's settings, read from its current `api_settings`.

    SimpleJWT replaces `api_settings` when settings change, so it is looked up at each
    access; SimpleJWT holds the defaults.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> T:
        value: T = getattr(simplejwt_settings.api_settings, self.name)
        return value


class JWTSettings:
    """The keys of `settings.SIMPLE_JWT` this app reads, typed."""

    ACCESS_TOKEN_LIFETIME = JWTSetting[timedelta]()
    REFRESH_TOKEN_LIFETIME = JWTSetting[timedelta]()
    SIGNING_KEY = JWTSetting[str]()
    AUDIENCE = JWTSetting[str | None]()
    ISSUER = JWTSetting[str | None]()
    JSON_ENCODER = JWTSetting[type[Any] | None]()
    AUTH_TOKEN_CLASSES = JWTSetting[tuple[type[Any], ...]]()
    USER_ID_FIELD = JWTSetting[str]()
    USER_ID_CLAIM = JWTSetting[str]()
    TOKEN_TYPE_CLAIM = JWTSetting[str]()
    JTI_CLAIM = JWTSetting[str]()

    @property
    def LEEWAY(self) -> timedelta:
        """SimpleJWT's `LEEWAY`, given in seconds or as a timedelta, as a timedelta."""
        leeway = simplejwt_settings.api_settings.LEEWAY
        return leeway if isinstance(leeway, timedelta) else timedelta(seconds=leeway or 0)


jwt_settings = JWTSettings()
