"""Settings for jwtsite.

Every deploy value is read once, here, from the environment (or a `.env` file at the
project root). The names are the ones documented in the README's configuration table.
"""

from datetime import timedelta
from pathlib import Path

import environ
from corsheaders.defaults import default_headers
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=False)

MINIMUM_SECRET_LENGTH = 32
SECRET_HINT = (
    "generate one with: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    " (or run `make run`, which writes a .env with fresh secrets)"
)


def read_secret(name: str) -> str:
    """Return the secret `name`; refuse a missing or short one unless debugging."""
    value: str = env.str(name, default="")
    if len(value) >= MINIMUM_SECRET_LENGTH:
        return value
    if DEBUG:
        # Development without a .env: a per-process key (tokens die with the process).
        return get_random_secret_key()
    problem = "is not set" if not value else f"is shorter than {MINIMUM_SECRET_LENGTH} characters"
    raise ImproperlyConfigured(f"{name} {problem}: {SECRET_HINT}")


SECRET_KEY = read_secret("DJANGO_SECRET_KEY")
JWT_KEYS_FILE = env.str("JWT_KEYS_FILE", default="") or None
# With a key file, JWT_SIGNING_KEY is unused: a random value keeps SimpleJWT's own
# backend from ever verifying with an empty key.
JWT_SIGNING_KEY = get_random_secret_key() if JWT_KEYS_FILE else read_secret("JWT_SIGNING_KEY")

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "accounts",
    "randomuser",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "accounts.middleware.BodySizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "jwtsite.urls"
WSGI_APPLICATION = "jwtsite.wsgi.application"
# Routes answer with and without a trailing slash themselves: never redirect (a browser
# cannot follow a redirect on a CORS-preflighted request).
APPEND_SLASH = False

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "jwtsite" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Persistent connections: a request reuses its worker's connection instead of opening one
# (checked before reuse, so a database restarted between two requests costs none).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default, tuned for a server: WAL lets readers run beside the writer and
    # commits without syncing the whole journal (synchronous=NORMAL is durable in WAL mode
    # except for the last commits on power loss); IMMEDIATE takes the write lock when a
    # transaction begins, so two writers wait (up to the timeout) instead of deadlocking.
    # https://www.sqlite.org/wal.html, https://www.sqlite.org/pragma.html#pragma_synchronous
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 5,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# A stopped or hung Redis must cost a request a fraction of a second, not minutes:
# requests fall back to the database (see accounts/degraded.py).
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "jwtsite",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    # Argon2id at OWASP's parameters; it also re-hashes Django's default Argon2 hashes.
    "accounts.hashers.OWASPArgon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# HTTPS in production (DEBUG off); see SECURITY.md's deployment checklist.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe the app servers over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
# `check --deploy` warns (security.W021) whenever preload is off. Preloading is a
# commitment browsers ship for months and is hard to undo (https://hstspreload.org/),
# so it stays the operator's explicit choice; silencing the reminder keeps
# `check --deploy --fail-level WARNING` meaningful for the warnings that are mistakes.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Behind a TLS-terminating proxy: "HTTP_X_FORWARDED_PROTO,https" (only if the proxy
# always sets or strips that header).
_proxy_ssl_header = env.list("DJANGO_SECURE_PROXY_SSL_HEADER", default=[])
SECURE_PROXY_SSL_HEADER = tuple(_proxy_ssl_header) if _proxy_ssl_header else None
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Served by WhiteNoise in production (after `manage.py collectstatic`): the admin and the
# Swagger UI assets from drf-spectacular-sidecar, with no CDN.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.JWTAuthentication",
        # The browsable API's "Log in" link (debug only), for its HTML pages only.
        "accounts.authentication.BrowsableAPISessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["accounts.parsers.DepthLimitedJSONParser"]
    + (
        ["rest_framework.parsers.FormParser", "rest_framework.parsers.MultiPartParser"]
        if DEBUG
        else []
    ),
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    "DEFAULT_SCHEMA_CLASS": "accounts.schema.AutoSchema",
    "EXCEPTION_HANDLER": "accounts.exceptions.exception_handler",
    "UNAUTHENTICATED_USER": None,
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(seconds=env.int("JWT_ACCESS_TOKEN_LIFETIME", default=300)),
    "REFRESH_TOKEN_LIFETIME": timedelta(
        seconds=env.int("JWT_REFRESH_TOKEN_LIFETIME", default=86400)
    ),
    "SIGNING_KEY": JWT_SIGNING_KEY,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "AUTH_TOKEN_CLASSES": ("accounts.tokens.AccessToken",),
    "ISSUER": env.str("JWT_ISSUER", default="") or None,
    "AUDIENCE": env.str("JWT_AUDIENCE", default="") or None,
}

