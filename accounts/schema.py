"""OpenAPI helpers for drf-spectacular."""

from typing import Any

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme


def drop_slashless_routes(endpoints: list[tuple[Any, ...]], **kwargs: Any) -> list[tuple[Any, ...]]:
    """Document each route once: keep `/x/`, drop its slashless twin `/x`.

    Install with SPECTACULAR_SETTINGS["PREPROCESSING_HOOKS"].
    """
    paths = {endpoint[0] for endpoint in endpoints}
    return [
        endpoint
        for endpoint in endpoints
        if endpoint[0].endswith("/") or f"{endpoint[0]}/" not in paths
    ]


class JWTAuthenticationScheme(SimpleJWTScheme):  # type: ignore[no-untyped-call]
    """Document `accounts.authentication.JWTAuthentication` as HTTP Bearer (Swagger's Authorize)."""

    target_class = "accounts.authentication.JWTAuthentication"
