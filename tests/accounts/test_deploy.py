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


def check_deploy(environment: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    database = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={"PATH": os.environ.get("PATH", ""), **environment, **database},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_readme_production_profile_passes_check_deploy(tmp_path: Path) -> None:
    profile = readme_production_profile()
    assert {"DJANGO_SECRET_KEY", "JWT_SIGNING_KEY", "DJANGO_ALLOWED_HOSTS"} <= set(profile)
    result = check_deploy({"DJANGO_SETTINGS_MODULE": "jwtsite.settings", **profile}, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_same_key_for_jwt_and_django_fails_check_deploy(tmp_path: Path) -> None:
    secret = secrets.token_urlsafe(50)
    profile = {
        **readme_production_profile(),
        "DJANGO_SECRET_KEY": secret,
        "JWT_SIGNING_KEY": secret,
    }
    result = check_deploy({"DJANGO_SETTINGS_MODULE": "jwtsite.settings", **profile}, tmp_path)
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
    assert "accounts.W001" not in deploy_check_ids()
    settings.ALLOWED_HOSTS = ["api.example.com", "*"]
    assert "accounts.W001" in deploy_check_ids()


@pytest.mark.parametrize("origin", ["null", "http://app.example.com", "HTTP://192.0.2.1:4200"])
def test_risky_cors_origins_are_a_warning(settings: Any, origin: str) -> None:
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.com", origin]
    assert "accounts.W002" in deploy_check_ids()


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
    assert "accounts.W002" not in deploy_check_ids()
