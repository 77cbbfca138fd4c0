"""`accounts` is a package: its wheel installs alone and works in a new project.

The wheel is built with `python -m build` and installed into an empty virtualenv (pip's
cache makes this quick after the first run); the project is a fresh `startproject` with the
README's settings and URLs appended as they are written there.
"""

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECTION = "## Using `accounts` in your own project"
SCRIPT = """
import accounts
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import setup_test_environment

assert "site-packages" in accounts.__file__, accounts.__file__
setup_test_environment()
get_user_model().objects.create_user("reader", password="a long passphrase")
client = Client()
login = client.post(
    "/api/auth/login/",
    {"username": "reader", "password": "a long passphrase"},
    content_type="application/json",
)
assert login.status_code == 200, login.content
refreshed = client.post(
    "/api/auth/refresh/", {"refresh": login.json()["refresh"]}, content_type="application/json"
)
assert refreshed.status_code == 200, refreshed.content
assert refreshed.json()["refresh"] != login.json()["refresh"]
print("package ok")
"""

pytestmark = pytest.mark.package


def readme_blocks(path: Path) -> list[str]:
    """Return the Python blocks of the README section on using `accounts`."""
    text = path.read_text()
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0] if SECTION in text else text
    return re.findall(r"```python\n(.*?)```", section, re.S)


def run(*command: str | Path, cwd: Path, **env: str) -> str:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO", "PYTHON", "VIRTUAL_ENV"))
    }
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def constraints(tmp_path: Path) -> Path:
    """Pin the wheel's dependencies to the versions this project tests (and pip caches)."""
    pins = re.sub(r"\[[^]]*\]", "", (ROOT / "requirements.txt").read_text())
    path = tmp_path / "constraints.txt"
    path.write_text(pins)
    return path


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once for this module with `python -m build`."""
    dist = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--wheel", "--outdir", dist, ROOT, cwd=ROOT)
    (built,) = dist.glob("jwtsite_accounts-*.whl")
    return built


def test_both_readmes_give_the_same_settings() -> None:
    main = readme_blocks(ROOT / "README.md")
    assert len(main) >= 2
    assert readme_blocks(ROOT / "accounts" / "README.md")[: len(main)] == main


def test_the_wheel_holds_the_app_typed_and_declares_its_dependencies(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata,) = [name for name in names if name.endswith(".dist-info/METADATA")]
        declared = archive.read(metadata).decode()
    assert {"accounts/py.typed", "accounts/migrations/0001_initial.py"} <= names
    assert not {name.split("/")[0] for name in names} - {"accounts", metadata.split("/")[0]}
    for requirement in ("Django", "djangorestframework-simplejwt", "PyJWT", "cryptography"):
        assert f"Requires-Dist: {requirement}" in declared
    assert 'Requires-Dist: argon2-cffi>=23.1; extra == "argon2"' in declared
    assert "# jwtsite-accounts" in declared  # accounts/README.md is the description


def test_the_wheel_works_in_a_new_project_with_the_readme_settings(
    wheel: Path, tmp_path: Path
) -> None:
    # Empty: no pip inside (ensurepip is slow); this project's pip installs into it.
    run(sys.executable, "-m", "venv", "--without-pip", tmp_path / "venv", cwd=tmp_path)
    python, bin_dir = tmp_path / "venv" / "bin" / "python", tmp_path / "venv" / "bin"
    pip: list[str | Path] = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet"]
    run(*pip, "-c", constraints(tmp_path), f"{wheel}[argon2]", cwd=tmp_path)
    (tmp_path / "project").mkdir()
    run(bin_dir / "django-admin", "startproject", "mysite", tmp_path / "project", cwd=tmp_path)
    settings, urls = readme_blocks(ROOT / "README.md")[:2]
    for name, block in (("settings.py", settings), ("urls.py", urls)):
        with (tmp_path / "project" / "mysite" / name).open("a") as module:
            module.write("\n" + block)
    env = {"DJANGO_SETTINGS_MODULE": "mysite.settings", "JWT_SIGNING_KEY": "k" * 50}
    project = tmp_path / "project"
    run(python, "manage.py", "check", "--fail-level", "WARNING", cwd=project, **env)
    run(python, "manage.py", "migrate", "--no-input", "-v", "0", cwd=project, **env)
    assert "package ok" in run(python, "manage.py", "shell", "-c", SCRIPT, cwd=project, **env)
