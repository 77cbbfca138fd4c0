"""GET /api/random-users/ through HTTP: parameters, formats, errors, reproducibility."""

import csv
import io
import json
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml
from django.http import StreamingHttpResponse
from django.test import override_settings
from rest_framework.test import APIClient

from tests.randomuser.conftest import Fetch, body_of

URL = "/api/random-users/"
UsersJson = Any


def error_fields(response: Any) -> set[str]:
    body = json.loads(body_of(response))
    assert response.status_code == 400
    assert body["code"] == "invalid"
    return set(body["errors"])


@pytest.mark.parametrize("path", ["/api/random-users/", "/api/random-users"])
def test_answers_with_and_without_slash(fetch: Fetch, path: str) -> None:
    response, body = fetch(path)
    assert response.status_code == 200
    assert len(json.loads(body)["results"]) == 1


def test_default_is_one_user_with_info_and_a_generated_seed(users_json: UsersJson) -> None:
    body = users_json()
    assert len(body["results"]) == 1
    info = body["info"]
    assert info["results"] == 1 and info["page"] == 1 and info["version"] == "1.4"
    assert len(info["seed"]) == 16 and int(info["seed"], 16) >= 0
    assert users_json(seed=info["seed"])["results"] == body["results"]


def test_response_is_streamed_and_not_cached(fetch: Fetch) -> None:
    response, _ = fetch(URL, results=600)
    assert isinstance(response, StreamingHttpResponse)
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_results_and_maximum(users_json: UsersJson) -> None:
    assert len(users_json(results=5000, seed="big")["results"]) == 5000


def test_same_seed_same_users_and_prefix(users_json: UsersJson) -> None:
    ten = users_json(seed="abc", results=10)["results"]
    assert users_json(seed="abc", results=10)["results"] == ten
    assert users_json(seed="abc", results=4)["results"] == ten[:4]
    assert users_json(seed="abd", results=4)["results"] != ten[:4]


def test_page_continues_the_previous_one(users_json: UsersJson) -> None:
    twelve = users_json(seed="pages", results=12)["results"]
    assert users_json(seed="pages", results=4, page=2)["results"] == twelve[4:8]
    third = users_json(seed="pages", results=4, page=3)
    assert third["results"] == twelve[8:]
    assert third["info"]["page"] == 3


def test_gender_with_seed(users_json: UsersJson) -> None:
    results = users_json(seed="g", results=30, gender="FEMALE")["results"]
    assert {user["gender"] for user in results} == {"female"}


def test_nat_list_is_case_insensitive(users_json: UsersJson) -> None:
    results = users_json(seed="n", results=40, nat="fr, De")["results"]
    assert {user["nat"] for user in results} == {"FR", "DE"}
    alias = users_json(seed="n", results=40, nationality="de,FR")["results"]
    assert alias == results


def test_inc_exc_do_not_change_other_values(users_json: UsersJson) -> None:
    full = users_json(seed="inc", results=8)["results"]
    included = users_json(seed="inc", results=8, inc="name,NAT,login")["results"]
    assert included == [{k: u[k] for k in ("name", "login", "nat")} for u in full]
    excluded = users_json(seed="inc", results=8, inc="name,nat,login", exc="login")["results"]
    assert excluded == [{k: u[k] for k in ("name", "nat")} for u in full]
    only_exc = users_json(seed="inc", results=8, exc="picture,id")["results"]
    assert only_exc == [{k: v for k, v in u.items() if k not in ("picture", "id")} for u in full]


def test_password_option(users_json: UsersJson) -> None:
    results = users_json(seed="pw", results=20, password="number,6")["results"]
    assert all(user["login"]["password"].isdigit() for user in results)
    assert all(len(user["login"]["password"]) == 6 for user in results)


def test_noinfo(users_json: UsersJson) -> None:
    assert "info" not in users_json(noinfo="")
    assert "info" not in users_json(noinfo="true")
    assert "info" in users_json(noinfo="false")


def test_pictures_are_absolute_and_served(users_json: UsersJson, api_client: APIClient) -> None:
    (user,) = users_json(seed="pic")["results"]
    for url in user["picture"].values():
        assert url.startswith("http://testserver/api/avatars/")
        response = api_client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200
        assert response["Content-Type"] == "image/svg+xml"


FORMAT_TYPES = {
    "json": "application/json",
    "pretty": "application/json",
    "prettyjson": "application/json",
    "csv": "text/csv",
    "yaml": "application/yaml",
    "xml": "text/xml",
}


@pytest.mark.parametrize(("format_name", "media_type"), FORMAT_TYPES.items())
def test_format_content_types(fetch: Fetch, format_name: str, media_type: str) -> None:
    response, _ = fetch(URL, format=format_name.upper(), results=3)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{media_type}; charset=utf-8"


def test_formats_carry_the_same_users(fetch: Fetch, users_json: UsersJson) -> None:
    params = {"seed": "fmt", "results": 5, "nat": "ua,ir,us"}
    expected = users_json(**params)
    assert json.loads(fetch(URL, format="pretty", **params)[1]) == expected
    assert json.loads(fetch(URL, fmt="pretty", **params)[1]) == expected
    assert yaml.safe_load(fetch(URL, format="yaml", **params)[1]) == expected
    rows = list(csv.DictReader(io.StringIO(fetch(URL, format="csv", **params)[1].decode())))
    assert [row["name.first"] for row in rows] == [u["name"]["first"] for u in expected["results"]]
    root = ElementTree.fromstring(fetch(URL, format="xml", **params)[1])
    firsts = [element.findtext("name/first") for element in root.findall("results")]
    assert firsts == [user["name"]["first"] for user in expected["results"]]
    assert root.findtext("info/seed") == "fmt"


