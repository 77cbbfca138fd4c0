"""An expired access token is refreshed silently, once, however many calls hit it."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, Request, Response, expect

from tests.e2e.pages import expect_welcome, get_random_user, sign_in
from tests.e2e.servers import Stack

ACCESS_LIFETIME = 2  # seconds
WAIT_FOR_RESPONSES = 10.0


@pytest.fixture
def short_stack(make_stack: Callable[[int], Stack]) -> Stack:
    return make_stack(ACCESS_LIFETIME)


class Traffic:
    """Record refresh POSTs and random-user answers as the page makes them."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.refresh_posts = 0
        self.random_user_statuses: list[int] = []
        page.on("request", self._on_request)
        page.on("response", self._on_response)

    def _on_request(self, request: Request) -> None:
        if "/api/auth/refresh" in request.url and request.method == "POST":
            self.refresh_posts += 1

    def _on_response(self, response: Response) -> None:
        if "/api/random-user" in response.url:
            self.random_user_statuses.append(response.status)

    def wait_for_random_user_answers(self, count: int) -> None:
        deadline = time.monotonic() + WAIT_FOR_RESPONSES
        while len(self.random_user_statuses) < count and time.monotonic() < deadline:
            self.page.wait_for_timeout(50)


def sign_in_and_let_access_expire(page: Page, stack: Stack) -> Traffic:
    sign_in(page, stack)
    expect_welcome(page, stack)
    traffic = Traffic(page)
    # A real server and a real clock: the token must actually expire (JWT `exp` is in seconds).
    time.sleep(ACCESS_LIFETIME + 1.2)
    return traffic


def test_call_after_expiry_refreshes_silently(page: Page, short_stack: Stack) -> None:
    traffic = sign_in_and_let_access_expire(page, short_stack)

    get_random_user(page)

    traffic.wait_for_random_user_answers(2)
    assert traffic.random_user_statuses == [401, 200]
    assert traffic.refresh_posts == 1
    expect(page.locator(".alert")).to_be_empty()
    expect_welcome(page, short_stack)


def test_two_calls_at_once_after_expiry_share_one_refresh(page: Page, short_stack: Stack) -> None:
    traffic = sign_in_and_let_access_expire(page, short_stack)

    page.get_by_role("button", name="Get random user").evaluate(
        "button => { button.click(); button.click(); }"
    )

    traffic.wait_for_random_user_answers(4)
    expect(page.get_by_role("article")).to_be_visible()
    assert sorted(traffic.random_user_statuses) == [200, 200, 401, 401]
    assert traffic.refresh_posts == 1
    expect(page.locator(".alert")).to_be_empty()
