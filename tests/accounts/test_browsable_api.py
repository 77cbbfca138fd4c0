"""The browsable API (debug on): signing in from it, CSRF, revocation, masked passwords.

Its session login counts only for the browsable renderer's HTML pages: the same cookie on a
JSON request is no credential. A live server with debug on, as `make run` serves it.
"""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from accounts.authentication import BrowsableAPISessionAuthentication
from tests.e2e.servers import ApiServer

HTML = "text/html"
JSON = "application/json"


class Browser:
    """A cookie-keeping HTTP client for one server."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def send(
        self, path: str, *, accept: str = HTML, data: dict[str, str] | None = None, **headers: str
    ) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        request.add_header("Accept", accept)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def cookie(self, name: str) -> str:
        return next(cookie.value or "" for cookie in self.cookies if cookie.name == name)

    def sign_in(self, username: str, password: str) -> int:
        status, page = self.send("/api-auth/login/?next=/api/auth/me/")
        assert status == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token
        form = {"username": username, "password": password, "next": "/api/auth/me/"}
        status, _ = self.send("/api-auth/login/", data={**form, "csrfmiddlewaretoken": token[1]})
        return status


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiServer]:
    api = ApiServer(
        Path(tmp_path_factory.mktemp("browsable")), allowed_origins=[], access_lifetime=300
    )
    api.start()
    yield api
    api.stop()


def test_signing_in_opens_the_browsable_pages_only(server: ApiServer) -> None:
    browser = Browser(server.url)
    assert browser.send("/api/auth/me/")[0] == 401
    assert browser.sign_in(server.username, server.password) == 200
    status, page = browser.send("/api/auth/me/")
    assert status == 200
    assert server.username in page
    assert browser.send("/api/auth/me/", accept=JSON)[0] == 401


def test_a_wrong_password_does_not_sign_in(server: ApiServer) -> None:
    browser = Browser(server.url)
    assert browser.sign_in(server.username, "wrong") == 200  # The form again, with an error.
    assert browser.send("/api/auth/me/")[0] == 401


def test_unsafe_requests_need_the_csrf_token(server: ApiServer) -> None:
    browser = Browser(server.url)
    assert browser.sign_in(server.username, server.password) == 200
    assert browser.send("/api/auth/logout-all/", data={})[0] == 403
    assert browser.send("/api/auth/me/")[0] == 200


def test_logging_out_everywhere_ends_the_browsable_session(server: ApiServer) -> None:
    browser = Browser(server.url)
    assert browser.sign_in(server.username, server.password) == 200
    csrf = browser.cookie("csrftoken")
    # 204 shows as a 200 page in the browsable API.
    assert browser.send("/api/auth/logout-all/", data={}, **{"X-CSRFToken": csrf})[0] == 200
    assert browser.send("/api/auth/me/")[0] == 401


def test_password_inputs_are_masked(server: ApiServer) -> None:
    _, page = Browser(server.url).send("/api/auth/login/")
    password = re.search(r'<input[^>]*name="password"[^>]*>', page)
    assert password
    assert 'type="password"' in password[0]


def test_the_session_authenticates_for_the_browsable_renderer_only(user: Any) -> None:
    """The rule itself, in this process: the same signed-in request, JSON then HTML."""
    request = Request(APIRequestFactory().get("/api/auth/me/"))
    request._request.user = user
    authentication = BrowsableAPISessionAuthentication()
    assert authentication.authenticate(request) is None
    request.accepted_renderer = BrowsableAPIRenderer()
    assert authentication.authenticate(request) == (user, None)
