"""The card (GET /api/random-user/), the course's GET /random-user, and the avatar images."""

import re
from typing import Any
from xml.etree import ElementTree

import pytest
from django.test import override_settings
from django.urls import clear_script_prefix, set_script_prefix
from rest_framework.test import APIClient
from rest_framework_simplejwt.authentication import JWTAuthentication

from accounts.authentication import BrowsableAPISessionAuthentication
from randomuser.compat import CourseRandomUserViewSet
from randomuser.views import AvatarView, RandomUsersView, RandomUserViewSet

CARD_PATHS = ["/api/random-user/", "/api/random-user", "/random-user", "/random-user/"]


def strings_only(value: Any) -> bool:
    if isinstance(value, dict):
        return all(strings_only(item) for item in value.values())
    return isinstance(value, str)


@pytest.mark.parametrize("path", CARD_PATHS)
def test_card_shape(auth_client: APIClient, path: str) -> None:
    response = auth_client.get(path)
    assert response.status_code == 200
    card = response.json()
    assert set(card) == {
        "name", "username", "email", "address", "phone", "website", "company", "avatar",
    }  # fmt: skip
    assert set(card["address"]) == {"street", "suite", "city", "zipcode", "geo"}
    assert set(card["company"]) == {"name", "catchPhrase", "bs"}
    assert strings_only(card)
    assert re.fullmatch(r"-?\d+\.\d{4}", card["address"]["geo"]["lat"])
    assert re.fullmatch(r"-?\d+\.\d{4}", card["address"]["geo"]["lng"])
    assert card["avatar"].startswith("http://testserver/api/avatars/large/")


def test_avatar_urls_follow_the_script_prefix(auth_client: APIClient) -> None:
    """The avatars' path is reversed once per script prefix, never served under another."""

    def avatar() -> str:
        url: str = auth_client.get("/api/random-user/").json()["avatar"]
        return url

    assert avatar().startswith("http://testserver/api/avatars/large/")
    set_script_prefix("/jwt/")
    try:
        assert avatar().startswith("http://testserver/jwt/api/avatars/large/")
    finally:
        clear_script_prefix()
    assert avatar().startswith("http://testserver/api/avatars/large/")


def test_card_is_new_on_every_call_and_fixed_by_seed(auth_client: APIClient) -> None:
    first, second = (auth_client.get("/api/random-user/").json() for _ in range(2))
    assert first != second
    seeded = auth_client.get("/api/random-user/", {"seed": "course"}).json()
    assert auth_client.get("/random-user", {"seed": "course"}).json() == seeded
    assert auth_client.get("/api/random-user/", {"seed": "other"}).json() != seeded


def test_card_ignores_unknown_parameters_like_the_course(auth_client: APIClient) -> None:
    assert auth_client.get("/api/random-user/", {"_": "1699999"}).status_code == 200


def test_card_seed_is_validated(auth_client: APIClient) -> None:
    response = auth_client.get("/api/random-user/", {"seed": "\x00"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"seed"}


def test_api_card_401_is_json(api_client: APIClient) -> None:
    response = api_client.get("/api/random-user/")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize("path", ["/random-user", "/random-user/"])
def test_course_card_errors_are_plain_text(api_client: APIClient, path: str) -> None:
    response = api_client.get(path)
    assert response.status_code == 401
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content and not response.content.startswith(b"{")
    assert response["WWW-Authenticate"].startswith("Bearer")
    api_client.credentials(HTTP_AUTHORIZATION="Bearer forged.token.here")
    forged = api_client.get(path)
    assert forged.status_code == 401
    assert forged["Content-Type"] == "text/plain; charset=utf-8"


@override_settings(RANDOMUSER={"USERS_PER_5_MINUTES": 0})
def test_course_card_429_is_plain_text_with_retry_after(user: Any) -> None:
    client = APIClient()
    client.force_authenticate(user)
    response = client.get("/random-user")
    assert response.status_code == 429
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert int(response["Retry-After"]) >= 1


@pytest.mark.parametrize(
    "view", [RandomUserViewSet, CourseRandomUserViewSet, RandomUsersView], ids=lambda v: v.__name__
)
def test_protected_views_use_simplejwt_authentication(view: Any) -> None:
    authenticators = view().get_authenticators()
    assert authenticators
    # The token first (its 401 challenge); the session login serves only browsable pages.
    assert isinstance(authenticators[0], JWTAuthentication)
    assert all(
        isinstance(auth, JWTAuthentication | BrowsableAPISessionAuthentication)
        for auth in authenticators
    )


def test_avatar_view_is_public() -> None:
    assert AvatarView().get_authenticators() == []


@pytest.mark.parametrize("size", ["large", "medium", "thumbnail"])
def test_avatar_svg(api_client: APIClient, size: str) -> None:
    response = api_client.get(
        f"/api/avatars/{size}/1f77b4/JD.svg", HTTP_ACCEPT="image/avif,image/*"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "max-age=31536000" in response["Cache-Control"]
    root = ElementTree.fromstring(response.content)
    assert int(root.get("width", "0")) > 0 and root.get("width") == root.get("height")


def test_avatar_with_non_latin_initials_and_a_slash(api_client: APIClient) -> None:
    assert api_client.get("/api/avatars/medium/d62728/%D0%96%D0%A8.svg/").status_code == 200


def test_avatar_ignores_a_stale_token(api_client: APIClient) -> None:
    api_client.credentials(HTTP_AUTHORIZATION="Bearer expired.or.garbage")
    assert api_client.get("/api/avatars/large/1f77b4/JD.svg").status_code == 200


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/avatars/huge/1f77b4/JD.svg", "size"),
        ("/api/avatars/large/1F77B4/JD.svg", "colour"),
        ("/api/avatars/large/zzzzzz/JD.svg", "colour"),
        ("/api/avatars/large/1f77b4/J1.svg", "initials"),
        ("/api/avatars/large/1f77b4/ABCD.svg", "initials"),
        ("/api/avatars/large/1f77b4/%3Cb%3E.svg", "initials"),
    ],
)
def test_avatar_bad_path_is_400(api_client: APIClient, path: str, field: str) -> None:
    response = api_client.get(path)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_avatar_unknown_path_is_404(api_client: APIClient) -> None:
    assert api_client.get("/api/avatars/large/1f77b4/JD.png").status_code == 404
