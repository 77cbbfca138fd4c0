"""Fixtures for the browser tests: prerequisites, the built client, the API, Chromium.

Playwright drives Debian's Chromium (never a downloaded browser). Its sync API keeps an
event loop running while it is open, which would trip Django's async-unsafe checks in the
database tests, so the browser lives only as long as this package's tests (`package` scope).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.e2e.servers import Stack, build_client

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
VIEWPORT: ViewportSize = {"width": 1040, "height": 780}
DEFAULT_ACCESS_LIFETIME = 300
DOCS_PORTS = (4280, 8280)  # client, API: used when free, so screenshots show the same URLs.
_skip_reasons: list[str] = []

try:
    import playwright.sync_api  # noqa: F401
except ImportError:  # The test modules import it; without it they cannot even be collected.
    if os.environ.get("CI", "").lower() != "true":
        collect_ignore_glob = ["test_*.py"]
        _skip_reasons.append("BROWSER TESTS NOT RUN: the playwright package is missing")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: browser tests (Playwright with Debian's Chromium)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


def _missing_prerequisites() -> list[str]:
    missing = []
    if not CHROMIUM.is_file():
        missing.append(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    missing += [
        f"`{tool}` is not on PATH (install Node.js 20)"
        for tool in ("node", "npm")
        if not shutil.which(tool)
    ]
    return missing


@pytest.fixture(scope="package")
def e2e_prerequisites() -> None:
    """Skip loudly without Chromium, Node or Playwright; under CI=true, fail instead."""
    missing = _missing_prerequisites()
    if not missing:
        return
    reason = "BROWSER TESTS NOT RUN: " + "; ".join(missing)
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + " (CI=true makes this a failure)", pytrace=False)
    _skip_reasons.append(reason)
    pytest.skip(reason)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _skip_reasons:
        terminalreporter.section("browser tests skipped", sep="!", red=True, bold=True)
        terminalreporter.line(_skip_reasons[0], red=True, bold=True)


@pytest.fixture(scope="package")
def client_root(e2e_prerequisites: None) -> Path:
    return build_client()


@pytest.fixture(scope="package")
def make_stack(client_root: Path) -> Iterator[Callable[[int], Stack]]:
    """Start (once per access-token lifetime) a client and an API for it."""
    stacks: dict[int, Stack] = {}
    with tempfile.TemporaryDirectory(prefix="e2e-") as workdir:

        def make(access_lifetime: int) -> Stack:
            if access_lifetime not in stacks:
                directory = Path(workdir) / f"api-{access_lifetime}"
                directory.mkdir()
                ports = DOCS_PORTS if access_lifetime == DEFAULT_ACCESS_LIFETIME else (0, 0)
                stacks[access_lifetime] = Stack(client_root, directory, access_lifetime, ports)
            return stacks[access_lifetime]

        yield make
        for stack in stacks.values():
            stack.stop()


@pytest.fixture
def stack(make_stack: Callable[[int], Stack]) -> Stack:
    return make_stack(DEFAULT_ACCESS_LIFETIME)


@pytest.fixture(scope="package")
def browser(e2e_prerequisites: None) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=VIEWPORT, reduced_motion="reduce")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Save a screenshot of the page when a browser test fails."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    page = getattr(item, "funcargs", {}).get("page")
    if report.when != "call" or not report.failed or page is None:
        return
    from playwright.sync_api import Error as PlaywrightError

    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / (re.sub(r"[^\w.-]+", "_", item.name) + ".png")
    try:
        page.screenshot(path=str(path), full_page=True)
    except PlaywrightError as error:  # The page may be gone; keep the test's own report.
        report.sections.append(("screenshot", f"could not save {path}: {error}"))
    else:
        report.sections.append(("screenshot", f"saved {path}"))
