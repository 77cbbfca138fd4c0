"""Cross-site requests cannot use the refresh cookie: the custom header is the CSRF proof."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.e2e.pages import expect_welcome, post_refresh, posted_to, refresh_cookie, sign_in
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
    refresh_url = f"{stack.api.url}/api/auth/refresh/"
    evil = context.new_page()
    refresh_statuses: list[int] = []
    evil.on(
        "response",
        lambda r: refresh_statuses.append(r.status) if "/api/auth/refresh" in r.url else None,
    )
    evil.goto(f"{attacker.origin}/attack.html")
    evil.on(
        "requestfailed",
        lambda r: print("FAILED", r.method, r.url, r.failure, r.response() if False else ""),
    )
    evil.on("requestfinished", lambda r: print("FINISHED", r.method, r.url))
    evil.on("response", lambda r: print("RESPONSE", r.request.method, r.url, r.status))
    print(evil.evaluate(FETCH_WITHOUT_HEADER, refresh_url))
    print(evil.evaluate(FETCH_WITH_HEADER, refresh_url))
    evil.wait_for_timeout(500)

    # A "simple" request carries the cookie (same site) but cannot add the header.
    with evil.expect_response(posted_to("/api/auth/refresh")) as simple:
        assert evil.evaluate(FETCH_WITHOUT_HEADER, refresh_url) == "blocked"
    assert simple.value.status == 403
    # Adding the header forces a preflight, which this origin fails: the POST never goes out.
    assert evil.evaluate(FETCH_WITH_HEADER, refresh_url) == "blocked"
    # A plain form POST is a navigation: no header either.
    with evil.expect_navigation() as navigation:
        evil.locator("#attack").evaluate("form => form.submit()")
    assert navigation.value is not None
    assert navigation.value.status == 403
    assert 200 not in refresh_statuses

    # None of it touched the user's session.
    evil.close()
    page.reload()
    expect_welcome(page, stack)
