"""The course's `GET /random-user`: the card, with short plain-text error bodies.

The course's AngularJS client shows an error body in an alert, where JSON would read
"[object Object]".
"""

from typing import Any

from drf_spectacular.utils import extend_schema

from accounts.shared import PlainTextErrorsMixin
from randomuser import openapi
from randomuser.serializers import CardQuerySerializer
from randomuser.views import RandomUserViewSet


class CourseRandomUserViewSet(PlainTextErrorsMixin, RandomUserViewSet):
    """`GET /random-user`: a card, as the course's server answered it."""

    @extend_schema(
        operation_id="course_random_user_card",
        summary="The course's random user",
        parameters=[CardQuerySerializer],
        responses=openapi.COURSE_CARD_RESPONSES,
        tags=openapi.TAGS,
    )
    def list(self, *args: Any, **kwargs: Any) -> Any:
        return super().list(*args, **kwargs)
