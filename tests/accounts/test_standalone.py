"""`accounts` is reusable: it boots in a project that has only it (no jwtsite, no randomuser)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SETTINGS = """
SECRET_KEY = "standalone-secret-key-of-enough-length-0123456789"
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "rest_framework",
    "accounts",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
AUTH_USER_MODEL = "accounts.User"
ROOT_URLCONF = "standalone_urls"
USE_TZ = True
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["accounts.authentication.JWTAuthentication"],
}
SIMPLE_JWT = {"SIGNING_KEY": "standalone-signing-key-of-enough-length-0123456789"}
"""

URLS = """
from django.urls import include, path

urlpatterns = [path("auth/", include("accounts.urls"))]
"""

SCRIPT = """
import sys
import django
django.setup()
from django.core.management import call_command
call_command("check", fail_level="WARNING")
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient
get_user_model().objects.create_user("solo", password="a long passphrase")
client = APIClient()
login = client.post("/auth/login/", {"username": "solo", "password": "a long passphrase"},
                    format="json")
assert login.status_code == 200, login.content
client.credentials(HTTP_AUTHORIZATION="Bearer " + login.json()["access"])
assert client.get("/auth/me/").json()["username"] == "solo"
assert not {"jwtsite", "randomuser"} & set(sys.modules), "accounts imported the project"
print("standalone ok")
"""


def test_accounts_boots_alone(tmp_path: Path) -> None:
    (tmp_path / "accounts").symlink_to(ROOT / "accounts")
    (tmp_path / "standalone_settings.py").write_text(SETTINGS)
    (tmp_path / "standalone_urls.py").write_text(URLS)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO", "PYTHONPATH"))
    }
    env["DJANGO_SETTINGS_MODULE"] = "standalone_settings"
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "standalone ok" in result.stdout
