"""What a user does and sees, as helpers shared by the browser tests."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from playwright.sync_api import BrowserContext, Page, Response, expect

if TYPE_CHECKING:
    from tests.e2e.servers import Stack

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SCREENSHOTS_VARIABLE = "JWTSITE_SCREENSHOTS"
REFRESH_COOKIE = "refresh_token"
# A fixed seed makes the documentation screenshots the same on every run.
DOCS_SEED = "docs"


def posted_to(path: str) -> Callable[[Response], bool]:
    """Match the POST to an API path (not its CORS preflight, which has no body)."""
    return lambda response: path in response.url and response.request.method == "POST"


def open_login(page: Page, stack: Stack) -> None:
    page.goto(stack.url)
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def sign_in(page: Page, stack: Stack, password: str | None = None) -> dict[str, Any]:
    """Log in through the form; return the login response body the API sent."""
    open_login(page, stack)
    page.get_by_label("Username").fill(stack.api.username)
    page.get_by_label("Password").fill(password or stack.api.password)
    with page.expect_response(posted_to("/api/auth/login")) as login:
        page.get_by_role("button", name="Sign in").click()
    body: dict[str, Any] = login.value.json()
    return body


def expect_welcome(page: Page, stack: Stack) -> None:
    expect(page.get_by_role("heading", name=f"Welcome {stack.api.username}")).to_be_visible()


def get_random_user(page: Page) -> None:
    page.get_by_role("button", name="Get random user").click()
    expect(page.get_by_role("article")).to_be_visible()


def script_visible_state(page: Page) -> dict[str, Any]:
    """Everything a page script (or an XSS payload) could read from storage and cookies."""
    state: dict[str, Any] = page.evaluate(
        """() => ({
            localStorage: Object.entries(localStorage),
            sessionStorage: Object.entries(sessionStorage),
            cookie: document.cookie,
        })"""
    )
    return state


def refresh_cookie(context: BrowserContext) -> dict[str, Any] | None:
    cookies = [c for c in context.cookies() if c["name"] == REFRESH_COOKIE]
    return dict(cookies[0]) if cookies else None


def post_refresh(
    api_url: str, cookie: str | None, *, cookie_mode_header: bool
) -> tuple[int, dict[str, Any]]:
    """POST the refresh endpoint from outside the browser, as a cookie thief would."""
    headers = {"Content-Type": "application/json"}
    if cookie is not None:
        headers["Cookie"] = f"{REFRESH_COOKIE}={cookie}"
    if cookie_mode_header:
        headers["X-Token-Transport"] = "cookie"
    request = urllib.request.Request(f"{api_url}/api/auth/refresh/", b"{}", headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def save_docs_screenshot(page: Page, name: str, *, full_page: bool = False) -> None:
    """Keep a picture of this screen for the README (docs/screenshots/<name>.png).

    Only under `make screenshots` (`SCREENSHOTS_VARIABLE=1`): other runs leave the
    tracked pictures alone.
    """
    if os.environ.get(SCREENSHOTS_VARIABLE) != "1":
        return
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(DOCS_SCREENSHOTS / f"{name}.png"),
        animations="disabled",
        caret="hide",
        full_page=full_page,
    )


def seed_random_users(page: Page) -> None:
    """Make `/api/random-user/` answer the same user on every run (for stable screenshots)."""
    page.route(
        "**/api/random-user/",
        lambda route: route.continue_(url=f"{route.request.url}?seed={DOCS_SEED}"),
    )
