"""The account lifecycle in Chromium, with every email read from a real SMTP server."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Browser, Page, expect

from tests.e2e.pages import expect_welcome, posted_to, save_docs_screenshot
from tests.e2e.servers import Stack
from tests.mail import link_in

PASSWORD = "a long and unusual passphrase"


def open_email_link(page: Page, stack: Stack, address: str, count: int = 1) -> str:
    """Open the link of the `count`-th email to `address`; it must point at the client."""
    link = link_in(stack.mail.wait_for(address, count=count))
    assert link.startswith(stack.site.origin + "/"), link
    page.goto(link)
    return link


def sign_up(page: Page, stack: Stack, username: str, *, screenshots: bool = False) -> str:
    """Sign up through the form and confirm the address from its email; return the address."""
    address = f"{username}@example.com"
    page.goto(stack.url)
    page.get_by_role("link", name="Create an account").click()
    expect(page.get_by_role("heading", name="Create an account")).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Email").fill(address)
    page.get_by_label("Password").fill(PASSWORD)
    if screenshots:
        save_docs_screenshot(page, "sign-up")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    if screenshots:
        save_docs_screenshot(page, "check-your-email")
    link = open_email_link(page, stack, address)
    assert urlsplit(link).path == "/verify-email"
    expect(page.get_by_role("status").filter(has_text="address is confirmed")).to_be_visible()
    if screenshots:
        save_docs_screenshot(page, "email-verified")
    return address


def sign_in_as(page: Page, stack: Stack, username: str, password: str = PASSWORD) -> None:
    page.goto(stack.url)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name=f"Welcome {username}")).to_be_visible()


def open_profile(page: Page) -> None:
    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", name="Your account", level=1)).to_be_visible()


def login_status(stack: Stack, username: str, password: str) -> int:
    body = json.dumps({"username": username, "password": password}).encode()
    request = urllib.request.Request(
        f"{stack.api.url}/api/auth/login/", body, {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_sign_up_verify_by_email_then_sign_in(page: Page, stack: Stack) -> None:
    username = "weak"
    page.goto(stack.url)
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Email").fill(f"{username}@example.com")
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("#register-error")).to_contain_text("Password: This password is too short")
    expect(page.get_by_label("Password")).to_have_attribute("aria-invalid", "true")
    assert login_status(stack, username, PASSWORD) == 401

    username = "grace"
    sign_up(page, stack, username, screenshots=True)
    page.get_by_role("link", name="Sign in").click()
    sign_in_as(page, stack, username)


def test_forgot_password_ends_old_sessions(browser: Browser, page: Page, stack: Stack) -> None:
    username = "forgetful"
    address = sign_up(page, stack, username)
    elsewhere = browser.new_context()
    try:
        old_page = elsewhere.new_page()
        sign_in_as(old_page, stack, username)

        page.goto(stack.url)
        page.get_by_role("link", name="Forgot your password?").click()
        page.get_by_label("Email").fill(address)
        save_docs_screenshot(page, "forgot-password")
        page.get_by_role("button", name="Email me a link").click()
        expect(page.get_by_role("status").filter(has_text="Check your email")).to_be_visible()
        link = open_email_link(page, stack, address, count=2)
        query = parse_qs(urlsplit(link).query)
        assert urlsplit(link).path == "/reset-password" and {"uid", "token"} <= set(query)
        page.get_by_label("New password", exact=True).fill("an entirely new passphrase")
        save_docs_screenshot(page, "reset-password")
        page.get_by_role("button", name="Set new password").click()
        expect(page.get_by_role("status").filter(has_text="Your password is set")).to_be_visible()

        old_page.reload()
        expect(old_page.get_by_role("heading", name="Sign in")).to_be_visible()
        assert login_status(stack, username, PASSWORD) == 401
        sign_in_as(page, stack, username, "an entirely new passphrase")
        page.goto(link)
        page.get_by_label("New password", exact=True).fill("yet another passphrase here")
        page.get_by_role("button", name="Set new password").click()
        expect(page.locator("#reset-error")).to_contain_text("used, expired or wrong")
    finally:
        elsewhere.close()


def test_change_email_from_the_profile(page: Page, stack: Stack) -> None:
    username = "mover"
    sign_up(page, stack, username)
    sign_in_as(page, stack, username)
    open_profile(page)
    save_docs_screenshot(page, "profile", full_page=True)
    new_address = f"{username}.new@example.com"
    page.get_by_label("New email address").fill(new_address)
    page.get_by_label("Your password").first.fill(PASSWORD)
    page.get_by_role("button", name="Change email").click()
    expect(page.get_by_role("status").filter(has_text=f"Check {new_address}")).to_be_visible()
    link = open_email_link(page, stack, new_address)
    assert urlsplit(link).path == "/confirm-email"
    expect(page.get_by_role("status").filter(has_text=f"now {new_address}")).to_be_visible()
    page.get_by_role("link", name="Continue").click()
    expect_welcome_of(page, username)


def expect_welcome_of(page: Page, username: str) -> None:
    expect(page.get_by_role("heading", name=f"Welcome {username}")).to_be_visible()


def test_delete_account_with_confirmation(page: Page, stack: Stack) -> None:
    username = "leaver"
    sign_up(page, stack, username)
    sign_in_as(page, stack, username)
    open_profile(page)
    page.locator("#delete-password").fill(PASSWORD)
    page.get_by_role("button", name="Delete account…").click()
    expect(page.get_by_role("alertdialog")).to_contain_text("Delete your account for good?")
    with page.expect_response(lambda r: "/api/auth/me" in r.url and r.request.method == "DELETE"):
        page.get_by_role("button", name="Yes, delete my account").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Your account has been deleted.")
    assert login_status(stack, username, PASSWORD) == 401


def test_demo_user_still_signs_in(page: Page, stack: Stack) -> None:
    page.goto(stack.url)
    page.get_by_label("Username").fill(stack.api.username)
    page.get_by_label("Password").fill(stack.api.password)
    with page.expect_response(posted_to("/api/auth/login")):
        page.get_by_role("button", name="Sign in").click()
    expect_welcome(page, stack)
