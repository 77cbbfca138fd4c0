"""Guards: migrations complete, system checks clean, start-up refuses bad secrets."""

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
GOOD_SECRET = "x" * 50


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "jwtsite.settings", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_migrations_are_complete(db: Any) -> None:
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())


def test_system_checks_are_clean() -> None:
    call_command("check", fail_level="WARNING", stdout=io.StringIO())


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DJANGO_SECRET_KEY": "", "JWT_SIGNING_KEY": GOOD_SECRET}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "short", "JWT_SIGNING_KEY": GOOD_SECRET}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": GOOD_SECRET, "JWT_SIGNING_KEY": ""}, "JWT_SIGNING_KEY"),
        ({"DJANGO_SECRET_KEY": GOOD_SECRET, "JWT_SIGNING_KEY": "x" * 31}, "JWT_SIGNING_KEY"),
    ],
)
def test_missing_or_short_secret_stops_start_up_with_one_line(
    env: dict[str, Any], named: str
) -> None:
    result = manage("check", DJANGO_DEBUG="false", **env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert named in lines[0]
    assert "secrets.token_urlsafe" in lines[0]


def test_good_secrets_start() -> None:
    result = manage(
        "check", DJANGO_DEBUG="false", DJANGO_SECRET_KEY=GOOD_SECRET, JWT_SIGNING_KEY="y" * 50
    )
    assert result.returncode == 0, result.stderr


def test_production_without_email_url_stops_start_up_with_one_line() -> None:
    result = manage(
        "check",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=GOOD_SECRET,
        JWT_SIGNING_KEY="y" * 50,
        EMAIL_URL="",
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "EMAIL_URL" in lines[0]


def test_debug_without_email_url_prints_mail_to_the_console() -> None:
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND)"
    result = manage("shell", "--no-imports", "-c", code, DJANGO_DEBUG="true", EMAIL_URL="")
    assert result.stdout.strip() == "django.core.mail.backends.console.EmailBackend"


def test_email_url_configures_smtp() -> None:
    code = "from django.conf import settings; print(settings.EMAIL_HOST, settings.EMAIL_PORT)"
    url = "smtp+tls://mailer:secret@mail.example.com:587"
    result = manage("shell", "--no-imports", "-c", code, DJANGO_DEBUG="true", EMAIL_URL=url)
    assert result.stdout.strip() == "mail.example.com 587"


def test_debug_without_secrets_starts_with_throwaway_keys() -> None:
    result = manage("check", DJANGO_DEBUG="true", DJANGO_SECRET_KEY="", JWT_SIGNING_KEY="")
    assert result.returncode == 0, result.stderr


def test_the_environment_sets_the_random_user_quota_and_the_check_guards_it() -> None:
    result = manage(
        "check", DJANGO_DEBUG="true", RANDOMUSER_USERS_PER_5_MINUTES="-1", DJANGO_SECRET_KEY=""
    )
    assert result.returncode != 0
    assert "randomuser.E003" in result.stderr


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout")
def test_git_ignores_what_make_run_writes() -> None:
    """The secrets, and the database with the files SQLite keeps beside it in WAL mode."""
    written = ["db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm", "db.sqlite3-journal", ".env"]
    checked = subprocess.run(
        ["git", "check-ignore", "--no-index", *written],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.stdout.split() == written
