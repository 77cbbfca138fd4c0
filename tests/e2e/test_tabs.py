"""Many tabs, one session: nobody is logged out by their own browser.

The tabs of one browser context share the refresh cookie. Reloaded at the same moment,
each must come back signed in: one refreshes (a Web Lock makes them take turns) and hands
the new access token to the others, and the server forgives a late tab (409) rather than
taking it for a thief.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import ExitStack

import pytest
from playwright.sync_api import BrowserContext, Page, Response, expect

from tests.e2e.pages import expect_welcome, get_random_user, posted_to, refresh_cookie, sign_in
from tests.e2e.servers import Stack

ACCESS_LIFETIME = 2  # seconds
TRIALS = 5
SIGNED_OUT_ELSEWHERE = "You signed out in another tab."
# Every tab starts its reload (or click) at one moment, 300 ms after the test sets it.
AT_ONE_MOMENT = "([at, script]) => setTimeout(() => eval(script), at - Date.now())"
CLICK_GET_RANDOM_USER = (
    "[...document.querySelectorAll('button')]"
    ".find((button) => button.textContent.includes('Get random user')).click()"
)


@pytest.fixture
def short_stack(make_stack: Callable[[int], Stack]) -> Stack:
    return make_stack(ACCESS_LIFETIME)


class RefreshAnswers:
    """The status of every refresh POST any tab of the context makes."""

    def __init__(self, context: BrowserContext) -> None:
        self.statuses: list[int] = []
        context.on("response", self._on_response)

    def _on_response(self, response: Response) -> None:
        if posted_to("/api/auth/refresh")(response):
            self.statuses.append(response.status)


def card_answer(response: Response) -> bool:
    """The answer to a card request that carried an access token (not the 401 before it)."""
    request = response.request
    return "/api/random-user" in response.url and request.method == "GET" and response.status != 401


def open_tabs(context: BrowserContext, stack: Stack, count: int) -> list[Page]:
    """Sign in in one tab, then open more: each resumes the session from the cookie."""
    first = context.new_page()
    sign_in(first, stack)
    expect_welcome(first, stack)
    tabs = [first]
    for _ in range(count - 1):
        tab = context.new_page()
        tab.goto(stack.url)
        expect_welcome(tab, stack)
        tabs.append(tab)
    return tabs


def at_one_moment(tabs: list[Page], script: str) -> None:
    at = tabs[0].evaluate("() => Date.now() + 300")
    for tab in tabs:
        tab.evaluate(AT_ONE_MOMENT, [at, script])


def let_access_tokens_expire() -> None:
    # A real server and a real clock: the tokens must actually expire (`exp` is in seconds).
    time.sleep(ACCESS_LIFETIME + 1.2)


def reload_together(tabs: list[Page]) -> None:
    for tab in tabs:
        tab.evaluate("() => { window.beforeReload = true; }")
    at_one_moment(tabs, "location.reload()")
    for tab in tabs:
        tab.wait_for_function("() => !window.beforeReload")


@pytest.mark.parametrize("count", [2, 3])
def test_tabs_reloaded_together_with_expired_tokens_stay_signed_in(
    context: BrowserContext, short_stack: Stack, count: int
) -> None:
    tabs = open_tabs(context, short_stack, count)
    answers = RefreshAnswers(context)
    for trial in range(TRIALS):
        let_access_tokens_expire()
        reload_together(tabs)
        for tab in tabs:
            expect_welcome(tab, short_stack)
            get_random_user(tab)
        assert 401 not in answers.statuses, f"trial {trial + 1}: {answers.statuses}"
    assert refresh_cookie(context) is not None


def test_tabs_calling_together_with_expired_tokens_stay_signed_in(
    context: BrowserContext, short_stack: Stack
) -> None:
    tabs = open_tabs(context, short_stack, 3)
    answers = RefreshAnswers(context)
    for trial in range(TRIALS):
        let_access_tokens_expire()
        with ExitStack() as waiting:
            cards = [waiting.enter_context(tab.expect_response(card_answer)) for tab in tabs]
            at_one_moment(tabs, CLICK_GET_RANDOM_USER)
        assert [card.value.status for card in cards] == [200] * len(tabs)
        for tab in tabs:
            expect_welcome(tab, short_stack)
        assert 401 not in answers.statuses, f"trial {trial + 1}: {answers.statuses}"


def test_logout_in_one_tab_signs_every_tab_out_and_login_signs_them_in(
    context: BrowserContext, stack: Stack
) -> None:
    tabs = open_tabs(context, stack, 3)

    with tabs[0].expect_response(posted_to("/api/auth/logout")):
        tabs[0].get_by_role("button", name="Log out").click()

    for tab in tabs:
        expect(tab.get_by_role("heading", name="Sign in")).to_be_visible()
    for tab in tabs[1:]:
        expect(tab.get_by_text(SIGNED_OUT_ELSEWHERE)).to_be_visible()
    assert refresh_cookie(context) is None

    sign_in(tabs[1], stack)
    for tab in tabs:
        expect_welcome(tab, stack)
        get_random_user(tab)
