"""Signing in, as a user would: errors that read well, and tokens out of scripts' reach."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.pages import (
    expect_welcome,
    open_login,
    refresh_cookie,
    save_docs_screenshot,
    script_visible_state,
    sign_in,
)
from tests.e2e.servers import Stack

NOTHING_STORED = {"localStorage": [], "sessionStorage": [], "cookie": ""}


def test_login_form_is_labelled_and_focused(page: Page, stack: Stack) -> None:
    open_login(page, stack)
    expect(page.get_by_label("Username")).to_be_focused()
    expect(page.get_by_label("Password")).to_have_attribute("type", "password")
    save_docs_screenshot(page, "login")


def test_wrong_password_reads_well_and_stores_nothing(
    page: Page, context: BrowserContext, stack: Stack
) -> None:
    body = sign_in(page, stack, password="not-the-password")

    assert body["code"] == "invalid_credentials"
    alert = page.locator("#login-error")
    expect(alert).to_have_text("Wrong username or password.")
    expect(alert).to_have_attribute("aria-live", "assertive")
    expect(page.get_by_label("Password")).to_be_focused()
    expect(page.get_by_label("Password")).to_have_attribute("aria-invalid", "true")
    assert script_visible_state(page) == NOTHING_STORED
    assert context.cookies() == []
    save_docs_screenshot(page, "login-error")


def test_unreachable_server_is_named(page: Page, stack: Stack) -> None:
    dead_api = "http://127.0.0.1:9"  # The discard port: nothing listens there.
    page.route("**/config.json", lambda route: route.fulfill(json={"apiUrl": dead_api}))
    page.goto(stack.url)
    page.get_by_label("Username").fill("demo")
    page.get_by_label("Password").fill("whatever")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#login-error")).to_have_text(f"Cannot reach the server at {dead_api}.")


def test_login_shows_welcome_and_no_token_is_readable_by_scripts(
    page: Page, context: BrowserContext, stack: Stack
) -> None:
    body = sign_in(page, stack)

    expect_welcome(page, stack)
    expect(page.get_by_role("heading", level=1)).to_be_focused()
    access = body["access"]
    assert "refresh" not in body  # Cookie mode: the refresh token never reaches JavaScript.
    state = script_visible_state(page)
    assert state == NOTHING_STORED
    assert access not in str(state)
    cookie = refresh_cookie(context)
    assert cookie is not None
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/api/auth/"
    assert cookie["value"] not in page.content()
