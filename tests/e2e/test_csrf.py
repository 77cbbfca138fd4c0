"""Cross-site requests cannot use the refresh cookie: the custom header is the CSRF proof."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.e2e.pages import expect_welcome, post_refresh, refresh_cookie, sign_in
from tests.e2e.servers import Stack, StaticSite

ATTACK_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Win a prize</title></head>
<body><h1>Win a prize</h1>
<form id="attack" method="post" enctype="text/plain" action="{api}/api/auth/refresh/">
  <input type="hidden" name="{{}}" value="">
</form></body></html>
"""
FETCH_WITHOUT_HEADER = """url => fetch(url, {method: "POST", credentials: "include", body: "{}"})
    .then(response => "read " + response.status, () => "blocked")"""
FETCH_WITH_HEADER = """url => fetch(url, {
        method: "POST", credentials: "include", body: "{}",
        headers: {"Content-Type": "application/json", "X-Token-Transport": "cookie"},
    }).then(response => "read " + response.status, () => "blocked")"""


@pytest.fixture
def attacker(stack: Stack) -> Iterator[StaticSite]:
    """A page on an origin the API does not allow (same site: 127.0.0.1, another port)."""
    with tempfile.TemporaryDirectory() as empty:
        page = ATTACK_PAGE.format(api=stack.api.url).encode()
        site = StaticSite(Path(empty), {"/attack.html": page})
        yield site
        site.stop()


def test_cookie_without_the_header_is_refused(
    context: BrowserContext, page: Page, stack: Stack
) -> None:
    sign_in(page, stack)
    expect_welcome(page, stack)
    cookie = refresh_cookie(context)
    assert cookie is not None

    status, body = post_refresh(stack.api.url, cookie["value"], cookie_mode_header=False)
    assert (status, body.get("code")) == (403, "csrf_failed")
    # The same cookie with the header works: the refusal was about the missing proof.
    status, body = post_refresh(stack.api.url, cookie["value"], cookie_mode_header=True)
    assert status == 200
    assert set(body) == {"access"}


def test_cross_origin_page_cannot_refresh(
    context: BrowserContext, page: Page, stack: Stack, attacker: StaticSite
) -> None:
    sign_in(page, stack)
    expect_welcome(page, stack)
    cookie_before = refresh_cookie(context)
    assert cookie_before is not None
    refresh_url = f"{stack.api.url}/api/auth/refresh/"
    evil = context.new_page()
    evil.goto(f"{attacker.origin}/attack.html")

    # A "simple" request carries the cookie (same site) but cannot add the header; the
    # API refuses it (403) and sends no CORS headers to this origin, so the page reads nothing.
    assert evil.evaluate(FETCH_WITHOUT_HEADER, refresh_url) == "blocked"
    # Adding the header forces a preflight, which this origin fails: the POST never goes out.
    assert evil.evaluate(FETCH_WITH_HEADER, refresh_url) == "blocked"
    # A plain form POST is a top-level navigation, which cannot add the header either.
    with evil.expect_navigation() as navigation:
        evil.locator("#attack").evaluate("form => form.submit()")
    assert navigation.value is not None
    assert navigation.value.status in (403, 415)  # No header, and not even JSON.

    # None of it used the cookie: it was neither rotated nor revoked.
    cookie_after = refresh_cookie(context)
    assert cookie_after is not None
    assert cookie_after["value"] == cookie_before["value"]
    status, _ = post_refresh(stack.api.url, cookie_before["value"], cookie_mode_header=True)
    assert status == 200
