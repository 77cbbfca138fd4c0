"""The signed-in session: the random-user card, reload, and logout."""

from __future__ import annotations

import json

from playwright.sync_api import BrowserContext, Page, Request, expect

from tests.e2e.pages import (
    expect_welcome,
    get_random_user,
    post_refresh,
    posted_to,
    refresh_cookie,
    save_docs_screenshot,
    seed_random_users,
    sign_in,
)
from tests.e2e.servers import Stack


def test_random_user_card_shows_a_loaded_avatar_and_raw_json(page: Page, stack: Stack) -> None:
    seed_random_users(page)
    api_calls: list[Request] = []
    page.on("request", lambda r: api_calls.append(r) if "/api/random-user" in r.url else None)
    sign_in(page, stack)
    expect_welcome(page, stack)

    get_random_user(page)

    card = page.get_by_role("article")
    name = card.get_by_role("heading", level=2).inner_text()
    avatar = card.get_by_role("img", name=f"Avatar of {name}")
    expect(avatar).to_be_visible()
    avatar.evaluate("img => img.decode()")  # Resolves once the image has loaded and decoded.
    assert avatar.evaluate("img => img.complete && img.naturalWidth") > 0
    for label in ("Email", "Phone", "Address", "Company"):
        expect(card.get_by_text(label, exact=True)).to_be_visible()
    assert api_calls[0].headers["authorization"].startswith("Bearer ")
    save_docs_screenshot(page, "welcome-card")

    toggle = page.get_by_role("button", name="Show raw JSON")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(page.get_by_role("button", name="Hide raw JSON")).to_have_attribute(
        "aria-expanded", "true"
    )
    raw = json.loads(page.locator("#raw-json").inner_text())
    assert raw["name"] == name
    assert set(raw) >= {"username", "email", "address", "phone", "website", "company", "avatar"}
    page.locator("#raw-json").scroll_into_view_if_needed()
    save_docs_screenshot(page, "raw-json")


def test_reload_keeps_the_session(page: Page, context: BrowserContext, stack: Stack) -> None:
    sign_in(page, stack)
    expect_welcome(page, stack)
    first_cookie = refresh_cookie(context)

    with page.expect_response(posted_to("/api/auth/refresh")) as refresh:
        page.reload()
    assert refresh.value.status == 200
    expect_welcome(page, stack)
    get_random_user(page)
    rotated = refresh_cookie(context)
    assert first_cookie is not None
    assert rotated is not None
    assert rotated["value"] != first_cookie["value"]


def test_logout_returns_to_login_and_kills_the_refresh_cookie(
    page: Page, context: BrowserContext, stack: Stack
) -> None:
    sign_in(page, stack)
    expect_welcome(page, stack)
    old_cookie = refresh_cookie(context)
    assert old_cookie is not None

    with page.expect_response(posted_to("/api/auth/logout")) as logout:
        page.get_by_role("button", name="Log out").click()
    assert logout.value.status == 204
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.get_by_label("Username")).to_be_focused()
    assert refresh_cookie(context) is None

    status, body = post_refresh(stack.api.url, old_cookie["value"], cookie_mode_header=True)
    assert (status, body.get("code")) == (401, "token_not_valid")
    page.reload()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
