"""The project settings, with fast hashing and dummy keys for tests."""

import os
import tempfile
from datetime import timedelta

os.environ.setdefault("DJANGO_SECRET_KEY", "test-django-secret-key-that-is-long-enough-0123456789")
os.environ.setdefault("JWT_SIGNING_KEY", "test-jwt-signing-key-that-is-long-enough-0123456789")
os.environ.setdefault("EMAIL_URL", "memorymail://")
# The suite tests production behaviour: a developer's `.env` (which `make run` writes with
# `DJANGO_DEBUG=true`) must not turn debug on; tests that need it override settings.
os.environ["DJANGO_DEBUG"] = "false"

from jwtsite.settings import *  # noqa: E402,F403
from jwtsite.settings import DATABASES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not shared-cache memory: live-server tests write from several threads.
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"jwtsite-test-{os.getpid()}.sqlite3")
    }

# The suite logs in many times from 127.0.0.1: limits high enough never to get in the
# way; the throttling tests set their own small rates with override_settings.
ACCOUNTS = {
    **ACCOUNTS,  # noqa: F405
    "LOGIN_RATE_PER_IP": "10000/min",
    "LOGIN_RATE_PER_ACCOUNT": "10000/min",
    "REFRESH_RATE_PER_IP": "10000/min",
    "MAIL_RATE_PER_IP": "10000/min",
    "MAIL_RATE_PER_ADDRESS": "10000/min",
    # The suite signs up often; the benchmark measures the real floor.
    "UNIFORM_ANSWER_DURATION": timedelta(0),
}
# Tests speak plain http.
SECURE_SSL_REDIRECT = False
# No collectstatic in tests: don't look for STATIC_ROOT at start-up (WhiteNoise warns).
WHITENOISE_AUTOREFRESH = True
