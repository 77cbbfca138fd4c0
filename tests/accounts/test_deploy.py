"""`manage.py check --deploy` finds nothing in the production profile."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production(tmp_path: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "jwtsite.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "JWT_SIGNING_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "api.example.com",
        "DJANGO_SECURE_HSTS_PRELOAD": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "EMAIL_URL": "smtp+tls://mailer:secret@mail.example.com:587",
        "REDIS_URL": "redis://127.0.0.1:6379/0",  # read, never connected to
    }


def check_deploy(environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_for_production_settings(tmp_path: Path) -> None:
    result = check_deploy(production(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_warns_without_a_shared_cache(tmp_path: Path) -> None:
    environment = production(tmp_path)
    del environment["REDIS_URL"]
    result = check_deploy(environment)
    assert result.returncode != 0
    assert "accounts.W001" in result.stderr


def test_a_second_server_process_without_a_shared_cache_is_refused(tmp_path: Path) -> None:
    environment = {**production(tmp_path), "DJANGO_SETTINGS_MODULE": "jwtsite.settings"}
    del environment["REDIS_URL"]
    serve = "import sys, jwtsite.wsgi; print('serving', flush=True); sys.stdin.read()"
    first = subprocess.Popen(
        [sys.executable, "-c", serve],
        cwd=ROOT,
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert first.stdout is not None and first.stdout.readline() == "serving\n"
        second = subprocess.run(
            [sys.executable, "-c", serve],
            cwd=ROOT,
            env=environment,
            input="",
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        first.communicate(input="", timeout=60)
    assert second.returncode != 0
    assert "process-local cache" in second.stderr.splitlines()[-1]
    again = subprocess.run(
        [sys.executable, "-c", serve], cwd=ROOT, env=environment, input="", capture_output=True
    )
    assert again.returncode == 0  # the first one has exited: its claim went with it
