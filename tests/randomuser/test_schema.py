"""The OpenAPI schema documents every parameter, format and error of the random-user API.

The parameters are generated from the query serializers; the tests below hold the schema to
the validation: what the schema admits is accepted, what it refuses is refused.
"""

import re
from typing import Any
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, given, settings, strategies
from rest_framework.serializers import Serializer

from randomuser.serializers import CardQuerySerializer, UsersQuerySerializer


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    generated: dict[str, Any] = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(generated)
    return generated


def test_users_parameters_and_formats(schema: dict[str, Any]) -> None:
    operation = schema["paths"]["/api/random-users/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names == {
        "results", "page", "seed", "gender", "nat", "inc", "exc", "password", "noinfo", "format",
        "dl",
    }  # fmt: skip
    content = operation["responses"]["200"]["content"]
    assert set(content) == {"application/json", "text/csv", "application/yaml", "text/xml"}
    assert content["application/yaml"]["schema"] == content["application/json"]["schema"]
    assert {"400", "401", "429"} <= set(operation["responses"])


def test_card_routes_are_documented_once_each(schema: dict[str, Any]) -> None:
    paths = schema["paths"]
    assert "/api/random-user/" in paths and "/api/random-user" not in paths
    course = paths["/random-user/"]["get"]["responses"]
    assert set(course["401"]["content"]) == {"text/plain"}
    avatar = paths["/api/avatars/{size}/{colour}/{initials}.svg"]["get"]
    assert set(avatar["responses"]["200"]["content"]) == {"image/svg+xml"}
    assert all(not requirement for requirement in avatar.get("security", []))
    assert paths["/api/random-users/"]["get"]["security"] == [{"jwtAuth": []}]


def test_user_fields_are_optional_because_inc_and_exc_choose_them(schema: dict[str, Any]) -> None:
    components = schema["components"]["schemas"]
    assert "required" not in components["RandomUser"]
    assert components["RandomUserList"]["required"] == ["results"]
    assert set(components["RandomUserName"]["required"]) == {"title", "first", "last"}


def test_one_error_and_one_validation_error_component(schema: dict[str, Any]) -> None:
    components = set(schema["components"]["schemas"])
    assert {name for name in components if "Error" in name} == {"Error", "ValidationError"}


def query_parameters(schema: dict[str, Any], path: str) -> dict[str, dict[str, Any]]:
    operation = schema["paths"][path]["get"]
    return {parameter["name"]: parameter["schema"] for parameter in operation["parameters"]}


def admitted_and_refused(spec: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """Return the edge values a parameter's schema admits, and some it refuses."""
    if spec.get("type") == "integer":
        low, high = spec["minimum"], spec["maximum"]
        return [low, high], [low - 1, high + 1]
    if spec.get("type") == "boolean":
        return ["true", "false"], ["maybe"]
    if spec.get("type") == "array":
        return [spec["items"]["enum"]], [["nope"]]
    if "enum" in spec:
        return spec["enum"], ["nope"]
    return [], []  # Patterns: see `test_strings_the_schema_admits_are_accepted`.


def accepts(serializer: type[Serializer[Any]], name: str, value: Any) -> bool:
    query = QueryDict(urlencode({name: value}, doseq=True))
    return bool(serializer(data=query).is_valid())


def test_every_bound_and_choice_of_the_schema_is_the_validations(schema: dict[str, Any]) -> None:
    checked = 0
    for name, spec in query_parameters(schema, "/api/random-users/").items():
        admitted, refused = admitted_and_refused(spec)
        assert all(accepts(UsersQuerySerializer, name, value) for value in admitted), name
        assert not any(accepts(UsersQuerySerializer, name, value) for value in refused), name
        checked += bool(admitted)
    assert checked == 9  # All but the two patterned strings.


PATTERNED = [
    ("/api/random-users/", UsersQuerySerializer, "password"),
    ("/api/random-users/", UsersQuerySerializer, "seed"),
    ("/api/random-user/", CardQuerySerializer, "seed"),
]


def pattern_and_length(spec: dict[str, Any]) -> tuple[str, int]:
    string = spec["oneOf"][0] if "oneOf" in spec else spec  # "oneOf": the pattern, or empty
    return string["pattern"], string["maxLength"]


@pytest.mark.parametrize(("path", "serializer", "name"), PATTERNED)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=strategies.data())
def test_strings_the_schema_admits_are_accepted(
    schema: dict[str, Any],
    path: str,
    serializer: type[Serializer[Any]],
    name: str,
    data: strategies.DataObject,
) -> None:
    pattern, max_length = pattern_and_length(query_parameters(schema, path)[name])
    admitted = strategies.from_regex(pattern, fullmatch=True).filter(
        lambda value: len(value) <= max_length
    )
    assert accepts(serializer, name, data.draw(admitted))


@settings(max_examples=100, deadline=None)
@given(seed=strategies.text(max_size=20))
def test_seeds_the_schema_refuses_are_refused(schema: dict[str, Any], seed: str) -> None:
    pattern, _ = pattern_and_length(query_parameters(schema, "/api/random-users/")["seed"])
    admitted = seed == "" or re.fullmatch(pattern, seed) is not None
    assert accepts(UsersQuerySerializer, "seed", seed) == admitted
