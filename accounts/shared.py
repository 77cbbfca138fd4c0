"""What other apps of a project share with `accounts`: routes, error bodies and their schema.

This module is public and stable: `randomuser` imports it, and only it. It holds the
slash-tolerant routes, the plain-text errors of the course's routes, the serializers that
document the error bodies of `accounts.exceptions.exception_handler`, the cache `counters`
behind limits and quotas, and typed settings namespaces with their system check.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error
from django.http import HttpResponse, HttpResponseBase, JsonResponse
from django.urls import URLPattern, path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import renderers, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import counters as counters  # Re-exported: limits and quotas count with it.
from accounts.conf import Namespace as Namespace  # Re-exported: settings namespaces.
from accounts.conf import Setting as Setting


def with_and_without_slash(route: str, view: Callable[..., Any], name: str) -> list[URLPattern]:
    """Route `route/` (named, canonical) and `route` to the same view.

    Never a redirect: a browser cannot follow one on a CORS-preflighted request.
    """
    return [path(f"{route}/", view, name=name), path(route, view)]


class ErrorSerializer(serializers.Serializer[Any]):
    """The body of every error: `{detail, code}`."""

    detail = serializers.CharField(read_only=True, help_text="What went wrong, for people.")
    code = serializers.CharField(read_only=True, help_text="A stable snake_case code.")


class ValidationErrorSerializer(ErrorSerializer):
    """The body of a 400: `{detail, code, errors}`."""

    # The metaclass moves declared fields out of the class: `Serializer.errors` is untouched.
    errors = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        required=False,  # A body that is not JSON at all has no field errors.
        help_text="Messages per field or parameter (`non_field_errors` for the body as a whole).",
    )


def error_responses(*statuses: int) -> dict[int, type[ErrorSerializer]]:
    """Document the JSON error bodies these statuses answer with.

    Only a view's own errors: `accounts.schema.AutoSchema` adds those its build implies
    (400, 413 and 415 for a body, 401 for authenticators, 429 for throttles).
    """
    return {
        status_code: ValidationErrorSerializer if status_code == 400 else ErrorSerializer
        for status_code in statuses
    }


PLAIN_TEXT_ERROR = OpenApiResponse(OpenApiTypes.STR, description="A short plain-text message.")


def plain_text_error_responses(*statuses: int) -> dict[tuple[int, str], OpenApiResponse]:
    """Document the plain-text error bodies of a course route."""
    return {(status_code, "text/plain"): PLAIN_TEXT_ERROR for status_code in statuses}


class PlainTextRenderer(renderers.BaseRenderer):
    media_type = "text/plain"
    format = "txt"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        return str(data).encode(self.charset)


class PlainTextErrorsMixin(APIView):
    """Answer errors with their message as `text/plain`, keeping status and headers.

    The course's client shows an error body in an alert, where JSON would read
    "[object Object]".
    """

    def error_text(self, exc: Exception, data: Any) -> str:
        return str(data.get("detail", "Error")) if isinstance(data, dict) else "Error"

    def handle_exception(self, exc: Exception) -> Response:
        response = super().handle_exception(exc)
        response.data = self.error_text(exc, response.data)
        self.request.accepted_renderer = PlainTextRenderer()
        self.request.accepted_media_type = PlainTextRenderer.media_type
        return response


def error_response(view: Any, status: int, detail: str, code: str) -> HttpResponseBase:
    """Answer an error outside DRF in the format of `view`: plain text on the course's routes."""
    view_class = getattr(view, "cls", None)  # Set by DRF on views and viewsets alike.
    if isinstance(view_class, type) and issubclass(view_class, PlainTextErrorsMixin):
        return HttpResponse(detail, status=status, content_type="text/plain; charset=utf-8")
    return JsonResponse({"detail": detail, "code": code}, status=status)


# What Django passes a system check: the apps to check, or None for all of them.
Apps = Sequence[AppConfig] | None


@dataclass(frozen=True)
class SettingRule:
    """The values of `keys` must pass `valid`; else an `Error` with `id`, saying `must`."""

    keys: tuple[str, ...]
    valid: Callable[[Any], bool]
    must: str
    hint: str
    id: str


def check_namespace(
    namespace: Namespace, rules: Iterable[SettingRule], *, app: str
) -> list[CheckMessage]:
    """Check `settings.<namespace>`: a dict (`<app>.E001`), known keys (`E002`), `rules`."""
    name = namespace.namespace
    configured = getattr(settings, name, {})
    if not isinstance(configured, dict):
        return [Error(f"{name} must be a dict.", hint=f"Set {name} = {{...}}.", id=f"{app}.E001")]
    known = type(namespace).known()
    hint = f"Known settings: {', '.join(sorted(known))}."
    unknown = [key for key in configured if key not in known]
    return [
        *(
            Error(f"Unknown {name} setting {key!r}.", hint=hint, id=f"{app}.E002")
            for key in unknown
        ),
        *(
            Error(f"{name}[{key!r}] {rule.must}.", hint=rule.hint, id=rule.id)
            for rule in rules
            for key in rule.keys
            if not rule.valid(getattr(namespace, key))
        ),
    ]


def non_negative_integer(value: object) -> bool:
    """Return whether `value` is an `int` (not a `bool`) of 0 or more."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