ACCOUNTS = {
    "SIGNING_KEYS_FILE": JWT_KEYS_FILE,
    "REFRESH_REUSE_GRACE": timedelta(
        seconds=env.int("JWT_REFRESH_REUSE_GRACE_SECONDS", default=10)
    ),
    "LOGIN_RATE_PER_IP": env.str("AUTH_LOGIN_RATE_PER_IP", default="20/min"),
    "LOGIN_RATE_PER_ACCOUNT": env.str("AUTH_LOGIN_RATE_PER_ACCOUNT", default="10/min"),
    "REFRESH_RATE_PER_IP": env.str("AUTH_REFRESH_RATE_PER_IP", default="60/min"),
    "LOCKOUT_FAILURES": env.int("AUTH_LOCKOUT_FAILURES", default=10),
    "LOCKOUT_SECONDS": env.int("AUTH_LOCKOUT_SECONDS", default=900),
    "LOCKOUT_ACCOUNT_FAILURES": env.int("AUTH_LOCKOUT_ACCOUNT_FAILURES", default=100),
    "TRUSTED_PROXIES": env.int("AUTH_TRUSTED_PROXIES", default=0),
    "REGISTRATION": env.str("AUTH_REGISTRATION", default="open"),
    "EMAIL_VERIFICATION": env.str("AUTH_EMAIL_VERIFICATION", default="mandatory"),
    "MAIL_RATE_PER_IP": env.str("AUTH_MAIL_RATE_PER_IP", default="20/hour"),
    "MAIL_RATE_PER_ADDRESS": env.str("AUTH_MAIL_RATE_PER_ADDRESS", default="5/hour"),
}

# Where the Angular client is served (`make run CLIENT_PORT=...` sets it); linked from `/`.
# The browsable API's login goes back to where it was, else to the index.
LOGIN_REDIRECT_URL = "/"
CLIENT_URL = env.str("CLIENT_URL", default="http://127.0.0.1:4200").rstrip("/")
# Emailed links (verification, reset, email change) open the client's pages.
ACCOUNTS["FRONTEND_URL"] = env.str("FRONTEND_URL", default=CLIENT_URL)

# Mail (verification, password reset, email change): EMAIL_URL in django-environ's form,
# e.g. smtp+tls://user:password@mail.example.com:587 or consolemail://. With debug on and
# no EMAIL_URL, mail is printed to the console; with debug off it is required, so that
# production never loses mail silently nor prints reset links into its logs.
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    vars().update(env.email_url_config(EMAIL_URL))
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    raise ImproperlyConfigured(
        "EMAIL_URL is not set: set it to your mail server, e.g. "
        "EMAIL_URL=smtp+tls://user:password@mail.example.com:587 (consolemail:// prints mail)"
    )
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="jwtsite <noreply@localhost>")
# Django's reset-link lifetime, in seconds (default one hour).
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3600)

CORS_ALLOWED_ORIGINS = env.list(
    "CORS_ALLOWED_ORIGINS",
    default=list(dict.fromkeys([CLIENT_URL, CLIENT_URL.replace("//127.0.0.1:", "//localhost:")])),
)
# Exactly the API and the course's routes (with or without their slash), not `/mebogus`.
CORS_URLS_REGEX = r"^/(api/.*|(login|me|random-user)/?)$"
CORS_ALLOW_CREDENTIALS = True  # Cookie mode; only the exact origins above get it.
CORS_ALLOW_HEADERS = (*default_headers, "x-token-transport")
# A browser client may read how long to wait on a 429 and a download's file name.
CORS_EXPOSE_HEADERS = ["Retry-After", "Content-Disposition"]

SPECTACULAR_SETTINGS = {
    "TITLE": "jwtsite API",
    "DESCRIPTION": "Log in with JSON Web Tokens and call a protected random-user API.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Keep the token across page reloads (in the browser's local storage).
    "SWAGGER_UI_SETTINGS": {"persistAuthorization": True},
    # The session login serves the browsable API only: the schema documents the token.
    "AUTHENTICATION_WHITELIST": ["accounts.authentication.JWTAuthentication"],
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,  # The enum lists the choices already.
    "SCHEMA_PATH_PREFIX": r"/api/",  # tags endpoints by their first segment: auth, ...
    "PREPROCESSING_HOOKS": ["accounts.schema.drop_slashless_routes"],
    # Only JSON bodies, with debug on too (where the browsable API adds form parsers).
    "PARSER_WHITELIST": ["rest_framework.parsers.JSONParser"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "accounts": {"handlers": ["console"], "level": "INFO"},
        # Unhandled exceptions (with their traceback) and refused hosts, debug or not.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# Only what the environment sets: `randomuser.conf` holds the defaults.
_users_per_5_minutes = env.int("RANDOMUSER_USERS_PER_5_MINUTES", default=None)
RANDOMUSER = {} if _users_per_5_minutes is None else {"USERS_PER_5_MINUTES": _users_per_5_minutes}
