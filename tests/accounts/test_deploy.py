"""`check --deploy`: the README's production profile is clean; real mistakes are caught."""

import os
import secrets
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.checks import run_checks

ROOT = Path(__file__).resolve().parents[2]


def readme_production_profile() -> dict[str, str]:
    """The variables the README's Deploying section exports, secrets filled in."""
    readme = (ROOT / "README.md").read_text()
    block = readme[readme.index("## Deploying") :].split("```sh\n", 1)[1].split("```", 1)[0]
    exported = [
        word
        for line in block.splitlines()
        if line.startswith("export ")
        for word in shlex.split(line, comments=True)[1:]
    ]
    profile = dict(word.split("=", 1) for word in exported)
    return {
        name: secrets.token_urlsafe(50) if value == "..." else value
        for name, value in profile.items()
    }


def production(tmp_path: Path) -> dict[str, str]:
    """The README's production profile as a process environment (SQLite in `tmp_path`)."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "jwtsite.settings",
        # Debug is off by default; say so, so that a developer's `.env` cannot turn it on.
        "DJANGO_DEBUG": "false",
        **readme_production_profile(),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
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


def test_the_readme_production_profile_passes_check_deploy(tmp_path: Path) -> None:
    assert {"DJANGO_SECRET_KEY", "JWT_SIGNING_KEY", "REDIS_URL"} <= set(readme_production_profile())
    result = check_deploy(production(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_same_key_for_jwt_and_django_fails_check_deploy(tmp_path: Path) -> None:
    secret = secrets.token_urlsafe(50)
    result = check_deploy(
        {**production(tmp_path), "DJANGO_SECRET_KEY": secret, "JWT_SIGNING_KEY": secret}
    )
    assert result.returncode == 1
    assert "accounts.E010" in result.stderr


def deploy_check_ids() -> set[str]:
    return {message.id for message in run_checks(include_deployment_checks=True) if message.id}


def test_a_jwt_key_equal_to_the_secret_key_is_an_error(settings: Any) -> None:
    assert "accounts.E010" not in deploy_check_ids()
    settings.SECRET_KEY = settings.SIMPLE_JWT["SIGNING_KEY"]
    assert "accounts.E010" in deploy_check_ids()


def test_an_hs256_key_file_secret_equal_to_the_secret_key_is_an_error(settings: Any) -> None:
    entry = {"kid": "one", "alg": "HS256", "status": "active", "secret": settings.SECRET_KEY}
    settings.ACCOUNTS = {**settings.ACCOUNTS, "SIGNING_KEYS": [entry]}
    assert "accounts.E010" in deploy_check_ids()


def test_a_wildcard_allowed_host_is_a_warning(settings: Any) -> None:
    assert "accounts.W002" not in deploy_check_ids()
    settings.ALLOWED_HOSTS = ["api.example.com", "*"]
    assert "accounts.W002" in deploy_check_ids()


@pytest.mark.parametrize("origin", ["null", "http://app.example.com", "HTTP://192.0.2.1:4200"])
def test_risky_cors_origins_are_a_warning(settings: Any, origin: str) -> None:
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.com", origin]
    assert "accounts.W003" in deploy_check_ids()


@pytest.mark.parametrize(
    "origin",
    [
        "https://app.example.com",
        "http://localhost:4200",
        "http://127.0.0.1:4200",
        "http://[::1]:4200",
    ],
)
def test_https_and_local_origins_are_fine(settings: Any, origin: str) -> None:
    settings.CORS_ALLOWED_ORIGINS = [origin]
    assert "accounts.W003" not in deploy_check_ids()


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
