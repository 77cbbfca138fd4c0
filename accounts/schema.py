"""OpenAPI helpers for drf-spectacular."""

from typing import Any

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny, IsAuthenticated

from accounts.shared import ErrorSerializer, ValidationErrorSerializer

BODY_METHODS = {"POST", "PUT", "PATCH"}
# What each error status means when the view's own code is not what answers it.
IMPLIED_ERRORS = {
    400: "The body is not valid JSON, or a field is invalid (`errors` says which).",
    401: "The access token is missing, invalid, expired or revoked.",
    403: "Not allowed: a permission or the CSRF check failed.",
    413: "The request body is too large.",
    415: "The body is not `application/json`.",
    429: "Too many requests; the `Retry-After` header says when to try again.",
}


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


class JWTAuthenticationScheme(SimpleJWTScheme):
    """Document `accounts.authentication.JWTAuthentication` as HTTP Bearer (Swagger's Authorize)."""

    target_class = "accounts.authentication.JWTAuthentication"


class AutoSchema(SpectacularAutoSchema):
    """Declare the errors an operation answers because of how its view is built.

    A view with authenticators answers 401 to a bad token, a body is refused with 400, 413
    or 415, a throttled view answers 429: every operation declares these without listing
    them. The summary defaults to the first line of the view's docstring. Install with
    `REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"] = "accounts.schema.AutoSchema"`.
    """

    def get_summary(self) -> str | None:
        summary = super().get_summary()
        return summary or self.get_description().split("\n", 1)[0].strip() or None

    def implied_error_statuses(self) -> set[int]:
        """Return the error statuses this operation can answer whatever its own code does."""
        view: Any = self.view
        statuses = set()
        if self.method in BODY_METHODS and self.get_request_serializer() is not None:
            statuses |= {400, 413, 415}
        authenticators = view.get_authenticators()
        if authenticators:
            statuses.add(401)
        if self.method in BODY_METHODS and any(
            isinstance(authenticator, SessionAuthentication) for authenticator in authenticators
        ):
            statuses.add(403)
        if any(
            not isinstance(permission, (AllowAny, IsAuthenticated))
            for permission in view.get_permissions()
        ):
            statuses.add(403)
        if view.get_throttles():
            statuses.add(429)
        return statuses

    def _get_response_bodies(self, direction: Any = "response") -> Any:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        plain_text = any(
            set(response.get("content", {})) == {"text/plain"}
            for code, response in responses.items()
            if code.startswith("4")
        )
        for status in sorted(self.implied_error_statuses()):
            if str(status) in responses:
                continue
            if plain_text:
                body: Any = OpenApiTypes.STR
            else:
                body = ValidationErrorSerializer if status == 400 else ErrorSerializer
            response = OpenApiResponse(body, description=IMPLIED_ERRORS[status])
            media_type = "text/plain" if plain_text else "application/json"
            responses[str(status)] = self._get_response_for_code(  # type: ignore[no-untyped-call]
                response, str(status), [media_type], direction
            )
        return dict(sorted(responses.items()))
