"""The OpenAPI schema documents every parameter, format and error of the random-user API."""

from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema


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
