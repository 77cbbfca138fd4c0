"""The course's ``GET /random-user``: the card, with short plain-text error bodies.

The course's AngularJS client shows an error body in an alert, where JSON would read
"[object Object]".
"""

from typing import Any

from django.http import HttpResponse
from drf_spectacular.utils import extend_schema

from randomuser import openapi
from randomuser.views import RandomUserViewSet

# Headers of an error response worth keeping on its plain-text version.
KEPT_HEADERS = ("WWW-Authenticate", "Retry-After")


class PlainTextErrorsMixin:
    """Answer errors with their ``detail`` message as ``text/plain`` instead of JSON."""

    def handle_exception(self, exc: Exception) -> Any:
        response = super().handle_exception(exc)  # type: ignore[misc]
        data: Any = getattr(response, "data", None)
        message = data.get("detail", "Error") if isinstance(data, dict) else "Error"
        plain = HttpResponse(
            str(message), status=response.status_code, content_type="text/plain; charset=utf-8"
        )
        for header in KEPT_HEADERS:
            if header in response:
                plain[header] = response[header]
        return plain


class CourseRandomUserViewSet(PlainTextErrorsMixin, RandomUserViewSet):
    """``GET /random-user``: a card, as the course's server answered it."""

    @extend_schema(
        operation_id="course_random_user_card",
        summary="The course's random user",
        parameters=openapi.CARD_PARAMETERS,
        responses=openapi.COURSE_CARD_RESPONSES,
        tags=openapi.TAGS,
    )
    def list(self, *args: Any, **kwargs: Any) -> Any:
        return super().list(*args, **kwargs)