def test_pretty_is_indented(fetch: Fetch) -> None:
    assert fetch(URL, format="pretty")[1].startswith(b'{\n  "results": [\n    {\n')


@pytest.mark.parametrize("flag", ["dl", "download"])
def test_download(fetch: Fetch, flag: str) -> None:
    response, _ = fetch(URL, format="csv", **{flag: ""})
    assert response["Content-Disposition"] == 'attachment; filename="randomusers.csv"'


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"results": "0"}, "results"),
        ({"results": "5001"}, "results"),
        ({"results": "2.5"}, "results"),
        ({"results": "many"}, "results"),
        ({"page": "0"}, "page"),
        ({"page": "10001"}, "page"),
        ({"gender": "other"}, "gender"),
        ({"nat": "us,xx"}, "nat"),
        ({"nat": "LEGO"}, "nat"),
        ({"inc": "name,shoe"}, "inc"),
        ({"exc": "passwords"}, "exc"),
        ({"password": "emoji,8"}, "password"),
        ({"password": "upper,0"}, "password"),
        ({"password": "upper,70"}, "password"),
        ({"password": "12"}, "password"),
        ({"format": "html"}, "format"),
        ({"fmt": "toml"}, "format"),
        ({"noinfo": "maybe"}, "noinfo"),
        ({"seed": "bad\x01seed"}, "seed"),
        ({"seed": "x" * 257}, "seed"),
        ({"callback": "f"}, "callback"),
        ({"reslts": "3"}, "reslts"),
    ],
)
def test_bad_parameters_are_400_naming_them(
    fetch: Fetch, params: dict[str, str], field: str
) -> None:
    response, _ = fetch(URL, **params)
    assert error_fields(response) == {field}


def test_repeated_or_aliased_twice_is_400(auth_client: APIClient) -> None:
    assert error_fields(auth_client.get(f"{URL}?results=1&results=2")) == {"results"}
    assert error_fields(auth_client.get(f"{URL}?format=json&fmt=csv")) == {"format"}
    assert error_fields(auth_client.get(f"{URL}?gender=male&gender=female")) == {"gender"}
    assert error_fields(auth_client.get(f"{URL}?seed=a&seed=b")) == {"seed"}


@pytest.mark.parametrize(
    ("repeated", "joined"),
    [
        ("nat=FR&nat=de", "nat=FR,de"),
        ("nationality=fr&nationality=DE,ie", "nat=fr,de,ie"),
        ("inc=name&inc=nat", "inc=name,nat"),
        ("exc=login&exc=picture,id", "exc=login,picture,id"),
    ],
)
def test_list_parameters_may_be_repeated_or_comma_separated(
    fetch: Fetch, repeated: str, joined: str
) -> None:
    # Generated OpenAPI clients send arrays as `nat=FR&nat=DE`.
    responses = [fetch(f"{URL}?seed=lists&results=30&{query}") for query in (repeated, joined)]
    assert [response.status_code for response, _ in responses] == [200, 200]
    assert responses[0][1] == responses[1][1]


def test_a_repeated_list_parameter_still_refuses_unknown_names(auth_client: APIClient) -> None:
    assert error_fields(auth_client.get(f"{URL}?nat=FR&nat=XX")) == {"nat"}
    assert error_fields(auth_client.get(f"{URL}?nat=FR&nationality=DE")) == {"nat"}


def test_400_is_json_even_when_asking_for_csv(auth_client: APIClient) -> None:
    response = auth_client.get(f"{URL}?format=csv&results=0", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"] == "application/json"
    assert error_fields(response) == {"results"}


@pytest.mark.parametrize("path", ["/api/random-users/", "/api/random-users"])
def test_401_without_or_with_a_bad_token(api_client: APIClient, path: str) -> None:
    response = api_client.get(path)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")
    api_client.credentials(HTTP_AUTHORIZATION="Bearer not.a.token")
    assert api_client.get(path).status_code == 401


@pytest.fixture
def forced_client(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@override_settings(RANDOMUSER={"USERS_PER_5_MINUTES": 10})
def test_quota_counts_users_and_answers_429_with_retry_after(forced_client: APIClient) -> None:
    assert forced_client.get(URL, {"results": 6}).status_code == 200
    assert forced_client.get(URL, {"results": 4}).status_code == 200
    response = forced_client.get(URL, {"results": 1})
    assert response.status_code == 429
    assert response.json()["code"] == "quota_exceeded"
    assert 1 <= int(response["Retry-After"]) <= 300
    assert forced_client.get("/api/random-user/").status_code == 429


@override_settings(RANDOMUSER={"USERS_PER_5_MINUTES": 10})
def test_refused_requests_cost_nothing_and_the_window_resets(
    forced_client: APIClient, time_machine: Any
) -> None:
    time_machine.move_to("2030-01-01T00:00:10Z", tick=False)
    assert forced_client.get(URL, {"results": 8}).status_code == 200
    response = forced_client.get(URL, {"results": 5})
    assert response.status_code == 429
    assert response["Retry-After"] == "290"
    assert forced_client.get(URL, {"results": 2}).status_code == 200
    time_machine.move_to("2030-01-01T00:05:00Z", tick=False)
    assert forced_client.get(URL, {"results": 10}).status_code == 200


@override_settings(RANDOMUSER={"USERS_PER_5_MINUTES": 5})
def test_quota_is_per_user(forced_client: APIClient, django_user_model: Any) -> None:
    assert forced_client.get(URL, {"results": 5}).status_code == 200
    other = APIClient()
    other.force_authenticate(django_user_model.objects.create_user(username="bob"))
    assert other.get(URL, {"results": 5}).status_code == 200
    assert forced_client.get(URL, {"results": 1}).status_code == 429
